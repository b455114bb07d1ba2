{{%AUTOESCAPE context="HTML"}}
<div class="wrap">
<h1>{{L_EVENTS_HEADING}}</h1>
<p class="lead">{{L_EVENTS_INTRO}}</p>
<p><a href="/{{LANG}}/events/calendar.ics" type="text/calendar">{{L_CALENDAR_ALL}}</a></p>
<section aria-labelledby="up-h">
<h2 id="up-h">{{L_UPCOMING_EVENTS}}</h2>
{{#NO_UPCOMING}}<p>{{L_NO_UPCOMING}}</p>{{/NO_UPCOMING}}
{{#HAS_UPCOMING}}<ul class="events">{{#UP}}
<li><a href="/{{LANG}}/events/{{ID}}" lang="{{TITLE_LANG}}">{{TITLE}}</a>{{#TITLE_FALLBACK}} <span class="fallback">{{L_ONLY_OTHER_LANG_SHORT}}</span>{{/TITLE_FALLBACK}} <span class="tag">{{KIND}}</span>{{#HELD}} <span class="tag">{{STATUS}}</span>{{/HELD}}<br><span class="small">{{>WHEN}}{{>DATE_DOUBT}}</span></li>{{/UP}}
</ul>{{/HAS_UPCOMING}}
</section>
<section aria-labelledby="past-h">
<h2 id="past-h">{{L_PAST_EVENTS}}</h2>
{{#YEAR}}
<h3>{{YEAR_LABEL}}</h3>
<ul class="events">{{#EV}}
<li><a href="/{{LANG}}/events/{{ID}}" lang="{{TITLE_LANG}}">{{TITLE}}</a>{{#TITLE_FALLBACK}} <span class="fallback">{{L_ONLY_OTHER_LANG_SHORT}}</span>{{/TITLE_FALLBACK}} <span class="tag">{{KIND}}</span>{{#HELD}} <span class="tag">{{STATUS}}</span>{{/HELD}}<br><span class="small">{{>WHEN}}{{>DATE_DOUBT}}</span></li>{{/EV}}
</ul>
{{/YEAR}}
</section>
</div>
