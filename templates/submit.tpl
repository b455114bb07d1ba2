{{%AUTOESCAPE context="HTML"}}
<div class="wrap narrow">
<h1>{{HEADING}}</h1>
<p class="lead" role="alert">{{MESSAGE}}</p>
{{#POW}}<p id="pow-status" class="pow-status" role="status" data-working="{{L_POW_WORKING}}" data-done="{{L_POW_DONE}}">{{L_POW_WAIT_BEFORE}} {{SECONDS}} {{L_POW_WAIT_AFTER}}</p>
<script src="/static/pow.js" defer></script>{{/POW}}
{{>FORM}}
<p><a href="{{BACK}}">{{L_BACK}}</a></p>
</div>
