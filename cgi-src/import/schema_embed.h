/* schema_embed: the JSON Schema of the content file format aberta-content/2
 * (content/rnaa-content.schema.json), embedded at build time by content/embed-schema.sh. */
#ifndef ABERTA_SCHEMA_EMBED_H
#define ABERTA_SCHEMA_EMBED_H

/* The schema's text (NUL-terminated) and its length in bytes. */
extern const char          content_schema[];
extern const unsigned long content_schema_len;

#endif
