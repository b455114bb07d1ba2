{{%AUTOESCAPE context="HTML"}}
<div class="wrap narrow">
<h1>{{HEADING}}</h1>
<p class="lead">{{MESSAGE}}</p>
{{#THING}}<p><a href="{{PATH}}">{{NAME}}</a></p>{{/THING}}
{{#BUTTON}}<form method="post" action="{{ACTION}}">{{#ONE_CLICK}}<input type="hidden" name="List-Unsubscribe" value="One-Click">{{/ONE_CLICK}}<p><button type="submit">{{LABEL}}</button></p></form>{{/BUTTON}}
{{#MANAGE}}<p><a href="{{HREF}}">{{L_FOLLOW_MANAGE_LINK}}</a></p>{{/MANAGE}}
<p><a href="/{{LANG}}/privacy">{{L_NAV_PRIVACY}}</a></p>
</div>
