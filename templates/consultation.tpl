{{%AUTOESCAPE context="HTML"}}
<div class="wrap">
<nav class="crumbs" aria-label="{{L_BREADCRUMB}}"><a href="/{{LANG}}/consultations">{{L_NAV_CONSULT}}</a> › <span aria-current="page">{{SHORT}}</span></nav>
<p class="kicker">{{L_CONSULTATION_KICKER}}</p>
<h1 lang="{{TITLE_LANG}}">{{TITLE}}</h1>
{{#TITLE_FALLBACK}}<p class="fallback">{{L_ONLY_OTHER_LANG}}</p>{{/TITLE_FALLBACK}}
{{#OPEN}}<p class="status-open lead"><strong>{{L_CLOSES_IN}} {{N}} {{UNIT}}</strong></p>{{/OPEN}}{{#UPCOMING}}<p class="lead"><strong>{{L_OPENS_IN}} {{N}} {{UNIT}}</strong></p>{{/UPCOMING}}{{#CLOSED}}<p class="lead"><strong>{{L_CLOSED}}</strong></p>{{/CLOSED}}
<dl class="facts">
<div><dt>{{L_OPENS}}</dt><dd><time datetime="{{OPENS_ISO}}">{{OPENS}}</time></dd></div>
<div><dt>{{L_CLOSES}}</dt><dd><time datetime="{{CLOSES_ISO}}">{{CLOSES}}</time>{{#ZONE}} <span class="small">({{ZONE_TIME}})</span>{{/ZONE}}</dd></div>
{{#PLAN}}<div><dt>{{L_PLAN}}</dt><dd><a href="/{{LANG}}/plans/{{PLAN_NUMBER}}"><span lang="{{PLAN_TITLE_LANG}}">{{PLAN_TITLE}}</span></a></dd></div>{{/PLAN}}
{{#COMMITMENT}}<div><dt>{{L_COMMITMENT}}</dt><dd><a href="/{{LANG}}/commitments/{{OGP_ID}}">{{OGP_ID}} — <span lang="{{C_TITLE_LANG}}">{{C_TITLE}}</span></a></dd></div>{{/COMMITMENT}}
{{#DOCUMENT}}<div><dt>{{L_DOC_UNDER}}</dt><dd><a href="{{DOC_URL}}" rel="external">{{DOC_URL}}</a></dd></div>{{/DOCUMENT}}
{{#SOURCE}}<div><dt>{{L_SOURCE}}</dt><dd><a href="{{SOURCE_URL}}" rel="external">{{SOURCE_URL}}</a></dd></div>{{/SOURCE}}
</dl>
<div lang="{{DESC_LANG}}">{{#DESC_P}}<p>{{TEXT}}</p>{{/DESC_P}}</div>
{{#DESC_FALLBACK}}<p class="fallback">{{L_ONLY_OTHER_LANG}}</p>{{/DESC_FALLBACK}}
{{#QUESTIONS}}<section aria-labelledby="q-h"><h2 id="q-h">{{L_QUESTIONS}}</h2><div lang="{{Q_LANG}}">{{#Q_P}}<p>{{TEXT}}</p>{{/Q_P}}</div>{{#Q_FALLBACK}}<p class="fallback">{{L_ONLY_OTHER_LANG}}</p>{{/Q_FALLBACK}}</section>{{/QUESTIONS}}
{{#REPORT}}<section aria-labelledby="r-h"><h2 id="r-h">{{L_REPORT}}</h2>
{{#HAS_OUTCOME}}<div lang="{{OUT_LANG}}">{{#OUT_P}}<p>{{TEXT}}</p>{{/OUT_P}}</div>{{#OUT_FALLBACK}}<p class="fallback">{{L_ONLY_OTHER_LANG}}</p>{{/OUT_FALLBACK}}{{/HAS_OUTCOME}}
{{#NO_OUTCOME}}<p class="unknown">{{L_NO_OUTCOME}}</p>{{/NO_OUTCOME}}
{{#OUTCOME_DOC}}<p><a href="{{OUT_URL}}" rel="external">{{L_OUTCOME_DOC}}</a></p>{{/OUTCOME_DOC}}
</section>{{/REPORT}}
{{#FORMS}}<p class="small">{{L_MODERATION_NOTE}}</p>
{{#PROPOSAL_FORM}}{{>FORM}}{{/PROPOSAL_FORM}}
{{#COMMENT_FORM}}{{>FORM}}{{/COMMENT_FORM}}{{/FORMS}}
<section aria-labelledby="s-h">
<h2 id="s-h">{{L_SUBMISSIONS}}</h2>
{{#NOT_COLLECTED}}<p class="unknown">{{L_NOT_COLLECTED}}</p>{{/NOT_COLLECTED}}
{{#NO_SUBS}}<p class="unknown">{{L_NO_SUBS}}</p>{{/NO_SUBS}}
{{#HAS_SUBS}}{{>SUBS}}{{/HAS_SUBS}}
</section>
</div>
