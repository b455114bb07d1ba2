{{%AUTOESCAPE context="HTML"}}
<div class="wrap">
<nav class="crumbs" aria-label="{{L_BREADCRUMB}}"><a href="/{{LANG}}/plans">{{L_NAV_PLANS}}</a> › <a href="/{{LANG}}/plans/{{PLAN_NUMBER}}">{{PLAN_ORDINAL}}</a> › <span aria-current="page">{{OGP_ID}}</span></nav>
<p class="kicker">{{L_COMMITMENT}} {{NUMBER}} · {{OGP_ID}}{{>OGP_DOUBT}}</p>
<h1><span lang="{{TITLE_LANG}}">{{TITLE}}</span>{{#TITLE_MISSING}}{{L_TITLE_NOT_RECORDED}}{{/TITLE_MISSING}}{{>TITLE_DOUBT}}</h1>
{{#TITLE_KIND}}<p class="small">({{KIND_TEXT}})</p>{{/TITLE_KIND}}
<p class="small follow"><a href="/{{LANG}}/commitments/{{OGP_ID}}/history">{{L_SEE_HISTORY}}</a> · <a href="/{{LANG}}/commitments/{{OGP_ID}}/feed.atom" type="application/atom+xml">{{L_SUBSCRIBE}}</a></p>
{{#TITLE_FALLBACK}}<p class="fallback">{{L_ONLY_OTHER_LANG}}</p>{{/TITLE_FALLBACK}}
{{#HAS_NOTE}}<aside class="caveat" aria-label="{{L_DATA_NOTE}}"><h2>{{L_DATA_NOTE}}</h2><p lang="{{NOTE_LANG}}">{{NOTE}}</p>{{#NOTE_FALLBACK}}<p class="fallback">{{L_ONLY_OTHER_LANG}}</p>{{/NOTE_FALLBACK}}</aside>{{/HAS_NOTE}}
<dl class="facts">
<div><dt>{{L_PLAN}}</dt><dd><a href="/{{LANG}}/plans/{{PLAN_NUMBER}}" lang="{{PLAN_TITLE_LANG}}">{{PLAN_TITLE}}</a></dd></div>
<div><dt>{{L_LEAD}}</dt><dd>{{#LEAD}}<a href="/{{LANG}}/members/{{SLUG}}" lang="{{NAME_LANG}}">{{NAME}}</a>{{#HAS_ACRONYM}} (<abbr title="{{NAME}}">{{ACRONYM}}</abbr>){{/HAS_ACRONYM}}{{>DOUBT}}{{#HAS_ROLE}} <span class="small" lang="{{ROLE_LANG}}">({{ROLE}})</span>{{/HAS_ROLE}}{{#LEAD_separator}}; {{/LEAD_separator}}{{/LEAD}}{{#NO_LEAD}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/NO_LEAD}}</dd></div>
<div><dt>{{L_SUPPORT}}</dt><dd>{{#SUPPORT}}<a href="/{{LANG}}/members/{{SLUG}}" lang="{{NAME_LANG}}">{{NAME}}</a>{{#HAS_ACRONYM}} (<abbr title="{{NAME}}">{{ACRONYM}}</abbr>){{/HAS_ACRONYM}}{{>DOUBT}}{{#HAS_ROLE}} <span class="small" lang="{{ROLE_LANG}}">({{ROLE}})</span>{{/HAS_ROLE}}{{#SUPPORT_separator}}; {{/SUPPORT_separator}}{{/SUPPORT}}{{#NO_SUPPORT}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/NO_SUPPORT}}</dd></div>
<div><dt>{{L_DATES}}</dt><dd>{{#START_MISSING}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/START_MISSING}}{{#START_HAS}}<time datetime="{{START_ISO}}">{{START}}</time>{{/START_HAS}} – {{#END_MISSING}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/END_MISSING}}{{#END_HAS}}<time datetime="{{END_ISO}}">{{END}}</time>{{/END_HAS}}</dd></div>
<div><dt>{{L_OGP_VALUES}}</dt><dd>{{#VALUE}}{{NAME}}{{#VALUE_separator}}, {{/VALUE_separator}}{{/VALUE}}{{>VALUES_DOUBT}}{{#NO_VALUES}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/NO_VALUES}}</dd></div>
<div><dt>{{L_POLICY_AREAS}}</dt><dd>{{#AREA}}<span lang="{{NAME_LANG}}">{{NAME}}</span>{{#AREA_separator}}, {{/AREA_separator}}{{/AREA}}{{#NO_AREAS}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/NO_AREAS}}</dd></div>
</dl>
{{#HAS_PARTNERS}}<h2 class="h3" id="partners-h">{{L_PARTNERS}}</h2>
<p class="small">{{L_PARTNERS_HELP}}</p>
<ul class="parties" aria-labelledby="partners-h">{{#PARTY}}<li><a href="/{{LANG}}/members/{{SLUG}}" lang="{{NAME_LANG}}">{{NAME}}</a>{{#HAS_ACRONYM}} (<abbr title="{{NAME}}">{{ACRONYM}}</abbr>){{/HAS_ACRONYM}}{{#HAS_PARTY_NOTE}}: <span lang="{{PARTY_NOTE_LANG}}">{{PARTY_NOTE}}</span>{{#PARTY_NOTE_FALLBACK}} <span class="fallback">{{L_ONLY_OTHER_LANG_SHORT}}</span>{{/PARTY_NOTE_FALLBACK}}{{/HAS_PARTY_NOTE}}{{#SRC}} <span class="small">(<a href="{{URL}}" rel="external" lang="{{LABEL_LANG}}">{{LABEL}}</a>)</span>{{/SRC}}</li>{{/PARTY}}</ul>{{/HAS_PARTNERS}}
{{#HAS_PROPOSERS}}<h2 class="h3" id="proposers-h">{{L_PROPOSERS}}</h2>
<ul class="parties" aria-labelledby="proposers-h">{{#PARTY}}<li><a href="/{{LANG}}/members/{{SLUG}}" lang="{{NAME_LANG}}">{{NAME}}</a>{{#HAS_ACRONYM}} (<abbr title="{{NAME}}">{{ACRONYM}}</abbr>){{/HAS_ACRONYM}}{{#HAS_PARTY_NOTE}}: <span lang="{{PARTY_NOTE_LANG}}">{{PARTY_NOTE}}</span>{{#PARTY_NOTE_FALLBACK}} <span class="fallback">{{L_ONLY_OTHER_LANG_SHORT}}</span>{{/PARTY_NOTE_FALLBACK}}{{/HAS_PARTY_NOTE}}{{#SRC}} <span class="small">(<a href="{{URL}}" rel="external" lang="{{LABEL_LANG}}">{{LABEL}}</a>)</span>{{/SRC}}</li>{{/PARTY}}</ul>{{/HAS_PROPOSERS}}
<section aria-labelledby="what-h">
<h2 id="what-h">{{L_WHAT_IT_DOES}}</h2>
{{#SUMMARY_MISSING}}<p class="unknown">{{L_NOT_RECORDED}}</p>{{/SUMMARY_MISSING}}
<div lang="{{SUMMARY_LANG}}">{{#SUMMARY_P}}<p>{{TEXT}}</p>{{/SUMMARY_P}}</div>
{{#SUMMARY_FALLBACK}}<p class="fallback">{{L_ONLY_OTHER_LANG}}</p>{{/SUMMARY_FALLBACK}}
<h3>{{L_PROBLEM}}</h3>
{{#PROBLEM_MISSING}}<p class="unknown">{{L_NOT_RECORDED}}</p>{{/PROBLEM_MISSING}}
<div lang="{{PROBLEM_LANG}}">{{#PROBLEM_P}}<p>{{TEXT}}</p>{{/PROBLEM_P}}</div>
{{#PROBLEM_FALLBACK}}<p class="fallback">{{L_ONLY_OTHER_LANG}}</p>{{/PROBLEM_FALLBACK}}
</section>
<section aria-labelledby="status-h">
<h2 id="status-h">{{L_STATUS_AND_ASSESSMENT}}</h2>
<div class="two">
<div class="panel">
<h3>{{L_SELF_REPORTED}}</h3>
<p class="small">{{L_SELF_REPORTED_HELP}}</p>
<dl>
<dt>{{L_SELF_STATUS}}</dt><dd>{{SELF_STATUS}}{{#SELF_STATUS_MISSING}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/SELF_STATUS_MISSING}}{{#SELF_FIG}}{{#SELF_PCT}} · <strong>{{PCT}}%</strong>{{/SELF_PCT}}{{>DOUBT}} <span class="small">({{#WHEN_HAS}}<time datetime="{{WHEN_ISO}}">{{WHEN}}</time>{{/WHEN_HAS}}{{#WHEN_MISSING}}{{WHEN}}{{/WHEN_MISSING}}{{#SRC}}, <a href="{{URL}}" rel="external" lang="{{LABEL_LANG}}">{{LABEL}}</a>{{/SRC}})</span>{{/SELF_FIG}}</dd>
<dt>{{L_PROGRESS}}</dt><dd>{{>PROGRESS}} <a class="small" href="#how">{{L_HOW_CALCULATED}}</a></dd>
</dl>
</div>
<div class="panel">
<h3>{{L_IRM}}{{>IRM_DOUBT}}</h3>
<p class="small">{{L_IRM_HELP}}</p>
<dl>{{#IRM}}
<dt>{{LABEL}}</dt><dd>{{VALUE}}{{>DOUBT}}{{#VALUE_MISSING}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/VALUE_MISSING}}</dd>{{/IRM}}
<dt>{{L_IRM_RESULTS_DATE}}</dt><dd>{{#IRM_RESULTS_DATE_HAS}}<time datetime="{{IRM_RESULTS_DATE_ISO}}">{{IRM_RESULTS_DATE}}</time>{{/IRM_RESULTS_DATE_HAS}}{{#IRM_RESULTS_DATE_MISSING}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/IRM_RESULTS_DATE_MISSING}}</dd>
<dt>{{L_IRM_DESIGN_DATE}}</dt><dd>{{#IRM_DATE_HAS}}<time datetime="{{IRM_DATE_ISO}}">{{IRM_DATE}}</time>{{/IRM_DATE_HAS}}{{#IRM_DATE_MISSING}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/IRM_DATE_MISSING}}</dd>
</dl>
</div>
</div>
</section>
{{#TIMELINE}}<section aria-labelledby="tl-h">
<h2 id="tl-h">{{L_CHART_TIMELINE}}</h2>
<figure class="chart">
<figcaption id="tl-cap">{{L_CHART_TIMELINE_CAP}}</figcaption>
<svg role="img" aria-labelledby="tl-cap" viewBox="0 0 500 200" class="chart-svg">
<line x1="20" y1="170" x2="480" y2="170" class="chart-axis-line"/><line x1="20" y1="20" x2="480" y2="20" class="chart-grid"/>
<text x="0" y="174" class="chart-axis">0%</text><text x="0" y="24" class="chart-axis">100%</text>
<polyline points="{{POLY}}" class="chart-line"/>{{#POINT}}<circle cx="{{X}}" cy="{{Y}}" r="4" class="chart-dot"/>{{/POINT}}
</svg>
<details><summary>{{L_CHART_DATA}}</summary>
<table><caption>{{L_CHART_TIMELINE_CAP}}</caption><thead><tr><th scope="col">{{L_WHEN}}</th><th scope="col">{{L_PROGRESS}}</th></tr></thead>
<tbody>{{#POINT}}<tr><td><time datetime="{{ISO}}">{{WHEN}}</time></td><td>{{VALUE}}</td></tr>{{/POINT}}</tbody></table>
</details>
</figure>
</section>{{/TIMELINE}}
<section aria-labelledby="ms-h">
<h2 id="ms-h">{{L_MILESTONES}}</h2>
{{#NO_MILESTONES}}<p class="unknown">{{L_NO_MILESTONES}}</p>{{/NO_MILESTONES}}
{{#HAS_MILESTONES}}<ol class="milestones">{{#MS}}
<li>
<h3><span lang="{{MS_TITLE_LANG}}">{{MS_TITLE}}</span>{{#MS_TITLE_MISSING}}{{L_TITLE_NOT_RECORDED}}{{/MS_TITLE_MISSING}}{{#MS_TITLE_FALLBACK}} <span class="fallback">{{L_ONLY_OTHER_LANG_SHORT}}</span>{{/MS_TITLE_FALLBACK}}{{#MS_TITLE_KIND}} <span class="small">({{KIND_TEXT}})</span>{{/MS_TITLE_KIND}}</h3>
<dl class="facts compact">
<div><dt>{{L_PLANNED}}</dt><dd>{{#PSTART_MISSING}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/PSTART_MISSING}}{{#PSTART_HAS}}<time datetime="{{PSTART_ISO}}">{{PSTART}}</time>{{/PSTART_HAS}} – {{#PEND_MISSING}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/PEND_MISSING}}{{#PEND_HAS}}<time datetime="{{PEND_ISO}}">{{PEND}}</time>{{/PEND_HAS}}{{#OVERDUE}} <strong class="overdue">{{L_OVERDUE_SINCE}} <time datetime="{{PEND_ISO}}">{{PEND}}</time></strong>{{/OVERDUE}}</dd></div>
<div><dt>{{L_STATUS}}</dt><dd>{{STATUS}}{{#STATUS_MISSING}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/STATUS_MISSING}}{{#DONE}} · {{L_COMPLETED_ON}} <time datetime="{{DONE_ISO}}">{{DONE_TEXT}}</time>{{/DONE}}</dd></div>
<div><dt>{{L_PROGRESS}}</dt><dd>{{#HAS_PCT}}<strong>{{PCT}}%</strong>{{>DOUBT}} <span class="small">({{#ASOF_HAS}}<time datetime="{{ASOF_ISO}}">{{ASOF}}</time>{{/ASOF_HAS}}{{#ASOF_MISSING}}{{ASOF}}{{/ASOF_MISSING}}, {{#SRC}}<a href="{{URL}}" rel="external" lang="{{LABEL_LANG}}">{{LABEL}}</a>{{/SRC}}{{#SOURCE_MISSING}}{{L_SOURCE_NOT_RECORDED}}{{/SOURCE_MISSING}})</span>{{/HAS_PCT}}{{#NO_PCT}}<span class="unknown">{{L_NO_DATA}}</span>{{/NO_PCT}}</dd></div>
<div><dt>{{L_EVIDENCE}}</dt><dd>{{#EVIDENCE}}{{#A}}<a href="{{URL}}" rel="external">{{LABEL}}</a>{{/A}}{{#WITHDRAWN}}{{LABEL}} <span class="withdrawn">({{L_WITHDRAWN_ON}} <time datetime="{{ON_ISO}}">{{ON}}</time>)</span>{{/WITHDRAWN}}{{>LINKSTATE}}{{#EVIDENCE_separator}}; {{/EVIDENCE_separator}}{{/EVIDENCE}}{{#NO_EVIDENCE}}<span class="unknown">{{L_NO_EVIDENCE_YET}}</span>{{/NO_EVIDENCE}}</dd></div>
{{#HAS_FIGURES}}<div><dt>{{L_EARLIER_FIGURES}}</dt><dd><ul class="figures">{{#FIG}}<li>{{#FIG_PCT}}{{PCT}}%{{/FIG_PCT}}{{#FIG_NO_PCT}}<span class="unknown">{{L_NO_DATA}}</span>{{/FIG_NO_PCT}}{{>DOUBT}} <span class="small">({{#WHEN_HAS}}<time datetime="{{WHEN_ISO}}">{{WHEN}}</time>{{/WHEN_HAS}}{{#WHEN_MISSING}}{{WHEN}}{{/WHEN_MISSING}}{{#SRC}}, <a href="{{URL}}" rel="external" lang="{{LABEL_LANG}}">{{LABEL}}</a>{{/SRC}})</span></li>{{/FIG}}</ul></dd></div>{{/HAS_FIGURES}}
</dl>
</li>{{/MS}}
</ol>{{/HAS_MILESTONES}}
</section>
{{#HAS_ACTIVITIES}}<section aria-labelledby="act-h">
<h2 id="act-h">{{L_ACTIVITIES}}</h2>
<ul class="activities">{{#ACT}}<li>{{>WHEN}}: <span lang="{{ACT_TITLE_LANG}}">{{ACT_TITLE}}</span>{{#ACT_TITLE_MISSING}}{{L_TITLE_NOT_RECORDED}}{{/ACT_TITLE_MISSING}}{{#ACT_TITLE_FALLBACK}} <span class="fallback">{{L_ONLY_OTHER_LANG_SHORT}}</span>{{/ACT_TITLE_FALLBACK}}{{#ACT_TITLE_KIND}} <span class="small">({{KIND_TEXT}})</span>{{/ACT_TITLE_KIND}}{{#SRC}} <span class="small">(<a href="{{URL}}" rel="external" lang="{{LABEL_LANG}}">{{LABEL}}</a>)</span>{{/SRC}}</li>{{/ACT}}</ul>
</section>{{/HAS_ACTIVITIES}}
{{#ORIGINS}}<section aria-labelledby="orig-h">
<h2 id="orig-h">{{L_ORIGINS}}</h2>
<ul>{{#ORIGIN}}<li><a href="/{{LANG}}/consultations/{{K_ID}}#s{{SUB_ID}}">{{SUB_TITLE}}</a> <span class="small">{{L_BY}} {{AUTHOR}}, {{L_IN_CONSULTATION}} <span lang="{{K_TITLE_LANG}}">{{K_TITLE}}</span></span></li>{{/ORIGIN}}</ul>
</section>{{/ORIGINS}}
<section aria-labelledby="src-h">
<h2 id="src-h">{{L_SOURCES}}</h2>
{{#NO_LINKS}}<p class="unknown">{{L_NOT_RECORDED}}</p>{{/NO_LINKS}}
{{#HAS_LINKS}}<ul>{{#LINK}}<li>{{#A}}<a href="{{URL}}" rel="external">{{LABEL}}</a>{{/A}}{{#WITHDRAWN}}{{LABEL}} <span class="withdrawn">({{L_WITHDRAWN_ON}} <time datetime="{{ON_ISO}}">{{ON}}</time>)</span>{{/WITHDRAWN}} <span class="small">({{KIND}})</span>{{>LINKSTATE}}</li>{{/LINK}}</ul>{{/HAS_LINKS}}
<p class="small">{{L_LAST_UPDATED}} <time datetime="{{UPDATED}}">{{UPDATED_TEXT}}</time></p>
<details class="small"><summary>{{L_BADGE}}</summary><p><img src="/{{LANG}}/badge/{{OGP_ID}}.svg" alt="{{OGP_ID}} {{L_SELF_STATUS}}: {{SELF_STATUS}}{{#SELF_STATUS_MISSING}}{{L_NOT_RECORDED}}{{/SELF_STATUS_MISSING}}"></p><p>{{L_BADGE_HELP}}</p><pre><code>&lt;img src="{{BADGE_URL}}" alt="{{OGP_ID}}"&gt;</code></pre></details>
</section>
<section aria-labelledby="com-h">
<h2 id="com-h">{{L_COMMENTS}}</h2>
{{#HAS_SUBS}}{{>SUBS}}{{/HAS_SUBS}}
<p class="small">{{L_MODERATION_NOTE}}</p>
{{>FORM}}
</section>
{{>FOLLOW}}
{{>HOW}}
</div>
