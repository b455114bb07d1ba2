/* jschema: a JSON document checked against a JSON Schema (draft 2020-12), for the subset
 * content/rnaa-content.schema.json uses, with errors a content editor can act on: each
 * names the file, the line and column of the offending value, its JSON path and the
 * reason in plain English.
 *
 * Keywords checked: type (a name or a list of names: object, array, string, integer,
 * number, boolean, null; "integer" is a number written without fraction or exponent,
 * stricter than the draft, which takes 1.0), enum, const, required, properties,
 * additionalProperties (false or a schema), items (a schema), anyOf, minimum, maximum,
 * pattern, minLength, maxLength (in characters), minItems, maxItems, $ref ("#" and
 * "#/$defs/NAME"); boolean schemas.  $defs holds definitions; description, title,
 * $schema, $comment, examples, default and $id are ignored.  Any other keyword anywhere
 * in the schema, used or not by the document, makes the schema refused, so that a
 * schema that starts using a keyword this does not implement is never half-checked.
 *
 * A pattern is an ECMA-262 regular expression run as a POSIX extended one on bytes:
 * \d, \s and \S are translated (\d and \s inside [...] too), a backslash before
 * punctuation keeps it literal; other escapes, (?...) groups and lazy quantifiers make
 * the schema refused, as does a pattern regcomp() refuses. */
#ifndef ABERTA_JSCHEMA_H
#define ABERTA_JSCHEMA_H
#include <stddef.h>

#include <jansson.h>

/* Checks doc, parsed by jansson from text (len bytes, the file's raw JSON), against
 * schema.  Returns 0 when doc is valid.  Returns -1 when it is not, and writes into err
 * (errlen bytes, NUL-terminated when errlen > 0) one line per error, at most 20, the
 * lines separated by '\n' without a final one, then a line "... and N more" when there
 * are more:
 *     FILE:LINE:COL: PATH: reason
 * FILE is file (only named), LINE:COL (from 1, the column in characters) the place of
 * the offending value in text (of the key, for a member that is not allowed; of the
 * nearest enclosing value the scan finds, past 16 levels of nesting), PATH its JSON
 * path ("commitments[3].milestones[0].progress.percent", or "(top level)").  Returns -1
 * too when the schema is refused (a keyword not implemented, a keyword's value of the
 * wrong kind, a pattern that cannot be compiled, a $ref that does not resolve or loops),
 * with the one line "schema: WHERE: reason", WHERE the schema path of the keyword. */
int jschema_validate(const json_t *schema, const json_t *doc, const char *text, size_t len,
    const char *file, char *err, size_t errlen);

#endif
