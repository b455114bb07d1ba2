/* jsonpath: the path ("plans[2].commitments[0].title") of the place a byte offset of a
 * JSON file lies in, found by scanning the raw bytes up to it: for a file jansson
 * refuses, so that the error names where in the file it is, not only a line. */
#ifndef ABERTA_JSONPATH_H
#define ABERTA_JSONPATH_H
#include <stddef.h>

/* Scans file up to byte offset pos and calls step(arg, key, 0) for each object member
 * and step(arg, NULL, index) for each array item on the way there, outermost first (16
 * levels at most).  Returns 0, or -1 when the file cannot be read or memory runs out
 * (no step then). */
int json_path_at(
    const char *file, size_t pos, void (*step)(void *, const char *, size_t), void *arg);

#endif
