{{%AUTOESCAPE context="HTML"}}
<div class="wrap">
<nav class="crumbs" aria-label="{{L_BREADCRUMB}}"><a href="/{{LANG}}/events">{{L_NAV_EVENTS}}</a> › <span aria-current="page">{{SHORT}}</span></nav>
<p class="kicker">{{KIND}}</p>
<h1 lang="{{TITLE_LANG}}">{{TITLE}}</h1>
{{#TITLE_FALLBACK}}<p class="fallback">{{L_ONLY_OTHER_LANG}}</p>{{/TITLE_FALLBACK}}
<dl class="facts">
<div><dt>{{L_WHEN}}</dt><dd>{{>WHEN}}{{>DATE_DOUBT}}{{#CALENDAR}} · <a href="/{{LANG}}/events/{{ID}}/calendar.ics" type="text/calendar">{{L_CALENDAR_ONE}}</a>{{/CALENDAR}}</dd></div>
<div><dt>{{L_STATUS}}</dt><dd>{{#HELD}}{{STATUS}}{{/HELD}}{{#STATUS_MISSING}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/STATUS_MISSING}}</dd></div>
<div><dt>{{L_WHERE}}</dt><dd>{{#PLACE}}<span lang="{{PLACE_LANG}}">{{PLACE_TEXT}}</span>{{/PLACE}}{{#ONLINE}}{{L_ONLINE}}{{/ONLINE}}{{#NO_PLACE}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/NO_PLACE}}</dd></div>
<div><dt>{{L_ORGANISER}}</dt><dd>{{#ORG}}{{#ORG_SEP}}, {{/ORG_SEP}}<a href="/{{LANG}}/members/{{ORG_SLUG}}" lang="{{ORG_NAME_LANG}}">{{ORG_NAME}}</a>{{/ORG}}{{#ALSO}}; {{L_ALSO_NAMED}} {{OTHERS}}{{/ALSO}}{{ORGANISER}}{{#ORGANISER_MISSING}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/ORGANISER_MISSING}}</dd></div>
{{#PLAN}}<div><dt>{{L_EVENT_PLAN}}</dt><dd><a href="/{{LANG}}/plans/{{PLAN_NUMBER}}" lang="{{PLAN_TITLE_LANG}}">{{PLAN_TITLE}}</a></dd></div>{{/PLAN}}
<div><dt>{{L_MORE_INFO}}</dt><dd>{{#URL}}<a href="{{URL_HREF}}" rel="external">{{URL_LABEL}}</a>{{>URL_STATE}}{{/URL}}{{#NO_URL}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/NO_URL}}</dd></div>
</dl>
{{#DESC_P}}<p lang="{{DESC_LANG}}">{{TEXT}}</p>{{/DESC_P}}
{{#DESC_FALLBACK}}<p class="fallback">{{L_ONLY_OTHER_LANG}}</p>{{/DESC_FALLBACK}}
{{#CMTS}}<h2>{{L_COMMITMENTS}}</h2><ul>{{#CMT}}<li><a href="/{{LANG}}/commitments/{{OGP_ID}}">{{OGP_ID}} — <span lang="{{C_TITLE_LANG}}">{{C_TITLE}}</span></a>{{#C_TITLE_FALLBACK}} <span class="fallback">{{L_ONLY_OTHER_LANG_SHORT}}</span>{{/C_TITLE_FALLBACK}}</li>{{/CMT}}</ul>{{/CMTS}}
{{#HAS_LINKS}}<h2>{{L_SOURCES}}</h2><ul>{{#LINK}}<li>{{#A}}<a href="{{URL}}" rel="external">{{LABEL}}</a>{{/A}}{{#WITHDRAWN}}{{LABEL}} <span class="withdrawn">({{L_WITHDRAWN_ON}} <time datetime="{{ON_ISO}}">{{ON}}</time>)</span>{{/WITHDRAWN}}{{>LINKSTATE}}</li>{{/LINK}}</ul>{{/HAS_LINKS}}
</div>
