{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} · {{L_SITE_SHORT}}</title>
<meta name="description" content="{{L_SITE_DESCRIPTION}}">
<link rel="stylesheet" href="/static/style.css">
<link rel="canonical" href="{{CANONICAL}}">
<link rel="alternate" hreflang="pt" href="{{URL_PT}}">
<link rel="alternate" hreflang="en" href="{{URL_EN}}">
<meta property="og:title" content="{{TITLE}}">
<meta property="og:type" content="website">
<meta property="og:url" content="{{CANONICAL}}">
<meta property="og:description" content="{{L_SITE_DESCRIPTION}}">
<meta property="og:locale" content="{{OG_LOCALE}}">
<meta property="og:site_name" content="{{L_SITE_NAME}}">
{{#FEED}}<link rel="alternate" type="application/atom+xml" title="{{FEED_TITLE}}" href="{{HREF}}">{{/FEED}}
{{#ALTERNATE}}<link rel="alternate" type="{{TYPE}}" href="{{HREF}}">{{/ALTERNATE}}
</head>
<body>
<a class="skip" href="#main">{{L_SKIP}}</a>
<header class="site">
<div class="wrap bar">
<a class="brand" href="/{{LANG}}/"><span class="brand-mark" aria-hidden="true">RNAA</span> <span>{{L_SITE_NAME}}</span></a>
<a class="lang" href="{{OTHER_PATH}}" hreflang="{{OTHER}}" lang="{{OTHER}}">{{L_OTHER_LANG_NAME}}</a>
<form class="site-search" role="search" method="get" action="/{{LANG}}/search" aria-label="{{L_SEARCH_LABEL}}"><label class="site-search-label" for="site-q">{{L_SEARCH_LABEL}}</label> <input id="site-q" type="search" name="q" maxlength="200"> <button type="submit">{{L_SEARCH}}</button></form>
</div>
<nav class="wrap" aria-label="{{L_NAV_MAIN}}">
<ul>
<li><a href="/{{LANG}}/" aria-current="{{NAV_HOME}}">{{L_NAV_HOME}}</a></li>
<li><a href="/{{LANG}}/network" aria-current="{{NAV_NETWORK}}">{{L_NAV_NETWORK}}</a></li>
<li><a href="/{{LANG}}/plans" aria-current="{{NAV_PLANS}}">{{L_NAV_PLANS}}</a></li>
<li><a href="/{{LANG}}/consultations" aria-current="{{NAV_CONSULT}}">{{L_NAV_CONSULT}}</a></li>
<li><a href="/{{LANG}}/events" aria-current="{{NAV_EVENTS}}">{{L_NAV_EVENTS}}</a></li>
<li><a href="/{{LANG}}/ogp" aria-current="{{NAV_OGP}}">{{L_NAV_OGP}}</a></li>
</ul>
</nav>
</header>
<main id="main" tabindex="-1">
{{>BODY}}
{{#DATA_LINKS}}<div class="wrap"><p class="data-links small">{{L_DATA_THIS_PAGE}} <a href="{{JSON}}" type="application/json">JSON</a> · <a href="{{CSV}}" type="text/csv">CSV</a> · <a href="/{{LANG}}/data">{{L_DATA_ABOUT}}</a></p></div>{{/DATA_LINKS}}
</main>
<footer class="site">
<div class="wrap">
<p>{{L_FOOTER_ABOUT}}</p>
<ul class="inline">
<li><a href="/{{LANG}}/accessibility">{{L_NAV_ACCESSIBILITY}}</a></li>
<li><a href="/{{LANG}}/data">{{L_NAV_DATA}}</a></li>
<li><a href="/{{LANG}}/privacy">{{L_NAV_PRIVACY}}</a></li>
<li><a href="/{{LANG}}/ogp">{{L_NAV_OGP}}</a></li>
<li><a href="mailto:ogp@ama.pt">ogp@ama.pt</a></li>
</ul>
<p class="small">{{L_FOOTER_SOURCES}}</p>
</div>
</footer>
</body>
</html>
