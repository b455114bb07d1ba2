{{%AUTOESCAPE context="HTML"}}
<div class="wrap">
<h1>{{L_NETWORK_HEADING}}</h1>
<div class="prose" lang="{{BODY_LANG}}">{{#BODY_P}}<p>{{TEXT}}</p>{{/BODY_P}}</div>
{{#BODY_FALLBACK}}<p class="fallback">{{L_ONLY_OTHER_LANG}}</p>{{/BODY_FALLBACK}}
{{#BODY_MISSING}}<p class="unknown">{{L_NOT_RECORDED}}</p>{{/BODY_MISSING}}
<section aria-labelledby="members-h">
<h2 id="members-h">{{L_MEMBERS}}</h2>
<p>{{L_MEMBERS_INTRO}}</p>
{{#GROUP}}
<h3>{{KIND}}</h3>
<ul class="members">{{#ENTITY}}
<li><a href="/{{LANG}}/members/{{SLUG}}" lang="{{NAME_LANG}}">{{NAME}}</a>{{#HAS_ACRONYM}} ({{ACRONYM}}){{/HAS_ACRONYM}}{{#HAS_NOTE}} <span class="small" lang="{{NOTE_LANG}}">— {{NOTE}}</span>{{/HAS_NOTE}}</li>{{/ENTITY}}
</ul>
{{/GROUP}}
</section>
<section aria-labelledby="others-h">
<h2 id="others-h">{{L_OTHER_BODIES}}</h2>
<p>{{L_OTHER_BODIES_INTRO}}</p>
<ul class="members cols">{{#OTHER}}
<li><a href="/{{LANG}}/members/{{SLUG}}" lang="{{NAME_LANG}}">{{NAME}}</a>{{#HAS_ACRONYM}} ({{ACRONYM}}){{/HAS_ACRONYM}}</li>{{/OTHER}}
</ul>
</section>
</div>
