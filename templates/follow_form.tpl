{{%AUTOESCAPE context="HTML"}}
<section class="follow-box" id="follow" aria-labelledby="follow-h">
<h2 id="follow-h">{{L_FOLLOW_HEADING}}</h2>
<form class="form submit-form" method="post" action="/{{LANG}}/follow">
<fieldset>
<legend>{{LEGEND}}</legend>
{{#ERRORS}}<div class="error-summary" role="alert"><p>{{L_ERRORS_HEADING}}</p><ul>{{#ERR}}<li><a href="#{{FIELD}}">{{TEXT}}</a></li>{{/ERR}}</ul></div>{{/ERRORS}}
<p class="hint">{{L_FOLLOW_HINT}}</p>
<input type="hidden" name="kind" value="{{KIND}}"><input type="hidden" name="target" value="{{TARGET}}">
<div class="field"><label for="follow-email">{{L_F_EMAIL}}</label>
{{#E_EMAIL}}<span class="field-error" id="e-follow-email">{{TEXT}}</span>{{/E_EMAIL}}
<input id="follow-email" name="email" type="email" maxlength="254" required autocomplete="email" value="{{V_EMAIL}}"{{#INV_EMAIL}} aria-invalid="true" aria-describedby="e-follow-email"{{/INV_EMAIL}}></div>
<fieldset class="choice">
<legend>{{L_FOLLOW_LANG}}</legend>
{{#E_LANG}}<span class="field-error">{{TEXT}}</span>{{/E_LANG}}
{{#LANG_OPT}}<div class="field check"><input id="follow-lang-{{CODE}}" name="lang" type="radio" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> <label for="follow-lang-{{CODE}}" lang="{{CODE}}">{{LABEL}}</label></div>{{/LANG_OPT}}
</fieldset>
<fieldset class="choice">
<legend>{{L_FOLLOW_FREQ}}</legend>
{{#E_FREQUENCY}}<span class="field-error">{{TEXT}}</span>{{/E_FREQUENCY}}
{{#FREQ_OPT}}<div class="field check"><input id="follow-freq-{{CODE}}" name="frequency" type="radio" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> <label for="follow-freq-{{CODE}}">{{LABEL}}</label></div>{{/FREQ_OPT}}
</fieldset>
{{#POW}}<input type="hidden" name="pow_challenge" value="{{CHALLENGE}}"><input type="hidden" name="pow_nonce" value="">{{/POW}}
<div class="hp" aria-hidden="true"><label for="follow-website">{{L_F_HONEYPOT}}</label> <input id="follow-website" name="website" type="text" tabindex="-1" autocomplete="off" value=""></div>
<div class="field check"><input id="follow-consent" name="consent" type="checkbox" value="1" required{{#CONSENT_CHECKED}} checked{{/CONSENT_CHECKED}}{{#INV_CONSENT}} aria-invalid="true" aria-describedby="e-follow-consent"{{/INV_CONSENT}}> <label for="follow-consent">{{L_FOLLOW_CONSENT}}</label>
{{#E_CONSENT}}<span class="field-error" id="e-follow-consent">{{TEXT}}</span>{{/E_CONSENT}}</div>
<p class="small"><a href="/{{LANG}}/privacy">{{L_NAV_PRIVACY}}</a></p>
<p><button type="submit">{{L_FOLLOW_BUTTON}}</button></p>
</fieldset>
</form>
</section>
