{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/admin/{{KIND}}">{{PLURAL}}</a></p>
<h1>Apagar {{NAME}}</h1>
{{#ERROR}}<div class="error-box" role="alert"><p>{{TEXT}}</p></div>{{/ERROR}}
<p>Vai apagar <strong>{{LABEL}}</strong>. A remoção fica registada no histórico.</p>
<form method="post" action="/admin/{{KIND}}/{{ID}}/delete" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
<p><button type="submit" class="danger">Apagar definitivamente</button> <a href="/admin/{{KIND}}/{{ID}}">Cancelar</a></p>
</form>
