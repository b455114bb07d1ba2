{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/admin/{{SLUG}}/{{OID}}">{{NAME}}</a> › <a href="/admin/{{SLUG}}/{{OID}}/sources">Fontes e evidências</a></p>
<h1>Corrigir a ligação {{N}} de {{NAME}}</h1>
{{#GONE}}<div class="error-box" role="alert"><p>A ligação foi removida por outra pessoa enquanto a corrigia; nada foi gravado.</p><p><a href="/admin/{{SLUG}}/{{OID}}/sources">Voltar às fontes e evidências</a></p></div>{{/GONE}}
{{#CONFLICT}}<div class="error-box" role="alert">
<h2>Outra pessoa corrigiu esta ligação enquanto a editava</h2>
<p>Nada foi gravado. Compare as duas versões, acerte o formulário abaixo (tem os seus valores) e grave de novo.</p>
<table><caption>Campos diferentes</caption><thead><tr><th scope="col">Campo</th><th scope="col">Versão gravada por outra pessoa</th><th scope="col">A sua versão</th></tr></thead>
<tbody>{{#DIFF}}<tr><th scope="row">{{LABEL}}</th><td>{{THEIRS}}</td><td>{{YOURS}}</td></tr>{{/DIFF}}</tbody></table>
</div>{{/CONFLICT}}
{{#ERRORS}}<div class="error-box" id="errors" tabindex="-1" autofocus><p>Há {{N}} campo(s) por corrigir; nada foi gravado:</p>
<ul>{{#ERR}}<li><a href="#{{FOR}}">{{LABEL}}: {{TEXT}}</a></li>{{/ERR}}</ul></div>{{/ERRORS}}
{{#FORM}}<p class="hint">Um endereço corrigido fica «por verificar» até à próxima passagem diária do verificador de ligações; o resultado e a cópia arquivada do endereço anterior deixam de se mostrar. A correção fica no histórico público.</p>
{{#DOC}}<p>Documento carregado: <a href="/admin/uploads/{{SHA}}">{{DOC_NAME}}</a> (o documento não se troca; para outro, remova esta ligação e acrescente uma nova).</p>{{/DOC}}
<form method="post" action="/admin/sources/{{ID}}" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="was_kind" value="{{WAS_KIND}}">
<input type="hidden" name="was_url" value="{{WAS_URL}}">
<input type="hidden" name="was_label_pt" value="{{WAS_LABEL_PT}}">
<input type="hidden" name="was_label_en" value="{{WAS_LABEL_EN}}">
{{>FIELDS}}
<p><button type="submit">Gravar a correção</button> <a href="/admin/{{SLUG}}/{{OID}}/sources">Cancelar</a></p>
</form>
<p><a href="/admin/sources/{{ID}}/delete">Remover esta ligação…</a></p>{{/FORM}}
