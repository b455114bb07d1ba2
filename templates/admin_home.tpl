{{%AUTOESCAPE context="HTML"}}
<h1>Painel</h1>
{{#MINE}}<section aria-labelledby="mine-h">
<h2 id="mine-h">As minhas propostas</h2>
{{#NO_OWN}}<p>Ainda não enviou nenhuma proposta.</p>{{/NO_OWN}}
{{#HAS_OWN}}<ul>{{#OWN}}<li>{{WHAT}} — <time datetime="{{AT}}">{{AT}}</time> — {{STATE}}{{#COMMENT}}: «{{TEXT}}»{{/COMMENT}}</li>{{/OWN}}</ul>{{/HAS_OWN}}
</section>{{/MINE}}
{{#ROUNDS}}<section aria-labelledby="rounds-h">
<h2 id="rounds-h">Rondas de reporte abertas ({{N}})</h2>
{{#NO_ROUNDS}}<p>Nenhuma. <a href="/admin/rounds">Abrir uma ronda</a></p>{{/NO_ROUNDS}}
{{#HAS_ROUNDS}}<ul>{{#ROUND}}<li><a href="/admin/rounds/{{ID}}">{{NAME}}</a> — planos {{PLANS}}; prazo <time datetime="{{DEADLINE}}">{{DEADLINE}}</time> ({{LEFT}}{{#DAYS}}faltam {{N}} dias{{/DAYS}})</li>{{/ROUND}}</ul>{{/HAS_ROUNDS}}
</section>{{/ROUNDS}}
{{#PENDING}}<section aria-labelledby="rev-h">
<h2 id="rev-h">Alterações à espera de revisão ({{N}})</h2>
{{#NO_PENDING}}<p>Nenhuma alteração pendente.</p>{{/NO_PENDING}}
{{#HAS_PENDING}}<ul>{{#DRAFT}}<li>{{WHAT}} — {{WHO}}, <time datetime="{{AT}}">{{AT}}</time></li>{{/DRAFT}}</ul>
<p><a href="/admin/reviews">Rever em Revisões{{#MORE}} (as {{N}} alterações){{/MORE}}</a></p>{{/HAS_PENDING}}
</section>{{/PENDING}}
<section aria-labelledby="att-h">
<h2 id="att-h">O que precisa de atenção</h2>
<p class="small">Cada número é o da lista a que leva, com o filtro já escolhido.</p>
<ul>{{#FIGURE}}<li><a href="{{HREF}}">{{LABEL}}: {{N}}</a></li>{{/FIGURE}}</ul>
</section>
