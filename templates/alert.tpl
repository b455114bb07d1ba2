{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{SUBJECT}}</title>
</head>
<body>
<h1>{{L_ALERT_HEADING}}</h1>
{{#SECTION}}<h2><a href="{{THING_HREF}}">{{THING}}</a></h2>
<ul>
{{#ITEM}}<li><p><a href="{{HREF}}">{{TITLE}}</a>{{#HAS_AS_OF}} ({{AS_OF}}{{#HAS_CONFIDENCE}}, {{CONFIDENCE}}{{/HAS_CONFIDENCE}}){{/HAS_AS_OF}}<br>
{{WHEN}}{{#HAS_EVIDENCE}}. <a href="{{EVIDENCE}}">{{EVIDENCE_LABEL}}</a>{{/HAS_EVIDENCE}}</p></li>
{{/ITEM}}</ul>
{{#MORE}}<p>{{L_ALERT_MORE}} {{MORE_N}}: <a href="{{THING_HREF}}">{{THING}}</a></p>
{{/MORE}}{{/SECTION}}<hr>
<p>{{L_ALERT_WHY}}</p>
<ul>
{{#WHY}}<li>{{WHY_NAME}} ({{WHY_FREQ}})</li>
{{/WHY}}</ul>
<p>{{L_ALERT_MANAGE}} <a href="{{MANAGE_HREF}}">{{MANAGE_HREF}}</a></p>
<p>{{L_ALERT_STOP}} <a href="{{STOP_HREF}}">{{STOP_HREF}}</a></p>
<p>{{L_ALERT_NO_TRACKING}}</p>
</body>
</html>
