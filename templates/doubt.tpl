{{%AUTOESCAPE context="HTML"}}
<a class="doubt" href="/{{LANG}}/data#confidence" title="{{TITLE}}">{{WORD}}</a>