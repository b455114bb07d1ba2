/* jsonpath: where things are in raw JSON text (see jsonpath.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/jsonpath.h"

#define SCAN_DEPTH 16 /* nesting tracked; deeper frames are not named */

/* One open object or array while scanning raw JSON. */
struct scan_frame {
	char   kind;     /* '{' or '[' */
	int    want_key; /* object: the next string is a key */
	size_t index;    /* array: index of the current item */
	size_t kpos;     /* object: offset of the current key's opening quote */
	char   key[128]; /* object: the current key, escapes decoded */
	size_t klen;
};

/* State of the raw scan that maps byte offsets to JSON paths. */
struct scan {
	struct scan_frame f[SCAN_DEPTH];
	size_t            depth; /* may exceed SCAN_DEPTH; deeper frames untracked */
	size_t            pos;   /* offset of the next byte */
	int               in_str, esc, is_key;
	int               hex;        /* \u escape: hex digits still to read */
	unsigned long     code, high; /* its code point; a pending high surrogate */
};

/* The innermost tracked frame, or NULL at the top or beyond the tracked depth. */
static struct scan_frame *
scan_top(struct scan *s)
{
	if (s->depth == 0 || s->depth > SCAN_DEPTH)
		return NULL;
	return &s->f[s->depth - 1];
}

/* Appends byte c to the key of frame f (none when f is NULL or the key is full). */
static void
key_add(struct scan_frame *f, int c)
{
	if (f != NULL && f->klen < sizeof f->key - 1)
		f->key[f->klen++] = (char)c;
}

/* Appends code point u to the key of frame f in UTF-8. */
static void
key_utf8(struct scan_frame *f, unsigned long u)
{
	if (u < 0x80)
		key_add(f, (int)u);
	else if (u < 0x800) {
		key_add(f, (int)(0xc0 | u >> 6));
		key_add(f, (int)(0x80 | (u & 0x3f)));
	} else if (u < 0x10000) {
		key_add(f, (int)(0xe0 | u >> 12));
		key_add(f, (int)(0x80 | (u >> 6 & 0x3f)));
		key_add(f, (int)(0x80 | (u & 0x3f)));
	} else {
		key_add(f, (int)(0xf0 | u >> 18));
		key_add(f, (int)(0x80 | (u >> 12 & 0x3f)));
		key_add(f, (int)(0x80 | (u >> 6 & 0x3f)));
		key_add(f, (int)(0x80 | (u & 0x3f)));
	}
}

/* Feeds one hex digit of a \u escape; at the fourth, adds its character to key f (a
 * surrogate pair makes one character). */
static void
scan_hex(struct scan *s, struct scan_frame *f, int c)
{
	unsigned long d = 0;

	if (c >= '0' && c <= '9')
		d = (unsigned long)(c - '0');
	else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
		d = (unsigned long)(c | 0x20) - 'a' + 10;
	s->code = s->code * 16 + d;
	if (--s->hex > 0)
		return;
	if (s->code >= 0xd800 && s->code < 0xdc00) {
		s->high = s->code;
		return;
	}
	if (s->code >= 0xdc00 && s->code < 0xe000 && s->high != 0)
		s->code = 0x10000 + ((s->high - 0xd800) << 10) + (s->code - 0xdc00);
	s->high = 0;
	key_utf8(f, s->code);
}

/* Feeds one byte inside a string: keeps key bytes (escapes decoded), leaves the string at
 * its quote. */
static void
scan_string(struct scan *s, int c)
{
	struct scan_frame *f = s->is_key ? scan_top(s) : NULL;
	static const char  from[] = "bfnrt", to[] = "\b\f\n\r\t";
	const char        *e;

	if (s->hex > 0) {
		scan_hex(s, f, c);
		return;
	}
	if (s->esc) {
		s->esc = 0;
		if (c == 'u') {
			s->hex = 4;
			s->code = 0;
			return;
		}
		if (c != '\0' && (e = strchr(from, c)) != NULL)
			c = (unsigned char)to[e - from];
	} else if (c == '\\') {
		s->esc = 1;
		return;
	} else if (c == '"') {
		s->in_str = 0;
		return;
	}
	key_add(f, c);
}

/* Feeds one byte of raw JSON to the scan. */
static void
scan_byte(struct scan *s, int c)
{
	struct scan_frame *f = scan_top(s);
	size_t             at = s->pos++;

	if (s->in_str) {
		scan_string(s, c);
		return;
	}
	if (c == '"') {
		s->in_str = 1;
		s->is_key = f != NULL && f->kind == '{' && f->want_key;
		if (s->is_key)
			f->klen = 0, f->kpos = at;
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
	size_t       i, j, n;
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
		for (j = 0; j < s->f[i].klen; j++) /* printable ASCII only */
			if (s->f[i].key[j] < 0x20 || s->f[i].key[j] > 0x7e)
				s->f[i].key[j] = '?';
		s->f[i].key[s->f[i].klen] = '\0';
		if (s->f[i].kind == '[')
			step(arg, NULL, s->f[i].index);
		else if (s->f[i].klen > 0)
			step(arg, s->f[i].key, 0);
	}
	free(s);
	return 0;
}

/* Whether the scan is inside the value of each step of path (n steps), at depth n. */
static int
scan_in(const struct scan *s, const struct json_step *path, size_t n)
{
	const struct scan_frame *f;
	size_t                   i;

	if (s->depth != n)
		return 0;
	for (i = 0; i < n; i++) {
		f = &s->f[i];
		if (path[i].key == NULL) {
			if (f->kind != '[' || f->index != path[i].index)
				return 0;
		} else if (f->kind != '{' || f->want_key || f->klen >= sizeof f->key - 1 ||
		    f->klen != strlen(path[i].key) || memcmp(f->key, path[i].key, f->klen) != 0)
			return 0;
	}
	return 1;
}

size_t
json_locate(const char *text, size_t len, const struct json_step *path, size_t n, size_t *keypos)
{
	static const struct scan zero;
	struct scan              s = zero;
	size_t                   i, at = n == 0 ? 0 : JSON_NOWHERE;
	int                      c;

	if (n > SCAN_DEPTH)
		return JSON_NOWHERE;
	for (i = 0; at == JSON_NOWHERE && i < len; i++) {
		c = (unsigned char)text[i];
		scan_byte(&s, c);
		if (!s.in_str && (c == ':' || c == ',' || c == '[') && scan_in(&s, path, n))
			at = i + 1;
	}
	while (at < len &&
	    (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r'))
		at++;
	if (at >= len)
		return JSON_NOWHERE;
	if (keypos != NULL)
		*keypos = n > 0 && path[n - 1].key != NULL ? s.f[n - 1].kpos : at;
	return at;
}
