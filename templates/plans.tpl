{{%AUTOESCAPE context="HTML"}}
<div class="wrap">
<h1>{{L_PLANS_HEADING}}</h1>
<p class="lead">{{L_PLANS_INTRO}}</p>
<ul class="cards">{{#PLAN}}
<li class="card">
<h2><a href="/{{LANG}}/plans/{{NUMBER}}" lang="{{PLAN_TITLE_LANG}}">{{PLAN_TITLE}}</a></h2>
<p>{{PERIOD}} · {{STATUS}}{{#STATUS_MISSING}}{{L_NOT_RECORDED}}{{/STATUS_MISSING}} · {{N}} {{L_COMMITMENTS_LC}}</p>
<p>{{L_PLAN_PROGRESS}}: {{>PROGRESS}}</p>
{{>HEADLINE}}
</li>{{/PLAN}}
</ul>
<p class="small"><a href="/{{LANG}}/plans/1#how">{{L_HOW_CALCULATED}}</a></p>
</div>
