{{%AUTOESCAPE context="HTML"}}
<h1>Alertas por correio</h1>
<div class="note-box"><p>Qualquer pessoa pode seguir por correio o sítio inteiro, um plano, um compromisso ou uma entidade, sem conta: confirma o pedido pela mensagem que recebe e passa a receber o que mudou, à medida que acontece ou num resumo diário ou semanal. Os pedidos não confirmados são apagados ao fim de 7 dias.</p>
<p>Esta página só mostra números: os endereços de quem segue nunca aparecem aqui. As horas são UTC.</p></div>
{{#TOTALS}}<section aria-labelledby="totals-h">
<h2 id="totals-h">Resumo</h2>
<dl class="facts">
<div><dt>Endereços</dt><dd>{{ADDRS}}</dd></div>
<div><dt>Endereços desativados (correio recusado várias vezes)</dt><dd>{{DISABLED}}</dd></div>
<div><dt>Endereços com recusas recentes, ainda ativos</dt><dd>{{FAILING}}</dd></div>
<div><dt>Subscrições confirmadas</dt><dd>{{ACTIVE}}</dd></div>
<div><dt>Subscrições à espera de confirmação</dt><dd>{{WAITING}}</dd></div>
<div><dt>Mensagens de alerta postas na fila nas últimas 24 horas</dt><dd>{{DAY}} (alterações contadas: {{DAY_ITEMS}})</dd></div>
<div><dt>Mensagens de alerta postas na fila nos últimos 7 dias</dt><dd>{{WEEK}} (alterações contadas: {{WEEK_ITEMS}})</dd></div>
<div><dt>Mensagens à espera de envio para quem segue</dt><dd>{{OUTBOX}}{{#OLDEST}}, a mais antiga desde <time datetime="{{AT}}">{{AT}}</time>{{/OLDEST}}</dd></div>
<div><dt>Destas, com tentativas de envio falhadas</dt><dd>{{RETRY}}</dd></div>
</dl>
</section>{{/TOTALS}}
<section aria-labelledby="freq-h">
<h2 id="freq-h">Por frequência</h2>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="freq-cap">
<table>
<caption id="freq-cap">Subscrições por frequência das mensagens</caption>
<thead><tr><th scope="col">Frequência</th><th scope="col">Confirmadas</th><th scope="col">À espera de confirmação</th><th scope="col">Confirmadas, de endereços desativados</th></tr></thead>
<tbody>{{#FREQ}}<tr><th scope="row">{{LABEL}}</th><td>{{ACTIVE}}</td><td>{{WAITING}}</td><td>{{DISABLED}}</td></tr>{{/FREQ}}</tbody>
</table></div>
</section>
<section aria-labelledby="things-h">
<h2 id="things-h">Por assunto seguido</h2>
{{#NOTHINGS}}<p>Ninguém segue nada por enquanto.</p>{{/NOTHINGS}}
{{#THINGS}}<div class="table-wrap" tabindex="0" role="region" aria-labelledby="things-cap">
<table>
<caption id="things-cap">Assuntos seguidos, os com mais subscrições confirmadas primeiro: {{SHOWN}} de {{ALL}}</caption>
<thead><tr><th scope="col">Assunto</th><th scope="col">Tipo</th><th scope="col">Confirmadas</th><th scope="col">À espera de confirmação</th><th scope="col">À medida que acontece</th><th scope="col">Resumo diário</th><th scope="col">Resumo semanal</th><th scope="col">Confirmadas, de endereços desativados</th></tr></thead>
<tbody>{{#T}}<tr><th scope="row">{{#GONE}}Registo apagado{{/GONE}}{{#LINK}}<a href="{{HREF}}">{{NAME}}</a>{{/LINK}}</th><td>{{KIND}}</td><td>{{ACTIVE}}</td><td>{{WAITING}}</td><td>{{IMMEDIATE}}</td><td>{{DAILY}}</td><td>{{WEEKLY}}</td><td>{{DISABLED}}</td></tr>{{/T}}</tbody>
</table></div>{{/THINGS}}
{{#MORE}}<p>E mais assuntos seguidos, fora desta lista: {{N}}; as suas subscrições confirmadas: {{ACTIVE}}; à espera de confirmação: {{WAITING}}.</p>{{/MORE}}
</section>
{{#LOOKUP}}<section aria-labelledby="lookup-h">
<h2 id="lookup-h">Procurar um endereço</h2>
<p>Para responder a um pedido de acesso ou de apagamento: o que se guarda de um endereço. Só administradores. Cada procura fica no registo de segurança, sem o endereço.</p>
{{#ERROR}}<p class="error-box" role="alert">{{TEXT}}</p>{{/ERROR}}
<form method="post" action="/admin/subscriptions/lookup" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="f-email">Endereço de correio</label><input id="f-email" name="email" type="email" maxlength="254" required autocomplete="off"></div>
<p><button type="submit">Procurar</button></p>
</form>
{{#RESULT}}<div>
<h3>Endereço procurado: {{EMAIL}}</h3>
{{#NOTFOUND}}<p>Não há nada guardado deste endereço: não segue nada nem pediu para seguir.</p>{{/NOTFOUND}}
{{#FOUND}}<dl class="facts">
<div><dt>Primeiro pedido</dt><dd><time datetime="{{CREATED}}">{{CREATED}}</time></dd></div>
<div><dt>Estado</dt><dd>{{#ENABLED}}recebe mensagens{{/ENABLED}}{{#DISABLED}}desativado em <time datetime="{{AT}}">{{AT}}</time>, depois de correio recusado{{/DISABLED}}</dd></div>
<div><dt>Recusas seguidas</dt><dd>{{FAILURES}}</dd></div>
{{#WHY}}<div><dt>Última recusa, como o servidor de correio a deu</dt><dd>{{TEXT}}</dd></div>{{/WHY}}
<div><dt>Mensagens à espera de envio</dt><dd>{{OUTBOX}}</dd></div>
</dl>
{{#NOSUBS}}<p>Não tem subscrições.</p>{{/NOSUBS}}
{{#SUBS}}<div class="table-wrap" tabindex="0" role="region" aria-labelledby="subs-cap">
<table>
<caption id="subs-cap">Subscrições deste endereço</caption>
<thead><tr><th scope="col">Assunto</th><th scope="col">Tipo</th><th scope="col">Língua</th><th scope="col">Frequência</th><th scope="col">Estado</th><th scope="col">Pedida em</th><th scope="col">Confirmada em</th><th scope="col">Última mensagem</th></tr></thead>
<tbody>{{#SUB}}<tr><th scope="row">{{#GONE}}Registo apagado{{/GONE}}{{#LINK}}<a href="{{HREF}}">{{NAME}}</a>{{/LINK}}</th><td>{{KIND}}</td><td>{{LANG}}</td><td>{{FREQ}}</td><td>{{STATUS}}</td><td><time datetime="{{CREATED}}">{{CREATED}}</time></td><td>{{#CONFIRMED}}<time datetime="{{AT}}">{{AT}}</time>{{/CONFIRMED}}{{#NOT_CONFIRMED}}ainda não{{/NOT_CONFIRMED}}</td><td>{{#SENT}}<time datetime="{{AT}}">{{AT}}</time>{{/SENT}}{{#NOT_SENT}}nenhuma ainda{{/NOT_SENT}}</td></tr>{{/SUB}}</tbody>
</table></div>{{/SUBS}}
{{/FOUND}}
<p>Para apagar tudo o que se guarda deste endereço (as subscrições, as mensagens à espera e os contributos), corra no servidor: <code>aberta-admin submissions erase {{EMAIL}}</code></p>
</div>{{/RESULT}}
<p>Para apagar tudo o que se guarda de um endereço (as subscrições, as mensagens à espera e os contributos), corra no servidor <code>aberta-admin submissions erase ENDEREÇO</code>; fica no registo de segurança, também sem o endereço.</p>
</section>{{/LOOKUP}}
