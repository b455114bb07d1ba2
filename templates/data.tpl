{{%AUTOESCAPE context="HTML"}}
<div class="wrap">
<h1>{{L_DATA_HEADING}}</h1>
<p class="lead">{{L_DATA_INTRO}}</p>
<section id="download" aria-labelledby="download-h">
<h2 id="download-h">{{L_DATA_DOWNLOAD}}</h2>
{{#BUTTON}}
<p id="get-{{NAME}}"><a class="button" href="/data/{{NAME}}.csv" type="text/csv">{{LABEL}}</a> <span class="small"><a href="/data/{{NAME}}.json" type="application/json">JSON</a> · <a href="/{{LANG}}/data/dictionary#set-{{NAME}}">{{L_DATA_COLUMNS}}</a></span></p>{{/BUTTON}}
</section>
<section id="bulk" aria-labelledby="bulk-h">
<h2 id="bulk-h">{{L_DATA_BULK}}</h2>
<p>{{L_DATA_BULK_TEXT}}</p>
<div class="table-wrap" tabindex="0" role="region" aria-label="{{L_TABLE}}">
<table>
<caption>{{L_DATA_BULK_CAPTION}}</caption>
<thead><tr><th scope="col">{{L_DATA_DATASET}}</th><th scope="col">{{L_DATA_CONTENT}}</th><th scope="col">{{L_DATA_FORMATS}}</th></tr></thead>
<tbody>{{#BULK}}
<tr id="dl-{{NAME}}"><th scope="row"><a href="/{{LANG}}/data/dictionary#set-{{NAME}}"><code>{{NAME}}</code></a></th><td>{{DESC}}</td><td><a href="/data/{{NAME}}.csv" type="text/csv">CSV</a> · <a href="/data/{{NAME}}.json" type="application/json">JSON</a></td></tr>{{/BULK}}
</tbody>
</table>
</div>
<p>{{L_DATA_IMPORT}}</p>
</section>
<section id="licence" aria-labelledby="licence-h">
<h2 id="licence-h">{{L_DATA_LICENCE}}</h2>
<p>{{L_DATA_PUBLISHER}} <a href="/{{LANG}}/data/dictionary#set-links"><code>links</code></a>.</p>
{{#HAS_LICENCE}}<p>{{L_DATA_LICENCE_SET}} <a rel="license" href="{{HREF}}">{{HREF}}</a></p>{{/HAS_LICENCE}}
{{#NO_LICENCE}}<p><strong>{{L_DATA_LICENCE_NONE}}</strong> {{L_DATA_LICENCE_NONE_TEXT}}</p>{{/NO_LICENCE}}
</section>
<section id="pages" aria-labelledby="pages-h">
<h2 id="pages-h">{{L_DATA_API}}</h2>
<p>{{L_DATA_API_TEXT}} <a href="/data/openapi.json" type="application/json"><code>/data/openapi.json</code></a></p>
<p>{{L_DATA_PAGES_TEXT}}</p>
<ul>{{#EXAMPLE}}<li><a href="{{HREF}}"><code>{{HREF}}</code></a></li>{{/EXAMPLE}}</ul>
<p>{{L_DATA_ACCEPT}}</p>
<p>{{L_DATA_CATALOG}} <a href="/data/catalog.jsonld" type="application/ld+json"><code>/data/catalog.jsonld</code></a></p>
</section>
<section id="dictionary" aria-labelledby="dictionary-h">
<h2 id="dictionary-h">{{L_DATA_DICTIONARY}}</h2>
<p>{{L_DATA_DICTIONARY_LINK}} <a href="/{{LANG}}/data/dictionary">{{L_DATA_DICTIONARY}}</a></p>
<ul class="inline">{{#PART}}<li id="{{ID}}" data-moved><a href="/{{LANG}}/data/dictionary#{{ID}}">{{LABEL}}</a></li>{{/PART}}</ul>
</section>
</div>
<script src="/static/data.js" defer></script>
