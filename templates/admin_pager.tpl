{{%AUTOESCAPE context="HTML"}}
{{#PAGER}}<nav class="pager" aria-label="{{LABEL}}">
<ul>{{#FIRST}}<li><a href="{{URL}}">Primeira</a></li>{{/FIRST}}{{#PREV}}<li><a href="{{URL}}" rel="prev">Anterior</a></li>{{/PREV}}
<li aria-current="page">Página {{PAGE}} de {{PAGES}}</li>{{#NEXT}}
<li><a href="{{URL}}" rel="next">Seguinte</a></li>{{/NEXT}}{{#LAST}}<li><a href="{{URL}}">Última</a></li>{{/LAST}}</ul>
</nav>{{/PAGER}}
