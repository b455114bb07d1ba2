{{%AUTOESCAPE context="HTML"}}
<div class="wrap">
<nav class="crumbs" aria-label="{{L_BREADCRUMB}}"><a href="/{{LANG}}/plans">{{L_NAV_PLANS}}</a> › <span aria-current="page">{{ORDINAL}}</span></nav>
<h1 lang="{{PLAN_TITLE_LANG}}">{{PLAN_TITLE}}</h1>
{{#PLAN_TITLE_FALLBACK}}<p class="fallback">{{L_ONLY_OTHER_LANG}}</p>{{/PLAN_TITLE_FALLBACK}}
<dl class="facts">
<div><dt>{{L_PERIOD}}</dt><dd>{{PERIOD}}</dd></div>
<div><dt>{{L_PUBLISHED}}</dt><dd>{{#PUBLISHED_MISSING}}{{L_NOT_RECORDED}}{{/PUBLISHED_MISSING}}{{#PUBLISHED_HAS}}<time datetime="{{PUBLISHED_ISO}}">{{PUBLISHED}}</time>{{/PUBLISHED_HAS}}</dd></div>
<div><dt>{{L_STATUS}}</dt><dd>{{STATUS}}{{#STATUS_MISSING}}{{L_NOT_RECORDED}}{{/STATUS_MISSING}}</dd></div>
<div><dt>{{L_FIG_COMMITMENTS}}</dt><dd>{{N}}</dd></div>
<div><dt>{{L_PLAN_PROGRESS}}</dt><dd>{{>PROGRESS}}</dd></div>
<div><dt>{{L_HISTORY}}</dt><dd><a href="/{{LANG}}/plans/{{PLAN_NUMBER}}/history">{{L_SEE_HISTORY}}</a> · <a href="/{{LANG}}/plans/{{PLAN_NUMBER}}/feed.atom" type="application/atom+xml">{{L_SUBSCRIBE}}</a></dd></div>
<div><dt>{{L_DOCUMENT}}</dt><dd>{{#DOC}}<a href="{{DOC_URL}}" rel="external">{{L_PLAN_DOCUMENT}}</a>{{>DOC_STATE}}{{/DOC}}{{#NO_DOC}}{{L_NOT_RECORDED}}{{/NO_DOC}}</dd></div>
</dl>
<section aria-labelledby="made-h">
<h2 id="made-h">{{L_HOW_MADE}}</h2>
{{#COCREATION_MISSING}}<p class="unknown">{{L_NOT_RECORDED}}</p>{{/COCREATION_MISSING}}
<div lang="{{COCREATION_LANG}}">{{#COCREATION_P}}<p>{{TEXT}}</p>{{/COCREATION_P}}</div>
{{#COCREATION_FALLBACK}}<p class="fallback">{{L_ONLY_OTHER_LANG}}</p>{{/COCREATION_FALLBACK}}
</section>
<section aria-labelledby="summary-h">
<h2 id="summary-h">{{L_PLAN_SUMMARY}}</h2>
{{#SUMMARY_MISSING}}<p class="unknown">{{L_NOT_RECORDED}}</p>{{/SUMMARY_MISSING}}
<div lang="{{SUMMARY_LANG}}">{{#SUMMARY_P}}<p>{{TEXT}}</p>{{/SUMMARY_P}}</div>
{{#SUMMARY_FALLBACK}}<p class="fallback">{{L_ONLY_OTHER_LANG}}</p>{{/SUMMARY_FALLBACK}}
{{#HAS_LINKS}}<h3>{{L_SOURCES}}</h3><ul>{{#LINK}}<li><a href="{{URL}}" rel="external">{{LABEL}}</a> <span class="small">({{KIND}})</span>{{>LINKSTATE}}</li>{{/LINK}}</ul>{{/HAS_LINKS}}
</section>
<section aria-labelledby="commitments-h">
<h2 id="commitments-h">{{L_COMMITMENTS}}</h2>
<div class="table-wrap" tabindex="0" role="region" aria-label="{{L_TABLE}}">
<table>
<caption>{{L_PLAN_TABLE_CAPTION}}</caption>
<thead><tr><th scope="col">{{L_NUMBER_SHORT}}</th><th scope="col">{{L_COMMITMENT}}</th><th scope="col">{{L_LEAD}}</th><th scope="col">{{L_SELF_STATUS}}</th><th scope="col">{{L_PROGRESS}}</th></tr></thead>
<tbody>{{#COMMITMENT}}
<tr><td>{{NUMBER}}</td><td><a href="/{{LANG}}/commitments/{{OGP_ID}}"><span lang="{{TITLE_LANG}}">{{TITLE}}</span>{{#TITLE_MISSING}}{{L_TITLE_NOT_RECORDED}}{{/TITLE_MISSING}}</a> <span class="small">{{OGP_ID}}</span>{{#TITLE_FALLBACK}} <span class="fallback">{{L_ONLY_OTHER_LANG_SHORT}}</span>{{/TITLE_FALLBACK}}</td>
<td>{{#LEAD}}<a href="/{{LANG}}/members/{{SLUG}}" lang="{{NAME_LANG}}">{{NAME}}</a>{{#LEAD_separator}}, {{/LEAD_separator}}{{/LEAD}}{{#NO_LEAD}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/NO_LEAD}}</td>
<td>{{STATUS}}{{#STATUS_MISSING}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/STATUS_MISSING}}</td>
<td>{{>PROGRESS}}</td></tr>{{/COMMITMENT}}
</tbody>
</table>
</div>
</section>
<section aria-labelledby="charts-h">
<h2 id="charts-h">{{L_CHARTS}}</h2>
<div class="charts">
<figure class="chart">
<figcaption id="cp-cap">{{L_CHART_PROGRESS}}</figcaption>
<svg role="img" aria-labelledby="cp-cap" viewBox="0 0 560 {{CH}}" class="chart-svg">{{#COMMITMENT}}
<text x="0" y="{{BAR_TY}}" class="chart-label">{{OGP_ID}}</text><rect x="90" y="{{BAR_Y}}" width="400" height="14" class="chart-track"/><rect x="90" y="{{BAR_Y}}" width="{{BAR_W}}" height="14" class="chart-fill"/><text x="{{BAR_TX}}" y="{{BAR_TY}}" class="chart-value">{{BAR_VALUE}}</text>{{/COMMITMENT}}
</svg>
<p class="small">{{L_CHART_PROGRESS_ALT}}</p>
</figure>
<figure class="chart">
<figcaption id="cs-cap">{{L_CHART_STATUS}}</figcaption>
<svg role="img" aria-labelledby="cs-cap" viewBox="0 0 560 180" class="chart-svg">{{#COL}}
<text x="0" y="{{TY}}" class="chart-label">{{LABEL}}</text><rect x="200" y="{{Y}}" width="{{W}}" height="14" class="chart-fill"/><text x="{{TX}}" y="{{TY}}" class="chart-value">{{COUNT}}</text>{{/COL}}
</svg>
<details><summary>{{L_CHART_DATA}}</summary>
<table><caption>{{L_CHART_STATUS}}</caption><thead><tr><th scope="col">{{L_SELF_STATUS}}</th><th scope="col">{{L_FIG_COMMITMENTS}}</th></tr></thead>
<tbody>{{#COL}}<tr><td>{{LABEL}}</td><td>{{COUNT}}</td></tr>{{/COL}}</tbody></table>
</details>
</figure>
</div>
</section>
{{>HOW}}
</div>
