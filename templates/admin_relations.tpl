{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/admin/commitments">Compromissos</a> › <a href="/admin/commitments/{{ID}}">{{OGP_ID}}</a></p>
<h1>Entidades, valores e áreas de {{OGP_ID}}</h1>
{{#ERROR}}<p class="error-box" role="alert">{{TEXT}}</p>{{/ERROR}}
<form method="post" action="/admin/commitments/{{ID}}/relations" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="pair">
<div class="field"><label for="f-lead">Entidades responsáveis</label><span class="hint" id="h-multi">Ctrl (ou Cmd) + clique para escolher várias.</span>
<select id="f-lead" name="lead" multiple size="12" aria-describedby="h-multi">{{#LEAD}}<option value="{{V}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/LEAD}}</select></div>
<div class="field"><label for="f-support">Entidades de apoio</label>
<select id="f-support" name="support" multiple size="12" aria-describedby="h-multi">{{#SUPPORT}}<option value="{{V}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/SUPPORT}}</select></div>
</div>
<fieldset class="evidence"><legend>Valores OGP</legend>
{{#VALUE}}<div><input type="checkbox" id="v-{{V}}" name="value" value="{{V}}"{{#SEL}} checked{{/SEL}}> <label for="v-{{V}}">{{L}}</label></div>{{/VALUE}}
</fieldset>
<div class="field"><label for="f-area">Áreas temáticas</label>
<select id="f-area" name="area" multiple size="10" aria-describedby="h-multi">{{#AREA}}<option value="{{V}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/AREA}}</select></div>
<fieldset class="evidence"><legend>O papel de cada entidade</legend>
<p class="hint" id="h-roles">Quão seguro é cada papel e, se for preciso, uma precisão sobre ele (por exemplo, «coordenação técnica»), em português e em inglês. Uma entidade acrescentada acima fica «Confirmado», o valor por omissão, até o mudar aqui depois de gravar.</p>
{{#ROLES}}<div class="table-wrap reflow-wrap"><table class="reflow"><caption>Entidades responsáveis e de apoio</caption>
<thead><tr><th scope="col">Entidade</th><th scope="col">Papel</th><th scope="col">Confiança</th><th scope="col">Precisão (PT)</th><th scope="col">Precisão (EN)</th></tr></thead>
<tbody>{{#ROLE}}<tr><th scope="row">{{WHO}}</th><td data-label="Papel">{{ROLE_L}}</td>
<td data-label="Confiança"><select id="f-confidence-{{ROLE}}-{{ID}}" name="confidence-{{ROLE}}-{{ID}}" aria-label="Confiança: {{WHO}} ({{ROLE_L}})">{{#CONF}}<option value="{{V}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/CONF}}</select></td>
<td data-label="Precisão (PT)"><input id="f-role_pt-{{ROLE}}-{{ID}}" name="role_pt-{{ROLE}}-{{ID}}" type="text" maxlength="512" value="{{PT}}" aria-label="Precisão sobre o papel (PT): {{WHO}} ({{ROLE_L}})"></td>
<td data-label="Precisão (EN)"><input id="f-role_en-{{ROLE}}-{{ID}}" name="role_en-{{ROLE}}-{{ID}}" type="text" maxlength="512" value="{{EN}}" aria-label="Precisão sobre o papel (EN): {{WHO}} ({{ROLE_L}})"></td></tr>{{/ROLE}}</tbody></table></div>{{/ROLES}}
{{#NO_ROLES}}<p>Nenhuma entidade responsável ou de apoio gravada.</p>{{/NO_ROLES}}
</fieldset>
<p><button type="submit">Gravar</button></p>
</form>
<section aria-labelledby="parties-h"><h2 id="parties-h">Parceiros e proponentes</h2>
<p class="hint">Entidades ligadas ao compromisso sem o liderar nem apoiar: parceiras numa atividade ou proponentes. Vêm do ficheiro de conteúdos; aqui só se consultam.</p>
{{#PARTIES}}<div class="table-wrap reflow-wrap"><table class="reflow"><caption>Parceiros e proponentes</caption>
<thead><tr><th scope="col">Entidade</th><th scope="col">Relação</th><th scope="col">Nota</th><th scope="col">Fonte</th></tr></thead>
<tbody>{{#PARTY}}<tr><th scope="row">{{WHO}}</th><td data-label="Relação">{{RELATION}}</td><td data-label="Nota">{{NOTE}}</td><td data-label="Fonte">{{#SOURCE}}<a href="{{URL}}">{{URL}}</a>{{/SOURCE}}</td></tr>{{/PARTY}}</tbody></table></div>{{/PARTIES}}
{{#NO_PARTIES}}<p>Nenhum parceiro ou proponente registado.</p>{{/NO_PARTIES}}
</section>
