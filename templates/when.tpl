{{%AUTOESCAPE context="HTML"}}
{{#DATED}}<time datetime="{{START_ISO}}">{{START}}</time>{{#RANGE}} – <time datetime="{{END_ISO}}">{{END}}</time>{{/RANGE}}{{/DATED}}{{#UNDATED}}{{L_DATE_NOT_RECORDED}}{{/UNDATED}}{{#DATE_NOTE}} (<span lang="{{NOTE_LANG}}">{{NOTE}}</span>){{/DATE_NOTE}}
