{{%AUTOESCAPE context="HTML"}}
<h1>{{PLURAL}}</h1>
{{#NEW}}<p><a class="button" href="/admin/{{KIND}}/new">Novo registo</a></p>{{/NEW}}
{{#EMPTY}}<p>Não há registos que possa editar.</p>{{/EMPTY}}
{{#HAS_ROWS}}<ul class="admin-list">{{#ITEM}}<li><a href="/admin/{{KIND}}/{{ID}}">{{LABEL}}</a> <span class="small">{{DETAIL}}</span></li>{{/ITEM}}</ul>{{/HAS_ROWS}}
