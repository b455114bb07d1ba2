{{%AUTOESCAPE context="HTML"}}
<h1>Documento {{NAME}}</h1>
{{#ERROR}}<p class="error-box" role="alert">{{TEXT}}</p>{{/ERROR}}
<dl class="facts">
<div><dt>Tipo</dt><dd>{{MIME}}</dd></div>
<div><dt>Tamanho</dt><dd>{{SIZE}} bytes</dd></div>
<div><dt>Guardado</dt><dd><time datetime="{{AT}}">{{AT}}</time> (UTC), por {{BY}}</dd></div>
<div><dt>SHA-256</dt><dd><code>{{SHA}}</code></dd></div>
<div><dt>Público</dt><dd>{{STATE}}</dd></div>
</dl>
<p><a href="/admin/uploads/{{SHA}}/file">Abrir o ficheiro</a> (endereço só da equipa)</p>
<h2>Quem o cita</h2>
<ul>{{#CITE}}<li>{{#HREF}}<a href="{{URL}}">{{/HREF}}{{TEXT}}{{#HREF}}</a>{{/HREF}}</li>{{/CITE}}{{#NO_CITE}}<li>Nenhum registo nem proposta.</li>{{/NO_CITE}}</ul>
{{#WITHDRAWN}}<h2>Retirado</h2>
<p>Retirado em <time datetime="{{AT}}">{{AT}}</time> (UTC) por {{BY}}. Razão: {{WHY}}</p>{{/WITHDRAWN}}
{{#FORM}}<h2>Retirar o documento</h2>
<p>O endereço público passa a responder 410 (já não disponível) e as páginas que o citam mostram a data em vez da ligação. O ficheiro fica guardado no servidor e nas cópias de segurança; a equipa continua a vê-lo aqui. Não se desfaz.</p>
<form method="post" action="/admin/uploads/{{SHA}}" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="f-why">Razão (fica no registo de auditoria)</label><textarea id="f-why" name="why" maxlength="500" required{{#ERR_WHY}} aria-invalid="true"{{/ERR_WHY}}>{{WHY}}</textarea></div>
<p><button type="submit">Retirar</button></p>
</form>{{/FORM}}
