{{%AUTOESCAPE context="HTML"}}
<div class="wrap">
<h1>{{L_NETWORK_HEADING}}</h1>
{{#NETWORK}}
<div class="prose" lang="{{DESC_LANG}}">{{#DESC_P}}<p>{{TEXT}}</p>{{/DESC_P}}</div>
{{#DESC_FALLBACK}}<p class="fallback">{{L_ONLY_OTHER_LANG}}</p>{{/DESC_FALLBACK}}
<dl class="facts">
<div><dt>{{L_COORDINATOR}}</dt><dd>{{#COORD}}<a href="/{{LANG}}/members/{{SLUG}}" lang="{{NAME_LANG}}">{{NAME}}</a>{{#HAS_ACRONYM}} (<abbr title="{{NAME}}">{{ACRONYM}}</abbr>){{/HAS_ACRONYM}}{{/COORD}}{{#NO_COORD}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/NO_COORD}}</dd></div>
<div><dt>{{L_FOCAL_POINT}}</dt><dd>{{#FOCAL}}<a href="/{{LANG}}/members/{{SLUG}}" lang="{{NAME_LANG}}">{{NAME}}</a>{{#HAS_ACRONYM}} (<abbr title="{{NAME}}">{{ACRONYM}}</abbr>){{/HAS_ACRONYM}}{{/FOCAL}}{{#NO_FOCAL}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/NO_FOCAL}}</dd></div>
<div><dt>{{L_FOCAL_SINCE}}</dt><dd><span lang="{{SINCE_LANG}}">{{SINCE}}</span>{{#SINCE_FALLBACK}} <span class="fallback">{{L_ONLY_OTHER_LANG_SHORT}}</span>{{/SINCE_FALLBACK}}{{#SINCE_DATE_HAS}}<time datetime="{{SINCE_DATE_ISO}}">{{SINCE_DATE}}</time>{{/SINCE_DATE_HAS}}{{#SINCE_DATE_MISSING}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/SINCE_DATE_MISSING}}</dd></div>
<div><dt>{{L_CONTACT}}</dt><dd>{{#HAS_CONTACT}}<a href="mailto:{{CONTACT}}">{{CONTACT}}</a>{{/HAS_CONTACT}}{{#NO_CONTACT}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/NO_CONTACT}}</dd></div>
<div><dt>{{L_OGP_MEMBER_SINCE}}</dt><dd>{{#OGP_SINCE_HAS}}<time datetime="{{OGP_SINCE_ISO}}">{{OGP_SINCE}}</time>{{/OGP_SINCE_HAS}}{{#OGP_SINCE_MISSING}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/OGP_SINCE_MISSING}}</dd></div>
</dl>
{{#HAS_NOTE}}<aside class="caveat" aria-label="{{L_DATA_NOTE}}"><h2>{{L_DATA_NOTE}}</h2><p lang="{{NOTE_LANG}}">{{NOTE}}</p>{{#NOTE_FALLBACK}}<p class="fallback">{{L_ONLY_OTHER_LANG}}</p>{{/NOTE_FALLBACK}}</aside>{{/HAS_NOTE}}
{{#HAS_SOURCES}}<section aria-labelledby="net-src-h"><h2 id="net-src-h">{{L_SOURCES}}</h2><ul>{{#SOURCE}}<li><a href="{{URL}}" rel="external">{{LABEL}}</a>{{>LINKSTATE}}</li>{{/SOURCE}}</ul></section>{{/HAS_SOURCES}}
{{/NETWORK}}
{{#NO_NETWORK}}<p class="unknown">{{L_NOT_RECORDED}}</p>{{/NO_NETWORK}}
<section aria-labelledby="about-h">
<h2 id="about-h">{{L_NETWORK_ABOUT}}</h2>
<div class="prose" lang="{{BODY_LANG}}">{{#BODY_P}}<p>{{TEXT}}</p>{{/BODY_P}}</div>
{{#BODY_FALLBACK}}<p class="fallback">{{L_ONLY_OTHER_LANG}}</p>{{/BODY_FALLBACK}}
{{#BODY_MISSING}}<p class="unknown">{{L_NOT_RECORDED}}</p>{{/BODY_MISSING}}
</section>
<section aria-labelledby="members-h">
<h2 id="members-h">{{L_BODIES}}</h2>
{{#GROUP}}
<h3 id="g-{{CODE}}">{{LABEL}}</h3>
<p class="small">{{INTRO}}</p>
<ul class="members cols">{{#ENTITY}}
<li><a href="/{{LANG}}/members/{{SLUG}}" lang="{{NAME_LANG}}">{{NAME}}</a>{{#HAS_ACRONYM}} (<abbr title="{{NAME}}">{{ACRONYM}}</abbr>){{/HAS_ACRONYM}}{{>DOUBT}}{{#HAS_NOTE}} <span class="small">— <span lang="{{NOTE_LANG}}">{{NOTE}}</span>{{#NOTE_FALLBACK}} <span class="fallback">{{L_ONLY_OTHER_LANG_SHORT}}</span>{{/NOTE_FALLBACK}}</span>{{/HAS_NOTE}}</li>{{/ENTITY}}
</ul>
{{/GROUP}}
</section>
</div>
