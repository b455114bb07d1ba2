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
<p><button type="submit">Gravar</button></p>
</form>
