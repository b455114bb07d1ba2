{{%AUTOESCAPE context="HTML"}}
<h1>Tentativas de entrada</h1>
{{#ERROR}}<p class="error-box" role="alert">{{TEXT}}</p>{{/ERROR}}
<div class="note-box"><p>Como se limitam as tentativas falhadas (nenhuma tentativa recusada calcula a palavra-passe nem conta como falha):</p>
<ul>
<li>um utilizador com {{PER_PAIR}} falhas em {{WINDOW_MIN}} minutos a partir de uma rede estreita (um endereço IPv4, um /64 IPv6) fica recusado só a partir dessa rede;</li>
<li>a partir de {{DELAY_FREE}} falhas em {{DELAY_H}} horas vindas de redes onde o utilizador não entrou, cada nova tentativa dessas redes espera 1 segundo após a última falha, depois 2, 4… até {{DELAY_MAX_MIN}} minutos;</li>
<li>uma rede larga (um /24 IPv4, um /48 IPv6) onde o utilizador entrou nos últimos {{KNOWN_DAYS}} dias não espera pelas falhas dos outros;</li>
<li>uma rede fica recusada para todos os utilizadores com {{PER_NET}} falhas em {{WINDOW_MIN}} minutos (estreita) ou {{PER_WIDE}} (larga).</li>
</ul>
<p>Levantar as falhas de um utilizador apaga as que contam para ele (as suas redes recusadas e a sua espera), não as das redes; fica no registo de segurança.</p></div>
<h2>Utilizadores com falhas</h2>
{{#NOLOGINS}}<p>Nenhum utilizador tem falhas recentes.</p>{{/NOLOGINS}}
{{#LOGINS}}<div class="table-wrap" tabindex="0" role="region" aria-labelledby="logins-cap">
<table>
<caption id="logins-cap">Utilizadores com falhas, a mais recente primeiro (hora de Lisboa)</caption>
<thead><tr><th scope="col">Utilizador (como escrito)</th><th scope="col">Falhas de redes desconhecidas ({{DELAY_H}} h)</th><th scope="col">Espera para redes desconhecidas</th><th scope="col">Falhas por rede ({{WINDOW_MIN}} min)</th><th scope="col">Redes conhecidas</th><th scope="col">Ação</th></tr></thead>
<tbody>{{#L}}<tr><th scope="row">{{LOGIN}}</th><td>{{UNKNOWN}}</td><td>{{DELAY}}</td><td>{{#P}}<p>{{NET}}: {{N}}{{#UNTIL}} — <strong>recusada até {{T}}</strong>{{/UNTIL}}</p>{{/P}}</td><td>{{#K}}<p>{{NET}} <span class="small">(última entrada {{T}})</span></p>{{/K}}{{#NOK}}nenhuma{{/NOK}}</td>
<td><form method="post" action="/admin/logins/lift" class="inline-form"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="login" value="{{LOGIN}}"><button type="submit" aria-label="Levantar as falhas de {{LOGIN}}">Levantar</button></form></td></tr>{{/L}}</tbody>
</table></div>{{/LOGINS}}
<h2>Redes com falhas ({{WINDOW_MIN}} min, todos os utilizadores)</h2>
{{#NONETS}}<p>Nenhuma rede tem falhas recentes.</p>{{/NONETS}}
{{#NETS}}<div class="table-wrap" tabindex="0" role="region" aria-labelledby="nets-cap">
<table>
<caption id="nets-cap">Redes com falhas, a com mais primeiro (hora de Lisboa)</caption>
<thead><tr><th scope="col">Rede</th><th scope="col">Tipo</th><th scope="col">Falhas</th><th scope="col">Estado</th></tr></thead>
<tbody>{{#N}}<tr><th scope="row">{{NET}}</th><td>{{TIER}}</td><td>{{N}} de {{MAX}}</td><td>{{#UNTIL}}<strong>recusada até {{T}}</strong>{{/UNTIL}}{{#OPEN}}aceite{{/OPEN}}</td></tr>{{/N}}</tbody>
</table></div>{{/NETS}}
