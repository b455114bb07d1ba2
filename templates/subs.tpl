{{%AUTOESCAPE context="HTML"}}
<ol class="subs">{{#SUB}}
<li id="s{{ID}}" class="sub">
{{#REJECTED}}<p><span class="kicker">{{KIND}} {{ID}}</span>{{#DAY}} · <time datetime="{{DAY_ISO}}">{{DAY}}</time>{{/DAY}}</p>
<p class="small">{{L_REJECTED}} <span lang="{{REASON_LANG}}">{{REASON}}</span>{{#REASON_MISSING}}<span class="unknown">{{L_NOT_RECORDED}}</span>{{/REASON_MISSING}}{{#REASON_FALLBACK}} <span class="fallback">{{L_ONLY_OTHER_LANG_SHORT}}</span>{{/REASON_FALLBACK}}</p>{{/REJECTED}}
{{#PUBLISHED}}<p><span class="kicker">{{KIND}} {{ID}}</span> · {{L_BY}} <strong>{{AUTHOR}}</strong>{{#ORG}} ({{ORGANISATION}}){{/ORG}}{{#DAY}} · <time datetime="{{DAY_ISO}}">{{DAY}}</time>{{/DAY}}</p>
<div lang="{{SUB_LANG}}">
{{#HAS_TITLE}}<h3>{{SUB_TITLE}}</h3>{{/HAS_TITLE}}
{{#HAS_PROBLEM}}<h4>{{L_F_PROBLEM}}</h4>{{#PROBLEM_P}}<p>{{TEXT}}</p>{{/PROBLEM_P}}<h4>{{L_F_PROPOSAL}}</h4>{{/HAS_PROBLEM}}
{{#BODY_P}}<p>{{TEXT}}</p>{{/BODY_P}}
</div>
{{#OUTCOME}}<p><strong>{{L_OUTCOME}}:</strong> {{OUTCOME_LABEL}}</p>{{/OUTCOME}}
{{#MERGED}}<p>{{L_BECAME}} <a href="/{{LANG}}/commitments/{{OGP_ID}}">{{OGP_ID}} — <span lang="{{C_TITLE_LANG}}">{{C_TITLE}}</span></a></p>{{/MERGED}}
{{#ANSWER}}<div class="answer"><h4>{{L_ANSWER}}</h4><div lang="{{ANS_LANG}}">{{#ANS_P}}<p>{{TEXT}}</p>{{/ANS_P}}</div>{{#ANS_FALLBACK}}<p class="fallback">{{L_ONLY_OTHER_LANG}}</p>{{/ANS_FALLBACK}}</div>{{/ANSWER}}{{/PUBLISHED}}
</li>{{/SUB}}
</ol>
