{{%AUTOESCAPE context="XML"}}
<svg xmlns="http://www.w3.org/2000/svg" width="{{W}}" height="20" role="img" aria-label="{{LABEL}}">
<title>{{LABEL}}</title>
<rect width="{{LW}}" height="20" fill="#123e6b"/>
<rect x="{{LW}}" width="{{RW}}" height="20" fill="{{COLOR}}"/>
<g fill="#fff" font-family="DejaVu Sans,Verdana,Geneva,sans-serif" font-size="11">
<text x="6" y="14">{{LEFT}}</text>
<text x="{{RX}}" y="14">{{RIGHT}}</text>
</g>
</svg>
