{{%AUTOESCAPE context="HTML"}}
{{#DENIED}}<h1>Fontes e evidências</h1>
<div class="error-box"><p>As fontes e evidências são acrescentadas, corrigidas, removidas e ordenadas pelo ponto focal: as propostas de um editor membro não as podem levar.</p>
<p>Para juntar uma evidência a um marco do seu compromisso, abra o marco e use a secção «Evidência» do formulário: a ligação ou o documento segue com a sua proposta e é revisto pelo ponto focal. Para corrigir ou remover uma ligação já publicada, escreva ao ponto focal.</p></div>
<p><a href="/admin/milestones">Ir para os marcos</a></p>{{/DENIED}}
{{#SOURCES}}<p class="crumbs"><a href="/admin/{{SLUG}}">{{PLURAL}}</a> › <a href="/admin/{{SLUG}}/{{OID}}">{{NAME}}</a></p>
<h1>Fontes e evidências: {{NAME}}</h1>
{{#PUBLIC}}<p><a href="{{HREF}}">Ver a página pública</a>{{#HISTORY}} · <a href="{{HREF}}">Histórico público</a>{{/HISTORY}}</p>{{/PUBLIC}}
<p class="hint">As ligações aparecem na página pública pela ordem desta lista. Um endereço novo ou corrigido fica «por verificar» até à próxima passagem diária do verificador de ligações, que o verifica e, se for um documento de um plano ou a evidência de um marco, guarda uma cópia. Cada alteração fica no histórico público.</p>
{{#CONFLICT}}<div class="error-box" role="alert"><p>{{TEXT}}</p></div>{{/CONFLICT}}
<h2 id="list-h">Ligações ({{COUNT}})</h2>
{{#NONE}}<p>Ainda não há fontes nem evidências registadas.</p>{{/NONE}}
{{#HAS}}<div class="table-wrap reflow-wrap sources-wrap"><table class="reflow sources"><caption>Fontes e evidências de {{NAME}}, pela ordem em que aparecem</caption>
<thead><tr><th scope="col">Ligação</th><th scope="col">Ordem</th><th scope="col">Tipo</th><th scope="col">Texto (PT)</th><th scope="col">Texto (EN)</th><th scope="col">Verificação</th><th scope="col">Cópia arquivada</th><th scope="col">Ações</th></tr></thead>
<tbody>{{#LINK}}<tr id="src-{{ID}}"><th scope="row"><a href="{{HREF}}" rel="external noreferrer">{{SHOWN}}</a></th>
<td data-label="Ordem">{{N}}</td>
<td data-label="Tipo">{{KIND_L}}</td>
<td data-label="Texto (PT)">{{#PT}}<span lang="pt">{{TEXT}}</span>{{/PT}}{{#NO_PT}}<span class="small">sem texto</span>{{/NO_PT}}</td>
<td data-label="Texto (EN)">{{#EN}}<span lang="en">{{TEXT}}</span>{{/EN}}{{#NO_EN}}<span class="small">sem texto</span>{{/NO_EN}}</td>
<td data-label="Verificação" class="check-{{STATE}}">{{CHECK}}</td>
<td data-label="Cópia arquivada">{{#ARCH}}<a href="/admin/uploads/{{SHA}}">cópia de <time datetime="{{AT}}">{{AT}}</time></a>{{/ARCH}}{{#NO_ARCH}}{{TEXT}}{{/NO_ARCH}}</td>
<td data-label="Ações"><a href="/admin/sources/{{ID}}">Corrigir<span class="visually-hidden"> a ligação {{N}}</span></a> · <a href="/admin/sources/{{ID}}/delete">Remover<span class="visually-hidden"> a ligação {{N}}</span>…</a>
{{#MOVE}}<form method="post" action="/admin/{{SLUG}}/{{OID}}/sources/order" class="inline-form"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="order" value="{{ORDER}}"><input type="hidden" name="link" value="{{ID}}">{{#UP}}<button type="submit" name="move" value="up"><span aria-hidden="true">↑</span> Subir<span class="visually-hidden"> a ligação {{N}}</span></button>{{/UP}}{{#DOWN}}<button type="submit" name="move" value="down"><span aria-hidden="true">↓</span> Descer<span class="visually-hidden"> a ligação {{N}}</span></button>{{/DOWN}}</form>{{/MOVE}}</td></tr>{{/LINK}}</tbody></table></div>{{/HAS}}
<h2 id="add-h">Acrescentar uma ligação</h2>
{{#ERRORS}}<div class="error-box" id="errors" tabindex="-1" autofocus><p>Há {{N}} campo(s) por corrigir; nada foi gravado:</p>
<ul>{{#ERR}}<li><a href="#{{FOR}}">{{LABEL}}: {{TEXT}}</a></li>{{/ERR}}</ul></div>{{/ERRORS}}
<form method="post" action="/admin/{{SLUG}}/{{OID}}/sources" class="form" enctype="{{ENCTYPE}}" aria-labelledby="add-h">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{>FIELDS}}
<p><button type="submit">Acrescentar</button></p>
</form>{{/SOURCES}}
