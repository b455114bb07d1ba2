{{%AUTOESCAPE context="HTML"}}
<div class="wrap narrow">
<h1>{{HEADING}}</h1>
<p class="lead" role="alert">{{MESSAGE}}</p>
{{>FORM}}
<p><a href="{{BACK}}">{{L_BACK}}</a></p>
</div>
