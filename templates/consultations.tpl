{{%AUTOESCAPE context="HTML"}}
<div class="wrap">
<h1>{{L_NAV_CONSULT}}</h1>
<p class="lead">{{L_CONSULT_INTRO}}</p>
<section aria-labelledby="site-h">
<h2 id="site-h">{{L_ONSITE_HEADING}}</h2>
{{#NONE}}<p class="unknown">{{L_NO_ONSITE}}</p>{{/NONE}}
<ul class="cards">{{#ITEM}}
<li><h3><a href="/{{LANG}}/consultations/{{ID}}"><span lang="{{TITLE_LANG}}">{{TITLE}}</span></a>{{#TITLE_FALLBACK}} <span class="fallback">{{L_ONLY_OTHER_LANG_SHORT}}</span>{{/TITLE_FALLBACK}}</h3>
{{#OPEN}}<p class="status-open"><strong>{{L_CLOSES_IN}} {{N}} {{UNIT}}</strong></p>{{/OPEN}}{{#UPCOMING}}<p><strong>{{L_OPENS_IN}} {{N}} {{UNIT}}</strong></p>{{/UPCOMING}}{{#CLOSED}}<p><strong>{{L_CLOSED}}</strong></p>{{/CLOSED}}
<p class="small"><time datetime="{{OPENS_ISO}}">{{OPENS}}</time> – <time datetime="{{CLOSES_ISO}}">{{CLOSES}}</time>{{#ZONE}} ({{ZONE_TIME}}){{/ZONE}}{{#COUNTED}} · {{COUNT}} {{L_PUBLISHED_SUBS}}{{/COUNTED}}</p></li>{{/ITEM}}
</ul>
</section>
<section aria-labelledby="rec-h">
<h2 id="rec-h">{{L_RECORDS_HEADING}}</h2>
<p>{{L_RECORDS_INTRO}}</p>
{{#NO_RECORDS}}<p class="unknown">{{L_NONE_RECORDED}}</p>{{/NO_RECORDS}}
{{#RECORDS}}<ul class="records">{{#RECORD}}
<li class="card" id="{{SLUG}}"><h3><span lang="{{TITLE_LANG}}">{{TITLE}}</span>{{#TITLE_FALLBACK}} <span class="fallback">{{L_ONLY_OTHER_LANG_SHORT}}</span>{{/TITLE_FALLBACK}}</h3>
<p><span class="tag">{{STATUS}}{{#STATUS_MISSING}}{{L_STATUS_NOT_RECORDED}}{{/STATUS_MISSING}}</span></p>
<dl class="facts compact">
<div><dt>{{L_REC_OPENED}}</dt><dd>{{#OPENS_HAS}}<time datetime="{{OPENS_ISO}}">{{OPENS}}</time>{{/OPENS_HAS}}{{#OPENS_MISSING}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/OPENS_MISSING}}{{>DATES_DOUBT}}</dd></div>
<div><dt>{{L_REC_CLOSED}}</dt><dd>{{#CLOSES_HAS}}<time datetime="{{CLOSES_ISO}}">{{CLOSES}}</time>{{/CLOSES_HAS}}{{#CLOSES_MISSING}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/CLOSES_MISSING}}{{>DATES_DOUBT}}</dd></div>
<div><dt>{{L_HELD_AT}}</dt><dd>{{#WHERE}}<a href="{{WHERE_URL}}" rel="external">{{WHERE_HOST}}</a>{{>LINKSTATE}}{{/WHERE}}{{#NO_WHERE}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/NO_WHERE}}</dd></div>
<div><dt>{{L_ORGANISER}}</dt><dd>{{#ORG}}<a href="/{{LANG}}/members/{{ORG_SLUG}}" lang="{{ORG_NAME_LANG}}">{{ORG_NAME}}</a>{{/ORG}}{{#NO_ORG}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/NO_ORG}}</dd></div>
{{#PLAN}}<div><dt>{{L_PLAN}}</dt><dd><a href="/{{LANG}}/plans/{{PLAN_NUMBER}}" lang="{{PLAN_TITLE_LANG}}">{{PLAN_TITLE}}</a></dd></div>{{/PLAN}}
{{#COMMENTS}}<div><dt>{{L_COMMENTS_RECEIVED}}</dt><dd>{{N_COMMENTS}}</dd></div>{{/COMMENTS}}
</dl>
{{#DESC_P}}<p lang="{{DESC_LANG}}">{{TEXT}}</p>{{/DESC_P}}{{#DESC_FALLBACK}}<p class="fallback">{{L_ONLY_OTHER_LANG}}</p>{{/DESC_FALLBACK}}
<h4>{{L_REC_OUTCOME}}</h4>
{{#OUT_P}}<p lang="{{OUT_LANG}}">{{TEXT}}</p>{{/OUT_P}}{{#OUT_FALLBACK}}<p class="fallback">{{L_ONLY_OTHER_LANG}}</p>{{/OUT_FALLBACK}}{{#OUT_MISSING}}<p class="unknown">{{L_NOT_RECORDED}}</p>{{/OUT_MISSING}}
<h4>{{L_SOURCES}}</h4>
{{#HAS_SOURCES}}<ul>{{#SOURCE}}<li><a href="{{URL}}" rel="external">{{LABEL}}</a>{{>LINKSTATE}}</li>{{/SOURCE}}</ul>{{/HAS_SOURCES}}{{#NO_SOURCES}}<p class="unknown">{{L_NOT_RECORDED}}</p>{{/NO_SOURCES}}
</li>{{/RECORD}}
</ul>{{/RECORDS}}
</section>
</div>
