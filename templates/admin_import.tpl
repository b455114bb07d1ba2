{{%AUTOESCAPE context="HTML"}}
<h1>Importar marcos ou compromissos</h1>
<p>Aceita os ficheiros que o sítio exporta, em CSV ou JSON: <a href="/data/milestones.csv">todos os marcos</a>, <a href="/data/commitments.csv">todos os compromissos</a>, ou o CSV dos marcos de um compromisso (na página do compromisso, acrescente <code>.csv</code> ao endereço). Edite-os numa folha de cálculo e guarde como «CSV UTF-8»; pode apagar as colunas que não muda, mas não as chaves (<code>ogp_id</code>, e <code>position</code> nos marcos).</p>
<p class="hint">Primeiro vê, linha a linha, o que mudaria; só depois confirma. Nada é apagado. Uma linha inválida e nada é aplicado. Uma alteração do estado ou do progresso de um marco precisa de uma evidência: acrescente o endereço na coluna <code>evidence</code> (separe vários com «; »). Cada alteração fica no histórico público em nome do ponto focal.</p>
{{#ERROR}}<p class="error-box" role="alert">{{TEXT}}</p>{{/ERROR}}
{{#DONE}}<p class="note-box" role="status">Importação aplicada: {{CHANGED}} registo(s), {{FIELDS}} campo(s).</p>{{/DONE}}
{{#NOTHING}}<p class="note-box" role="status">O ficheiro não muda nada: é igual ao que está publicado.</p>{{/NOTHING}}
{{#REPORT}}
<h2>{{HEADING}}</h2>
<p>{{SUMMARY}}</p>
{{#HAS_REFUSED}}<div class="error-box" role="alert"><p>{{N}} registo(s) recusado(s): nada foi aplicado. Corrija o ficheiro e simule de novo.</p>
<ul>{{#REF}}<li>{{WHERE}} · {{RECORD}}{{#F}} · <code>{{FIELD}}</code>{{/F}}: {{ERR}}</li>{{/REF}}</ul></div>{{/HAS_REFUSED}}
{{#HAS_CHANGES}}<div class="table-wrap" tabindex="0" role="region" aria-label="Tabela">
<table>
<caption>Alterações, linha a linha</caption>
<thead><tr><th scope="col">Linha</th><th scope="col">Registo</th><th scope="col">Campo</th><th scope="col">Antes</th><th scope="col">Depois</th></tr></thead>
<tbody>{{#CH}}<tr><td>{{WHERE}}</td><td>{{RECORD}}{{#NEW}} (novo){{/NEW}}</td><td>{{#F}}<code>{{FIELD}}</code>{{/F}}</td><td>{{BEFORE}}</td><td>{{AFTER}}</td></tr>{{/CH}}</tbody>
</table></div>{{/HAS_CHANGES}}
{{#CONFIRM}}<form method="post" action="/admin/import" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="sha" value="{{SHA}}">
<p><button type="submit">Aplicar estas alterações</button></p>
</form>{{/CONFIRM}}
{{/REPORT}}
<h2>Ficheiro</h2>
<form method="post" action="/admin/import" class="form" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="f-file">Ficheiro CSV ou JSON (até 10 MB)</label>
<input id="f-file" name="file" type="file" accept=".csv,.json,text/csv,application/json" required></div>
<p><button type="submit">Simular a importação</button></p>
</form>
