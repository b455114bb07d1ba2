/* multipart: multipart/form-data request bodies (RFC 7578), parsed in place. */
#ifndef ABERTA_MULTIPART_H
#define ABERTA_MULTIPART_H
#include <stddef.h>

#define MPART_BOUNDARY_MAX 70   /* longest boundary (RFC 2046) */
#define MPART_HEAD_MAX     8192 /* largest header block of one part, in bytes */
#define MPART_NAME_MAX     100  /* longest field name, in bytes */
#define MPART_FILENAME_MAX 255  /* longest file name as sent, in bytes */
#define MPART_CTYPE_MAX    127  /* longest Content-Type of a part, in bytes */

struct mpart {
	char        name[MPART_NAME_MAX + 1];         /* field name: decoded, valid UTF-8, not "" */
	char        filename[MPART_FILENAME_MAX + 1]; /* file name as sent, decoded, valid
							 * UTF-8; "" when none (never trusted) */
	int         has_filename; /* 1 when the part had a filename parameter (a file input) */
	char        ctype[MPART_CTYPE_MAX + 1]; /* the part's Content-Type as sent, or "" */
	const char *data; /* the part's bytes, inside the body: not copied, not
					 * NUL-terminated, may hold any byte */
	size_t      len;  /* their length */
};

/* Parses body[0..len), whose Content-Type is content_type, into parts[0..max).  The
 * boundary comes from content_type (token or quoted-string, 1-70 characters from the
 * RFC 2046 set); the body must start with the first delimiter and end with the closing
 * one (the epilogue is ignored).  Each part needs a Content-Disposition: form-data with a
 * name.  Returns 0 and sets *n, or 400 (see multipart_error) with *n = the parts read so
 * far.  The parts point into body, which must outlive them. */
int multipart_parse(const char *content_type, const char *body, size_t len, struct mpart *parts,
    size_t max, size_t *n);
/* Why the last multipart_parse failed: a static English text for the log ("" after a
 * success).  One per process (workers are single-threaded). */
const char *multipart_error(void);
/* Copies a text field into out (size outlen) and NUL-terminates it.  Returns 0, or -1
 * (out set to "") when p is NULL, the data is not valid UTF-8, holds a NUL, or does not
 * fit. */
int multipart_text(const struct mpart *p, char *out, size_t outlen);
/* Returns the first part named name, or NULL. */
const struct mpart *multipart_get(const struct mpart *parts, size_t n, const char *name);

#endif
