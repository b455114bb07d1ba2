{{%AUTOESCAPE context="XML"}}
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{{LANG}}">
<title>{{FEED_TITLE}}</title>
<subtitle>{{SUBTITLE}}</subtitle>
<id>{{FEED_ID}}</id>
<updated>{{UPDATED}}</updated>
<link rel="self" type="application/atom+xml" href="{{SELF}}"/>
<link rel="alternate" type="text/html" href="{{ALT}}"/>
<author><name>{{AUTHOR}}</name></author>
{{#EMPTY}}<!-- {{NOTE}} -->
{{/EMPTY}}{{#ENTRY}}<entry>
<title>{{TITLE}}</title>
<id>{{ID}}</id>
<updated>{{UPDATED}}</updated>
<link rel="alternate" type="text/html" href="{{HREF}}"/>
<summary>{{SUMMARY}}</summary>
</entry>
{{/ENTRY}}</feed>
