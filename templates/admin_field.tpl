{{%AUTOESCAPE context="HTML"}}
<div class="field">
<label for="f-{{NAME}}">{{LABEL}}{{#REQUIRED}} <span class="req">(obrigatório)</span>{{/REQUIRED}}</label>
{{#DATE_HINT}}<span class="hint" id="h-{{NAME}}">AAAA, AAAA-MM ou AAAA-MM-DD</span>{{/DATE_HINT}}
{{#DATETIME_HINT}}<span class="hint" id="h-{{NAME}}">{{ZONE_HINT}}: AAAA-MM-DD HH:MM</span>{{/DATETIME_HINT}}
{{#ERROR}}<span class="field-error" id="e-{{NAME}}">{{TEXT}}</span>{{/ERROR}}
{{#IS_TEXT}}<input id="f-{{NAME}}" name="{{NAME}}" type="text" value="{{VALUE}}" maxlength="{{MAXLEN}}"{{#INV}} aria-invalid="true"{{/INV}}{{#DESC}} aria-describedby="{{IDS}}"{{/DESC}}>{{/IS_TEXT}}
{{#IS_DATETIME}}<input id="f-{{NAME}}" name="{{NAME}}" type="datetime-local" value="{{VALUE}}"{{#INV}} aria-invalid="true"{{/INV}}{{#DESC}} aria-describedby="{{IDS}}"{{/DESC}}>{{/IS_DATETIME}}
{{#IS_URL}}<input id="f-{{NAME}}" name="{{NAME}}" type="url" value="{{VALUE}}" maxlength="{{MAXLEN}}"{{#INV}} aria-invalid="true"{{/INV}}{{#DESC}} aria-describedby="{{IDS}}"{{/DESC}}>{{/IS_URL}}
{{#IS_NUMBER}}<input id="f-{{NAME}}" name="{{NAME}}" type="number" min="0" max="{{MAX}}" value="{{VALUE}}"{{#INV}} aria-invalid="true"{{/INV}}{{#DESC}} aria-describedby="{{IDS}}"{{/DESC}}>{{/IS_NUMBER}}
{{#IS_LONG}}<textarea id="f-{{NAME}}" name="{{NAME}}" rows="6" maxlength="{{MAXLEN}}"{{#INV}} aria-invalid="true"{{/INV}}{{#DESC}} aria-describedby="{{IDS}}"{{/DESC}}>{{VALUE:pre_escape}}</textarea>{{/IS_LONG}}
{{#IS_SELECT}}<select id="f-{{NAME}}" name="{{NAME}}"{{#INV}} aria-invalid="true"{{/INV}}{{#DESC}} aria-describedby="{{IDS}}"{{/DESC}}>{{#OPTION}}<option value="{{V}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/OPTION}}</select>{{/IS_SELECT}}
{{#IS_CHECK}}<input id="f-{{NAME}}" name="{{NAME}}" type="checkbox" value="1"{{#CHECKED}} checked{{/CHECKED}}>{{/IS_CHECK}}
</div>
