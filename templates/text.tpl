{{%AUTOESCAPE context="HTML"}}
<div class="wrap narrow">
<h1 lang="{{PTITLE_LANG}}">{{PTITLE}}</h1>
{{#PTITLE_FALLBACK}}<p class="fallback">{{L_ONLY_OTHER_LANG}}</p>{{/PTITLE_FALLBACK}}
<div class="prose" lang="{{BODY_LANG}}">{{#BODY_P}}<p>{{TEXT}}</p>{{/BODY_P}}</div>
{{#BODY_FALLBACK}}<p class="fallback">{{L_ONLY_OTHER_LANG}}</p>{{/BODY_FALLBACK}}
{{#BODY_MISSING}}<p class="unknown">{{L_NOT_RECORDED}}</p>{{/BODY_MISSING}}
<p class="small">{{L_LAST_UPDATED}} <time datetime="{{UPDATED}}">{{UPDATED_TEXT}}</time></p>
</div>
