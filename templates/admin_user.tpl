{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/admin/users">Utilizadores</a></p>
<h1>{{NAME}} <span class="small">{{LOGIN}}</span></h1>
{{#NEWPW}}<div class="note-box" role="status"><p>Nova palavra-passe: <code class="secret">{{PW}}</code></p><p>Só é mostrada agora.</p></div>{{/NEWPW}}
{{#ERROR}}<p class="error-box" role="alert">{{TEXT}}</p>{{/ERROR}}
<dl class="facts"><div><dt>Segundo fator</dt><dd>{{TOTP}}</dd></div><div><dt>Estado</dt><dd>{{STATE}}</dd></div><div><dt>Sessões ativas</dt><dd>{{SESSIONS}}</dd></div></dl>
<form method="post" action="/admin/users/{{ID}}" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="f-name">Nome</label><input id="f-name" name="name" type="text" maxlength="200" required value="{{NAME}}"></div>
<div class="field"><label for="f-role">Papel</label><select id="f-role" name="role">{{#ROLEOPT}}<option value="{{V}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/ROLEOPT}}</select></div>
<div class="field"><label for="f-entity">Entidade (só para editores de entidade)</label><select id="f-entity" name="entity">{{#ENTOPT}}<option value="{{V}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/ENTOPT}}</select></div>
<p><button type="submit">Gravar</button></p>
</form>
<h2>Ações</h2>
<ul class="actions">
{{#ACTION}}<li><form method="post" action="/admin/users/{{ID}}/{{DO}}" class="inline-form"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">{{LABEL}}</button></form> <span class="small">{{HELP}}</span></li>{{/ACTION}}
</ul>
