{{%AUTOESCAPE context="HTML"}}
<div class="narrow">
<h1>Segundo fator</h1>
<p>Introduza o código de 6 algarismos da sua aplicação de autenticação, ou um dos seus códigos de recuperação.</p>
{{#ERROR}}<p class="error" role="alert">{{TEXT}}</p>{{/ERROR}}
<form method="post" action="/admin/2fa" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="code">Código</label><br>
<input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required maxlength="32"></p>
<p><button type="submit">Confirmar</button></p>
</form>
</div>
