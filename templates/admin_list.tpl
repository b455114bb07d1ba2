{{%AUTOESCAPE context="HTML"}}
<h1>{{PLURAL}}{{HEADCOUNT}}</h1>
{{#NEW}}<p><a class="button" href="/admin/{{KIND}}/new">Novo registo</a></p>{{/NEW}}
{{>LISTNOTE}}
<form method="get" action="/admin/{{KIND}}" class="form filters" role="search" aria-label="Procurar e filtrar {{PLURAL_LC}}">
{{#SEARCH}}<div class="field"><label for="f-q">Procurar</label><input id="f-q" name="q" type="search" maxlength="200" value="{{Q}}" aria-describedby="f-q-hint"><span id="f-q-hint" class="hint">{{HINT}}</span></div>{{/SEARCH}}
{{#FILTER}}{{#SELECT}}<div class="field"><label for="f-{{NAME}}">{{LABEL}}</label><select id="f-{{NAME}}" name="{{NAME}}"><option value="">Todos</option>{{#OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{TEXT}}</option>{{/OPT}}</select></div>{{/SELECT}}
{{#YEAR}}<div class="field"><label for="f-{{NAME}}">{{LABEL}}</label><input id="f-{{NAME}}" name="{{NAME}}" type="text" inputmode="numeric" maxlength="4" size="4" value="{{VALUE}}"></div>{{/YEAR}}
{{#CHECK}}<div class="field check"><input id="f-{{NAME}}" name="{{NAME}}" type="checkbox" value="1"{{#ON}} checked{{/ON}}><label for="f-{{NAME}}">{{LABEL}}</label></div>{{/CHECK}}
{{#HIDDEN}}<p class="field">{{LABEL}} <input type="hidden" name="{{NAME}}" value="{{VALUE}}"><a href="{{WITHOUT}}">mostrar todos</a></p>{{/HIDDEN}}{{/FILTER}}
<div class="field"><label for="f-sort">Ordenar por</label><select id="f-sort" name="sort">{{#SORT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{TEXT}}</option>{{/SORT}}</select></div>
<p><button type="submit">Aplicar</button> <a href="/admin/{{KIND}}">Limpar</a></p>
</form>
{{#EMPTY}}<p>{{EMPTY_TEXT}}</p>{{/EMPTY}}
{{#HAS_ROWS}}<div class="table-wrap" tabindex="0" role="region" aria-labelledby="list-caption">
<table class="admin-table">
<caption id="list-caption">{{CAPTION}}</caption>
<thead><tr>{{#HEAD}}<th scope="col">{{TEXT}}</th>{{/HEAD}}</tr></thead>
<tbody>{{#ROW}}<tr>{{#CELL}}{{#TH}}<th scope="row">{{/TH}}{{#TD}}<td>{{/TD}}{{#LINK}}<a href="{{HREF}}">{{TEXT}}</a>{{/LINK}}{{#PLAIN}}{{TEXT}}{{/PLAIN}}{{#MISSING}}<span class="small">{{TEXT}}</span>{{/MISSING}}{{#EXTRA}} <a class="small" href="{{HREF}}">{{TEXT}}</a>{{/EXTRA}}{{#TH}}</th>{{/TH}}{{#TD}}</td>{{/TD}}{{/CELL}}</tr>{{/ROW}}</tbody>
</table></div>{{/HAS_ROWS}}
{{>PAGER}}
