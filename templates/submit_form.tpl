{{%AUTOESCAPE context="HTML"}}
<form class="form submit-form" method="post" action="{{ACTION}}">
<fieldset>
<legend>{{LEGEND}}</legend>
{{#ERRORS}}<div class="error-summary" role="alert"><p>{{L_ERRORS_HEADING}}</p><ul>{{#ERR}}<li><a href="#{{FIELD}}-{{ID_SUFFIX}}">{{TEXT}}</a></li>{{/ERR}}</ul></div>{{/ERRORS}}
<div class="field"><label for="author-{{ID_SUFFIX}}">{{L_F_AUTHOR}}</label>
{{#E_AUTHOR}}<span class="field-error" id="e-author-{{ID_SUFFIX}}">{{TEXT}}</span>{{/E_AUTHOR}}
<input id="author-{{ID_SUFFIX}}" name="author" type="text" maxlength="80" required autocomplete="nickname" value="{{V_AUTHOR}}"{{#INV_AUTHOR}} aria-invalid="true" aria-describedby="e-author-{{ID_SUFFIX}}"{{/INV_AUTHOR}}></div>
<div class="field"><label for="organisation-{{ID_SUFFIX}}">{{L_F_ORG}}</label>
{{#E_ORG}}<span class="field-error" id="e-organisation-{{ID_SUFFIX}}">{{TEXT}}</span>{{/E_ORG}}
<input id="organisation-{{ID_SUFFIX}}" name="organisation" type="text" maxlength="200" autocomplete="organization" value="{{V_ORG}}"{{#INV_ORG}} aria-invalid="true" aria-describedby="e-organisation-{{ID_SUFFIX}}"{{/INV_ORG}}></div>
<div class="field"><label for="email-{{ID_SUFFIX}}">{{L_F_EMAIL}}</label>
<span class="hint" id="h-email-{{ID_SUFFIX}}">{{L_F_EMAIL_HINT}}</span>
{{#E_EMAIL}}<span class="field-error" id="e-email-{{ID_SUFFIX}}">{{TEXT}}</span>{{/E_EMAIL}}
<input id="email-{{ID_SUFFIX}}" name="email" type="email" maxlength="254" required autocomplete="email" value="{{V_EMAIL}}" aria-describedby="h-email-{{ID_SUFFIX}}{{#INV_EMAIL}} e-email-{{ID_SUFFIX}}{{/INV_EMAIL}}"{{#INV_EMAIL}} aria-invalid="true"{{/INV_EMAIL}}></div>
{{#PROPOSAL}}<div class="field"><label for="title-{{ID_SUFFIX}}">{{L_F_TITLE}}</label>
{{#E_TITLE}}<span class="field-error" id="e-title-{{ID_SUFFIX}}">{{TEXT}}</span>{{/E_TITLE}}
<input id="title-{{ID_SUFFIX}}" name="title" type="text" maxlength="200" required value="{{V_TITLE}}"{{#INV_TITLE}} aria-invalid="true" aria-describedby="e-title-{{ID_SUFFIX}}"{{/INV_TITLE}}></div>
<div class="field"><label for="problem-{{ID_SUFFIX}}">{{L_F_PROBLEM}}</label>
<span class="hint" id="h-problem-{{ID_SUFFIX}}">{{L_F_LIMIT}}</span>
{{#E_PROBLEM}}<span class="field-error" id="e-problem-{{ID_SUFFIX}}">{{TEXT}}</span>{{/E_PROBLEM}}
<textarea id="problem-{{ID_SUFFIX}}" name="problem" rows="5" maxlength="5000" required aria-describedby="h-problem-{{ID_SUFFIX}}{{#INV_PROBLEM}} e-problem-{{ID_SUFFIX}}{{/INV_PROBLEM}}"{{#INV_PROBLEM}} aria-invalid="true"{{/INV_PROBLEM}}>{{V_PROBLEM:pre_escape}}</textarea></div>{{/PROPOSAL}}
<div class="field"><label for="body-{{ID_SUFFIX}}">{{BODY_LABEL}}</label>
<span class="hint" id="h-body-{{ID_SUFFIX}}">{{L_F_LIMIT}}</span>
{{#E_BODY}}<span class="field-error" id="e-body-{{ID_SUFFIX}}">{{TEXT}}</span>{{/E_BODY}}
<textarea id="body-{{ID_SUFFIX}}" name="body" rows="6" maxlength="5000" required aria-describedby="h-body-{{ID_SUFFIX}}{{#INV_BODY}} e-body-{{ID_SUFFIX}}{{/INV_BODY}}"{{#INV_BODY}} aria-invalid="true"{{/INV_BODY}}>{{V_BODY:pre_escape}}</textarea></div>
{{#POW}}<input type="hidden" name="pow_challenge" value="{{CHALLENGE}}"><input type="hidden" name="pow_nonce" value="">{{/POW}}
<div class="hp" aria-hidden="true"><label for="website-{{ID_SUFFIX}}">{{L_F_HONEYPOT}}</label> <input id="website-{{ID_SUFFIX}}" name="website" type="text" tabindex="-1" autocomplete="off" value=""></div>
<div class="field check"><input id="consent-{{ID_SUFFIX}}" name="consent" type="checkbox" value="1" required{{#CONSENT_CHECKED}} checked{{/CONSENT_CHECKED}}{{#INV_CONSENT}} aria-invalid="true" aria-describedby="e-consent-{{ID_SUFFIX}}"{{/INV_CONSENT}}> <label for="consent-{{ID_SUFFIX}}">{{L_CONSENT}}</label>
{{#E_CONSENT}}<span class="field-error" id="e-consent-{{ID_SUFFIX}}">{{TEXT}}</span>{{/E_CONSENT}}</div>
{{#SUBMIT}}<p><button type="submit">{{L_SEND}}</button></p>{{/SUBMIT}}
</fieldset>
</form>
