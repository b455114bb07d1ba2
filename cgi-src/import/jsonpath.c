/* jsonpath: where in a JSON file a byte offset lies, as a path (see jsonpath.h). */
#include <stdio.h>
#include <stdlib.h>

#include "import/jsonpath.h"

#define SCAN_DEPTH 16 /* nesting tracked; deeper frames are not named */

/* One open object or array while scanning raw JSON. */
struct scan_frame {
	char   kind;     /* '{' or '[' */
	int    want_key; /* object: the next string is a key */
	size_t index;    /* array: index of the current item */
	char   key[64];  /* object: the current key */
	size_t klen;
};

/* State of the raw scan that maps a byte offset to a JSON path. */
struct scan {
	struct scan_frame f[SCAN_DEPTH];
	size_t            depth; /* may exceed SCAN_DEPTH; deeper frames untracked */
	int               in_str, esc, is_key;
};

/* The innermost tracked frame, or NULL at the top or beyond the tracked depth. */
static struct scan_frame *
scan_top(struct scan *s)
{
	if (s->depth == 0 || s->depth > SCAN_DEPTH)
		return NULL;
	return &s->f[s->depth - 1];
}

/* Feeds one byte inside a string: keeps key bytes, leaves the string at its quote. */
static void
scan_string(struct scan *s, int c)
{
	struct scan_frame *f = scan_top(s);

	if (s->esc)
		s->esc = 0;
	else if (c == '\\') {
		s->esc = 1;
		return;
	} else if (c == '"') {
		s->in_str = 0;
		return;
	}
	if (s->is_key && f != NULL && f->klen < sizeof f->key - 1)
		f->key[f->klen++] = (char)((c >= 0x20 && c < 0x7f) ? c : '?');
}

/* Feeds one byte of raw JSON to the scan. */
static void
scan_byte(struct scan *s, int c)
{
	struct scan_frame *f = scan_top(s);

	if (s->in_str) {
		scan_string(s, c);
		return;
	}
	if (c == '"') {
		s->in_str = 1;
		s->is_key = f != NULL && f->kind == '{' && f->want_key;
		if (s->is_key)
			f->klen = 0;
	} else if (c == '{' || c == '[') {
		if (++s->depth <= SCAN_DEPTH) {
			f = &s->f[s->depth - 1];
			f->kind = (char)c;
			f->want_key = c == '{';
			f->index = f->klen = 0;
		}
	} else if ((c == '}' || c == ']') && s->depth > 0)
		s->depth--;
	else if (c == ',' && f != NULL && f->kind == '[')
		f->index++;
	else if (c == ',' && f != NULL)
		f->want_key = 1, f->klen = 0;
	else if (c == ':' && f != NULL)
		f->want_key = 0;
}

int
json_path_at(const char *file, size_t pos, void (*step)(void *, const char *, size_t), void *arg)
{
	struct scan *s;
	FILE        *fp;
	size_t       i, n;
	int          c;

	if ((s = calloc(1, sizeof *s)) == NULL)
		return -1;
	if ((fp = fopen(file, "rb")) == NULL) {
		free(s);
		return -1;
	}
	for (i = 0; i < pos && (c = getc(fp)) != EOF; i++)
		scan_byte(s, c);
	fclose(fp);
	n = s->depth < SCAN_DEPTH ? s->depth : SCAN_DEPTH;
	for (i = 0; i < n; i++) {
		s->f[i].key[s->f[i].klen] = '\0';
		if (s->f[i].kind == '[')
			step(arg, NULL, s->f[i].index);
		else if (s->f[i].klen > 0)
			step(arg, s->f[i].key, 0);
	}
	free(s);
	return 0;
}
