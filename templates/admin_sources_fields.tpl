{{%AUTOESCAPE context="HTML"}}
<div class="field"><label for="{{P}}kind">Tipo de ligação</label>
{{#ERR_kind}}<span class="field-error" id="e-{{P}}kind">{{TEXT}}</span>{{/ERR_kind}}
<select id="{{P}}kind" name="kind"{{#ERR_kind}} aria-invalid="true" aria-describedby="e-{{P}}kind"{{/ERR_kind}}>{{#KIND}}<option value="{{V}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/KIND}}</select></div>
{{#HAS_URL}}<div class="field"><label for="{{P}}url">Endereço (http:// ou https://)</label>
<span class="hint" id="h-{{P}}url">{{HINT}}</span>
{{#ERR_url}}<span class="field-error" id="e-{{P}}url">{{TEXT}}</span>{{/ERR_url}}
<input id="{{P}}url" name="url" type="url" maxlength="2048" value="{{URL}}" aria-describedby="h-{{P}}url{{#ERR_url}} e-{{P}}url{{/ERR_url}}"{{#ERR_url}} aria-invalid="true"{{/ERR_url}}{{#FOCUS}} autofocus{{/FOCUS}}></div>{{/HAS_URL}}
{{#UPLOAD}}<div class="field"><label for="{{P}}file">Ou um documento (PDF, ODT, DOCX, PNG ou JPEG, até 10 MB)</label>
{{#ERR_file}}<span class="field-error" id="e-{{P}}file">{{TEXT}}</span>{{/ERR_file}}
<input id="{{P}}file" name="file" type="file" accept=".pdf,.odt,.docx,.png,.jpg,.jpeg"{{#ERR_file}} aria-invalid="true" aria-describedby="e-{{P}}file"{{/ERR_file}}></div>{{/UPLOAD}}
<div class="pair">
<div class="field"><label for="{{P}}label_pt">Texto da ligação (PT)</label>
{{#ERR_label_pt}}<span class="field-error" id="e-{{P}}label_pt">{{TEXT}}</span>{{/ERR_label_pt}}
<input id="{{P}}label_pt" name="label_pt" type="text" maxlength="500" value="{{LABEL_PT}}" lang="pt"{{#ERR_label_pt}} aria-invalid="true" aria-describedby="e-{{P}}label_pt"{{/ERR_label_pt}}></div>
<div class="field"><label for="{{P}}label_en">Texto da ligação (EN)</label>
{{#ERR_label_en}}<span class="field-error" id="e-{{P}}label_en">{{TEXT}}</span>{{/ERR_label_en}}
<input id="{{P}}label_en" name="label_en" type="text" maxlength="500" value="{{LABEL_EN}}" lang="en"{{#ERR_label_en}} aria-invalid="true" aria-describedby="e-{{P}}label_en"{{/ERR_label_en}}></div>
</div>
