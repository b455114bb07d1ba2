{{%AUTOESCAPE context="HTML"}}
{{#ERROR}}<div class="error-box" role="alert"><p>O endereço desta lista tem valores que não são aceites; corrija-os abaixo ou <a href="{{PATH}}">comece de novo</a>:</p>
<ul>{{#BAD}}<li>{{NAME}} = «{{VALUE}}»: {{WHY}}</li>{{/BAD}}</ul></div>{{/ERROR}}
{{#NOTE}}<p class="note-box" role="status">{{TEXT}}</p>{{/NOTE}}
