{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/admin/{{SLUG}}/{{OID}}">{{NAME}}</a> › <a href="/admin/{{SLUG}}/{{OID}}/sources">Fontes e evidências</a></p>
<h1>Remover a ligação {{N}} de {{NAME}}</h1>
{{#GONE}}<div class="error-box" role="alert"><p>A ligação já foi removida por outra pessoa.</p></div>
<p><a href="/admin/{{SLUG}}/{{OID}}/sources">Voltar às fontes e evidências</a></p>{{/GONE}}
{{#CONFIRM}}{{#CHANGED}}<div class="error-box" role="alert"><p>A ligação mudou entretanto; nada foi removido. Confira o que ela tem agora e confirme de novo.</p></div>{{/CHANGED}}
<p>Vai remover esta ligação da página pública. A remoção fica no histórico público, com o que a ligação tinha.</p>
<dl class="facts">
<div><dt>Tipo</dt><dd>{{KIND_L}}</dd></div>
<div><dt>{{#IS_URL}}Endereço{{/IS_URL}}{{#IS_DOC}}Documento carregado{{/IS_DOC}}</dt><dd><a href="{{HREF}}" rel="external noreferrer">{{SHOWN}}</a></dd></div>
<div><dt>Texto (PT)</dt><dd>{{#PT}}<span lang="pt">{{TEXT}}</span>{{/PT}}{{#NO_PT}}sem texto{{/NO_PT}}</dd></div>
<div><dt>Texto (EN)</dt><dd>{{#EN}}<span lang="en">{{TEXT}}</span>{{/EN}}{{#NO_EN}}sem texto{{/NO_EN}}</dd></div>
</dl>
<form method="post" action="/admin/sources/{{ID}}/delete" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="was_kind" value="{{WAS_KIND}}">
<input type="hidden" name="was_url" value="{{WAS_URL}}">
<input type="hidden" name="was_label_pt" value="{{WAS_LABEL_PT}}">
<input type="hidden" name="was_label_en" value="{{WAS_LABEL_EN}}">
<p><button type="submit" class="danger">Remover definitivamente</button> <a href="/admin/{{SLUG}}/{{OID}}/sources">Cancelar</a></p>
</form>{{/CONFIRM}}
