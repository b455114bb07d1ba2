{{%AUTOESCAPE context="HTML"}}
<h1>Utilizadores{{HEADCOUNT}}</h1>
{{#NEWPW}}<div class="note-box" role="status"><p>Conta <strong>{{LOGIN}}</strong>: a palavra-passe é <code class="secret">{{PW}}</code></p><p>Só é mostrada agora. Entregue-a à pessoa por um canal seguro; no primeiro acesso ativa o segundo fator.</p></div>{{/NEWPW}}
{{>LISTNOTE}}
<form method="get" action="/admin/users" class="form filters" role="search" aria-label="Procurar nas contas">
<div class="field"><label for="f-q">Procurar</label><input id="f-q" name="q" type="search" maxlength="200" value="{{Q}}" aria-describedby="f-q-hint"><span id="f-q-hint" class="hint">No utilizador, no nome e na sigla ou no nome da entidade.</span></div>
<div class="field"><label for="f-frole">Papel</label><select id="f-frole" name="role"><option value="">Todos</option>{{#FROLE}}<option value="{{V}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/FROLE}}</select></div>
<p><button type="submit">Aplicar</button> <a href="/admin/users">Limpar</a></p>
</form>
<div class="table-wrap" tabindex="0" role="region" aria-label="Tabela">
<table>
<caption>Contas da equipa</caption>
<thead><tr><th scope="col">Utilizador</th><th scope="col">Nome</th><th scope="col">Papel</th><th scope="col">Entidade</th><th scope="col">Segundo fator</th><th scope="col">Estado</th><th scope="col">Sessões ativas</th></tr></thead>
<tbody>{{#U}}<tr><td><a href="/admin/users/{{ID}}">{{LOGIN}}</a></td><td>{{NAME}}</td><td>{{ROLE}}</td><td>{{ENTITY}}</td><td>{{TOTP}}</td><td>{{STATE}}</td><td>{{SESSIONS}}</td></tr>{{/U}}</tbody>
</table></div>
{{>PAGER}}
<h2>Nova conta</h2>
{{#ERROR}}<p class="error-box" role="alert">{{TEXT}}</p>{{/ERROR}}
<form method="post" action="/admin/users/new" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="f-login">Utilizador (endereço de correio)</label><input id="f-login" name="login" type="email" maxlength="254" required value="{{F_LOGIN}}"></div>
<div class="field"><label for="f-name">Nome</label><input id="f-name" name="name" type="text" maxlength="200" required value="{{F_NAME}}"></div>
<div class="field"><label for="f-role">Papel</label><select id="f-role" name="role">{{#ROLEOPT}}<option value="{{V}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/ROLEOPT}}</select></div>
<div class="field"><label for="f-entity">Entidade (só para editores de entidade)</label><select id="f-entity" name="entity">{{#ENTOPT}}<option value="{{V}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/ENTOPT}}</select></div>
<p><button type="submit">Criar conta</button></p>
</form>
