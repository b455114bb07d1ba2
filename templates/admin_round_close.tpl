{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/admin/rounds">Rondas de reporte</a> › <a href="/admin/rounds/{{ID}}">{{NAME}}</a></p>
<h1>Fechar a ronda «{{NAME}}»?</h1>
<p>Fechar a ronda:</p>
<ul>
<li>termina os lembretes (os automáticos e os enviados à mão);</li>
<li>fixa no quadro da ronda o estado de cada entidade (as alterações gravadas depois já não contam);</li>
<li>publica o estado de cada plano com a data de hoje, <time datetime="{{TODAY_ISO}}">{{TODAY}}</time>, tal como está agora, num endereço que não muda: {{#PLAN}}<a href="/pt/plans/{{NUMBER}}/as-of/{{TODAY_ISO}}">/pt/plans/{{NUMBER}}/as-of/{{TODAY_ISO}}</a> ({{NUMBER}}.º plano) {{/PLAN}}</li>
</ul>
<p>Não se pode desfazer: um plano só tem um estado publicado por dia.</p>
<form method="post" action="/admin/rounds/{{ID}}/close" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><button type="submit" class="danger">Fechar a ronda e publicar</button> <a href="/admin/rounds/{{ID}}">Cancelar</a></p>
</form>
