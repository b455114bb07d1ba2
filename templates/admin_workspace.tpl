{{%AUTOESCAPE context="HTML"}}
<section id="marcos" class="workspace" aria-labelledby="ws-h">
<h2 id="ws-h">Marcos deste compromisso ({{N}})</h2>
<p><a href="/admin/commitments/{{CID}}/sources">Fontes e evidências do compromisso</a>{{#PUBLIC}} · <a href="{{HREF}}">Página pública</a>{{/PUBLIC}}{{#RELATIONS}} · <a href="/admin/commitments/{{CID}}/relations">Entidades, valores e áreas</a>{{/RELATIONS}}</p>
{{#DRAFT_NOTE}}<p class="note-box">As alterações que gravar aqui ficam à espera de revisão pelo ponto focal: uma proposta por marco alterado, cada uma com a sua evidência.</p>{{/DRAFT_NOTE}}
{{#NEW_DRAFTS}}<p class="note-box">{{N}} marco(s) novo(s) proposto(s) à espera de revisão.</p>{{/NEW_DRAFTS}}
{{#NONE}}<p>Este compromisso ainda não tem marcos. Acrescente o primeiro no formulário abaixo.</p>{{/NONE}}
{{#HAS}}<p class="hint" id="h-ws">Altere os marcos que quiser e grave uma só vez, no fim: só os marcos alterados são gravados, todos juntos ou nenhum. Uma alteração do estado ou do progresso precisa de uma evidência, uma só para o marco ou, no fim, uma para todos os marcos alterados.</p>
<form method="post" action="/admin/commitments/{{CID}}/milestones" class="form" enctype="multipart/form-data" aria-describedby="h-ws">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#MS}}<fieldset class="evidence ws-ms" id="m{{ID}}">
<legend>Marco {{POS}}: {{TITLE}}</legend>
<p class="small">Gravado — estado: {{STATUS_L}} · progresso: {{PROGRESS}}, {{FIG}} · confiança: {{CONF_L}}{{#SOURCE}} · <a href="{{URL}}">fonte do progresso</a>{{/SOURCE}} · início previsto: {{START}} · fim previsto: {{END}}{{#OVERDUE}} · <strong class="overdue">Atrasado</strong>{{/OVERDUE}}{{#STALE}} · <strong class="overdue">Desatualizado</strong> (progresso por registar, sem data ou com mais de {{DAYS}} dias){{/STALE}}</p>
{{#DRAFTS}}<p class="note-box">{{N}} proposta(s) para este marco à espera de revisão.</p>{{/DRAFTS}}
{{#CONFLICT}}<div class="error-box" role="alert"><p>Outra pessoa gravou este marco enquanto o editava. Abaixo estão os seus valores; se os gravar de novo, substituem os gravados.</p>
<table class="reflow"><caption>Campos diferentes</caption><thead><tr><th scope="col">Campo</th><th scope="col">Versão gravada por outra pessoa</th><th scope="col">A sua versão</th></tr></thead>
<tbody>{{#DIFF}}<tr><th scope="row">{{LABEL}}</th><td data-label="Versão gravada por outra pessoa">{{THEIRS}}</td><td data-label="A sua versão">{{YOURS}}</td></tr>{{/DIFF}}</tbody></table></div>{{/CONFLICT}}
{{#EDIT}}<input type="hidden" name="m{{ID}}-version" value="{{VERSION}}">
<input type="hidden" name="m{{ID}}-was" value="{{WAS}}">
<div class="pair">{{#ROW}}{{#ONE}}{{>FIELD}}{{/ONE}}{{/ROW}}</div>{{/EDIT}}
<p class="small">Evidências:</p>
<ul class="small">{{#EV}}<li><a href="{{URL}}">{{LABEL}}</a></li>{{/EV}}{{#NO_EVIDENCE}}<li>nenhuma registada</li>{{/NO_EVIDENCE}}</ul>
{{#EDIT}}<fieldset class="ws-own"><legend>Evidência só deste marco (opcional)</legend>
{{#EV_ERROR}}<p class="field-error" id="e-m{{ID}}-evidence">{{TEXT}}</p>{{/EV_ERROR}}
<div class="field"><label for="f-m{{ID}}-evidence_url">Ligação para a evidência</label>
<input id="f-m{{ID}}-evidence_url" name="m{{ID}}-evidence_url" type="url" maxlength="2048" value="{{EV_URL}}"{{#EV_ERROR}} aria-invalid="true" aria-describedby="e-m{{ID}}-evidence"{{/EV_ERROR}}></div>
<div class="field"><label for="f-m{{ID}}-evidence_file">Ou um documento (PDF, ODT, DOCX, PNG ou JPEG, até 10 MB)</label>{{#FILE_AGAIN}}<span class="hint" id="h-m{{ID}}-file">Escolha o documento outra vez: nada foi gravado.</span>{{/FILE_AGAIN}}
<input id="f-m{{ID}}-evidence_file" name="m{{ID}}-evidence_file" type="file" accept=".pdf,.odt,.docx,.png,.jpg,.jpeg"{{#FILE_AGAIN}} aria-describedby="h-m{{ID}}-file"{{/FILE_AGAIN}}></div>
<div class="field"><label for="f-m{{ID}}-evidence_label">Descrição da evidência</label>
<input id="f-m{{ID}}-evidence_label" name="m{{ID}}-evidence_label" type="text" maxlength="300" value="{{EV_LABEL}}"></div>
</fieldset>{{/EDIT}}
{{#READONLY}}<p>O espaço de trabalho grava até {{MAX}} marcos de uma vez: este edita-se no seu formulário.</p>{{/READONLY}}
<p><a href="/admin/milestones/{{ID}}">Todos os campos do marco {{POS}}</a> · <a href="/admin/milestones/{{ID}}/sources">Fontes e evidências do marco {{POS}}</a>{{#UP}} <button type="submit" form="mv-{{ID}}-up" aria-label="Subir o marco {{POS}}">Subir</button>{{/UP}}{{#DOWN}} <button type="submit" form="mv-{{ID}}-down" aria-label="Descer o marco {{POS}}">Descer</button>{{/DOWN}}</p>
</fieldset>{{/MS}}
<fieldset class="evidence"><legend>Evidência para todos os marcos alterados</legend>
<p class="hint" id="h-evidence">Junta-se a cada marco alterado que não tenha evidência própria.</p>
{{#ALL_EV_ERROR}}<p class="field-error" id="e-evidence">{{TEXT}}</p>{{/ALL_EV_ERROR}}
<div class="field"><label for="f-evidence_url">Ligação para a evidência</label>
<input id="f-evidence_url" name="evidence_url" type="url" maxlength="2048" value="{{ALL_EV_URL}}"{{#ALL_EV_ERROR}} aria-invalid="true"{{/ALL_EV_ERROR}} aria-describedby="h-evidence{{#ALL_EV_ERROR}} e-evidence{{/ALL_EV_ERROR}}"></div>
<div class="field"><label for="f-evidence_file">Ou um documento (PDF, ODT, DOCX, PNG ou JPEG, até 10 MB)</label>{{#ALL_FILE_AGAIN}}<span class="hint" id="h-evidence_file">Escolha o documento outra vez: nada foi gravado.</span>{{/ALL_FILE_AGAIN}}
<input id="f-evidence_file" name="evidence_file" type="file" accept=".pdf,.odt,.docx,.png,.jpg,.jpeg"{{#ALL_FILE_AGAIN}} aria-describedby="h-evidence_file"{{/ALL_FILE_AGAIN}}></div>
<div class="field"><label for="f-evidence_label">Descrição da evidência</label>
<input id="f-evidence_label" name="evidence_label" type="text" maxlength="300" value="{{ALL_EV_LABEL}}"></div>
</fieldset>
<p><button type="submit">{{SUBMIT}}</button></p>
</form>{{/HAS}}
{{#MOVE}}<form id="mv-{{ID}}-{{DIR}}" method="post" action="/admin/commitments/{{CID}}/milestones/move"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="milestone" value="{{ID}}"><input type="hidden" name="dir" value="{{DIR}}"><input type="hidden" name="version" value="{{VERSION}}"></form>{{/MOVE}}
<form method="post" action="/admin/commitments/{{CID}}/milestones/new" class="form" id="ws-add">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset class="evidence"><legend>Acrescentar um marco no fim da lista</legend>
{{#ADD}}{{#ROW}}{{#ONE}}{{>FIELD}}{{/ONE}}{{#PAIR}}<div class="pair">{{#PT}}{{>FIELD}}{{/PT}}{{#EN}}{{>FIELD}}{{/EN}}</div>{{/PAIR}}{{/ROW}}{{/ADD}}
<p><button type="submit">{{ADD_SUBMIT}}</button></p>
</fieldset>
</form>
</section>
