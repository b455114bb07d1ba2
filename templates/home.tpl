{{%AUTOESCAPE context="HTML"}}
<section class="hero">
<div class="wrap">
<h1>{{L_HOME_HEADING}}</h1>
<p class="lead">{{L_HOME_INTRO}}</p>
<p><a class="button" href="/{{LANG}}/network">{{L_HOME_ABOUT_LINK}}</a></p>
</div>
</section>
<div class="wrap">
<dl class="figures">
<div><dt>{{L_FIG_MEMBERS}}</dt><dd>{{N_MEMBERS}}{{#LIKELY}} <span class="small">({{L_FIG_LIKELY}} {{N_LIKELY}}{{>LIKELY_DOUBT}})</span>{{/LIKELY}}</dd></div>
<div><dt>{{L_FIG_PLANS}}</dt><dd>{{N_PLANS}}</dd></div>
<div><dt>{{L_FIG_COMMITMENTS}}</dt><dd>{{N_COMMITMENTS}}</dd></div>
</dl>
{{#CURRENT}}
<section aria-labelledby="current-h">
<h2 id="current-h">{{L_CURRENT_PLAN}}</h2>
<article class="card">
<h3><a href="/{{LANG}}/plans/{{NUMBER}}" lang="{{PLAN_TITLE_LANG}}">{{PLAN_TITLE}}</a></h3>
<p>{{PERIOD}} · {{STATUS}}{{#STATUS_MISSING}}{{L_NOT_RECORDED}}{{/STATUS_MISSING}} · {{N}} {{L_COMMITMENTS_LC}}</p>
<p>{{L_PLAN_PROGRESS}}: {{>PROGRESS}}</p>
{{>HEADLINE}}
<p class="small"><a href="/{{LANG}}/plans/{{NUMBER}}#how">{{L_HOW_CALCULATED}}</a></p>
</article>
</section>
{{/CURRENT}}
<section aria-labelledby="events-h">
<h2 id="events-h">{{L_UPCOMING_EVENTS}}</h2>
<p class="small"><a href="/{{LANG}}/events/calendar.ics" type="text/calendar">{{L_CALENDAR_ALL}}</a> · <a href="{{FEED}}" type="application/atom+xml">{{L_SUBSCRIBE_SITE}}</a></p>
{{#NO_UPCOMING}}<p>{{L_NO_UPCOMING}} <a href="/{{LANG}}/events">{{L_SEE_PAST_EVENTS}}</a></p>{{/NO_UPCOMING}}
{{#HAS_UPCOMING}}<ul class="events">{{#EVENT}}
<li><a href="/{{LANG}}/events/{{ID}}" lang="{{TITLE_LANG}}">{{TITLE}}</a> <span class="small">{{>WHEN}}</span></li>{{/EVENT}}
</ul>{{/HAS_UPCOMING}}
</section>
<section aria-labelledby="plans-h">
<h2 id="plans-h">{{L_ALL_PLANS}}</h2>
<ul class="cards">{{#PLAN}}
<li class="card"><h3><a href="/{{LANG}}/plans/{{NUMBER}}" lang="{{PLAN_TITLE_LANG}}">{{PLAN_TITLE}}</a></h3>
<p>{{PERIOD}} · {{N}} {{L_COMMITMENTS_LC}}</p><p>{{>PROGRESS}}</p>{{>HEADLINE}}</li>{{/PLAN}}
</ul>
</section>
{{>FOLLOW}}
</div>
