{{%AUTOESCAPE context="HTML"}}
<div class="wrap">
<nav class="crumbs" aria-label="{{L_BREADCRUMB}}"><a href="/{{LANG}}/plans">{{L_NAV_PLANS}}</a> › <a href="/{{LANG}}/plans/{{PLAN_NUMBER}}">{{ORDINAL}}</a> › <span aria-current="page">{{L_ASOF_STATE_ON}} <time datetime="{{AS_OF_ISO}}">{{AS_OF}}</time></span></nav>
<h1><span lang="{{PLAN_TITLE_LANG}}">{{PLAN_TITLE}}</span>{{#PLAN_TITLE_MISSING}}{{ORDINAL}}{{/PLAN_TITLE_MISSING}} <span class="small">— {{L_ASOF_STATE_ON}} <time datetime="{{AS_OF_ISO}}">{{AS_OF}}</time></span></h1>
{{#PLAN_TITLE_FALLBACK}}<p class="fallback">{{L_ONLY_OTHER_LANG}}</p>{{/PLAN_TITLE_FALLBACK}}
<aside class="caveat snapshot" aria-labelledby="frozen-h">
<h2 id="frozen-h">{{L_ASOF_FROZEN_H}}</h2>
<p>{{L_ASOF_FROZEN}} <time datetime="{{MOMENT_ISO}}">{{MOMENT}}</time> ({{L_ASOF_LISBON}}), {{L_ASOF_BY_ROUND}} «{{ROUND}}».</p>
<p><strong>{{L_ASOF_NEVER_CHANGES}}</strong> <a href="/{{LANG}}/plans/{{PLAN_NUMBER}}">{{L_ASOF_SEE_LIVE}}</a>.</p>
<p class="small">{{L_ASOF_REBUILT}} <a href="/{{LANG}}/plans/{{PLAN_NUMBER}}/history">{{L_SEE_HISTORY}}</a>. {{L_ASOF_TAKEN}} <time datetime="{{TAKEN_ISO}}">{{TAKEN}}</time> ({{L_ASOF_LISBON}}).</p>
</aside>
<section aria-labelledby="commitments-h">
<h2 id="commitments-h">{{L_COMMITMENTS}} <span class="small">({{N}})</span></h2>
<ol class="snapshot-commitments">{{#COMMITMENT}}
<li>
<h3>{{NUMBER}}. <a href="/{{LANG}}/commitments/{{OGP_ID}}"><span lang="{{TITLE_LANG}}">{{TITLE}}</span>{{#TITLE_MISSING}}{{L_TITLE_NOT_RECORDED}}{{/TITLE_MISSING}}</a>{{>TITLE_DOUBT}} <span class="small">{{OGP_ID}}</span>{{>OGP_DOUBT}}{{#TITLE_FALLBACK}} <span class="fallback">{{L_ONLY_OTHER_LANG_SHORT}}</span>{{/TITLE_FALLBACK}}</h3>
<dl class="facts compact">
<div><dt>{{L_LEAD}}</dt><dd>{{LEADS}}{{#NO_LEAD}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/NO_LEAD}}</dd></div>
<div><dt>{{L_SELF_STATUS}}</dt><dd>{{STATUS}}{{#STATUS_MISSING}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/STATUS_MISSING}}{{#SELF}}{{#SELF_PCT}} · <strong>{{PCT}}%</strong> {{L_ASOF_SELF_PCT}}{{/SELF_PCT}}{{>DOUBT}} <span class="small">({{#SELF_DATE_HAS}}<time datetime="{{SELF_DATE_ISO}}">{{SELF_DATE}}</time>{{/SELF_DATE_HAS}}{{#SELF_DATE_MISSING}}{{SELF_DATE}}{{/SELF_DATE_MISSING}})</span>{{/SELF}}</dd></div>
<div><dt>{{L_PROGRESS}}</dt><dd>{{>PROGRESS}}</dd></div>
</dl>
{{#NO_MILESTONES}}<p class="unknown">{{L_NO_MILESTONES}}</p>{{/NO_MILESTONES}}
{{#HAS_MILESTONES}}<ol class="milestones">{{#MS}}
<li>
<h4><span lang="{{MS_TITLE_LANG}}">{{MS_TITLE}}</span>{{#MS_TITLE_MISSING}}{{L_TITLE_NOT_RECORDED}}{{/MS_TITLE_MISSING}}{{#MS_TITLE_FALLBACK}} <span class="fallback">{{L_ONLY_OTHER_LANG_SHORT}}</span>{{/MS_TITLE_FALLBACK}}</h4>
<dl class="facts compact">
<div><dt>{{L_PLANNED}}</dt><dd>{{#PSTART_MISSING}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/PSTART_MISSING}}{{#PSTART_HAS}}<time datetime="{{PSTART_ISO}}">{{PSTART}}</time>{{/PSTART_HAS}} – {{#PEND_MISSING}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/PEND_MISSING}}{{#PEND_HAS}}<time datetime="{{PEND_ISO}}">{{PEND}}</time>{{/PEND_HAS}}{{#OVERDUE}} <strong class="overdue">{{L_OVERDUE_SINCE}} <time datetime="{{PEND_ISO}}">{{PEND}}</time></strong>{{/OVERDUE}}</dd></div>
<div><dt>{{L_STATUS}}</dt><dd>{{STATUS}}{{#STATUS_MISSING}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/STATUS_MISSING}}{{#DONE}} · {{L_COMPLETED_ON}} <time datetime="{{DONE_TEXT_ISO}}">{{DONE_TEXT}}</time>{{/DONE}}</dd></div>
<div><dt>{{L_PROGRESS}}</dt><dd>{{#HAS_PCT}}<strong>{{PCT}}%</strong>{{>DOUBT}} <span class="small">({{#ASOF_HAS}}<time datetime="{{ASOF_ISO}}">{{ASOF}}</time>{{/ASOF_HAS}}{{#ASOF_MISSING}}{{ASOF}}{{/ASOF_MISSING}}, {{#SRC}}<a href="{{URL}}" rel="external">{{LABEL}}</a>{{/SRC}}{{#SRC_TEXT}}{{TEXT}}{{/SRC_TEXT}}{{#SOURCE_MISSING}}{{L_SOURCE_NOT_RECORDED}}{{/SOURCE_MISSING}})</span>{{/HAS_PCT}}{{#NO_PCT}}<span class="unknown">{{L_NO_DATA}}</span>{{/NO_PCT}}</dd></div>
</dl>
</li>{{/MS}}
</ol>{{/HAS_MILESTONES}}
</li>{{/COMMITMENT}}
</ol>
</section>
</div>
