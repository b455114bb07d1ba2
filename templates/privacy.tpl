{{%AUTOESCAPE context="HTML"}}
<div class="wrap narrow">
<h1>{{L_NAV_PRIVACY}}</h1>
<p class="lead">{{INTRO}}</p>
<section aria-labelledby="priv-follow-h">
<h2 id="priv-follow-h">{{L_FOLLOW_HEADING}}</h2>
{{#FOLLOW_P}}<p>{{TEXT}}</p>{{/FOLLOW_P}}
</section>
<section aria-labelledby="priv-subs-h">
<h2 id="priv-subs-h">{{L_PRIV_SUBS_H}}</h2>
{{#SUBS_P}}<p>{{TEXT}}</p>{{/SUBS_P}}
</section>
<section aria-labelledby="priv-ask-h">
<h2 id="priv-ask-h">{{L_PRIV_ASK_H}}</h2>
<p>{{ASK}} <a href="mailto:ogp@ama.pt">ogp@ama.pt</a>.</p>
</section>
</div>
