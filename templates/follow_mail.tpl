{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="{{MAIL_LANG}}">
<head>
<meta charset="utf-8">
<title>{{SUBJECT}}</title>
</head>
<body>
<p>{{HELLO}}</p>
<p>{{ASKED}}</p>
<p><a href="{{THING_URL}}">{{THING}}</a></p>
<p>{{HOW}}</p>
<p>{{ACT}}</p>
<p><a href="{{ACT_URL}}">{{ACT_URL}}</a></p>
{{#IGNORE}}<p>{{TEXT}}</p>{{/IGNORE}}
<hr>
<p><a href="{{SITE_URL}}/{{MAIL_LANG}}/">{{SITE_NAME}}</a></p>
</body>
</html>
