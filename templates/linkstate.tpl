{{%AUTOESCAPE context="HTML"}}
{{#BROKEN}} <span class="link-broken">({{L_LINK_BROKEN}}, {{L_LINK_BROKEN_ON}} <time datetime="{{SINCE_ISO}}">{{SINCE}}</time>)</span>{{/BROKEN}}{{#ARCHIVED}} <a class="archived" href="{{HREF}}">{{L_ARCHIVED_COPY}} (<time datetime="{{AT_ISO}}">{{AT}}</time>)</a>{{/ARCHIVED}}
