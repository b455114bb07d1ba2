{{%AUTOESCAPE context="HTML"}}
<div class="wrap narrow">
<h1>{{HEADING}}</h1>
<p class="lead">{{MESSAGE}}</p>
{{#BUTTON}}<form method="post" action="{{ACTION}}"><p><button type="submit">{{LABEL}}</button></p></form>{{/BUTTON}}
<p><a href="/{{LANG}}/consultations">{{L_SEE_CONSULTATIONS}}</a></p>
</div>
