{{%AUTOESCAPE context="HTML"}}
<div class="wrap">
<h1>{{L_SEARCH_HEADING}}</h1>
<form class="search-form" role="search" aria-label="{{L_SEARCH_HEADING}}" method="get" action="/{{LANG}}/search">
<label for="q-main">{{L_SEARCH_WORDS}}</label>
<input id="q-main" type="search" name="q" value="{{Q}}" maxlength="200" aria-describedby="q-help">
{{#HIDDEN}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">{{/HIDDEN}}
<button type="submit">{{L_SEARCH}}</button>
<p id="q-help" class="small">{{L_SEARCH_HELP}}</p>
</form>
{{#MESSAGE}}<p class="notice" role="alert">{{TEXT}}</p>{{/MESSAGE}}
{{#GUIDE}}<div class="guide">
<p>{{L_SEARCH_GUIDE}}</p>
<p><a href="/{{LANG}}/commitments">{{L_SEARCH_ALL_COMMITMENTS}}</a></p>
</div>{{/GUIDE}}
{{#RESULTS}}<div class="with-facets{{#NO_FACETS}} no-facets{{/NO_FACETS}}">
{{>FACETS}}
<section class="results" aria-labelledby="results-h">
<h2 id="results-h">{{TOTAL}} {{RESULTS_WORD}}</h2>
{{#NONE}}<p>{{L_NO_RESULTS}}</p>{{/NONE}}
<ol class="hits" start="{{START}}">{{#HIT}}
<li class="hit">
<p class="kind"><span class="tag">{{KIND}}</span>{{#OGP}} <span class="small">{{OGP_ID}}</span>{{>OGP_DOUBT}}{{/OGP}}{{#PARENT}} <span class="small">{{L_IN_COMMITMENT}} {{OGP_ID}}</span>{{>OGP_DOUBT}}{{/PARENT}}{{#FALLBACK}} <span class="fallback">{{L_MATCH_OTHER_LANG}}</span>{{/FALLBACK}}</p>
<h3><a href="{{URL}}" lang="{{HLANG}}">{{#T}}{{#MARK}}<mark>{{TEXT}}</mark>{{/MARK}}{{#PLAIN}}{{TEXT}}{{/PLAIN}}{{/T}}{{#UNTITLED}}{{L_TITLE_NOT_RECORDED}}{{/UNTITLED}}</a>{{>TITLE_DOUBT}}</h3>
{{#SNIPPET}}<p class="snippet" lang="{{HLANG}}">{{#S}}{{#MARK}}<mark>{{TEXT}}</mark>{{/MARK}}{{#PLAIN}}{{TEXT}}{{/PLAIN}}{{/S}}</p>{{/SNIPPET}}
</li>{{/HIT}}
</ol>
{{#PAGER}}<nav class="pager" aria-label="{{L_RESULT_PAGES}}">
<ul>{{#PREV}}<li><a href="{{URL}}" rel="prev">{{L_PREV}}</a></li>{{/PREV}}
<li aria-current="page">{{L_PAGE}} {{PAGE}} / {{PAGES}}</li>{{#NEXT}}
<li><a href="{{URL}}" rel="next">{{L_NEXT}}</a></li>{{/NEXT}}</ul>
</nav>{{/PAGER}}
</section>
</div>{{/RESULTS}}
</div>
