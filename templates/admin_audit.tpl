{{%AUTOESCAPE context="HTML"}}
<h1>Registos</h1>
<p><a href="/admin/audit" aria-current="{{CUR_SECURITY}}">Segurança e acessos</a> · <a href="/admin/audit?log=changes" aria-current="{{CUR_CHANGES}}">Alterações ao conteúdo</a></p>
{{>LISTNOTE}}
<form method="get" action="/admin/audit" class="form filters">
<input type="hidden" name="log" value="{{LOG}}">
<div class="field"><label for="f-user">Utilizador</label><input id="f-user" name="user" type="text" maxlength="254" value="{{F_USER}}"></div>
<div class="field"><label for="f-record">Registo ou ação (uma parte)</label><input id="f-record" name="record" type="text" maxlength="200" value="{{F_RECORD}}"></div>
<div class="field"><label for="f-from">Desde (AAAA-MM-DD)</label><input id="f-from" name="from" type="text" maxlength="10" value="{{F_FROM}}"></div>
<div class="field"><label for="f-to">Até (AAAA-MM-DD)</label><input id="f-to" name="to" type="text" maxlength="10" value="{{F_TO}}"></div>
<p><button type="submit">Filtrar</button></p>
</form>
{{#LOGTABLE}}<div class="table-wrap" tabindex="0" role="region" aria-label="Tabela">
<table>
<caption>{{CAPTION}}</caption>
<thead><tr><th scope="col">Quando (UTC)</th><th scope="col">Quem</th><th scope="col">O quê</th><th scope="col">Registo</th><th scope="col">Detalhe</th></tr></thead>
<tbody>{{#ROW}}<tr><td>{{AT}}</td><td>{{WHO}}</td><td>{{WHAT}}</td><td>{{OBJECT}}</td><td>{{DETAIL}}</td></tr>{{/ROW}}</tbody>
</table></div>{{/LOGTABLE}}
{{>PAGER}}
