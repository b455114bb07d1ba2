{{%AUTOESCAPE context="HTML"}}{{!
One change of an email alert, for its plain-text part: view/alert.c renders it with the
change's dictionary (view/changes.h change_dict) and turns the five entities ctemplate
writes back into their characters.
}}  * {{TITLE}}{{#HAS_AS_OF}} ({{AS_OF}}{{#HAS_CONFIDENCE}}, {{CONFIDENCE}}{{/HAS_CONFIDENCE}}){{/HAS_AS_OF}}
    {{WHEN}}{{#HAS_EVIDENCE}}. {{EVIDENCE_LABEL}}: {{EVIDENCE}}{{/HAS_EVIDENCE}}
    {{HREF}}
