{{%AUTOESCAPE context="HTML"}}
<div class="narrow">
{{#FORM}}
<h1>Ativar o segundo fator</h1>
<p>Para entrar na administração é preciso um segundo fator. Leia este código QR com uma aplicação de autenticação (por exemplo, FreeOTP, Aegis ou Google Authenticator) ou escreva a chave abaixo, e confirme com o código de 6 algarismos que a aplicação mostra.</p>
<figure class="qr">
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{SIZE}} {{SIZE}}" width="240" height="240" role="img" aria-labelledby="qr-title"><title id="qr-title">Código QR com a chave do segundo fator</title><rect width="{{SIZE}}" height="{{SIZE}}" fill="#fff"/>{{#M}}<rect x="{{X}}" y="{{Y}}" width="1" height="1"/>{{/M}}</svg>
<figcaption>Chave: <code class="secret">{{SECRET}}</code></figcaption>
</figure>
{{#ERROR}}<p class="error" role="alert">{{TEXT}}</p>{{/ERROR}}
<form method="post" action="/admin/2fa/enrol" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="code">Código da aplicação</label><br>
<input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required maxlength="12"></p>
<p><button type="submit">Ativar</button></p>
</form>
{{/FORM}}
{{#DONE}}
<h1>Segundo fator ativado</h1>
<p>Guarde estes códigos de recuperação num lugar seguro. Cada um serve uma única vez, se perder o acesso à aplicação. Não voltam a ser mostrados.</p>
<ul class="codes">{{#CODE}}<li><code>{{C}}</code></li>{{/CODE}}</ul>
<p><a class="button" href="/admin/">Continuar para o painel</a></p>
{{/DONE}}
</div>
