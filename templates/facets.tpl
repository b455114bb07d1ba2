{{%AUTOESCAPE context="HTML"}}
<aside class="facets" aria-labelledby="facets-h">
<h2 id="facets-h">{{L_FILTERS}}</h2>
<p class="small">{{L_FACETS_NOTE}}</p>
{{#ACTIVE_ANY}}<h3 id="facets-active-h">{{L_ACTIVE_FILTERS}}</h3>
<ul class="active-filters" aria-labelledby="facets-active-h">{{#ACTIVE}}
<li><a href="{{URL}}">{{GROUP}}: {{LABEL}} <span aria-hidden="true">×</span><span class="visually-hidden"> ({{L_REMOVE_FILTER}})</span></a></li>{{/ACTIVE}}
</ul>
<p><a href="{{CLEAR_URL}}">{{L_CLEAR_FILTERS}}</a></p>{{/ACTIVE_ANY}}
{{#GROUP}}<h3 id="facet-{{KEY}}">{{NAME}}</h3>
<ul class="facet" aria-labelledby="facet-{{KEY}}">{{#VAL}}
<li>{{#SELECTED}}<strong aria-current="true">{{LABEL}}</strong>{{/SELECTED}}{{#LINK}}<a href="{{URL}}">{{LABEL}}</a>{{/LINK}}{{>DOUBT}} <span class="count">({{N}})</span></li>{{/VAL}}
</ul>{{/GROUP}}
</aside>
