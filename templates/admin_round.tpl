{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/admin/rounds">Rondas de reporte</a></p>
<h1>{{NAME}}</h1>
<ul class="headline">
<li><span class="hl-label">Prazo:</span> <time datetime="{{DEADLINE_ISO}}">{{DEADLINE}}</time>{{#OPEN}} ({{LEFT}}){{/OPEN}}</li>
<li><span class="hl-label">Planos:</span> {{#PLAN}}{{NUMBER}}.º ({{TITLE}}) {{/PLAN}}</li>
<li><span class="hl-label">Aberta em</span> {{OPENED}}{{#BY}} por {{NAME}}{{/BY}}</li>
<li><span class="hl-label">Estado:</span> {{#OPEN}}aberta{{/OPEN}}{{#CLOSED}}fechada em <time datetime="{{ON_ISO}}">{{ON}}</time>{{/CLOSED}}</li>
</ul>
{{#SNAPSHOTS}}<section aria-labelledby="snap-h">
<h2 id="snap-h">Estado publicado dos planos</h2>
<ul>{{#SNAPSHOT}}<li><a href="/pt/plans/{{NUMBER}}/as-of/{{DATE_ISO}}">{{NUMBER}}.º plano em {{DATE}}</a> ({{TITLE}}) · <a href="/en/plans/{{NUMBER}}/as-of/{{DATE_ISO}}" hreflang="en" lang="en">in English</a></li>{{/SNAPSHOT}}</ul>
</section>{{/SNAPSHOTS}}
<section aria-labelledby="bodies-h">
<h2 id="bodies-h">Entidades abrangidas ({{N_BODIES}}): {{N_UPDATED}} atualizada(s), {{N_PROPOSED}} com propostas à espera de revisão, {{N_NOT_YET}} ainda não</h2>
<p class="small">Atualizado: uma alteração a um dos seus compromissos ou marcos desta ronda foi gravada depois da abertura (por alguém da equipa, ou uma proposta aprovada). Proposto: um dos seus editores tem uma proposta sobre eles à espera de revisão, em <a href="/admin/reviews">Revisões</a>.</p>
{{#REMIND_ALL}}<form method="post" action="/admin/rounds/{{ID}}/remind" class="inline-form">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="entity" value="all">
<button type="submit">Enviar lembrete agora às {{N}} entidade(s) que ainda não atualizaram</button>
</form>{{/REMIND_ALL}}
{{#GROUP}}<section aria-labelledby="g-{{KEY}}">
<h3 id="g-{{KEY}}">{{TITLE}} ({{N}})</h3>
{{#NONE}}<p>Nenhuma.</p>{{/NONE}}
{{#HAS}}<ul class="cards">{{#BODY}}<li class="card" id="b{{ID}}">
<h4>{{NAME}}</h4>
<p>Estado: <strong>{{STATE}}</strong><br>
{{#EDITORS}}Editores ativos: {{N}}{{/EDITORS}}{{#NO_EDITOR}}Sem editor ativo: não recebe os emails da ronda (um administrador pode criar-lhe uma conta de editor).{{/NO_EDITOR}}</p>
<ul>{{#CMT}}<li><a href="/admin/commitments/{{ID}}">{{OGP_ID}}</a> {{TITLE}} ({{ROLE}}) — {{#ATTENTION}}<strong>{{/ATTENTION}}{{MS}}{{#ATTENTION}}</strong>{{/ATTENTION}}</li>{{/CMT}}</ul>
{{#REMIND}}<form method="post" action="/admin/rounds/{{RID}}/remind" class="inline-form">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="entity" value="{{ID}}">
<button type="submit">Enviar lembrete agora<span class="visually-hidden"> a {{NAME}}</span></button>
</form>{{/REMIND}}
</li>{{/BODY}}</ul>{{/HAS}}
</section>{{/GROUP}}
</section>
{{#NOTICES}}<section aria-labelledby="notices-h">
<h2 id="notices-h">Emails enviados ({{N}})</h2>
{{#NONE}}<p>Nenhum email enviado nesta ronda (nenhuma entidade abrangida tem um editor ativo).</p>{{/NONE}}
{{#HAS}}<div class="table-wrap reflow-wrap"><table class="reflow"><caption>Emails da ronda, do mais recente</caption>
<thead><tr><th scope="col">Quando</th><th scope="col">Entidade</th><th scope="col">Email</th><th scope="col">Para</th><th scope="col">Enviado por</th></tr></thead>
<tbody>{{#NOTICE}}<tr><td data-label="Quando">{{AT}}</td><td data-label="Entidade">{{BODY}}</td><td data-label="Email">{{KIND}}</td><td data-label="Para">{{#TO}}{{TEXT}}<br>{{/TO}}</td><td data-label="Enviado por">{{BY}}</td></tr>{{/NOTICE}}</tbody>
</table></div>{{/HAS}}
</section>{{/NOTICES}}
{{#OPEN}}<section aria-labelledby="close-h">
<h2 id="close-h">Fechar a ronda</h2>
<p>Fechar a ronda termina os lembretes e publica o estado de cada um dos seus planos com a data de hoje.</p>
<p><a class="button" href="/admin/rounds/{{ID}}/close">Fechar a ronda…</a></p>
</section>{{/OPEN}}
