{{%AUTOESCAPE context="HTML"}}
<h1>Contributos dos cidadãos à espera de moderação{{HEADCOUNT}}</h1>
<p>Propostas e comentários confirmados por email, à espera de moderação, por dia de confirmação. Publicar mostra o texto na página pública; rejeitar esconde o texto e mostra só o facto e o motivo público; spam esconde tudo. Cada decisão fica no histórico. O endereço de email de quem enviou nunca é mostrado.</p>
{{>LISTNOTE}}
<form method="get" action="/admin/submissions" class="form filters" role="search" aria-label="Procurar nos contributos">
<div class="field"><label for="f-q">Procurar</label><input id="f-q" name="q" type="search" maxlength="200" value="{{Q}}" aria-describedby="f-q-hint"><span id="f-q-hint" class="hint">No nome de quem enviou, na organização e no título.</span></div>
<p><button type="submit">Procurar</button> <a href="/admin/submissions">Limpar</a></p>
</form>
{{#NONE}}<p>Não há contributos à espera de moderação.</p>{{/NONE}}
<form method="post" action="{{ACTION}}" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#DAY}}<h2>Confirmados em <time datetime="{{DATE}}">{{DATE}}</time></h2>
{{#SUB}}<section class="review" aria-labelledby="s{{ID}}-h">
<input type="hidden" name="v{{ID}}" value="{{VERSION}}">
<h3 id="s{{ID}}-h">{{WHAT}} {{ID}}{{#HAS_TITLE}}: {{TITLE}}{{/HAS_TITLE}}</h3>
<p class="small">Sobre: {{TARGET}} · por {{AUTHOR}}{{#ORG}} ({{ORGANISATION}}){{/ORG}} · <time datetime="{{AT}}">{{AT}}</time></p>
<div lang="{{LANG_SUB}}">{{#HAS_PROBLEM}}<h4>Problema</h4>{{#PROBLEM_P}}<p>{{TEXT}}</p>{{/PROBLEM_P}}<h4>Proposta</h4>{{/HAS_PROBLEM}}
{{#BODY_P}}<p>{{TEXT}}</p>{{/BODY_P}}</div>
{{#ERR}}<p class="field-error" role="alert">{{TEXT}}</p>{{/ERR}}
<fieldset><legend>Decisão sobre o contributo {{ID}}</legend>
<label><input type="radio" name="a{{ID}}" value="keep"{{#SEL_keep}} checked{{/SEL_keep}}> Decidir depois</label>
<label><input type="radio" name="a{{ID}}" value="publish"{{#SEL_publish}} checked{{/SEL_publish}}> Publicar</label>
<label><input type="radio" name="a{{ID}}" value="reject"{{#SEL_reject}} checked{{/SEL_reject}}> Rejeitar com motivo público</label>
<label><input type="radio" name="a{{ID}}" value="spam"{{#SEL_spam}} checked{{/SEL_spam}}> Spam</label>
<div class="pair"><div class="field"><label for="rp{{ID}}">Motivo público (PT)</label><textarea id="rp{{ID}}" name="rp{{ID}}" rows="2" maxlength="1000">{{RP:pre_escape}}</textarea></div>
<div class="field"><label for="re{{ID}}">Motivo público (EN)</label><textarea id="re{{ID}}" name="re{{ID}}" rows="2" maxlength="1000">{{RE:pre_escape}}</textarea></div></div>
</fieldset>
</section>{{/SUB}}{{/DAY}}
{{#APPLY}}<p><button type="submit">Aplicar as decisões desta página</button></p>{{/APPLY}}
</form>
{{>PAGER}}
{{#PUBLISHED}}<h2>Publicados: estado e resposta oficial (os 200 mais recentes)</h2>
<ul class="admin-list">{{#P}}<li><a href="/admin/submissions/{{ID}}">{{WHAT}} {{ID}}: {{LABEL}}</a> <span class="small">{{OUTCOME}} · {{ANSWERED}}</span></li>{{/P}}</ul>{{/PUBLISHED}}
