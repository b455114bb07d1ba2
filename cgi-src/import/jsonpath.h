/* jsonpath: where things are in raw JSON text, found by scanning its bytes: the path
 * ("plans[2].commitments[0].title") of the place a byte offset lies in, for a file jansson
 * refuses, so that the error names where in the file it is, not only a line; and the
 * offset of the value at a path, for an error found in a file jansson accepted (jansson
 * keeps no positions). */
#ifndef ABERTA_JSONPATH_H
#define ABERTA_JSONPATH_H
#include <stddef.h>

#define JSON_NOWHERE ((size_t)-1) /* json_locate: no such place */

/* One step of a JSON path: an object member's key, or (key NULL) an array index. */
struct json_step {
	const char *key;
	size_t      index;
};

/* Scans file up to byte offset pos and calls step(arg, key, 0) for each object member
 * and step(arg, NULL, index) for each array item on the way there, outermost first (16
 * levels at most).  Returns 0, or -1 when the file cannot be read or memory runs out
 * (no step then). */
int json_path_at(
    const char *file, size_t pos, void (*step)(void *, const char *, size_t), void *arg);

/* Finds in text (len bytes of well-formed JSON) the value at path (n steps, outermost
 * first; keys compared after decoding the text's escapes).  Returns the byte offset of
 * the value's first byte, and sets *keypos (when keypos is not NULL) to the offset of the
 * opening quote of its key (of the value itself for an array item or the root); or
 * returns JSON_NOWHERE when the text has no such value or the path is deeper than 16
 * steps or names a key of 128 bytes or more. */
size_t json_locate(
    const char *text, size_t len, const struct json_step *path, size_t n, size_t *keypos);

#endif
