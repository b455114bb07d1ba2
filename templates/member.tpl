{{%AUTOESCAPE context="HTML"}}
<div class="wrap">
<nav class="crumbs" aria-label="{{L_BREADCRUMB}}"><a href="/{{LANG}}/network">{{L_NAV_NETWORK}}</a> › <span aria-current="page">{{#SHORT_ABBR}}<abbr title="{{NAME}}">{{SHORT}}</abbr>{{/SHORT_ABBR}}{{#SHORT_PLAIN}}{{SHORT}}{{/SHORT_PLAIN}}</span></nav>
<h1 lang="{{NAME_LANG}}">{{NAME}}</h1>
{{#HAS_ACRONYM}}<p class="kicker">{{ACRONYM}}</p>{{/HAS_ACRONYM}}
{{#HAS_NOTE}}<aside class="caveat" aria-label="{{L_DATA_NOTE}}"><h2>{{L_DATA_NOTE}}</h2><p lang="{{NOTE_LANG}}">{{NOTE}}</p></aside>{{/HAS_NOTE}}
<dl class="facts">
<div><dt>{{L_KIND}}</dt><dd>{{KIND}}</dd></div>
<div><dt>{{L_SUBSCRIBE}}</dt><dd><a href="{{FEED}}" type="application/atom+xml">Atom</a></dd></div>
<div><dt>{{L_MEMBERSHIP}}</dt><dd>{{MSTATUS}}{{#MSTATUS_MISSING}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/MSTATUS_MISSING}}{{>MDOUBT}}</dd></div>
{{#HAS_SINCE}}<div><dt>{{L_MEMBER_SINCE}}</dt><dd>{{#SINCE_MISSING}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/SINCE_MISSING}}{{#SINCE_HAS}}<time datetime="{{SINCE_ISO}}">{{SINCE}}</time>{{/SINCE_HAS}}</dd></div>{{/HAS_SINCE}}
{{#HAS_UNTIL}}<div><dt>{{L_MEMBER_UNTIL}}</dt><dd><time datetime="{{UNTIL_ISO}}">{{UNTIL}}</time></dd></div>{{/HAS_UNTIL}}
<div><dt>{{L_WEBSITE}}</dt><dd>{{#SITE}}<a href="{{SITE_URL}}" rel="external">{{SITE_URL}}</a>{{>SITE_STATE}}{{/SITE}}{{#NO_SITE}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/NO_SITE}}</dd></div>
<div><dt>{{L_PLAN_PROGRESS_LEAD}}</dt><dd>{{>PROGRESS}}</dd></div>
<div><dt>{{L_OVERDUE_LED}}</dt><dd>{{#HAS_OVERDUE}}<span class="overdue">{{OVERDUE}}</span>{{/HAS_OVERDUE}}{{#NO_OVERDUE}}{{L_NO_OVERDUE_MS}}{{/NO_OVERDUE}}</dd></div>
</dl>
<div lang="{{DESC_LANG}}">{{#DESC_P}}<p>{{TEXT}}</p>{{/DESC_P}}</div>
{{#DESC_FALLBACK}}<p class="fallback">{{L_ONLY_OTHER_LANG}}</p>{{/DESC_FALLBACK}}
<section aria-labelledby="leads-h">
<h2 id="leads-h">{{L_LEADS}}</h2>
{{#NO_LEADS}}<p>{{L_NONE_RECORDED}}</p>{{/NO_LEADS}}
{{#HAS_LEADS}}<ul class="commitments">{{#LEADS}}
<li><a href="/{{LANG}}/commitments/{{OGP_ID}}"><span lang="{{TITLE_LANG}}">{{TITLE}}</span>{{#TITLE_MISSING}}{{L_TITLE_NOT_RECORDED}}{{/TITLE_MISSING}}</a>{{#TITLE_FALLBACK}} <span class="fallback">{{L_ONLY_OTHER_LANG_SHORT}}</span>{{/TITLE_FALLBACK}}{{>TITLE_DOUBT}}{{>DOUBT}} <span class="small">{{OGP_ID}}{{>OGP_DOUBT}} · {{PLAN_ORDINAL}} · {{STATUS}}{{#STATUS_MISSING}}{{L_STATUS_NOT_RECORDED}}{{/STATUS_MISSING}}</span> {{>PROGRESS}}</li>{{/LEADS}}
</ul>{{/HAS_LEADS}}
</section>
<section aria-labelledby="supports-h">
<h2 id="supports-h">{{L_SUPPORTS}}</h2>
{{#NO_SUPPORTS}}<p>{{L_NONE_RECORDED}}</p>{{/NO_SUPPORTS}}
{{#HAS_SUPPORTS}}<ul class="commitments">{{#SUPPORTS}}
<li><a href="/{{LANG}}/commitments/{{OGP_ID}}"><span lang="{{TITLE_LANG}}">{{TITLE}}</span>{{#TITLE_MISSING}}{{L_TITLE_NOT_RECORDED}}{{/TITLE_MISSING}}</a>{{#TITLE_FALLBACK}} <span class="fallback">{{L_ONLY_OTHER_LANG_SHORT}}</span>{{/TITLE_FALLBACK}}{{>TITLE_DOUBT}}{{>DOUBT}} <span class="small">{{OGP_ID}}{{>OGP_DOUBT}} · {{PLAN_ORDINAL}} · {{STATUS}}{{#STATUS_MISSING}}{{L_STATUS_NOT_RECORDED}}{{/STATUS_MISSING}}</span> {{>PROGRESS}}</li>{{/SUPPORTS}}
</ul>{{/HAS_SUPPORTS}}
</section>
{{#HAS_PARTIES}}<section aria-labelledby="parties-h">
<h2 id="parties-h">{{L_PARTIES}}</h2>
<p class="small">{{L_PARTIES_INTRO}}</p>
<ul class="parties">{{#PARTY}}
<li><a href="/{{LANG}}/commitments/{{OGP_ID}}"><span lang="{{TITLE_LANG}}">{{TITLE}}</span>{{#TITLE_MISSING}}{{L_TITLE_NOT_RECORDED}}{{/TITLE_MISSING}}</a>{{#TITLE_FALLBACK}} <span class="fallback">{{L_ONLY_OTHER_LANG_SHORT}}</span>{{/TITLE_FALLBACK}} <span class="small">{{OGP_ID}} · {{PLAN_ORDINAL}}</span><br>{{#PARTNER}}{{L_PARTNER_IN}}{{#HAS_P_NOTE}}: <span lang="{{P_NOTE_LANG}}">{{P_NOTE}}</span>{{#P_NOTE_FALLBACK}} <span class="fallback">{{L_ONLY_OTHER_LANG_SHORT}}</span>{{/P_NOTE_FALLBACK}}{{/HAS_P_NOTE}}{{/PARTNER}}{{#PROPOSER}}{{L_PROPOSED}}{{/PROPOSER}}{{#SRC}} <span class="small">({{L_SOURCE}}: <a href="{{URL}}" rel="external" lang="{{LABEL_LANG}}">{{LABEL}}</a>)</span>{{/SRC}}</li>{{/PARTY}}
</ul>
</section>{{/HAS_PARTIES}}
{{#HAS_EVIDENCE}}<section aria-labelledby="evidence-h">
<h2 id="evidence-h">{{L_MEMBER_EVIDENCE}}</h2>
<ul class="figures">{{#EVIDENCE}}
<li>{{#DATE_HAS}}<time datetime="{{DATE_ISO}}">{{DATE}}</time>{{/DATE_HAS}}{{#DATE_MISSING}}{{L_DATE_NOT_RECORDED}}{{/DATE_MISSING}}: <span lang="{{E_NOTE_LANG}}">{{E_NOTE}}</span>{{#E_NOTE_MISSING}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/E_NOTE_MISSING}}{{#E_NOTE_FALLBACK}} <span class="fallback">{{L_ONLY_OTHER_LANG_SHORT}}</span>{{/E_NOTE_FALLBACK}}{{#HAS_SOURCE}} <span class="small">({{L_SOURCE}}: <a href="{{URL}}" rel="external" lang="{{LABEL_LANG}}">{{LABEL}}</a>)</span>{{/HAS_SOURCE}}</li>{{/EVIDENCE}}
</ul>
</section>{{/HAS_EVIDENCE}}
{{#HAS_LINKS}}<section aria-labelledby="src-h"><h2 id="src-h">{{L_SOURCES}}</h2><ul>{{#LINK}}<li>{{#A}}<a href="{{URL}}" rel="external">{{LABEL}}</a>{{/A}}{{#WITHDRAWN}}{{LABEL}} <span class="withdrawn">({{L_WITHDRAWN_ON}} <time datetime="{{ON_ISO}}">{{ON}}</time>)</span>{{/WITHDRAWN}}{{>LINKSTATE}}</li>{{/LINK}}</ul></section>{{/HAS_LINKS}}
{{>FOLLOW}}
</div>
