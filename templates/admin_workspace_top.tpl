{{%AUTOESCAPE context="HTML"}}
<p><a href="#marcos">Ir para os marcos deste compromisso ({{N}})</a></p>
{{#SUMMARY}}<div class="error-box" role="alert" aria-labelledby="ws-err-h">
<h2 id="ws-err-h">Nada foi gravado: {{N}} problema(s) nos marcos</h2>
{{#CONFLICTS}}<p>Outra pessoa gravou um ou mais destes marcos enquanto os editava. Os seus valores continuam no formulário; compare-os com os gravados e grave de novo.</p>{{/CONFLICTS}}
{{#DBERR}}<p>{{TEXT}}</p>{{/DBERR}}
<ul>{{#ERR}}<li><a href="{{HREF}}">{{TEXT}}</a></li>{{/ERR}}</ul>
</div>{{/SUMMARY}}
