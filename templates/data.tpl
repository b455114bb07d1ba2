{{%AUTOESCAPE context="HTML"}}
<div class="wrap">
<h1>{{L_DATA_HEADING}}</h1>
<p class="lead">{{L_DATA_INTRO}}</p>
<nav aria-label="{{L_DATA_CONTENTS}}">
<ul class="inline">
<li><a href="#licence">{{L_DATA_LICENCE}}</a></li>
<li><a href="#pages">{{L_DATA_PAGES}}</a></li>
<li><a href="#bulk">{{L_DATA_BULK}}</a></li>
<li><a href="#conventions">{{L_DATA_CONVENTIONS}}</a></li>
<li><a href="#how">{{L_HOW_CALCULATED}}</a></li>
<li><a href="#confidence">{{L_DATA_CONFIDENCE}}</a></li>
<li><a href="#dates">{{L_DATA_DATES}}</a></li>
<li><a href="#dictionary">{{L_DATA_DICTIONARY}}</a></li>
</ul>
</nav>
<section id="licence" aria-labelledby="licence-h">
<h2 id="licence-h">{{L_DATA_LICENCE}}</h2>
<p>{{L_DATA_PUBLISHER}} <a href="#set-links"><code>links</code></a>.</p>
<p><strong>{{L_DATA_LICENCE_NONE}}</strong> {{L_DATA_LICENCE_NONE_TEXT}}</p>
</section>
<section id="pages" aria-labelledby="pages-h">
<h2 id="pages-h">{{L_DATA_PAGES}}</h2>
<p>{{L_DATA_PAGES_TEXT}}</p>
<ul>{{#EXAMPLE}}<li><a href="{{HREF}}"><code>{{HREF}}</code></a></li>{{/EXAMPLE}}</ul>
<p>{{L_DATA_PAGES_DETAIL}}</p>
<p>{{L_DATA_ACCEPT}}</p>
</section>
<section id="bulk" aria-labelledby="bulk-h">
<h2 id="bulk-h">{{L_DATA_BULK}}</h2>
<p>{{L_DATA_BULK_TEXT}}</p>
<div class="table-wrap" tabindex="0" role="region" aria-label="{{L_TABLE}}">
<table>
<caption>{{L_DATA_BULK_CAPTION}}</caption>
<thead><tr><th scope="col">{{L_DATA_DATASET}}</th><th scope="col">{{L_DATA_CONTENT}}</th><th scope="col">{{L_DATA_FORMATS}}</th></tr></thead>
<tbody>{{#BULK}}
<tr id="dl-{{NAME}}"><th scope="row"><a href="#set-{{NAME}}"><code>{{NAME}}</code></a></th><td>{{DESC}}</td><td><a href="/data/{{NAME}}.csv" type="text/csv">CSV</a> · <a href="/data/{{NAME}}.json" type="application/json">JSON</a></td></tr>{{/BULK}}
</tbody>
</table>
</div>
<p>{{L_DATA_CATALOG}} <a href="/data/catalog.jsonld" type="application/ld+json"><code>/data/catalog.jsonld</code></a></p>
<p>{{L_DATA_IMPORT}}</p>
</section>
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
<h2 id="dictionary-h">{{L_DATA_DICTIONARY}}</h2>
<p>{{L_DATA_DICTIONARY_TEXT}}</p>
{{#SET}}
<section id="set-{{NAME}}" aria-labelledby="set-{{NAME}}-h">
<h3 id="set-{{NAME}}-h"><code>{{NAME}}</code></h3>
<p>{{DESC}} <span class="small">{{WHERE}}</span></p>
<p class="small">{{L_DATA_FIELDS}}: {{#F}}<a href="#field-{{FIELD}}"><code>{{FIELD}}</code></a>{{#F_separator}}, {{/F_separator}}{{/F}}</p>
</section>
{{/SET}}
<div class="table-wrap" tabindex="0" role="region" aria-label="{{L_TABLE}}">
<table>
<caption>{{L_DATA_FIELDS_CAPTION}}</caption>
<thead><tr><th scope="col">{{L_DATA_FIELD}}</th><th scope="col">{{L_DATA_TYPE}}</th><th scope="col">{{L_DATA_VALUES}}</th><th scope="col">{{L_DATA_MEANING}}</th></tr></thead>
<tbody>{{#FIELD}}
<tr id="field-{{NAME}}"><th scope="row"><code>{{NAME}}</code></th><td>{{TYPE}}</td><td>{{#V}}<code>{{CODE}}</code>{{#HAS_LABEL}} ({{LABEL}}){{/HAS_LABEL}}{{#V_separator}}, {{/V_separator}}{{/V}}</td><td>{{DESC}}</td></tr>{{/FIELD}}
</tbody>
</table>
</div>
</section>
</div>
