{{%AUTOESCAPE context="HTML"}}
<div class="wrap narrow">
<h1>{{L_FOLLOW_MANAGE_H}}</h1>
{{#NOTICE}}<p class="lead" role="status">{{TEXT}}</p>{{/NOTICE}}
{{#PROBLEM}}<div class="error-summary" role="alert"><p>{{TEXT}}</p></div>{{/PROBLEM}}
{{#HAS_SUBS}}<p>{{L_FOLLOW_MANAGE_INTRO}}</p>
<ul class="follow-list">
{{#SUB}}<li>
<h2 class="h3" id="sub-{{ID}}"><a href="{{PATH}}">{{NAME}}</a></h2>
<p>{{STATE}}</p>
<form class="form" method="post" action="{{ACTION}}" aria-labelledby="sub-{{ID}}">
<input type="hidden" name="sub" value="{{ID}}">
<div class="field"><label for="freq-{{ID}}">{{L_FOLLOW_FREQ}}</label>
<select id="freq-{{ID}}" name="frequency">{{#FREQ_OPT}}<option value="{{CODE}}"{{#CHECKED}} selected{{/CHECKED}}>{{LABEL}}</option>{{/FREQ_OPT}}</select></div>
<div class="field"><label for="lang-{{ID}}">{{L_FOLLOW_LANG}}</label>
<select id="lang-{{ID}}" name="lang">{{#LANG_OPT}}<option value="{{CODE}}" lang="{{CODE}}"{{#CHECKED}} selected{{/CHECKED}}>{{LABEL}}</option>{{/LANG_OPT}}</select></div>
<p><button type="submit" name="action" value="change">{{L_FOLLOW_SAVE}}</button> <button type="submit" name="action" value="stop" class="danger">{{L_FOLLOW_STOP}}</button></p>
</form>
</li>{{/SUB}}
</ul>
<form class="form" method="post" action="{{ACTION}}"><input type="hidden" name="action" value="stop_all"><p><button type="submit" class="danger">{{L_FOLLOW_STOP_ALL}}</button></p></form>{{/HAS_SUBS}}
<p><a href="/{{LANG}}/privacy">{{L_NAV_PRIVACY}}</a></p>
</div>
