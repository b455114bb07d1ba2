{{%AUTOESCAPE context="HTML"}}
<h1>Revisões pendentes{{HEADCOUNT}}</h1>
<p>Alterações propostas pelos editores das entidades. Aprovar publica-as de imediato e regista-as no histórico; devolver mantém a página como está e envia o comentário ao editor.</p>
{{>LISTNOTE}}
<form method="get" action="/admin/reviews" class="form filters" role="search" aria-label="Procurar nas revisões">
<div class="field"><label for="f-q">Procurar</label><input id="f-q" name="q" type="search" maxlength="200" value="{{Q}}" aria-describedby="f-q-hint"><span id="f-q-hint" class="hint">No nome ou no endereço de quem propõe e na sigla ou no nome da sua entidade.</span></div>
<p><button type="submit">Procurar</button> <a href="/admin/reviews">Limpar</a></p>
</form>
{{#NONE}}<p>Não há alterações à espera de revisão.</p>{{/NONE}}
{{#NONE_FOUND}}<p>Nenhuma revisão corresponde à pesquisa.</p>{{/NONE_FOUND}}
{{#DRAFT}}
<section class="review" aria-labelledby="d{{ID}}-h">
<h2 id="d{{ID}}-h">{{WHAT}}</h2>
<p class="small">Proposta de {{WHO}}{{#ENTITY}} ({{NAME}}){{/ENTITY}}, <time datetime="{{AT}}">{{AT}}</time>{{#STALE}} · <strong>o registo mudou depois desta proposta</strong>{{/STALE}}</p>
{{#PROBLEM}}<p class="error-box" role="alert">{{TEXT}}</p>{{/PROBLEM}}
<table><caption>Campos alterados</caption><thead><tr><th scope="col">Campo</th><th scope="col">Agora</th><th scope="col">Proposto</th></tr></thead>
<tbody>{{#DIFF}}<tr><th scope="row">{{LABEL}}</th><td>{{NOW}}</td><td>{{NEW}}</td></tr>{{/DIFF}}</tbody></table>
{{#EVIDENCE}}<p>Evidência: <a href="{{URL}}" rel="external">{{URL}}</a></p>{{/EVIDENCE}}
<form method="post" action="/admin/reviews/{{ID}}/approve" class="inline-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Aprovar e publicar</button>
</form>
<form method="post" action="/admin/reviews/{{ID}}/return" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="c{{ID}}">Comentário para o editor</label><br>
<textarea id="c{{ID}}" name="comment" rows="2" maxlength="2000" required></textarea></p>
<p><button type="submit">Devolver com comentário</button></p>
</form>
</section>
{{/DRAFT}}
{{>PAGER}}
