/* Unit tests: multipart/form-data parsing, document uploads (type from the content,
 * extension, size, names, storage once per digest) and the public document handler.
 * TAP output through Check. */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "../lib/testlib.h"
#include "store/db.h"
#include "http/multipart.h"
#include "http/req.h"
#include "http/resp.h"
#include "pages/pages.h"
#include "view/page.h"
#include "store/upload.h"
#include "lib/valid.h"

#define CT     "multipart/form-data; boundary=XyZ"
#define S(lit) lit, sizeof lit - 1 /* a literal and its length (NULs included) */

static struct mpart parts[8];
static size_t       np;

/* Parses a body with parts[0..max); returns multipart_parse's result. */
static int
parse(const char *ct, const char *body, size_t len, size_t max)
{
	return multipart_parse(ct, body, len, parts, max, &np);
}

START_TEST(mp_fields_and_file)
{
	static const char body[] =
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"title\"\r\n"
	    "\r\n"
	    "Relatório final\r\n"
	    "--XyZ\r\n"
	    "content-disposition: form-data; name=note\r\n"
	    "\r\n"
	    "line one\r\nline two\r\n\r\n"
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"doc\"; filename=\"a \\\"b\\\" \\\\c.pdf\"; "
	    "filename*=UTF-8''ignored.pdf\r\n"
	    "Content-Type: application/pdf\r\n"
	    "\r\n"
	    "%PDF-1.4 data\r\n"
	    "--XyZ--\r\n";
	char                out[64];
	const struct mpart *p;

	ck_assert_int_eq(parse(CT, S(body), 8), 0);
	ck_assert_uint_eq(np, 3);
	ck_assert_str_eq(parts[0].name, "title");
	ck_assert_int_eq(parts[0].has_filename, 0);
	ck_assert_int_eq(multipart_text(&parts[0], out, sizeof out), 0);
	ck_assert_str_eq(out, "Relatório final");
	ck_assert_str_eq(parts[1].name, "note"); /* a token value, lower-case header */
	ck_assert_int_eq(multipart_text(&parts[1], out, sizeof out), 0);
	ck_assert_str_eq(out, "line one\r\nline two\r\n"); /* CRLF kept in the data */
	ck_assert_ptr_nonnull(p = multipart_get(parts, np, "doc"));
	ck_assert_int_eq(p->has_filename, 1);
	ck_assert_str_eq(p->filename, "a \"b\" \\c.pdf"); /* escapes decoded, filename* ignored */
	ck_assert_str_eq(p->ctype, "application/pdf");
	ck_assert_uint_eq(p->len, 13);
	ck_assert(memcmp(p->data, "%PDF-1.4 data", 13) == 0);
	ck_assert(p->data > body && p->data < body + sizeof body); /* not a copy */
	ck_assert_ptr_null(multipart_get(parts, np, "missing"));
	ck_assert_int_eq(multipart_text(p, out, 5), -1); /* does not fit */
	ck_assert_str_eq(out, "");
}
END_TEST

START_TEST(mp_boundaries)
{
	static const char quoted[] = "--a:b=c?d/e (f)\r\n"
				     "Content-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n"
				     "--a:b=c?d/e (f)--";
	static const char plain[] =
	    "--WebKitFormBoundary7MA4YWxkTrZu0gW  \r\n" /* transport padding */
	    "Content-Disposition: form-data; name=\"x\"\r\n\r\n\r\n"
	    "--WebKitFormBoundary7MA4YWxkTrZu0gW--";
	static const char empty[] = "--XyZ--\r\n";
	char              out[8];

	ck_assert_int_eq(parse("multipart/form-data; charset=utf-8; "
			       "boundary=\"a:b=c?d/e (f)\"",
			     S(quoted), 8),
	    0);
	ck_assert_uint_eq(np, 1);
	ck_assert_uint_eq(parts[0].len, 1);
	ck_assert_int_eq(
	    parse("Multipart/Form-Data;BOUNDARY=WebKitFormBoundary7MA4YWxkTrZu0gW", S(plain), 8),
	    0);
	ck_assert_uint_eq(np, 1);
	ck_assert_uint_eq(parts[0].len, 0); /* an empty field */
	ck_assert_int_eq(multipart_text(&parts[0], out, sizeof out), 0);
	ck_assert_str_eq(out, "");
	ck_assert_int_eq(parse(CT, S(empty), 8), 0);
	ck_assert_uint_eq(np, 0);
}
END_TEST

START_TEST(mp_binary)
{
	/* NULs, CR, LF, and near-boundaries inside the data. */
	static const char body[] =
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"f\"; filename=\"x.bin\"\r\n"
	    "Content-Type: application/octet-stream\r\n\r\n"
	    "\0\x01\xff\r\n-\0\r\n--Xy\n--XyZ\0\r\n\r\n\x89PNG"
	    "\r\n--XyZ--";
	static const char data[] = "\0\x01\xff\r\n-\0\r\n--Xy\n--XyZ\0\r\n\r\n\x89PNG";
	char              out[64];

	ck_assert_int_eq(parse(CT, S(body), 8), 0);
	ck_assert_uint_eq(np, 1);
	ck_assert_uint_eq(parts[0].len, sizeof data - 1);
	ck_assert(memcmp(parts[0].data, data, sizeof data - 1) == 0);
	ck_assert_int_eq(multipart_text(&parts[0], out, sizeof out), -1); /* NUL */
}
END_TEST

START_TEST(mp_bad_content_type)
{
	static const char body[] =
	    "--XyZ\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--XyZ--";
	char ct[128], b70[256];

	ck_assert_int_eq(parse(NULL, S(body), 8), 400);
	ck_assert_int_eq(parse("application/x-www-form-urlencoded", S(body), 8), 400);
	ck_assert_int_eq(parse("multipart/form-data", S(body), 8), 400); /* no boundary */
	ck_assert_str_eq(multipart_error(), "the Content-Type has no boundary");
	ck_assert_int_eq(parse("multipart/form-data; charset=utf-8", S(body), 8), 400);
	ck_assert_int_eq(parse("multipart/form-dataX; boundary=XyZ", S(body), 8), 400);
	ck_assert_int_eq(parse("multipart/mixed; boundary=XyZ", S(body), 8), 400);
	ck_assert_int_eq(parse("multipart/form-data; boundary=", S(body), 8), 400);
	ck_assert_int_eq(parse("multipart/form-data; boundary=\"\"", S(body), 8), 400);
	ck_assert_int_eq(parse("multipart/form-data; boundary=\"XyZ", S(body), 8), 400);
	ck_assert_int_eq(parse("multipart/form-data; boundary=\"a@b\"", S(body), 8), 400);
	ck_assert_int_eq(parse("multipart/form-data; boundary=\"ab \"", S(body), 8), 400);
	ck_assert_int_eq(parse("multipart/form-data; boundary=XyZ; boundary=XyZ", S(body), 8), 400);
	/* 70 characters are fine; 71 are too many. */
	snprintf(ct, sizeof ct, "multipart/form-data; boundary=%070d", 0);
	snprintf(b70, sizeof b70,
	    "--%070d\r\nContent-Disposition: form-data; name=x\r\n\r\n"
	    "1\r\n--%070d--",
	    0, 0);
	ck_assert_int_eq(parse(ct, b70, strlen(b70), 8), 0);
	ck_assert_uint_eq(np, 1);
	ck_assert_int_eq(parse(ct, S(body), 8), 400); /* the body, not the boundary */
	ck_assert_str_eq(multipart_error(), "the body does not start with the boundary");
	snprintf(ct, sizeof ct, "multipart/form-data; boundary=%071d", 0);
	ck_assert_int_eq(parse(ct, S(body), 8), 400);
	ck_assert_str_eq(multipart_error(), "the boundary is empty or longer than 70 characters");
}
END_TEST

START_TEST(mp_bad_structure)
{
	ck_assert_int_eq(parse(CT,
			     S("preamble\r\n--XyZ\r\nContent-Disposition: form-data; "
			       "name=\"x\"\r\n\r\n1\r\n--XyZ--"),
			     8),
	    400);
	/* Missing final boundary: the data runs to the end. */
	ck_assert_int_eq(parse(CT,
			     S("--XyZ\r\nContent-Disposition: form-data; "
			       "name=\"x\"\r\n\r\n1\r\n"),
			     8),
	    400);
	ck_assert_str_eq(multipart_error(), "a part does not end with a boundary");
	/* A delimiter that is not followed by "--" or CRLF; a truncated one. */
	ck_assert_int_eq(parse(CT,
			     S("--XyZ\r\nContent-Disposition: form-data; "
			       "name=\"x\"\r\n\r\n1\r\n--XyZ"),
			     8),
	    400);
	ck_assert_int_eq(parse(CT,
			     S("--XyZ\r\nContent-Disposition: form-data; "
			       "name=\"x\"\r\n\r\n1\r\n--XyZabc\r\n"),
			     8),
	    400);
	ck_assert_int_eq(parse(CT,
			     S("--XyZ\r\nContent-Disposition: form-data; "
			       "name=\"x\"\r\n"),
			     8),
	    400); /* the header block never ends */
	ck_assert_int_eq(parse(CT, "", 0, 8), 400);
}
END_TEST

START_TEST(mp_bad_headers)
{
	/* A part without a name, with an empty name, without Content-Disposition. */
	ck_assert_int_eq(parse(CT,
			     S("--XyZ\r\nContent-Disposition: form-data; "
			       "filename=\"a.pdf\"\r\n\r\n1\r\n--XyZ--"),
			     8),
	    400);
	ck_assert_str_eq(multipart_error(), "a part has no name");
	ck_assert_int_eq(parse(CT,
			     S("--XyZ\r\nContent-Disposition: form-data; "
			       "name=\"\"\r\n\r\n1\r\n--XyZ--"),
			     8),
	    400);
	ck_assert_int_eq(
	    parse(CT, S("--XyZ\r\nContent-Type: text/plain\r\n\r\n1\r\n--XyZ--"), 8), 400);
	ck_assert_int_eq(parse(CT, S("--XyZ\r\n\r\n1\r\n--XyZ--"), 8), 400);
	/* Not form-data; two names; two Content-Disposition headers; folding; bare LF. */
	ck_assert_int_eq(parse(CT,
			     S("--XyZ\r\nContent-Disposition: attachment; "
			       "name=\"x\"\r\n\r\n1\r\n--XyZ--"),
			     8),
	    400);
	ck_assert_int_eq(parse(CT,
			     S("--XyZ\r\nContent-Disposition: form-data; name=\"x\"; "
			       "name=\"y\"\r\n\r\n1\r\n--XyZ--"),
			     8),
	    400);
	ck_assert_int_eq(parse(CT,
			     S("--XyZ\r\nContent-Disposition: form-data; name=\"x\"\r\n"
			       "Content-Disposition: form-data; name=\"y\"\r\n\r\n1\r\n--XyZ--"),
			     8),
	    400);
	ck_assert_int_eq(parse(CT,
			     S("--XyZ\r\nContent-Disposition: form-data;\r\n "
			       "name=\"x\"\r\n\r\n1\r\n--XyZ--"),
			     8),
	    400);
	ck_assert_int_eq(parse(CT,
			     S("--XyZ\r\nContent-Disposition: form-data; name=\"x\"\n"
			       "X: y\r\n\r\n1\r\n--XyZ--"),
			     8),
	    400);
	/* An unterminated quoted name; a control character in it; invalid UTF-8 in it. */
	ck_assert_int_eq(parse(CT,
			     S("--XyZ\r\nContent-Disposition: form-data; "
			       "name=\"x\r\n\r\n1\r\n--XyZ--"),
			     8),
	    400);
	ck_assert_int_eq(parse(CT,
			     S("--XyZ\r\nContent-Disposition: form-data; "
			       "name=\"x\x01\"\r\n\r\n1\r\n--XyZ--"),
			     8),
	    400);
	ck_assert_int_eq(parse(CT,
			     S("--XyZ\r\nContent-Disposition: form-data; "
			       "name=\"x\xc3\"\r\n\r\n1\r\n--XyZ--"),
			     8),
	    400);
}
END_TEST

/* A body whose one part has a header block of exactly block bytes. */
static char *
block_body(size_t block, size_t *len)
{
	static const char head[] = "--XyZ\r\nContent-Disposition: form-data; name=\"x\"\r\n"
				   "X-Pad: ";
	static const char tail[] = "\r\n\r\n1\r\n--XyZ--";
	size_t            fixed = sizeof head - 1 - 7 + 2; /* without "--XyZ\r\n", with CRLF */
	size_t            pad = block - fixed;
	char             *b;

	*len = sizeof head - 1 + pad + sizeof tail - 1;
	ck_assert_ptr_nonnull(b = malloc(*len));
	memcpy(b, head, sizeof head - 1);
	memset(b + sizeof head - 1, 'a', pad);
	memcpy(b + sizeof head - 1 + pad, tail, sizeof tail - 1);
	return b;
}

START_TEST(mp_header_block_too_large)
{
	char  *body;
	size_t len;

	body = block_body(MPART_HEAD_MAX, &len); /* exactly the limit: fine */
	ck_assert_int_eq(parse(CT, body, len, 8), 0);
	ck_assert_uint_eq(parts[0].len, 1);
	free(body);
	body = block_body(MPART_HEAD_MAX + 1, &len);
	ck_assert_int_eq(parse(CT, body, len, 8), 400);
	ck_assert_str_eq(multipart_error(), "a part's header block is too large");
	free(body);
	body = block_body(64 * 1024, &len);
	ck_assert_int_eq(parse(CT, body, len, 8), 400);
	free(body);
}
END_TEST

START_TEST(mp_too_many_parts)
{
	static const char body[] =
	    "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
	    "--XyZ\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n2\r\n"
	    "--XyZ\r\nContent-Disposition: form-data; name=\"c\"\r\n\r\n3\r\n"
	    "--XyZ--\r\n";

	ck_assert_int_eq(parse(CT, S(body), 3), 0);
	ck_assert_uint_eq(np, 3);
	ck_assert_int_eq(parse(CT, S(body), 2), 400);
	ck_assert_str_eq(multipart_error(), "too many parts");
	ck_assert_int_eq(parse(CT, S(body), 0), 400);
}
END_TEST

START_TEST(mp_text_utf8)
{
	static const char body[] =
	    "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nol\xc3\r\n"
	    "--XyZ\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n\xc0\xaf\r\n"
	    "--XyZ\r\nContent-Disposition: form-data; name=\"c\"\r\n\r\n\xed\xa0\x80\r\n"
	    "--XyZ\r\nContent-Disposition: form-data; name=\"d\"\r\n\r\nação\r\n"
	    "--XyZ--";
	char out[32];

	ck_assert_int_eq(parse(CT, S(body), 8), 0); /* the parser leaves data alone */
	ck_assert_uint_eq(np, 4);
	ck_assert_int_eq(multipart_text(&parts[0], out, sizeof out), -1); /* truncated */
	ck_assert_int_eq(multipart_text(&parts[1], out, sizeof out), -1); /* overlong */
	ck_assert_int_eq(multipart_text(&parts[2], out, sizeof out), -1); /* surrogate */
	ck_assert_int_eq(multipart_text(&parts[3], out, sizeof out), 0);
	ck_assert_str_eq(out, "ação");
	ck_assert_int_eq(multipart_text(NULL, out, sizeof out), -1);
}
END_TEST

/* ---- Uploads ---- */

static char     dir[64], dbpath[80];
static sqlite3 *db;

/* Each test gets a fresh upload directory and a migrated database with one staff
 * member (id 1). */
static void
setup(void)
{
	char err[256];

	snprintf(dir, sizeof dir, "/tmp/aberta-upXXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(dbpath, sizeof dbpath, "%s.db", dir);
	ck_assert_ptr_nonnull(db = db_open(dbpath, 1, err, sizeof err));
	ck_assert_int_ge(db_migrate(db, err, sizeof err), 1);
	ck_assert_int_eq(sqlite3_exec(db,
			     "INSERT INTO staff (id, login, name, role, pw_hash) "
			     "VALUES (1, 'ana@example.org', 'Ana', 'admin', 'x')",
			     NULL, NULL, NULL),
	    SQLITE_OK);
	ck_assert_int_eq(upload_init(err, sizeof err), 0);
}

/* Removes the directory, its files and the database. */
static void
teardown(void)
{
	char           p[600];
	DIR           *d;
	struct dirent *e;

	upload_done();
	sqlite3_close(db);
	if ((d = opendir(dir)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
			if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
				unlink(p);
		}
		closedir(d);
	}
	rmdir(dir);
	test_db_remove(dbpath);
}

/* The number of entries in the upload directory (temporary files included). */
static int
files_in_dir(void)
{
	DIR           *d;
	struct dirent *e;
	int            n = 0;

	ck_assert_ptr_nonnull(d = opendir(dir));
	while ((e = readdir(d)) != NULL)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

/* The number of upload rows. */
static int
rows(void)
{
	sqlite3_stmt *s;
	int           n;

	ck_assert_int_eq(
	    sqlite3_prepare_v2(db, "SELECT count(*) FROM upload", -1, &s, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	n = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return n;
}

/* A minimal PDF; variant makes its bytes (and digest) differ.  Returns its length. */
static size_t
make_pdf(char *out, size_t cap, int variant)
{
	int n;

	n = snprintf(out, cap,
	    "%%PDF-1.4\n%%variant %d\n"
	    "1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
	    "2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n"
	    "trailer <</Root 1 0 R>>\n%%%%EOF\n",
	    variant);
	ck_assert(n > 0 && (size_t)n < cap);
	return (size_t)n;
}

/* A 1x1 grey PNG and a tiny JFIF header. */
static const unsigned char png[] = { 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00,
	0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08,
	0x00, 0x00, 0x00, 0x00, 0x3a, 0x7e, 0x9b, 0x55, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41,
	0x54, 0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01, 0x48, 0xaf, 0xa4, 0x71,
	0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82 };
static const unsigned char jpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00,
	0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9 };

/* CRC-32 (ISO-HDLC, as zip uses). */
static unsigned long
crc32(const char *p, size_t n)
{
	unsigned long c = 0xffffffffUL;
	size_t        i;
	int           k;

	for (i = 0; i < n; i++)
		for (c ^= (unsigned char)p[i], k = 0; k < 8; k++)
			c = c & 1 ? (c >> 1) ^ 0xedb88320UL : c >> 1;
	return c ^ 0xffffffffUL;
}

static void
put16(unsigned char *p, size_t v)
{
	p[0] = v & 0xff;
	p[1] = (v >> 8) & 0xff;
}

static void
put32(unsigned char *p, unsigned long v)
{
	put16(p, v & 0xffff);
	put16(p + 2, (v >> 16) & 0xffff);
}

/* Writes a zip archive of n stored (uncompressed) entries names[i] with contents
 * data[i] into out (size cap).  Returns its length. */
static size_t
make_zip(
    unsigned char *out, size_t cap, const char *const *names, const char *const *data, size_t n)
{
	unsigned char cd[2048], *h;
	unsigned long offs[8];
	size_t        o = 0, c = 0, i, nl, dl;

	ck_assert_uint_le(n, 8);
	for (i = 0; i < n; i++) {
		nl = strlen(names[i]);
		dl = strlen(data[i]);
		ck_assert_uint_le(o + 30 + nl + dl, cap);
		offs[i] = o;
		h = out + o;
		memset(h, 0, 30);
		memcpy(h, "PK\3\4", 4);
		put16(h + 4, 20);    /* version needed */
		put16(h + 12, 0x21); /* 1980-01-01 */
		put32(h + 14, crc32(data[i], dl));
		put32(h + 18, dl);
		put32(h + 22, dl);
		put16(h + 26, nl);
		memcpy(h + 30, names[i], nl);
		memcpy(h + 30 + nl, data[i], dl);
		o += 30 + nl + dl;
		ck_assert_uint_le(c + 46 + nl, sizeof cd);
		h = cd + c;
		memset(h, 0, 46);
		memcpy(h, "PK\1\2", 4);
		put16(h + 4, 20);
		put16(h + 6, 20);
		put16(h + 14, 0x21);
		put32(h + 16, crc32(data[i], dl));
		put32(h + 20, dl);
		put32(h + 24, dl);
		put16(h + 28, nl);
		put32(h + 42, offs[i]);
		memcpy(h + 46, names[i], nl);
		c += 46 + nl;
	}
	ck_assert_uint_le(o + c + 22, cap);
	memcpy(out + o, cd, c);
	h = out + o + c;
	memset(h, 0, 22);
	memcpy(h, "PK\5\6", 4);
	put16(h + 8, n);
	put16(h + 10, n);
	put32(h + 12, c);
	put32(h + 16, o);
	return o + c + 22;
}

static const char ctypes_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
static const char rels_xml[] =
    "<?xml version=\"1.0\"?><Relationships xmlns=\""
    "http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
    "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
static const char doc_xml[] =
    "<?xml version=\"1.0\"?><w:document xmlns:w=\""
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r>"
    "<w:t>Olá</w:t></w:r></w:p></w:body></w:document>";

/* The stored name of sha. */
static const char *
stored_name(const char *sha)
{
	static char name[UPLOAD_NAME_MAX + 1];
	char        mime[UPLOAD_MIME_MAX];
	long long   size;

	ck_assert_int_eq(upload_find(db, sha, mime, sizeof mime, name, sizeof name, &size), 1);
	return name;
}

START_TEST(up_pdf_stored)
{
	char          pdf[512], sha[65], hex[65], path[600], mime[UPLOAD_MIME_MAX];
	char          name[UPLOAD_NAME_MAX + 1], back[512];
	unsigned char d[crypto_hash_sha256_BYTES];
	const char   *why = "unset";
	size_t        len = make_pdf(pdf, sizeof pdf, 1);
	long long     size = 0;
	sqlite3_stmt *s;
	struct stat   st;
	FILE         *f;

	ck_assert_int_eq(upload_store(db, dir, pdf, len, "Relatório 2024.pdf", 1, sha, &why), 0);
	ck_assert_ptr_null(why);
	crypto_hash_sha256(d, (const unsigned char *)pdf, len);
	sodium_bin2hex(hex, sizeof hex, d, sizeof d);
	ck_assert_str_eq(sha, hex);
	ck_assert(upload_valid_sha(sha));
	/* The file: named by its digest, the same bytes, not executable, no temporary left. */
	snprintf(path, sizeof path, "%s/%s", dir, sha);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert(S_ISREG(st.st_mode));
	ck_assert_int_eq(st.st_mode & 0111, 0);
	ck_assert_int_eq(st.st_size, (long long)len);
	ck_assert_ptr_nonnull(f = fopen(path, "rb"));
	ck_assert_uint_eq(fread(back, 1, sizeof back, f), len);
	fclose(f);
	ck_assert(memcmp(back, pdf, len) == 0);
	ck_assert_int_eq(files_in_dir(), 1);
	/* The row. */
	ck_assert_int_eq(upload_find(db, sha, mime, sizeof mime, name, sizeof name, &size), 1);
	ck_assert_str_eq(mime, "application/pdf");
	ck_assert_str_eq(name, "Relatório 2024.pdf");
	ck_assert_int_eq(size, (long long)len);
	ck_assert_int_eq(sqlite3_prepare_v2(db,
			     "SELECT staff_id, length(at) FROM upload "
			     "WHERE sha256 = ?1",
			     -1, &s, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(s, 1, sha, -1, SQLITE_STATIC);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int64(s, 0), 1);
	ck_assert_int_eq(sqlite3_column_int(s, 1), 20);
	sqlite3_finalize(s);
	/* A buffer too small for a value is an error, not a truncation. */
	ck_assert_int_eq(upload_find(db, sha, mime, 5, name, sizeof name, &size), -1);
}
END_TEST

START_TEST(up_stored_once)
{
	char        pdf[512], sha1[65], sha2[65], path[600];
	const char *why;
	size_t      len = make_pdf(pdf, sizeof pdf, 2);
	struct stat a, b;

	ck_assert_int_eq(upload_store(db, dir, pdf, len, "first.pdf", 1, sha1, &why), 0);
	snprintf(path, sizeof path, "%s/%s", dir, sha1);
	ck_assert_int_eq(stat(path, &a), 0);
	ck_assert_int_eq(upload_store(db, dir, pdf, len, "second.PDF", 0, sha2, &why), 0);
	ck_assert_str_eq(sha1, sha2);
	ck_assert_int_eq(stat(path, &b), 0);
	ck_assert_uint_eq(a.st_ino, b.st_ino); /* not rewritten */
	ck_assert_int_eq(files_in_dir(), 1);
	ck_assert_int_eq(rows(), 1);
	ck_assert_str_eq(stored_name(sha1), "first.pdf"); /* the first name is kept */
}
END_TEST

START_TEST(up_refused_types)
{
	static const char        html[] = "<!DOCTYPE html>\n<html><body><script>alert(1)</script>"
					  "</body></html>\n";
	static const char *const plain_names[] = { "notes.xml" };
	static const char *const plain_data[] = { "<a/>" };
	unsigned char            zip[1024];
	size_t                   zlen;
	char                     sha[65] = "";
	const char              *why;

	ck_assert_int_eq(upload_store(db, dir, html, sizeof html - 1, "x.pdf", 1, sha, &why), -1);
	ck_assert_str_eq(why, "Tipo de ficheiro não aceite: só PDF, ODT, DOCX, PNG ou JPEG.");
	ck_assert_int_eq(upload_store(db, dir, html, sizeof html - 1, "x.html", 1, sha, &why), -1);
	ck_assert_int_eq(
	    upload_store(db, dir, "GIF89a\1\0\1\0\0\0\0;", 14, "x.gif", 1, sha, &why), -1);
	/* A zip that is not a word document, named .docx. */
	zlen = make_zip(zip, sizeof zip, plain_names, plain_data, 1);
	ck_assert_int_eq(
	    upload_store(db, dir, (const char *)zip, zlen, "x.docx", 1, sha, &why), -1);
	ck_assert_str_eq(why, "Tipo de ficheiro não aceite: só PDF, ODT, DOCX, PNG ou JPEG.");
	ck_assert_str_eq(sha, "");
	ck_assert_int_eq(files_in_dir(), 0);
	ck_assert_int_eq(rows(), 0);
}
END_TEST

/* Reads the stored file of sha into out (size cap); returns its length. */
static size_t
stored_bytes(const char *sha, unsigned char *out, size_t cap)
{
	char   path[600];
	FILE  *f;
	size_t n;

	snprintf(path, sizeof path, "%s/%s", dir, sha);
	ck_assert_ptr_nonnull(f = fopen(path, "rb"));
	n = fread(out, 1, cap, f);
	fclose(f);
	return n;
}

/* 1 when needle[0..n) occurs in h[0..len). */
static int
has(const unsigned char *h, size_t len, const void *needle, size_t n)
{
	size_t i;

	for (i = 0; i + n <= len; i++)
		if (memcmp(h + i, needle, n) == 0)
			return 1;
	return 0;
}

START_TEST(up_photo_metadata_removed)
{
	/* A JPEG with JFIF, an Exif block (little-endian: orientation 6 and a camera
	 * serial), an ICC profile, a comment, one scan holding a stuffed 0xFF00 and a
	 * restart marker, and bytes after the end of the image. */
	static const unsigned char photo[] = { 0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I',
		'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xe1, 0x00, 0x3c, 'E', 'x', 'i', 'f', 0, 0,
		'I', 'I', '*', 0, 8, 0, 0, 0, 2, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0x31,
		0xa4, 2, 0, 14, 0, 0, 0, 38, 0, 0, 0, 0, 0, 0, 0, 'S', 'E', 'R', 'I', 'A', 'L', '-',
		'9', '9', '4', '2', '1', '7', 0, 0xff, 0xe2, 0x00, 0x08, 'I', 'C', 'C', '_', 'X',
		'Y', 0xff, 0xfe, 0x00, 0x0d, 'M', 'a', 'r', 'i', 'a', ' ', 'S', 'i', 'l', 'v', 'a',
		0xff, 0xda, 0x00, 0x08, 1, 1, 0, 0, 0x3f, 0, 0x12, 0xff, 0x00, 0x34, 0xff, 0xd0,
		0x56, 0xff, 0xd9, 'T', 'R', 'A', 'I', 'L', 'E', 'R' };
	static const unsigned char want[] = { 0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I',
		'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xe1, 0x00, 0x22, 'E', 'x', 'i', 'f', 0, 0,
		'M', 'M', 0, '*', 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0,
		0, 0, 0xff, 0xe2, 0x00, 0x08, 'I', 'C', 'C', '_', 'X', 'Y', 0xff, 0xda, 0x00, 0x08,
		1, 1, 0, 0, 0x3f, 0, 0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xd9 };
	/* png with a tEXt chunk before IDAT and bytes after IEND. */
	static const unsigned char text[] = { 0, 0, 0, 0x13, 't', 'E', 'X', 't', 'A', 'u', 't', 'h',
		'o', 'r', 0, 'M', 'a', 'r', 'i', 'a', ' ', 'S', 'i', 'l', 'v', 'a', 0, 0, 0, 0, 0 };
	unsigned char              in[512], back[512];
	char                       sha[65];
	const char                *why;
	size_t                     n, ihdr = 8 + 25;

	ck_assert_int_eq(
	    upload_store(db, dir, (const char *)photo, sizeof photo, "f.jpg", 1, sha, &why), 0);
	n = stored_bytes(sha, back, sizeof back);
	ck_assert_uint_eq(n, sizeof want);
	ck_assert(memcmp(back, want, n) == 0);
	ck_assert(!has(back, n, "SERIAL", 6) && !has(back, n, "Maria", 5));
	/* The PNG: the text chunk and the trailer are gone, the rest is the same. */
	memcpy(in, png, ihdr);
	memcpy(in + ihdr, text, sizeof text);
	memcpy(in + ihdr + sizeof text, png + ihdr, sizeof png - ihdr);
	memcpy(in + sizeof png + sizeof text, "TRAILER", 7);
	ck_assert_int_eq(upload_store(db, dir, (const char *)in, sizeof png + sizeof text + 7,
			     "f.png", 1, sha, &why),
	    0);
	n = stored_bytes(sha, back, sizeof back);
	ck_assert_uint_eq(n, sizeof png);
	ck_assert(memcmp(back, png, n) == 0);
	/* A segment running past the end: refused, nothing stored. */
	memcpy(in, photo, sizeof photo);
	in[23] = 0xff;
	ck_assert_int_eq(
	    upload_store(db, dir, (const char *)in, sizeof photo, "g.jpg", 1, sha, &why), -1);
	ck_assert_str_eq(why, "A imagem está danificada: a sua estrutura não pôde ser lida.");
	ck_assert_int_eq(files_in_dir(), 2);
}
END_TEST

START_TEST(up_extension_mismatch)
{
	char        pdf[512], sha[65];
	const char *why, *ext = "O conteúdo do ficheiro não corresponde à extensão.";
	size_t      len = make_pdf(pdf, sizeof pdf, 3);

	ck_assert_int_eq(
	    upload_store(db, dir, (const char *)png, sizeof png, "photo.pdf", 1, sha, &why), -1);
	ck_assert_str_eq(why, ext);
	ck_assert_int_eq(upload_store(db, dir, pdf, len, "report.png", 1, sha, &why), -1);
	ck_assert_str_eq(why, ext);
	ck_assert_int_eq(upload_store(db, dir, pdf, len, "report", 1, sha, &why), -1);
	ck_assert_int_eq(upload_store(db, dir, pdf, len, "report.pdf.exe", 1, sha, &why), -1);
	ck_assert_int_eq(
	    upload_store(db, dir, (const char *)jpeg, sizeof jpeg, "a.png", 1, sha, &why), -1);
	ck_assert_int_eq(files_in_dir(), 0);
	ck_assert_int_eq(rows(), 0);
	/* The right extensions, in any case. */
	ck_assert_int_eq(
	    upload_store(db, dir, (const char *)png, sizeof png, "Foto.PNG", 1, sha, &why), 0);
	ck_assert_str_eq(stored_name(sha), "Foto.png");
	ck_assert_int_eq(
	    upload_store(db, dir, (const char *)jpeg, sizeof jpeg, "a.JPEG", 1, sha, &why), 0);
	ck_assert_str_eq(stored_name(sha), "a.jpeg");
	ck_assert_int_eq(rows(), 2);
}
END_TEST

START_TEST(up_size_limits)
{
	char       *big, sha[65];
	const char *why;

	ck_assert_ptr_nonnull(big = calloc(1, UPLOAD_MAX + 1));
	memcpy(big, "%PDF-1.4\n", 9);
	ck_assert_int_eq(upload_store(db, dir, big, UPLOAD_MAX + 1, "big.pdf", 1, sha, &why), -1);
	ck_assert_str_eq(why, "O ficheiro é demasiado grande (máximo 10 MB).");
	ck_assert_int_eq(upload_store(db, dir, big, 0, "empty.pdf", 1, sha, &why), -1);
	ck_assert_str_eq(why, "O ficheiro está vazio.");
	ck_assert_int_eq(files_in_dir(), 0);
	/* Exactly the limit is accepted. */
	ck_assert_int_eq(upload_store(db, dir, big, UPLOAD_MAX, "big.pdf", 1, sha, &why), 0);
	ck_assert_int_eq(files_in_dir(), 1);
	free(big);
}
END_TEST

/* Stores PDF variant v under given; returns the stored name. */
static const char *
store_named(int v, const char *given)
{
	char        pdf[512], sha[65];
	const char *why;
	size_t      len = make_pdf(pdf, sizeof pdf, v);

	ck_assert_msg(upload_store(db, dir, pdf, len, given, 1, sha, &why) == 0,
	    "variant %d refused: %s", v, why);
	return stored_name(sha);
}

START_TEST(up_names_cleaned)
{
	char        longname[1200];
	const char *n;
	size_t      i;

	n = store_named(10, "../../etc/passwd\r\n.pdf");
	ck_assert_str_eq(n, "passwd.pdf");
	ck_assert(strchr(n, '/') == NULL && strchr(n, '\r') == NULL && strchr(n, '\n') == NULL &&
	    strstr(n, "..") == NULL);
	ck_assert_str_eq(
	    store_named(11, "C:\\Users\\ana\\..\\\"quoted\" 'name' <x>.pdf"), "quoted name x.pdf");
	ck_assert_str_eq(store_named(12, "..pdf"), "document.pdf");
	ck_assert_str_eq(store_named(19, " . .hidden..  .pdf"), "hidden.pdf");
	ck_assert_str_eq(store_named(13, NULL), "document.pdf");
	ck_assert_str_eq(store_named(14, "../"), "document.pdf");
	ck_assert_str_eq(store_named(15,
			     "a\tb\x7f\xc2\x85"
			     "c...pdf"),
	    "abc.pdf");
	/* Right-to-left override, zero-width space, BOM, soft hyphen: all removed. */
	ck_assert_str_eq(store_named(16,
			     "cv\xe2\x80\xae"
			     "fdp\xe2\x80\x8b\xef\xbb\xbf\xc2\xad"
			     ".pdf"),
	    "cvfdp.pdf");
	/* Invalid UTF-8 is dropped; odd spaces become one plain space. */
	ck_assert_str_eq(
	    store_named(17, "ol\xc3\xa1\xff\xfe  \xc2\xa0mundo .pdf"), "olá mundo.pdf");
	/* Long names are cut at a character boundary, keeping the extension. */
	for (i = 0; i + 2 <= 600; i += 2)
		memcpy(longname + i, "\xc3\xa1", 2);
	memcpy(longname + 600, ".pdf", 5);
	n = store_named(18, longname);
	ck_assert_uint_le(strlen(n), UPLOAD_NAME_MAX);
	ck_assert_uint_ge(strlen(n), UPLOAD_NAME_MAX - 1);
	ck_assert(valid_utf8(n, strlen(n)));
	ck_assert_str_eq(n + strlen(n) - 4, ".pdf");
}
END_TEST

START_TEST(up_docx_odt)
{
	/* The order Word writes (libmagic says DOCX) and a shorter one (libmagic 5.44 says
	 * application/zip); an ODT as ODF requires (mimetype first, stored). */
	static const char *const word_names[] = { "[Content_Types].xml", "_rels/.rels",
		"word/document.xml" };
	static const char *const word_data[] = { ctypes_xml, rels_xml, doc_xml };
	static const char *const short_names[] = { "[Content_Types].xml", "word/document.xml" };
	static const char *const short_data[] = { ctypes_xml, doc_xml };
	static const char *const odt_names[] = { "mimetype", "content.xml" };
	static const char *const odt_data[] = { "application/vnd.oasis.opendocument.text",
		"<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:"
		"office:1.0\"/>" };
	unsigned char            zip[4096];
	char                     sha[65], mime[UPLOAD_MIME_MAX], name[UPLOAD_NAME_MAX + 1];
	const char              *why;
	long long                size;
	size_t                   len;

	len = make_zip(zip, sizeof zip, word_names, word_data, 3);
	ck_assert_int_eq(
	    upload_store(db, dir, (const char *)zip, len, "Plano.docx", 1, sha, &why), 0);
	ck_assert_int_eq(upload_find(db, sha, mime, sizeof mime, name, sizeof name, &size), 1);
	ck_assert_str_eq(
	    mime, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
	ck_assert_str_eq(name, "Plano.docx");
	len = make_zip(zip, sizeof zip, short_names, short_data, 2);
	ck_assert_int_eq(
	    upload_store(db, dir, (const char *)zip, len, "curto.docx", 1, sha, &why), 0);
	ck_assert_int_eq(upload_find(db, sha, mime, sizeof mime, name, sizeof name, &size), 1);
	ck_assert_str_eq(
	    mime, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
	ck_assert_int_eq(
	    upload_store(db, dir, (const char *)zip, len, "curto.odt", 1, sha, &why), -1);
	ck_assert_str_eq(why, "O conteúdo do ficheiro não corresponde à extensão.");
	len = make_zip(zip, sizeof zip, odt_names, odt_data, 2);
	ck_assert_int_eq(upload_store(db, dir, (const char *)zip, len, "ata.odt", 1, sha, &why), 0);
	ck_assert_int_eq(upload_find(db, sha, mime, sizeof mime, name, sizeof name, &size), 1);
	ck_assert_str_eq(mime, "application/vnd.oasis.opendocument.text");
	ck_assert_int_eq(
	    upload_store(db, dir, (const char *)zip, len, "ata.docx", 1, sha, &why), -1);
	/* A truncated archive is not a document. */
	len = make_zip(zip, sizeof zip, short_names, short_data, 2);
	ck_assert_int_eq(
	    upload_store(db, dir, (const char *)zip, len - 30, "cut.docx", 1, sha, &why), -1);
	ck_assert_int_eq(rows(), 3);
}
END_TEST

START_TEST(up_sha_and_find)
{
	char        mime[UPLOAD_MIME_MAX], name[UPLOAD_NAME_MAX + 1];
	long long   size;
	const char *ok = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

	ck_assert(upload_valid_sha(ok));
	ck_assert(
	    !upload_valid_sha("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"));
	ck_assert(
	    !upload_valid_sha("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85"));
	ck_assert(
	    !upload_valid_sha("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8555"));
	ck_assert(
	    !upload_valid_sha("g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
	ck_assert(!upload_valid_sha("../../../../etc/passwd"));
	ck_assert(!upload_valid_sha(""));
	ck_assert(!upload_valid_sha(NULL));
	ck_assert_int_eq(upload_find(db, ok, mime, sizeof mime, name, sizeof name, &size), 0);
	ck_assert_int_eq(upload_find(db, "../x", mime, sizeof mime, name, sizeof name, &size), 0);
	ck_assert_ptr_nonnull(upload_type("image/png"));
	/* HTML only ever as an archived copy of an outside page, and never shown inline. */
	ck_assert(upload_type("text/html")->archive_only && !upload_type("text/html")->inline_ok);
	ck_assert(!upload_type("application/pdf")->archive_only);
	ck_assert_ptr_null(upload_type("image/svg+xml"));
	ck_assert_ptr_null(upload_type("application/javascript"));
	ck_assert_ptr_null(upload_type(NULL));
}
END_TEST

/* ---- The public handler ---- */

static struct req  rq;
static struct resp rs;

/* Runs page_upload_get for sha (If-None-Match inm); returns its status and leaves the
 * error key in err. */
static const char *err_key;

static int
get(const char *sha, const char *inm)
{
	struct ctx c;

	memset(&c, 0, sizeof c);
	memset(&rq, 0, sizeof rq);
	rq.if_none_match = inm;
	resp_reset(&rs);
	c.req = &rq;
	c.resp = &rs;
	c.arg[0] = sha;
	rs.status = page_upload_get(&c);
	err_key = c.error;
	if (rs.status == 404)
		ck_assert_str_eq(err_key, "ERR_NOT_FOUND");
	return rs.status;
}

/* Returns 1 when the response headers hold line (without its CRLF). */
static int
has_header(const char *line)
{
	char l[1024];

	snprintf(l, sizeof l, "%s\r\n", line);
	return rs.head.p != NULL && strstr(rs.head.p, l) != NULL;
}

START_TEST(handler_serves)
{
	char        pdf[512], sha[65], shapng[65], path[600], etag[80], err[256];
	const char *why;
	size_t      len = make_pdf(pdf, sizeof pdf, 30);
	sqlite3    *ro;

	setenv("ABERTA_UPLOADS", dir, 1);
	ck_assert_int_eq(
	    upload_store(db, dir, pdf, len, "Relatório \"final\"; 100%.pdf", 1, sha, &why), 0);
	ck_assert_int_eq(
	    upload_store(db, dir, (const char *)png, sizeof png, "mapa.png", 1, shapng, &why), 0);
	ck_assert_ptr_nonnull(ro = db_open(dbpath, 0, err, sizeof err));
	ck_assert_int_eq(db_prepare_all(ro, err, sizeof err), 0);

	/* Stored but cited by no live record (a draft's file): as if unknown. */
	ck_assert_int_eq(get(sha, NULL), 404);
	snprintf(path, sizeof path,
	    "INSERT INTO action_plan (number, title_pt) VALUES (1, 'Plano');"
	    "INSERT INTO link (plan_id, kind, upload_sha) SELECT id, 'document', '%s' FROM "
	    "action_plan UNION ALL SELECT id, 'document', '%s' FROM action_plan",
	    sha, shapng);
	ck_assert_int_eq(sqlite3_exec(db, path, NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(get(sha, NULL), 200);
	ck_assert_str_eq(rs.ctype, "application/pdf");
	ck_assert_uint_eq(rs.body.len, len);
	ck_assert(memcmp(rs.body.p, pdf, len) == 0);
	ck_assert(
	    has_header("Content-Disposition: attachment; filename=\"Relat_rio final_ "
		       "100_.pdf\"; filename*=UTF-8''Relat%C3%B3rio%20final%3B%20100%25.pdf"));
	ck_assert(has_header("Cache-Control: public, max-age=300"));
	ck_assert_str_eq(rs.csp, "sandbox; default-src 'none'");
	snprintf(etag, sizeof etag, "ETag: \"%s\"", sha);
	ck_assert(has_header(etag));

	ck_assert_int_eq(get(shapng, NULL), 200);
	ck_assert_str_eq(rs.ctype, "image/png");
	ck_assert(has_header("Content-Disposition: inline; filename=\"mapa.png\"; "
			     "filename*=UTF-8''mapa.png"));

	snprintf(etag, sizeof etag, "\"%s\"", sha);
	ck_assert_int_eq(get(sha, etag), 304);
	ck_assert_uint_eq(rs.body.len, 0);

	/* Unknown, invalid, and recorded but missing on disk: all 404. */
	ck_assert_int_eq(
	    get("0000000000000000000000000000000000000000000000000000000000000000", NULL), 404);
	ck_assert_int_eq(get("../../etc/passwd", NULL), 404);
	ck_assert_int_eq(get(NULL, NULL), 404);
	snprintf(path, sizeof path, "%s/%s", dir, sha);
	ck_assert_int_eq(unlink(path), 0);
	ck_assert_int_eq(get(sha, NULL), 404);
	ck_assert_uint_eq(rs.body.len, 0);

	db_finalize_all();
	sqlite3_close(ro);
	buf_free(&rs.head);
	buf_free(&rs.body);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("upload");
	TCase *mp = tcase_create("multipart"), *up = tcase_create("upload");
	int    failed;

	tcase_add_test(mp, mp_fields_and_file);
	tcase_add_test(mp, mp_boundaries);
	tcase_add_test(mp, mp_binary);
	tcase_add_test(mp, mp_bad_content_type);
	tcase_add_test(mp, mp_bad_structure);
	tcase_add_test(mp, mp_bad_headers);
	tcase_add_test(mp, mp_header_block_too_large);
	tcase_add_test(mp, mp_too_many_parts);
	tcase_add_test(mp, mp_text_utf8);
	suite_add_tcase(s, mp);
	tcase_add_checked_fixture(up, setup, teardown);
	tcase_add_test(up, up_pdf_stored);
	tcase_add_test(up, up_stored_once);
	tcase_add_test(up, up_refused_types);
	tcase_add_test(up, up_extension_mismatch);
	tcase_add_test(up, up_photo_metadata_removed);
	tcase_add_test(up, up_size_limits);
	tcase_add_test(up, up_names_cleaned);
	tcase_add_test(up, up_docx_odt);
	tcase_add_test(up, up_sha_and_find);
	tcase_add_test(up, handler_serves);
	suite_add_tcase(s, up);
	failed = tests_main(s);
	return failed == 0 ? 0 : 1;
}
