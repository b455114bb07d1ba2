#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <magic.h>
#include <sodium.h>

#include "lib/buf.h"
#include "lib/imgmeta.h"
#include "lib/log.h"
#include "lib/token.h"
#include "lib/utf8.h"
#include "store/upload.h"
#include "lib/valid.h"

#define MSG_EMPTY        "O ficheiro está vazio."
#define MSG_BIG          "O ficheiro é demasiado grande (máximo 10 MB)."
#define MSG_TYPE         "Tipo de ficheiro não aceite: só PDF, ODT, DOCX, PNG ou JPEG."
#define MSG_TYPE_ARCHIVE "Tipo de ficheiro não aceite: só PDF, ODT, DOCX, PNG, JPEG ou HTML."
#define MSG_EXT          "O conteúdo do ficheiro não corresponde à extensão."
#define MSG_IMAGE        "A imagem está danificada: a sua estrutura não pôde ser lida."
#define MSG_CHECK        "Não foi possível verificar o ficheiro. Tente de novo mais tarde."
#define MSG_SAVE \
	"Não foi possível guardar o ficheiro no servidor, e nada foi gravado. Tente de " \
	"novo mais tarde; se voltar a acontecer, avise a equipa técnica."

#define GIVEN_MAX       1024          /* bytes of a given name looked at (its end) */
#define MAGIC_BYTES     (1024 * 1024) /* bytes libmagic may examine */
#define ZIP_ENTRIES_MAX 4096          /* most central directory entries walked */

enum kind { UP_PDF, UP_ODT, UP_DOCX, UP_PNG, UP_JPEG, UP_HTML, UP__MAX };

static const struct upload_type types[UP__MAX] = {
	{ "application/pdf", "pdf", NULL, 0, 0 },                         /* UP_PDF */
	{ "application/vnd.oasis.opendocument.text", "odt", NULL, 0, 0 }, /* UP_ODT */
	{ "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", NULL,
	    0, 0 },                            /* UP_DOCX */
	{ "image/png", "png", NULL, 1, 0 },    /* UP_PNG */
	{ "image/jpeg", "jpg", "jpeg", 1, 0 }, /* UP_JPEG */
	{ "text/html", "html", "htm", 0, 1 },  /* UP_HTML */
};

static magic_t cookie; /* opened once per process, kept */

int
upload_init(char *err, size_t errlen)
{
	size_t bytes = MAGIC_BYTES;

	if (cookie != NULL)
		return 0;
	if (sodium_init() < 0) {
		snprintf(err, errlen, "libsodium cannot start");
		return -1;
	}
	/* Only the magic patterns: no decompression, no text, ELF, tar or CDF parsers. */
	if ((cookie = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_BUILTIN)) == NULL) {
		snprintf(err, errlen, "magic_open: %s", strerror(errno));
		return -1;
	}
	if (magic_load(cookie, NULL) != 0 ||
	    magic_setparam(cookie, MAGIC_PARAM_BYTES_MAX, &bytes) != 0) {
		snprintf(err, errlen, "libmagic: %s",
		    magic_error(cookie) ? magic_error(cookie) : "cannot load its database");
		magic_close(cookie);
		cookie = NULL;
		return -1;
	}
	return 0;
}

void
upload_done(void)
{
	if (cookie != NULL)
		magic_close(cookie);
	cookie = NULL;
}

const char *
upload_dir(void)
{
	const char *d = getenv("ABERTA_UPLOADS");

	return d != NULL && *d != '\0' ? d : "var/uploads";
}

const struct upload_type *
upload_type(const char *mime)
{
	size_t i;

	for (i = 0; mime != NULL && i < UP__MAX; i++)
		if (strcmp(types[i].mime, mime) == 0)
			return &types[i];
	return NULL;
}

int
upload_valid_sha(const char *s)
{
	size_t i;

	if (s == NULL)
		return 0;
	for (i = 0; i < 64; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return s[64] == '\0';
}

/* Little-endian 16- and 32-bit reads. */
static size_t
le16(const unsigned char *p)
{
	return (size_t)p[0] | (size_t)p[1] << 8;
}

static size_t
le32(const unsigned char *p)
{
	return (size_t)p[0] | (size_t)p[1] << 8 | (size_t)p[2] << 16 | (size_t)p[3] << 24;
}

/* Returns 1 when the zip archive d[0..len) has, in its central directory, a
 * [Content_Types].xml entry and an entry under word/ (an OOXML word document); 0 when
 * not, or when the archive is malformed or zip64. */
static int
zip_is_docx(const unsigned char *d, size_t len)
{
	size_t eocd, off, size, end, total, i, n, skip;
	int    ct = 0, word = 0;

	if (len < 22)
		return 0;
	/* The end record sits in the last 22 + 65535 bytes (its comment is at most 65535). */
	for (eocd = len - 22; memcmp(d + eocd, "PK\5\6", 4) != 0; eocd--)
		if (eocd == 0 || len - eocd >= 22 + 65535)
			return 0;
	total = le16(d + eocd + 10);
	size = le32(d + eocd + 12);
	off = le32(d + eocd + 16);
	if (total > ZIP_ENTRIES_MAX || size > eocd || off > eocd - size)
		return 0;
	for (end = off + size, i = 0; i < total; i++, off += skip) {
		if (end - off < 46 || memcmp(d + off, "PK\1\2", 4) != 0)
			return 0;
		n = le16(d + off + 28);
		skip = 46 + n + le16(d + off + 30) + le16(d + off + 32);
		if (end - off < skip)
			return 0;
		if (n == 19 && memcmp(d + off + 46, "[Content_Types].xml", 19) == 0)
			ct = 1;
		else if (n > 5 && memcmp(d + off + 46, "word/", 5) == 0)
			word = 1;
	}
	return ct && word;
}

/* Returns 1 when the zip archive d[0..len) opens with a stored "mimetype" entry saying
 * it is an OpenDocument text (ODF 1.2 part 3, 3.3), else 0. */
static int
zip_is_odt(const unsigned char *d, size_t len)
{
	static const char mt[] = "application/vnd.oasis.opendocument.text";
	size_t            e;

	if (len < 30 + 8 || memcmp(d, "PK\3\4", 4) != 0 || le16(d + 8) != 0 ||
	    le32(d + 18) != sizeof mt - 1 || le16(d + 26) != 8 ||
	    memcmp(d + 30, "mimetype", 8) != 0)
		return 0;
	e = le16(d + 28);
	return len - 38 >= e + sizeof mt - 1 && memcmp(d + 38 + e, mt, sizeof mt - 1) == 0;
}

/* Returns 1 when data[0..len) is an HTML page: no NUL in its first 4 KB, and after an
 * optional UTF-8 byte order mark, white space and comments, "<!DOCTYPE html" or "<html"
 * (any case).  libmagic's text checks are off (see upload_init), so this is done here. */
static int
is_html(const char *data, size_t len)
{
	const char *p = data, *end = data + len, *c;

	if (memchr(data, '\0', len < 4096 ? len : 4096) != NULL)
		return 0;
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	for (;;) {
		while (p < end && strchr(" \t\r\n\f", *p) != NULL)
			p++;
		if (end - p < 4 || memcmp(p, "<!--", 4) != 0)
			break;
		if ((c = memmem(p + 4, (size_t)(end - p - 4), "-->", 3)) == NULL)
			return 0;
		p = c + 3;
	}
	return (end - p >= 14 && strncasecmp(p, "<!doctype html", 14) == 0) ||
	    (end - p >= 5 && strncasecmp(p, "<html", 5) == 0 &&
		(end - p == 5 || strchr(" \t\r\n>", p[5]) != NULL));
}

/* Finds the type of data[0..len) from its content; archive: a copy of an outside
 * document, which may also be an HTML page.  Returns the accepted type, or NULL with
 * *why set. */
static const struct upload_type *
detect(const char *data, size_t len, int archive, const char **why)
{
	const unsigned char      *d = (const unsigned char *)data;
	const struct upload_type *t;
	const char               *m;
	char                      err[256];

	if (upload_init(err, sizeof err) != 0 || (m = magic_buffer(cookie, data, len)) == NULL) {
		*why = MSG_CHECK;
		return NULL;
	}
	if ((t = upload_type(m)) != NULL && (archive || !t->archive_only))
		return t;
	/* libmagic 5.44 says application/zip for a DOCX whose [Content_Types].xml is
	 * followed directly by word/ entries (it only looks at the first few names). */
	if ((strcmp(m, "application/zip") == 0 || strcmp(m, "application/octet-stream") == 0) &&
	    len >= 4 && memcmp(d, "PK\3\4", 4) == 0) {
		if (zip_is_docx(d, len))
			return &types[UP_DOCX];
		if (zip_is_odt(d, len))
			return &types[UP_ODT];
	}
	if (archive && is_html(data, len))
		return &types[UP_HTML];
	*why = archive ? MSG_TYPE_ARCHIVE : MSG_TYPE;
	return NULL;
}

/* Returns 1 for characters left out of display names: controls, quotes, characters
 * special in file names, invisible or direction-changing characters, private-use
 * characters and non-characters. */
static int
dropped(unsigned long cp)
{
	if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
		return 1;
	if (cp < 0x80)
		return strchr("\"'`/\\<>:*?|", (int)cp) != NULL;
	return cp == 0xad || cp == 0x34f || cp == 0x61c || cp == 0x115f || cp == 0x1160 ||
	    cp == 0x17b4 || cp == 0x17b5 || cp == 0x180e || cp == 0x3164 || cp == 0xffa0 ||
	    (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202e) ||
	    (cp >= 0x2060 && cp <= 0x206f) || cp == 0xfeff || (cp >= 0xfff9 && cp <= 0xfffb) ||
	    (cp >= 0xe000 && cp <= 0xf8ff) || (cp >= 0xfdd0 && cp <= 0xfdef) ||
	    (cp & 0xfffe) == 0xfffe || cp >= 0xe0000;
}

/* Returns 1 for the Unicode spaces that become a plain space. */
static int
odd_space(unsigned long cp)
{
	return cp == 0xa0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x202f ||
	    cp == 0x205f || cp == 0x3000;
}

/* Cleans the last path component of given ('/' or '\' separated; at most its last
 * GIVEN_MAX bytes) into out (size GIVEN_MAX + 1): invalid UTF-8 and dropped()
 * characters removed, odd spaces made plain, runs of spaces or dots made one, leading
 * spaces and trailing spaces and dots removed.  The result is valid UTF-8, possibly "". */
static void
clean(const char *given, char *out)
{
	const char   *b = given, *s;
	size_t        n, i, k, o = 0;
	unsigned long cp;
	char          c;

	for (s = given; *s != '\0'; s++)
		if (*s == '/' || *s == '\\')
			b = s + 1;
	if ((n = strlen(b)) > GIVEN_MAX) {
		b += n - GIVEN_MAX;
		n = GIVEN_MAX;
	}
	for (i = 0; i < n; i += k) {
		if ((k = utf8_decode(b + i, n - i, &cp)) == 0) {
			k = 1;
			continue;
		}
		if (dropped(cp))
			continue;
		c = (char)(odd_space(cp) ? ' ' : b[i]);
		if ((c == ' ' && o == 0) || ((c == ' ' || c == '.') && o > 0 && out[o - 1] == c))
			continue;
		if (c == ' ' || k == 1)
			out[o++] = c;
		else {
			memcpy(out + o, b + i, k);
			o += k;
		}
	}
	while (o > 0 && (out[o - 1] == ' ' || out[o - 1] == '.'))
		o--;
	out[o] = '\0';
}

/* Makes the display name out (size UPLOAD_NAME_MAX + 1) for a document of type t from
 * the cleaned name cn: cn's extension (any case) must be one of t's; the stem loses
 * leading dots and spaces, is cut at a character boundary so the whole fits, and is
 * "document" when empty; an empty cn gives "document.<t's extension>".  Returns 0, or
 * -1 when the extension does not agree. */
static int
display_name(const char *cn, const struct upload_type *t, char *out)
{
	const char *dot = strrchr(cn, '.'), *b = cn;
	char        ext[8];
	size_t      el, i, stem;

	if (*cn == '\0') {
		snprintf(out, UPLOAD_NAME_MAX + 1, "document.%s", t->ext);
		return 0;
	}
	if (dot == NULL || (el = strlen(dot + 1)) == 0 || el >= sizeof ext)
		return -1;
	for (i = 0; i <= el; i++)
		ext[i] =
		    (char)(dot[1 + i] >= 'A' && dot[1 + i] <= 'Z' ? dot[1 + i] + 32 : dot[1 + i]);
	if (strcmp(ext, t->ext) != 0 && (t->ext2 == NULL || strcmp(ext, t->ext2) != 0))
		return -1;
	while (b < dot && (*b == '.' || *b == ' '))
		b++;
	stem = (size_t)(dot - b);
	if (stem + 1 + el > UPLOAD_NAME_MAX)
		for (
		    stem = UPLOAD_NAME_MAX - 1 -
			el; /* NOLINT(clang-analyzer-core.UndefinedBinaryOperatorResult): b holds the whole name */
		    stem > 0 && ((unsigned char)b[stem] & 0xc0) == 0x80;
		    stem--) /* NOLINT(clang-analyzer-core.UndefinedBinaryOperatorResult) */
			;
	while (stem > 0 && (b[stem - 1] == ' ' || b[stem - 1] == '.'))
		stem--;
	if (stem == 0)
		snprintf(out, UPLOAD_NAME_MAX + 1, "document.%s", ext);
	else
		snprintf(out, UPLOAD_NAME_MAX + 1, "%.*s.%s", (int)stem, b, ext);
	return 0;
}

/* Stores data[0..len) as dir/sha, creating dir if needed: written to a new temporary
 * file in dir, synced, then renamed, so readers never see part of it.  An existing
 * regular file of that name is kept (same digest, same bytes).  Returns 0, or -1. */
static int
store_file(const char *dir, const char *sha, const char *data, size_t len)
{
	char        path[PATH_MAX], tmp[PATH_MAX], rnd[17];
	struct stat st;
	int         fd, dfd, n;

	if ((n = snprintf(path, sizeof path, "%s/%s", dir, sha)) < 0 || (size_t)n >= sizeof path)
		return -1;
	if (mkdir(dir, 0750) != 0 && errno != EEXIST)
		return -1;
	if (lstat(path, &st) == 0)
		return S_ISREG(st.st_mode) ? 0 : -1;
	if (errno != ENOENT)
		return -1;
	token_hex(rnd, sizeof rnd);
	if ((n = snprintf(tmp, sizeof tmp, "%s/.%s.%s.tmp", dir, sha, rnd)) < 0 ||
	    (size_t)n >= sizeof tmp)
		return -1;
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0640)) < 0)
		return -1;
	if (buf_write_all(fd, data, len) != 0 || fsync(fd) != 0) {
		close(fd);
		unlink(tmp);
		return -1;
	}
	if (close(fd) != 0 || rename(tmp, path) != 0) {
		unlink(tmp);
		return -1;
	}
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		fsync(dfd); /* the rename itself survives a crash */
		close(dfd);
	}
	return 0;
}

/* Records the upload row; an existing row for sha is kept.  Uploads are rare, so the
 * statement is prepared on use.  Returns 0, or -1. */
static int
record(sqlite3 *rw, const char *sha, size_t len, const char *mime, const char *name,
    long long staff_id)
{
	sqlite3_stmt *s = NULL;
	int           rc;

	if (sqlite3_prepare_v2(rw,
		"INSERT INTO upload (sha256, size, mime, name, staff_id) "
		"VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (sha256) DO NOTHING",
		-1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, sha, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)len);
	sqlite3_bind_text(s, 3, mime, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, name, -1, SQLITE_STATIC);
	if (staff_id > 0)
		sqlite3_bind_int64(s, 5, staff_id);
	else
		sqlite3_bind_null(s, 5);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Checks data[0..len) and finds its type (*t) and display name (name, size
 * UPLOAD_NAME_MAX + 1) from given_name; a name whose extension disagrees with the type is
 * refused unless archive (a copy of an outside document: HTML is accepted too), which
 * then gives "document.<ext>".  Returns 0, or -1 with *why set. */
static int
check(const char *data, size_t len, const char *given_name, int archive,
    const struct upload_type **t, char *name, const char **why)
{
	char cn[GIVEN_MAX + 1];

	*why = NULL;
	if (len == 0)
		return *why = MSG_EMPTY, -1;
	if (len > UPLOAD_MAX)
		return *why = MSG_BIG, -1;
	if ((*t = detect(data, len, archive, why)) == NULL)
		return -1;
	clean(given_name != NULL ? given_name : "", cn);
	if (display_name(cn, *t, name) != 0) {
		if (!archive)
			return *why = MSG_EXT, -1;
		display_name("", *t, name);
	}
	return 0;
}

/* Stores the checked document data[0..len) of type t as name: the file, then the row.
 * Returns 0 with the digest in sha_out, or -1 with *why set. */
static int
store(sqlite3 *rw, const char *dir, const char *data, size_t len, const struct upload_type *t,
    const char *name, long long staff_id, char sha_out[65], const char **why)
{
	unsigned char digest[crypto_hash_sha256_BYTES];
	char          sha[65];

	crypto_hash_sha256(digest, (const unsigned char *)data, len);
	sodium_bin2hex(sha, sizeof sha, digest, sizeof digest);
	if (store_file(dir, sha, data, len) != 0) {
		log_error("cannot store an uploaded document in %s: %s", dir, strerror(errno));
		return *why = MSG_SAVE, -1;
	}
	if (record(rw, sha, len, t->mime, name, staff_id) != 0) {
		log_error("cannot record an uploaded document: %s", sqlite3_errmsg(rw));
		return *why = MSG_SAVE, -1;
	}
	memcpy(sha_out, sha, sizeof sha);
	return 0;
}

int
upload_store(sqlite3 *rw, const char *dir, const char *data, size_t len, const char *given_name,
    long long staff_id, char sha_out[65], const char **why)
{
	const struct upload_type *t;
	char                      name[UPLOAD_NAME_MAX + 1];
	char                     *bare;
	size_t                    barelen;
	int                       rc;

	if (check(data, len, given_name, 0, &t, name, why) != 0)
		return -1;
	/* A photo is kept without its metadata (place, time, camera, author). */
	if ((rc = imgmeta_strip(t->mime, data, len, &bare, &barelen)) < 0)
		return *why = MSG_IMAGE, -1;
	rc = store(
	    rw, dir, rc > 0 ? bare : data, rc > 0 ? barelen : len, t, name, staff_id, sha_out, why);
	free(bare);
	return rc;
}

int
upload_archive(sqlite3 *rw, const char *dir, const char *data, size_t len, const char *url_name,
    char sha_out[65], const char **mime, const char **why)
{
	const struct upload_type *t;
	char                      name[UPLOAD_NAME_MAX + 1];

	/* An archived copy keeps the bytes that were cited, metadata included. */
	if (check(data, len, url_name, 1, &t, name, why) != 0)
		return -1;
	*mime = t->mime;
	return store(rw, dir, data, len, t, name, 0, sha_out, why);
}

/* Copies src into dst (size len); returns 0, or -1 when src is NULL or does not fit. */
static int
copy_out(char *dst, size_t len, const unsigned char *src)
{
	int n;

	if (src == NULL || (n = snprintf(dst, len, "%s", (const char *)src)) < 0 ||
	    (size_t)n >= len)
		return -1;
	return 0;
}

int
upload_find(sqlite3 *db, const char *sha, char *mime, size_t mimelen, char *name, size_t namelen,
    long long *size)
{
	sqlite3_stmt *s = NULL;
	int           rc, ret = -1;

	if (!upload_valid_sha(sha))
		return 0;
	if (sqlite3_prepare_v2(db, "SELECT mime, name, size FROM upload WHERE sha256 = ?1", -1, &s,
		NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, sha, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(s)) == SQLITE_DONE)
		ret = 0;
	else if (rc == SQLITE_ROW && copy_out(mime, mimelen, sqlite3_column_text(s, 0)) == 0 &&
	    copy_out(name, namelen, sqlite3_column_text(s, 1)) == 0) {
		*size = sqlite3_column_int64(s, 2);
		ret = 1;
	}
	sqlite3_finalize(s);
	return ret;
}
