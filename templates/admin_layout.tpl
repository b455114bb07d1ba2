{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="pt">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{{TITLE}} · Administração · Administração Aberta</title>
<link rel="stylesheet" href="/static/style.css">
</head>
<body class="admin">
<a class="skip" href="#main">Saltar para o conteúdo</a>
<header class="site">
<div class="wrap bar">
<a class="brand" href="/admin/"><span class="brand-mark" aria-hidden="true">RNAA</span> <span>Administração</span></a>
{{#ME}}<form class="inline-form" method="post" action="/admin/logout"><span>{{NAME}} ({{ROLE}})</span> <input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Sair</button></form>{{/ME}}
</div>
{{#NAV}}<nav class="wrap" aria-label="Administração">
<ul>
{{#ITEM}}<li><a href="{{HREF}}" aria-current="{{CURRENT}}">{{LABEL}}</a></li>{{/ITEM}}
<li><a href="/pt/">Sítio público</a></li>
</ul>
</nav>{{/NAV}}
</header>
<main id="main" tabindex="-1">
<div class="wrap">
{{#FLASH}}<p class="flash" role="status">{{TEXT}}</p>{{/FLASH}}
{{>BODY}}
</div>
</main>
</body>
</html>
