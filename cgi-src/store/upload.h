/* upload: documents staff attach as evidence, checked by content and stored once each
 * under their SHA-256, outside the web root. */
#ifndef ABERTA_UPLOAD_H
#define ABERTA_UPLOAD_H
#include <stddef.h>
#include <sqlite3.h>

#define UPLOAD_MAX      (10 * 1024 * 1024) /* largest document, in bytes */
#define UPLOAD_NAME_MAX 120                /* longest stored display name, in bytes */
#define UPLOAD_MIME_MAX 80                 /* longest accepted MIME type, with its NUL */

/* One accepted kind of document. */
struct upload_type {
	const char *mime;         /* the type libmagic reports, and the Content-Type sent */
	const char *ext;          /* the extension a name must carry (lower case) */
	const char *ext2;         /* another accepted extension, or NULL */
	int         inline_ok;    /* 1: shown in the browser (images); 0: downloaded */
	int         archive_only; /* 1: only an archived copy of an outside page (HTML),
					 * never a staff upload */
};

/* Opens and loads the libmagic database once per process (upload_store does it on first
 * use; calling it at start makes a worker without it fail early).  Returns 0, or -1 with
 * a message in err. */
int upload_init(char *err, size_t errlen);
/* Closes what upload_init opened (for tests and leak checkers). */
void upload_done(void);
/* The directory of the stored files: $ABERTA_UPLOADS, or "var/uploads". */
const char *upload_dir(void);
/* Returns the accepted type whose MIME type is mime (static), or NULL. */
const struct upload_type *upload_type(const char *mime);
/* Returns 1 when s is a SHA-256 in hex: 64 characters from [0-9a-f]; else 0. */
int upload_valid_sha(const char *s);
/* Checks and stores a document: refuses an empty one or one above UPLOAD_MAX; finds the
 * type from the content (PDF, ODT, DOCX, PNG, JPEG only) and requires given_name's
 * extension to agree (a NULL or empty name gets "document.<ext>"); writes dir/<sha256>
 * atomically unless it exists; records the row in upload (first name kept).  Returns 0
 * with the hex digest in sha_out, or -1 with *why set to a static Portuguese message
 * for the staff member. */
int upload_store(sqlite3 *rw, const char *dir, const char *data, size_t len, const char *given_name,
    long long staff_id, char sha_out[65], const char **why);
/* upload_store for a copy of an outside document (aberta-admin links archive): the same
 * checks and storage, no staff member; an HTML page is accepted too (served only as an
 * attachment), and a url_name (the last segment of its address) whose extension
 * disagrees with the content gives "document.<ext>" instead of a refusal.
 * Unlike upload_store it keeps an image's metadata: the copy is the bytes that were cited.
 * Returns 0 with the digest in sha_out and the type found in *mime (static), or -1 with
 * *why set. */
int upload_archive(sqlite3 *rw, const char *dir, const char *data, size_t len, const char *url_name,
    char sha_out[65], const char **mime, const char **why);
/* Looks up an upload by digest: copies its MIME type and display name into mime and
 * name (sizes mimelen, namelen) and sets *size.  Returns 1 when found, 0 when not (or
 * sha is not a valid digest), -1 on a database error or when a value does not fit. */
int upload_find(sqlite3 *db, const char *sha, char *mime, size_t mimelen, char *name,
    size_t namelen, long long *size);

#endif
