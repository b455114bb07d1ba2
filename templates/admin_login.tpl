{{%AUTOESCAPE context="HTML"}}
<div class="narrow">
<h1>Entrar</h1>
<p>Área reservada à equipa do ponto focal (LabX, AMA) e aos editores das entidades da rede.</p>
{{#ERROR}}<p class="error" role="alert" id="login-error">{{TEXT}}</p>{{/ERROR}}
<form method="post" action="/admin/login" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="login">Utilizador (endereço de correio)</label><br>
<input id="login" name="login" type="text" autocomplete="username" required maxlength="254" value="{{LOGIN}}"></p>
<p><label for="password">Palavra-passe</label><br>
<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024"></p>
<p><button type="submit">Entrar</button></p>
</form>
</div>
