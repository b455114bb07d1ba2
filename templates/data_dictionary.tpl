{{%AUTOESCAPE context="HTML"}}
<div class="wrap">
<p class="small"><a href="/{{LANG}}/data">{{L_DATA_HEADING}}</a></p>
<h1>{{L_DATA_DICTIONARY}}</h1>
<p class="lead">{{L_DATA_DICTIONARY_INTRO}}</p>
<nav aria-label="{{L_DATA_CONTENTS}}">
<ul class="inline">
<li><a href="#conventions">{{L_DATA_CONVENTIONS}}</a></li>
<li><a href="#how">{{L_HOW_CALCULATED}}</a></li>
<li><a href="#confidence">{{L_DATA_CONFIDENCE}}</a></li>
<li><a href="#dates">{{L_DATA_DATES}}</a></li>
<li><a href="#dictionary">{{L_DATA_DATASETS}}</a></li>
<li><a href="#fields">{{L_DATA_FIELDS}}</a></li>
</ul>
</nav>
<section id="conventions" aria-labelledby="conventions-h">
<h2 id="conventions-h">{{L_DATA_CONVENTIONS}}</h2>
<ul>{{#CONV}}<li>{{TEXT}}</li>{{/CONV}}</ul>
</section>
{{>HOW}}
<p>{{L_DATA_PROGRESS_FIELDS}}</p>
<section id="confidence" aria-labelledby="confidence-h">
<h2 id="confidence-h">{{L_DATA_CONFIDENCE}}</h2>
<p>{{L_DATA_CONFIDENCE_TEXT}}</p>
<dl>{{#CONF}}
<dt>{{WORD}} <span class="small">(<code>{{CODE}}</code>)</span></dt>
<dd>{{TEXT}}</dd>{{/CONF}}
</dl>
<p>{{L_DATA_CONFIDENCE_DATA}}</p>
</section>
<section id="dates" aria-labelledby="dates-h">
<h2 id="dates-h">{{L_DATA_DATES}}</h2>
<p>{{L_DATA_DATES_TEXT}}</p>
<dl>{{#ASOF}}
<dt>{{TERM}} <span class="small">(<code>{{CODE}}</code>)</span></dt>
<dd>{{TEXT}}</dd>{{/ASOF}}
</dl>
<p>{{L_DATA_DATES_SPAN}}</p>
<p>{{L_DATA_DATES_IMPORT}}</p>
</section>
<section id="dictionary" aria-labelledby="dictionary-h">
<h2 id="dictionary-h">{{L_DATA_DATASETS}}</h2>
<p>{{L_DATA_DICTIONARY_TEXT}}</p>
{{#SET}}
<section id="set-{{NAME}}" aria-labelledby="set-{{NAME}}-h">
<h3 id="set-{{NAME}}-h"><code>{{NAME}}</code></h3>
<p>{{DESC}} <span class="small">{{WHERE}}</span></p>
{{#NOTE}}<p>{{TEXT}}</p>{{/NOTE}}
<p class="small">{{L_DATA_FIELDS}}: {{#F}}<a href="#field-{{ANCHOR}}"><code>{{FIELD}}</code></a>{{#F_separator}}, {{/F_separator}}{{/F}}</p>
</section>
{{/SET}}
</section>
<section id="fields" aria-labelledby="fields-h">
<h2 id="fields-h">{{L_DATA_FIELDS}}</h2>
<div class="table-wrap" tabindex="0" role="region" aria-label="{{L_TABLE}}">
<table>
<caption>{{L_DATA_FIELDS_CAPTION}}</caption>
<thead><tr><th scope="col">{{L_DATA_FIELD}}</th><th scope="col">{{L_DATA_TYPE}}</th><th scope="col">{{L_DATA_VALUES}}</th><th scope="col">{{L_DATA_MEANING}}</th></tr></thead>
<tbody>{{#FIELD}}
<tr id="field-{{ANCHOR}}"><th scope="row"><code>{{NAME}}</code></th><td>{{TYPE}}</td><td>{{#V}}<code>{{CODE}}</code>{{#HAS_LABEL}} ({{LABEL}}){{/HAS_LABEL}}{{#V_separator}}, {{/V_separator}}{{/V}}</td><td>{{DESC}}</td></tr>{{/FIELD}}
</tbody>
</table>
</div>
</section>
</div>
