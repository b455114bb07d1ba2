{{%AUTOESCAPE context="HTML"}}
<h1>Rondas de reporte</h1>
<p>Antes de cada relatório à OGP, o ponto focal pede a cada entidade que atualize os seus compromissos, com evidências, até um prazo. Abrir uma ronda envia um email a cada editor das entidades com compromissos nos planos escolhidos; as que ainda não atualizaram recebem um lembrete uma semana e um dia antes do prazo. Fechar a ronda publica o estado de cada plano nesse dia.</p>
{{#OPEN}}<section aria-labelledby="open-h">
<h2 id="open-h">Em curso ({{N}})</h2>
{{#NONE}}<p>Nenhuma ronda em curso.</p>{{/NONE}}
{{#HAS}}<ul class="cards">{{#ROUND}}<li class="card">
<h3><a href="/admin/rounds/{{ID}}">{{NAME}}</a></h3>
<p>Prazo: <time datetime="{{DEADLINE_ISO}}">{{DEADLINE}}</time><br>Planos: {{PLANS}}<br>Aberta em {{OPENED}}</p>
</li>{{/ROUND}}</ul>{{/HAS}}
</section>{{/OPEN}}
<section aria-labelledby="new-h">
<h2 id="new-h">Abrir uma ronda</h2>
{{#ERRORS}}<div class="error-box" role="alert" aria-labelledby="err-h">
<h3 id="err-h">Há {{N}} problema(s) no formulário; a ronda não foi aberta</h3>
<ul>{{#ITEM}}<li><a href="#{{ANCHOR}}">{{TEXT}}</a></li>{{/ITEM}}</ul>
</div>{{/ERRORS}}
<form method="post" action="/admin/rounds" class="form" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="f-name">Nome da ronda</label>
<span class="hint" id="h-name">Por exemplo, «Autoavaliação intercalar 2026». Vai no assunto dos emails.</span>
{{#E_NAME}}<span class="field-error" id="e-name">{{TEXT}}</span>{{/E_NAME}}
<input id="f-name" name="name" type="text" maxlength="200" required value="{{F_NAME}}" aria-describedby="h-name{{#E_NAME}} e-name{{/E_NAME}}"{{#E_NAME}} aria-invalid="true"{{/E_NAME}}></div>
<div class="field"><label for="f-deadline">Prazo (último dia para atualizar)</label>
<span class="hint" id="h-deadline">AAAA-MM-DD, hoje ou depois. Os lembretes saem uma semana e um dia antes.</span>
{{#E_DEADLINE}}<span class="field-error" id="e-deadline">{{TEXT}}</span>{{/E_DEADLINE}}
<input id="f-deadline" name="deadline" type="date" min="{{TODAY}}" required value="{{F_DEADLINE}}" aria-describedby="h-deadline{{#E_DEADLINE}} e-deadline{{/E_DEADLINE}}"{{#E_DEADLINE}} aria-invalid="true"{{/E_DEADLINE}}></div>
<fieldset class="evidence" id="f-plans" tabindex="-1"{{#E_PLANS}} aria-describedby="e-plans"{{/E_PLANS}}>
<legend>Planos abrangidos</legend>
{{#E_PLANS}}<p class="field-error" id="e-plans">{{TEXT}}</p>{{/E_PLANS}}
{{#PLAN}}<div><input type="checkbox" id="p-{{ID}}" name="plan" value="{{ID}}"{{#CHECKED}} checked{{/CHECKED}}> <label for="p-{{ID}}">{{TITLE}}</label></div>{{/PLAN}}
</fieldset>
<p><button type="submit">Abrir a ronda e enviar os emails</button></p>
</form>
</section>
{{#CLOSED}}<section aria-labelledby="closed-h">
<h2 id="closed-h">Fechadas ({{N}})</h2>
{{#NONE}}<p>Nenhuma ronda fechada.</p>{{/NONE}}
{{#HAS}}<ul class="cards">{{#ROUND}}<li class="card">
<h3><a href="/admin/rounds/{{ID}}">{{NAME}}</a></h3>
<p>Prazo: <time datetime="{{DEADLINE_ISO}}">{{DEADLINE}}</time><br>Planos: {{PLANS}}<br>Fechada em <time datetime="{{CLOSED_ISO}}">{{CLOSED}}</time></p>
</li>{{/ROUND}}</ul>{{/HAS}}
</section>{{/CLOSED}}
