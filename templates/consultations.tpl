{{%AUTOESCAPE context="HTML"}}
<div class="wrap">
<h1>{{L_NAV_CONSULT}}</h1>
<p class="lead">{{L_CONSULT_INTRO}}</p>
{{#NONE}}<p class="unknown">{{L_NO_CONSULTATIONS}}</p>{{/NONE}}
<ul class="cards">{{#ITEM}}
<li><h2><a href="/{{LANG}}/consultations/{{ID}}"><span lang="{{TITLE_LANG}}">{{TITLE}}</span></a>{{#TITLE_FALLBACK}} <span class="fallback">{{L_ONLY_OTHER_LANG_SHORT}}</span>{{/TITLE_FALLBACK}}</h2>
{{#OPEN}}<p class="status-open"><strong>{{L_CLOSES_IN}} {{N}} {{UNIT}}</strong></p>{{/OPEN}}{{#UPCOMING}}<p><strong>{{L_OPENS_IN}} {{N}} {{UNIT}}</strong></p>{{/UPCOMING}}{{#CLOSED}}<p><strong>{{L_CLOSED}}</strong></p>{{/CLOSED}}
<p class="small"><time datetime="{{OPENS_ISO}}">{{OPENS}}</time> – <time datetime="{{CLOSES_ISO}}">{{CLOSES}}</time>{{#ZONE}} ({{ZONE_TIME}}){{/ZONE}}{{#COUNTED}} · {{COUNT}} {{L_PUBLISHED_SUBS}}{{/COUNTED}}</p></li>{{/ITEM}}
</ul>
</div>
