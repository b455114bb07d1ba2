{{%AUTOESCAPE context="HTML"}}
<div class="wrap">
<nav class="crumbs" aria-label="{{L_BREADCRUMB}}"><a href="/{{LANG}}/network">{{L_NAV_NETWORK}}</a> › <span aria-current="page">{{SHORT}}</span></nav>
<h1 lang="{{NAME_LANG}}">{{NAME}}</h1>
{{#HAS_ACRONYM}}<p class="kicker">{{ACRONYM}}</p>{{/HAS_ACRONYM}}
{{#HAS_NOTE}}<aside class="caveat" aria-label="{{L_DATA_NOTE}}"><h2>{{L_DATA_NOTE}}</h2><p lang="{{NOTE_LANG}}">{{NOTE}}</p></aside>{{/HAS_NOTE}}
<dl class="facts">
<div><dt>{{L_KIND}}</dt><dd>{{KIND}}</dd></div>
<div><dt>{{L_SUBSCRIBE}}</dt><dd><a href="{{FEED}}" type="application/atom+xml">Atom</a></dd></div>
<div><dt>{{L_MEMBERSHIP}}</dt><dd>{{#MEMBER}}{{L_IS_MEMBER}}{{/MEMBER}}{{#NOT_MEMBER}}{{L_NOT_MEMBER}}{{/NOT_MEMBER}}</dd></div>
<div><dt>{{L_MEMBER_SINCE}}</dt><dd>{{#SINCE_MISSING}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/SINCE_MISSING}}{{#SINCE_HAS}}<time datetime="{{SINCE_ISO}}">{{SINCE}}</time>{{/SINCE_HAS}}</dd></div>
<div><dt>{{L_WEBSITE}}</dt><dd>{{#SITE}}<a href="{{SITE_URL}}" rel="external">{{SITE_URL}}</a>{{>SITE_STATE}}{{/SITE}}{{#NO_SITE}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/NO_SITE}}</dd></div>
<div><dt>{{L_PLAN_PROGRESS_LEAD}}</dt><dd>{{>PROGRESS}}</dd></div>
</dl>
<div lang="{{DESC_LANG}}">{{#DESC_P}}<p>{{TEXT}}</p>{{/DESC_P}}</div>
{{#DESC_FALLBACK}}<p class="fallback">{{L_ONLY_OTHER_LANG}}</p>{{/DESC_FALLBACK}}
<section aria-labelledby="leads-h">
<h2 id="leads-h">{{L_LEADS}}</h2>
{{#NO_LEADS}}<p>{{L_NONE_RECORDED}}</p>{{/NO_LEADS}}
{{#HAS_LEADS}}<ul class="commitments">{{#LEADS}}
<li><a href="/{{LANG}}/commitments/{{OGP_ID}}"><span lang="{{TITLE_LANG}}">{{TITLE}}</span>{{#TITLE_MISSING}}{{L_TITLE_NOT_RECORDED}}{{/TITLE_MISSING}}</a> <span class="small">{{OGP_ID}} · {{PLAN_ORDINAL}} · {{STATUS}}{{#STATUS_MISSING}}{{L_STATUS_NOT_RECORDED}}{{/STATUS_MISSING}}</span> {{>PROGRESS}}</li>{{/LEADS}}
</ul>{{/HAS_LEADS}}
</section>
<section aria-labelledby="supports-h">
<h2 id="supports-h">{{L_SUPPORTS}}</h2>
{{#NO_SUPPORTS}}<p>{{L_NONE_RECORDED}}</p>{{/NO_SUPPORTS}}
{{#HAS_SUPPORTS}}<ul class="commitments">{{#SUPPORTS}}
<li><a href="/{{LANG}}/commitments/{{OGP_ID}}"><span lang="{{TITLE_LANG}}">{{TITLE}}</span>{{#TITLE_MISSING}}{{L_TITLE_NOT_RECORDED}}{{/TITLE_MISSING}}</a> <span class="small">{{OGP_ID}} · {{PLAN_ORDINAL}} · {{STATUS}}{{#STATUS_MISSING}}{{L_STATUS_NOT_RECORDED}}{{/STATUS_MISSING}}</span> {{>PROGRESS}}</li>{{/SUPPORTS}}
</ul>{{/HAS_SUPPORTS}}
</section>
{{#HAS_LINKS}}<section aria-labelledby="src-h"><h2 id="src-h">{{L_SOURCES}}</h2><ul>{{#LINK}}<li><a href="{{URL}}" rel="external">{{LABEL}}</a>{{>LINKSTATE}}</li>{{/LINK}}</ul></section>{{/HAS_LINKS}}
</div>
