{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/admin/{{KIND}}">{{PLURAL}}</a></p>
<h1>{{HEADING}}</h1>
{{#PUBLIC}}<p><a href="{{HREF}}">Ver a página pública</a>{{#RELATIONS}} · <a href="/admin/commitments/{{ID}}/relations">Entidades, valores e áreas</a>{{/RELATIONS}}</p>{{/PUBLIC}}
{{#SOURCES}}<p><a href="{{HREF}}">Fontes e evidências</a> ({{N}})</p>{{/SOURCES}}
{{#CITIZEN}}<section class="note-box" aria-labelledby="cit-h"><h2 id="cit-h">{{WHAT}} {{SID}} ({{STATUS}})</h2>
<p class="small">Sobre: {{TARGET}} · por {{AUTHOR}}{{#ORG}} ({{ORGANISATION}}){{/ORG}} · confirmado em {{CONFIRMED}}</p>
{{#HAS_TITLE}}<h3>{{TITLE}}</h3>{{/HAS_TITLE}}
{{#HAS_PROBLEM}}<h4>Problema</h4>{{#PROBLEM_P}}<p>{{TEXT}}</p>{{/PROBLEM_P}}<h4>Proposta</h4>{{/HAS_PROBLEM}}
{{#BODY_P}}<p>{{TEXT}}</p>{{/BODY_P}}
<p class="small">O estado e a resposta são públicos (PT e EN) e ficam no histórico. O endereço de email de quem enviou nunca é mostrado.</p></section>{{/CITIZEN}}
{{#DRAFT_NOTE}}<p class="note-box">As suas alterações ficam à espera de revisão pelo ponto focal antes de serem publicadas.</p>{{/DRAFT_NOTE}}
{{#CONFLICT}}<div class="error-box" role="alert">
<h2>Outra pessoa gravou este registo enquanto o editava</h2>
<p>Nada do que escreveu se perdeu, mas também nada foi gravado. Compare as duas versões, acerte o formulário abaixo (tem os seus valores) e grave de novo.</p>
<table><caption>Campos diferentes</caption><thead><tr><th scope="col">Campo</th><th scope="col">Versão gravada por outra pessoa</th><th scope="col">A sua versão</th></tr></thead>
<tbody>{{#DIFF}}<tr><th scope="row">{{LABEL}}</th><td>{{THEIRS}}</td><td>{{YOURS}}</td></tr>{{/DIFF}}</tbody></table>
</div>{{/CONFLICT}}
{{#ERRORS}}<div class="error-box" role="alert"><p>Há {{N}} campo(s) por corrigir; nada foi gravado. As mensagens estão junto de cada campo.</p>{{#DBERR}}<p>{{TEXT}}</p>{{/DBERR}}</div>{{/ERRORS}}
{{>WS_TOP}}
<form method="post" action="{{ACTION}}" class="form edit" enctype="{{ENCTYPE}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
{{#ROW}}{{#ONE}}{{>FIELD}}{{/ONE}}{{#PAIR}}<div class="pair">{{#PT}}{{>FIELD}}{{/PT}}{{#EN}}{{>FIELD}}{{/EN}}</div>{{/PAIR}}{{/ROW}}
{{#EVIDENCE}}<fieldset class="evidence">
<legend>Evidência</legend>
<p class="hint" id="h-evidence">Uma alteração do estado ou do progresso só é aceite com uma evidência: a ligação para um documento ou página que a comprove.</p>
{{#EV_ERROR}}<p class="field-error" id="e-evidence">{{TEXT}}</p>{{/EV_ERROR}}
<div class="field"><label for="f-evidence_url">Ligação para a evidência</label>
<input id="f-evidence_url" name="evidence_url" type="url" maxlength="2048" value="{{EV_URL}}" aria-describedby="h-evidence"></div>
<div class="field"><label for="f-evidence_file">Ou um documento (PDF, ODT, DOCX, PNG ou JPEG, até 10 MB)</label>
<input id="f-evidence_file" name="evidence_file" type="file" accept=".pdf,.odt,.docx,.png,.jpg,.jpeg"></div>
<div class="field"><label for="f-evidence_label">Descrição da evidência</label>
<input id="f-evidence_label" name="evidence_label" type="text" maxlength="300" value="{{EV_LABEL}}"></div>
</fieldset>{{/EVIDENCE}}
<p><button type="submit">{{SUBMIT}}</button></p>
</form>
{{#CAN_DELETE}}<p><a href="/admin/{{KIND}}/{{ID}}/delete">Apagar este registo…</a></p>{{/CAN_DELETE}}
{{>WORKSPACE}}
