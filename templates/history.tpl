{{%AUTOESCAPE context="HTML"}}
<div class="wrap">
<nav class="crumbs" aria-label="{{L_BREADCRUMB}}"><a href="{{BACK}}">{{BACK_LABEL}}</a> › <span aria-current="page">{{L_HISTORY}}</span></nav>
<h1>{{L_HISTORY}}: <span lang="{{NAME_LANG}}">{{NAME}}</span></h1>
<p class="lead">{{L_HISTORY_INTRO}}</p>
{{#NONE}}<p>{{L_HISTORY_NONE}}</p>{{/NONE}}
{{#HAS}}<ol class="history" reversed>{{#CHANGE}}
<li><p><strong><time datetime="{{AT}}">{{AT_TEXT}}</time></strong> · {{WHO}}{{#REVIEWED}} · {{L_REVIEWED}}{{/REVIEWED}}</p>
<ul>{{#ITEM}}<li>{{WHAT}}{{#FIELD}}: {{LABEL}}: <del>{{BEFORE}}</del> → <ins>{{AFTER}}</ins>{{/FIELD}}{{#OP}} {{TEXT}}{{/OP}}</li>{{/ITEM}}</ul></li>{{/CHANGE}}
</ol>{{/HAS}}
</div>
