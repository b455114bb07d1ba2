{{%AUTOESCAPE context="HTML"}}
<h1>Painel</h1>
{{#MINE}}<section aria-labelledby="mine-h">
<h2 id="mine-h">As minhas propostas</h2>
{{#NO_OWN}}<p>Ainda não enviou nenhuma proposta.</p>{{/NO_OWN}}
{{#HAS_OWN}}<ul>{{#OWN}}<li>{{WHAT}} — <time datetime="{{AT}}">{{AT}}</time> — {{STATE}}{{#COMMENT}}: «{{TEXT}}»{{/COMMENT}}</li>{{/OWN}}</ul>{{/HAS_OWN}}
</section>{{/MINE}}
<section aria-labelledby="rev-h">
<h2 id="rev-h">Alterações à espera de revisão ({{N_PENDING}})</h2>
{{#NO_PENDING}}<p>Nenhuma alteração pendente.</p>{{/NO_PENDING}}
{{#HAS_PENDING}}<ul>{{#PENDING}}<li>{{WHAT}} — {{WHO}}, <time datetime="{{AT}}">{{AT}}</time></li>{{/PENDING}}</ul>{{/HAS_PENDING}}
</section>
<section aria-labelledby="stale-h">
<h2 id="stale-h">Compromissos sem atualização há mais de 90 dias ({{N_STALE}})</h2>
{{#NO_STALE}}<p>Nenhum.</p>{{/NO_STALE}}
{{#HAS_STALE}}<ul>{{#STALE}}<li><a href="/pt/commitments/{{OGP_ID}}">{{OGP_ID}}</a> {{TITLE}} — última atualização <time datetime="{{UPDATED}}">{{UPDATED}}</time></li>{{/STALE}}</ul>{{/HAS_STALE}}
</section>
<section aria-labelledby="tr-h">
<h2 id="tr-h">Traduções em falta ({{N_MISSING}})</h2>
{{#NO_MISSING}}<p>Nenhuma.</p>{{/NO_MISSING}}
{{#HAS_MISSING}}<ul>{{#MISSING}}<li>{{WHAT}}: falta {{FIELD}}</li>{{/MISSING}}</ul>{{/HAS_MISSING}}
</section>
<section aria-labelledby="late-h">
<h2 id="late-h">Marcos com o fim previsto ultrapassado e não concluídos ({{N_LATE}})</h2>
{{#NO_LATE}}<p>Nenhum.</p>{{/NO_LATE}}
{{#HAS_LATE}}<ul>{{#LATE}}<li><a href="/pt/commitments/{{OGP_ID}}">{{OGP_ID}}</a>, marco {{POS}}: {{TITLE}} — fim previsto <time datetime="{{END}}">{{END}}</time></li>{{/LATE}}</ul>{{/HAS_LATE}}
</section>
{{#LINKS}}<section aria-labelledby="links-h">
<h2 id="links-h">Ligações quebradas ({{N_BROKEN}})</h2>
{{#NO_BROKEN}}<p>Nenhuma, na última verificação.</p>{{/NO_BROKEN}}
{{#HAS_BROKEN}}<ul>{{#BROKEN}}<li>{{URL}} — quebrada desde <time datetime="{{SINCE}}">{{SINCE}}</time></li>{{/BROKEN}}</ul>{{/HAS_BROKEN}}
<p><a href="/admin/links">Ver as ligações quebradas e redirecionadas, e onde são usadas</a></p>
</section>{{/LINKS}}
