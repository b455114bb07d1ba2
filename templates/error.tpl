{{%AUTOESCAPE context="HTML"}}
<div class="wrap narrow">
<h1>{{HEADING}}</h1>
<p class="lead">{{MESSAGE}}</p>
{{#ALLOW}}<p>{{L_ERR_ALLOWED}} {{METHODS}}</p>{{/ALLOW}}
<ul>
<li><a href="/{{LANG}}/">{{L_NAV_HOME}}</a></li>
<li><a href="/{{LANG}}/plans">{{L_NAV_PLANS}}</a></li>
<li><a href="/{{LANG}}/network">{{L_NAV_NETWORK}}</a></li>
</ul>
</div>
