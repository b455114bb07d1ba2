{{%AUTOESCAPE context="HTML"}}
<div class="wrap">
<nav class="crumbs" aria-label="{{L_BREADCRUMB}}"><a href="/{{LANG}}/plans">{{L_NAV_PLANS}}</a> › <span aria-current="page">{{L_ALL_COMMITMENTS}}</span></nav>
<h1>{{L_ALL_COMMITMENTS}}</h1>
<p class="lead">{{L_ALL_COMMITMENTS_INTRO}}</p>
<form class="search-form" role="search" aria-label="{{L_SEARCH_COMMITMENTS}}" method="get" action="/{{LANG}}/commitments">
<label for="q-list">{{L_SEARCH_COMMITMENTS}}</label>
<input id="q-list" type="search" name="q" value="{{Q}}" maxlength="200">
{{#HIDDEN}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">{{/HIDDEN}}
<button type="submit">{{L_SEARCH}}</button>
</form>
{{#MESSAGE}}<p class="notice" role="alert">{{TEXT}}</p>{{/MESSAGE}}
<div class="with-facets{{#NO_FACETS}} no-facets{{/NO_FACETS}}">
{{>FACETS}}
<section class="results" aria-labelledby="list-h">
<h2 id="list-h">{{N}} {{N_WORD}}</h2>
<p class="sorts">{{L_SORT_BY}}: {{#SORT}}{{#CURRENT}}<strong aria-current="true">{{LABEL}}</strong>{{/CURRENT}}{{#OTHER}}<a href="{{URL}}">{{LABEL}}</a>{{/OTHER}}{{#SORT_separator}} · {{/SORT_separator}}{{/SORT}}</p>
{{#NONE}}<p>{{L_NO_COMMITMENTS}}</p>{{/NONE}}
{{#HAS_ROWS}}<div class="table-wrap reflow-wrap" tabindex="0" role="region" aria-label="{{L_TABLE}}">
<table class="reflow">
<caption>{{L_ALL_COMMITMENTS_CAPTION}}</caption>
<thead><tr><th scope="col">{{L_COMMITMENT}}</th><th scope="col">{{L_PLAN}}</th><th scope="col">{{L_LEAD}}</th><th scope="col">{{L_SELF_STATUS}}</th><th scope="col">{{L_PROGRESS}}</th><th scope="col">{{L_END_DATE}}</th></tr></thead>
<tbody>{{#COMMITMENT}}
<tr><td><a href="/{{LANG}}/commitments/{{OGP_ID}}"><span lang="{{TITLE_LANG}}">{{TITLE}}</span>{{#TITLE_MISSING}}{{L_TITLE_NOT_RECORDED}}{{/TITLE_MISSING}}</a>{{>TITLE_DOUBT}} <span class="small">{{OGP_ID}}</span>{{>OGP_DOUBT}}{{#TITLE_FALLBACK}} <span class="fallback">{{L_ONLY_OTHER_LANG_SHORT}}</span>{{/TITLE_FALLBACK}}</td>
<td data-label="{{L_PLAN}}"><a href="/{{LANG}}/plans/{{PLAN}}">{{PLAN}}</a></td>
<td data-label="{{L_LEAD}}">{{#LEAD}}<a href="/{{LANG}}/members/{{SLUG}}" lang="{{NAME_LANG}}">{{NAME}}</a>{{>DOUBT}}{{#LEAD_separator}}, {{/LEAD_separator}}{{/LEAD}}{{#NO_LEAD}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/NO_LEAD}}</td>
<td data-label="{{L_SELF_STATUS}}">{{STATUS}}{{#STATUS_MISSING}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/STATUS_MISSING}}</td>
<td data-label="{{L_PROGRESS}}">{{>PROGRESS}}</td>
<td data-label="{{L_END_DATE}}">{{#END_MISSING}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/END_MISSING}}{{#END_HAS}}<time datetime="{{END_ISO}}">{{END}}</time>{{/END_HAS}}</td></tr>{{/COMMITMENT}}
</tbody>
</table>
</div>{{/HAS_ROWS}}
</section>
</div>
<p class="small"><a href="/{{LANG}}/plans/1#how">{{L_HOW_CALCULATED}}</a></p>
</div>
