{{%AUTOESCAPE context="HTML"}}
<div class="wrap narrow">
<h1>{{HEADING}}</h1>
<p class="lead">{{MESSAGE}}</p>
{{#CONSULTATIONS}}<p><a href="/{{LANG}}/consultations">{{L_SEE_CONSULTATIONS}}</a></p>{{/CONSULTATIONS}}
</div>
