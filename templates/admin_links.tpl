{{%AUTOESCAPE context="HTML"}}
<h1>Ligações quebradas e redirecionadas{{HEADCOUNT}}</h1>
{{#NEVER}}<p>Ainda não foi feita nenhuma verificação. O servidor verifica as ligações todos os dias; para verificar agora, corra <code>aberta-admin links check</code>.</p>{{/NEVER}}
{{#CHECKED}}<p>Última verificação: <time datetime="{{AT}}">{{AT}}</time> (UTC). {{N}} endereços verificados: {{BROKEN}} quebrados, {{REDIRECT}} redirecionados. As páginas públicas assinalam as ligações quebradas e, quando há, a cópia arquivada do documento.</p>{{/CHECKED}}
{{>LISTNOTE}}
<form method="get" action="/admin/links" class="form filters" role="search" aria-label="Procurar nas ligações">
<div class="field"><label for="f-q">Procurar</label><input id="f-q" name="q" type="search" maxlength="200" value="{{Q}}" aria-describedby="f-q-hint"><span id="f-q-hint" class="hint">Uma parte do endereço.</span></div>
<div class="field"><label for="f-result">Resultado</label><select id="f-result" name="result"><option value="">Todos</option><option value="broken"{{#F_BROKEN}} selected{{/F_BROKEN}}>Quebradas</option><option value="redirect"{{#F_REDIRECT}} selected{{/F_REDIRECT}}>Redirecionadas</option></select></div>
<p><button type="submit">Aplicar</button> <a href="/admin/links">Limpar</a></p>
</form>
{{#NONE}}<p>Nenhuma ligação quebrada ou redirecionada.</p>{{/NONE}}
{{#NONE_FOUND}}<p>Nenhum endereço corresponde à pesquisa e ao filtro.</p>{{/NONE_FOUND}}
{{#ADDR}}<section class="card linkcheck {{CLASS}}" aria-label="{{RESULT}}: {{URL}}">
<h2 class="small"><span class="tag">{{RESULT}}</span> <a href="{{URL}}" rel="external noreferrer">{{URL}}</a></h2>
<dl class="facts">
{{#BROKEN}}<div><dt>Problema</dt><dd>{{WHY}}{{#DETAIL}} — {{TEXT}}{{/DETAIL}} {{STATUS}}</dd></div>
<div><dt>Quebrada desde</dt><dd><time datetime="{{SINCE}}">{{SINCE}}</time></dd></div>{{/BROKEN}}
{{#MOVED}}<div><dt>Vai dar a</dt><dd><a href="{{FINAL}}" rel="external noreferrer">{{FINAL}}</a> ({{STATUS}}); pode substituir o endereço pelo novo.</dd></div>{{/MOVED}}
<div><dt>Cópia arquivada</dt><dd>{{#ARCHIVED}}sim, de <time datetime="{{AT}}">{{AT}}</time>{{/ARCHIVED}}{{#NOT_ARCHIVED}}não{{/NOT_ARCHIVED}}</dd></div>
<div><dt>Verificada em</dt><dd><time datetime="{{CHECKED}}">{{CHECKED}}</time></dd></div>
</dl>
<p>Usada em:</p>
<ul>{{#USE}}<li>{{WHAT}} ({{FIELD}}) — <a href="{{PAGE}}">página pública</a> · <a href="{{EDIT}}">editar</a></li>{{/USE}}</ul>
</section>{{/ADDR}}
{{>PAGER}}
