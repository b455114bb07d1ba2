{{%AUTOESCAPE context="HTML"}}
<div class="wrap">
<nav class="crumbs" aria-label="{{L_BREADCRUMB}}"><a href="/{{LANG}}/plans">{{L_NAV_PLANS}}</a> › <span aria-current="page">{{ORDINAL}}</span></nav>
<h1 lang="{{PLAN_TITLE_LANG}}">{{PLAN_TITLE}}</h1>
{{#PLAN_TITLE_FALLBACK}}<p class="fallback">{{L_ONLY_OTHER_LANG}}</p>{{/PLAN_TITLE_FALLBACK}}
<dl class="facts">
<div><dt>{{L_PERIOD}}</dt><dd>{{PERIOD}}</dd></div>
<div><dt>{{L_PUBLISHED}}</dt><dd>{{#PUBLISHED_MISSING}}{{L_NOT_RECORDED}}{{/PUBLISHED_MISSING}}{{#PUBLISHED_HAS}}<time datetime="{{PUBLISHED_ISO}}">{{PUBLISHED}}</time>{{>PUBLISHED_DOUBT}}{{/PUBLISHED_HAS}}</dd></div>
<div><dt>{{L_STATUS}}</dt><dd>{{STATUS}}{{#STATUS_MISSING}}{{L_NOT_RECORDED}}{{/STATUS_MISSING}}</dd></div>
<div><dt>{{L_FIG_COMMITMENTS}}</dt><dd>{{N}}</dd></div>
<div><dt>{{L_PLAN_PROGRESS}}</dt><dd>{{>PROGRESS}}</dd></div>
<div><dt>{{L_SNAPSHOTS}}</dt><dd>{{#HAS_SNAPSHOTS}}<ul class="snapshots">{{#SNAPSHOT}}<li><a href="/{{LANG}}/plans/{{PLAN_NUMBER}}/as-of/{{AS_OF_CODE}}">{{L_ASOF_STATE_ON}} <time datetime="{{AS_OF_ISO}}">{{AS_OF}}</time></a> — {{ROUND}}</li>{{/SNAPSHOT}}</ul>{{/HAS_SNAPSHOTS}}{{#NO_SNAPSHOTS}}<span class="unknown">{{L_SNAPSHOTS_NONE}}</span>{{/NO_SNAPSHOTS}}</dd></div>
<div><dt>{{L_HISTORY}}</dt><dd><a href="/{{LANG}}/plans/{{PLAN_NUMBER}}/history">{{L_SEE_HISTORY}}</a> · <a href="/{{LANG}}/plans/{{PLAN_NUMBER}}/feed.atom" type="application/atom+xml">{{L_SUBSCRIBE}}</a></dd></div>
<div><dt>{{L_PLAN_DOCUMENT}}</dt><dd>{{#DOC}}<a href="{{DOC_URL}}" rel="external">{{L_PLAN_DOCUMENT}}</a>{{>DOC_STATE}}{{/DOC}}{{#NO_DOC}}<span class="unknown">{{L_PLAN_TEXT_NOT_FOUND}}</span> · <a href="#docs-h">{{L_PLAN_DOCUMENTS}}</a>{{/NO_DOC}}</dd></div>
</dl>
{{>HEADLINE}}
{{#HAS_PLAN_NOTE}}<aside class="caveat" aria-label="{{L_DATA_NOTE}}"><h2>{{L_DATA_NOTE}}</h2><p lang="{{PLAN_NOTE_LANG}}">{{PLAN_NOTE}}</p>{{#PLAN_NOTE_FALLBACK}}<p class="fallback">{{L_ONLY_OTHER_LANG}}</p>{{/PLAN_NOTE_FALLBACK}}</aside>{{/HAS_PLAN_NOTE}}
<section aria-labelledby="self-h">
<h2 id="self-h">{{L_SELF_OVER_TIME}}</h2>
{{#NO_FIGURES}}<p class="unknown">{{L_NOT_RECORDED}}</p>{{/NO_FIGURES}}
{{#HAS_FIGURES}}<ul class="figures plan-figures">{{#FIGURE}}
<li>{{#HAS_PCT}}<strong>{{PCT}}%</strong>{{/HAS_PCT}}{{>DOUBT}} <span class="small">{{#DATE_HAS}}<time datetime="{{DATE_ISO}}">{{DATE}}</time>{{/DATE_HAS}}{{#DATE_MISSING}}{{DATE}}{{/DATE_MISSING}} · {{L_SOURCE}}: <a href="{{SOURCE}}" rel="external" lang="{{SOURCE_LABEL_LANG}}">{{SOURCE_LABEL}}</a>{{>SRCSTATE}}</span>{{#HAS_F_NOTE}}<br><span lang="{{F_NOTE_LANG}}">{{F_NOTE}}</span>{{#F_NOTE_FALLBACK}} <span class="fallback">{{L_ONLY_OTHER_LANG_SHORT}}</span>{{/F_NOTE_FALLBACK}}{{/HAS_F_NOTE}}</li>{{/FIGURE}}
</ul>{{/HAS_FIGURES}}
</section>
<section aria-labelledby="assess-h">
<h2 id="assess-h">{{L_ASSESSMENTS}}</h2>
{{#NO_ASSESS}}<p class="unknown">{{L_NONE_RECORDED}}</p>{{/NO_ASSESS}}
{{#HAS_ASSESS}}<ul class="assessments">{{#ASSESS}}
<li><strong>{{ASSESSOR}}</strong> · {{#HAS_SOURCE}}<a href="{{SOURCE}}" rel="external">{{KIND}}</a>{{>SRCSTATE}}{{/HAS_SOURCE}}{{#NO_SOURCE}}{{KIND}}{{/NO_SOURCE}} <span class="small">· {{#DATE_HAS}}<time datetime="{{DATE_ISO}}">{{DATE}}</time>{{/DATE_HAS}}{{#DATE_MISSING}}{{L_DATE_NOT_RECORDED}}{{/DATE_MISSING}}</span>
{{#A_SUMMARY_MISSING}}<br><span class="unknown">{{L_NOT_RECORDED}}</span>{{/A_SUMMARY_MISSING}}<br><span lang="{{A_SUMMARY_LANG}}">{{A_SUMMARY}}</span>{{#A_SUMMARY_FALLBACK}} <span class="fallback">{{L_ONLY_OTHER_LANG_SHORT}}</span>{{/A_SUMMARY_FALLBACK}}</li>{{/ASSESS}}
</ul>{{/HAS_ASSESS}}
</section>
<section aria-labelledby="docs-h">
<h2 id="docs-h">{{L_PLAN_DOCUMENTS}}</h2>
{{#NO_DOCS}}<p class="unknown">{{L_NONE_RECORDED}}</p>{{/NO_DOCS}}
{{#HAS_DOCS}}<ul class="documents">{{#DOCUMENT}}
<li><strong>{{KIND}}</strong>: {{#HAS_URL}}<a href="{{URL}}" rel="external"><span lang="{{TITLE_LANG}}">{{TITLE}}</span>{{#TITLE_MISSING}}{{KIND}}{{/TITLE_MISSING}}</a>{{/HAS_URL}}{{#NO_URL}}<span lang="{{TITLE_LANG}}">{{TITLE}}</span>{{#TITLE_MISSING}}{{KIND}}{{/TITLE_MISSING}}{{/NO_URL}}{{#TITLE_FALLBACK}} <span class="fallback">{{L_ONLY_OTHER_LANG_SHORT}}</span>{{/TITLE_FALLBACK}}{{>URLSTATE}} <span class="small">· {{#DATE_HAS}}<time datetime="{{DATE_ISO}}">{{DATE}}</time>{{/DATE_HAS}}{{#DATE_MISSING}}{{L_DATE_NOT_RECORDED}}{{/DATE_MISSING}}</span>
{{#NO_URL}}<br><span class="unknown">{{L_ADDRESS_NOT_FOUND}}</span>{{#HAS_LISTED}}; {{L_LISTED_ON}} {{#LISTED}}<a href="{{URL}}" rel="external">{{LABEL}}</a>{{>LINKSTATE}}{{#LISTED_separator}}, {{/LISTED_separator}}{{/LISTED}}{{/HAS_LISTED}}{{/NO_URL}}{{#HAS_D_NOTE}}<br><span class="small" lang="{{D_NOTE_LANG}}">{{D_NOTE}}</span>{{#D_NOTE_FALLBACK}} <span class="fallback">{{L_ONLY_OTHER_LANG_SHORT}}</span>{{/D_NOTE_FALLBACK}}{{/HAS_D_NOTE}}</li>{{/DOCUMENT}}
</ul>{{/HAS_DOCS}}
</section>
<section aria-labelledby="made-h">
<h2 id="made-h">{{L_HOW_MADE}}</h2>
{{#COCREATION_MISSING}}<p class="unknown">{{L_NOT_RECORDED}}</p>{{/COCREATION_MISSING}}
<div lang="{{COCREATION_LANG}}">{{#COCREATION_P}}<p>{{TEXT}}</p>{{/COCREATION_P}}</div>
{{#COCREATION_FALLBACK}}<p class="fallback">{{L_ONLY_OTHER_LANG}}</p>{{/COCREATION_FALLBACK}}
</section>
<section aria-labelledby="summary-h">
{{#HAS_SUMMARY}}<h2 id="summary-h">{{L_PLAN_SUMMARY}}</h2>
<div lang="{{SUMMARY_LANG}}">{{#SUMMARY_P}}<p>{{TEXT}}</p>{{/SUMMARY_P}}</div>
{{#SUMMARY_FALLBACK}}<p class="fallback">{{L_ONLY_OTHER_LANG}}</p>{{/SUMMARY_FALLBACK}}{{/HAS_SUMMARY}}
{{#SUMMARY_MISSING}}<h2 id="summary-h">{{L_SOURCES}}</h2>{{/SUMMARY_MISSING}}
{{#HAS_LINKS}}{{#HAS_SUMMARY}}<h3>{{L_SOURCES}}</h3>{{/HAS_SUMMARY}}<ul>{{#LINK}}<li>{{#A}}<a href="{{URL}}" rel="external">{{LABEL}}</a>{{/A}}{{#WITHDRAWN}}{{LABEL}} <span class="withdrawn">({{L_WITHDRAWN_ON}} <time datetime="{{ON_ISO}}">{{ON}}</time>)</span>{{/WITHDRAWN}} <span class="small">({{KIND}})</span>{{>LINKSTATE}}</li>{{/LINK}}</ul>{{/HAS_LINKS}}
</section>
<section aria-labelledby="commitments-h">
<h2 id="commitments-h">{{L_COMMITMENTS}}</h2>
<div class="table-wrap reflow-wrap" tabindex="0" role="region" aria-label="{{L_TABLE}}">
<table class="reflow">
<caption>{{L_PLAN_TABLE_CAPTION}}</caption>
<thead><tr><th scope="col">{{L_NUMBER_SHORT}}</th><th scope="col">{{L_COMMITMENT}}</th><th scope="col">{{L_LEAD}}</th><th scope="col">{{L_SELF_STATUS}}</th><th scope="col">{{L_PROGRESS}}</th></tr></thead>
<tbody>{{#COMMITMENT}}
<tr><td data-label="{{L_NUMBER_SHORT}}">{{NUMBER}}</td><td data-label="{{L_COMMITMENT}}"><a href="/{{LANG}}/commitments/{{OGP_ID}}"><span lang="{{TITLE_LANG}}">{{TITLE}}</span>{{#TITLE_MISSING}}{{L_TITLE_NOT_RECORDED}}{{/TITLE_MISSING}}</a>{{>TITLE_DOUBT}} <span class="small">{{OGP_ID}}</span>{{>OGP_DOUBT}}{{#TITLE_FALLBACK}} <span class="fallback">{{L_ONLY_OTHER_LANG_SHORT}}</span>{{/TITLE_FALLBACK}}</td>
<td data-label="{{L_LEAD}}">{{#LEAD}}<a href="/{{LANG}}/members/{{SLUG}}" lang="{{NAME_LANG}}">{{#LEAD_ABBR}}<abbr title="{{FULL}}">{{NAME}}</abbr>{{/LEAD_ABBR}}{{#LEAD_PLAIN}}{{NAME}}{{/LEAD_PLAIN}}</a>{{>DOUBT}}{{#LEAD_separator}}, {{/LEAD_separator}}{{/LEAD}}{{#NO_LEAD}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/NO_LEAD}}</td>
<td data-label="{{L_SELF_STATUS}}">{{STATUS}}{{#STATUS_MISSING}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/STATUS_MISSING}}</td>
<td data-label="{{L_PROGRESS}}">{{>PROGRESS}}</td></tr>{{/COMMITMENT}}
</tbody>
</table>
</div>
</section>
<section aria-labelledby="charts-h">
<h2 id="charts-h">{{L_CHARTS}}</h2>
<div class="charts">
<figure class="chart">
<figcaption id="cp-cap">{{L_CHART_PROGRESS}}</figcaption>
<ol class="bars" aria-labelledby="cp-cap">{{#COMMITMENT}}
<li><span class="bar-label"><span lang="{{TITLE_LANG}}">{{TITLE}}</span>{{#TITLE_MISSING}}{{L_TITLE_NOT_RECORDED}}{{/TITLE_MISSING}} <span class="small">{{OGP_ID}}</span></span> <span class="bar"><span class="meter" aria-hidden="true"><span class="meter-fill w{{BAR_STEP}}"></span></span> <span class="bar-value">{{BAR_VALUE}}</span></span></li>{{/COMMITMENT}}
</ol>
<p class="small">{{L_CHART_PROGRESS_ALT}}</p>
</figure>
<figure class="chart">
<figcaption id="cs-cap">{{L_CHART_STATUS}}</figcaption>
<ul class="bars" aria-labelledby="cs-cap">{{#COL}}
<li><span class="bar-label">{{LABEL}}</span> <span class="bar"><span class="meter" aria-hidden="true"><span class="meter-fill w{{STEP}}"></span></span> <span class="bar-value">{{COUNT}}</span></span></li>{{/COL}}
</ul>
</figure>
</div>
</section>
{{>FOLLOW}}
{{>HOW}}
</div>
