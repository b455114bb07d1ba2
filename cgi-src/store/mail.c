/* mail: the confirmation emails as the worker writes them, and the start of their
 * sending; see mail.h.  Sending itself is in mailsend.c (aberta-admin only). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "store/db.h"
#include "store/mail.h"
#include "store/stmt.h"
#include "lib/spawn.h"
#include "lib/token.h"

#define MAIL_WORD_BYTES 39  /* bytes of a subject in one encoded word: 52 in base64 */
#define MAIL_LINE_MAX   900 /* bytes of a body line at most (SMTP: 998) */

enum {
	MQ_QUEUE, /* a message into the outbox */
	MQ__MAX
};

static const char *const sqls[MQ__MAX] = {
	/* MQ_QUEUE: ?1 submission (0: none), ?2 recipient, ?3 message, ?4 time, ?5 follower
	 * (0: none) */
	"INSERT INTO outbox (submission_id, rcpt, message, created_at, follower_id) VALUES "
	"(nullif(?1, 0), ?2, ?3, ?4, nullif(?5, 0))",
};

STORE_TABLE(store_mail, "mail", STORE_RW, MQ__MAX, sqls);

long long
mail_queue(long long sid, const char *rcpt, const char *msg, size_t len, long long now)
{
	return mail_queue_to(sid, 0, rcpt, msg, len, now);
}

long long
mail_queue_to(
    long long sid, long long follower, const char *rcpt, const char *msg, size_t len, long long now)
{
	sqlite3_stmt *s = store_stmt(&store_mail, MQ_QUEUE);

	db_bind_int64(s, 1, sid);
	db_bind_text(s, 2, rcpt);
	db_bind_textn(s, 3, msg, (int)len);
	db_bind_int64(s, 4, now);
	db_bind_int64(s, 5, follower);
	if (store_run(s) != 0)
		return -1;
	return sqlite3_last_insert_rowid(sqlite3_db_handle(s));
}

const char *
mail_from(void)
{
	const char *f = getenv("ABERTA_MAIL_FROM");

	return f != NULL && *f != '\0' && strpbrk(f, "\r\n<>") == NULL ? f : "ogp@ama.pt";
}

/* 1 when s is printable ASCII only. */
static int
ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			return 0;
	return 1;
}

/* Writes header name with value, as RFC 2047 encoded words of UTF-8 when value is not
 * printable ASCII: words of at most MAIL_WORD_BYTES bytes (no character split between
 * two), each on a line of its own under 78 characters. */
static void
header_text(struct buf *out, const char *name, const char *value)
{
	char   b64[64];
	size_t len = strlen(value), at = 0, n;

	if (ascii(value)) {
		buf_printf(out, "%s: %s\r\n", name, value);
		return;
	}
	buf_printf(out, "%s:", name);
	while (at < len) {
		n = len - at > MAIL_WORD_BYTES ? MAIL_WORD_BYTES : len - at;
		while (n > 1 && at + n < len && ((unsigned char)value[at + n] & 0xc0) == 0x80)
			n--;
		sodium_bin2base64(b64, sizeof b64, (const unsigned char *)value + at, n,
		    sodium_base64_VARIANT_ORIGINAL);
		buf_printf(out, " =?UTF-8?B?%s?=\r\n", b64);
		at += n;
	}
}

/* Writes the headers every message has (Date, From, To, Message-ID, Subject).  Returns
 * 0, or -1 when to, from or subject holds a line break or subject is too long. */
static int
mail_headers(struct buf *out, const char *from, const char *to, const char *subject, time_t now)
{
	char      date[64], id[33];
	struct tm tm;

	if (strpbrk(to, "\r\n") != NULL || strpbrk(subject, "\r\n") != NULL ||
	    strpbrk(from, "\r\n") != NULL || strlen(subject) > 300)
		return -1;
	gmtime_r(&now, &tm);
	strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
	token_hex(id, sizeof id);
	buf_printf(out, "Date: %s\r\nFrom: %s\r\nTo: %s\r\nMessage-ID: <%s@%s>\r\n", date, from, to,
	    id, strchr(from, '@') ? strchr(from, '@') + 1 : "localhost");
	header_text(out, "Subject", subject);
	return 0;
}

/* Appends text with CRLF line ends and a final one; a line longer than MAIL_LINE_MAX
 * bytes is broken at its last space before that (else before a character), so that no
 * line of an 8bit body passes SMTP's 998. */
static void
mail_body(struct buf *out, const char *text)
{
	const char *p = text, *cut;
	size_t      n;

	if (*p == '\0')
		buf_puts(out, "\r\n");
	while (*p != '\0') {
		n = strcspn(p, "\r\n");
		while (n > MAIL_LINE_MAX) {
			for (cut = p + MAIL_LINE_MAX; cut > p && *cut != ' '; cut--)
				;
			if (cut == p)
				for (cut = p + MAIL_LINE_MAX;
				     cut > p + 1 && ((unsigned char)*cut & 0xc0) == 0x80; cut--)
					;
			buf_put(out, p, (size_t)(cut - p));
			buf_puts(out, "\r\n");
			cut += *cut == ' ';
			n -= (size_t)(cut - p);
			p = cut;
		}
		buf_put(out, p, n);
		buf_puts(out, "\r\n");
		p += n;
		p += *p == '\r';
		p += *p == '\n';
	}
}

int
mail_compose(struct buf *out, const char *from, const char *to, const char *subject,
    const char *body, time_t now)
{
	if (mail_headers(out, from, to, subject, now) != 0)
		return -1;
	buf_puts(out,
	    "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: 8bit\r\nAuto-Submitted: auto-generated\r\n\r\n");
	mail_body(out, body);
	return out->oom ? -1 : 0;
}

int
mail_compose_alt(struct buf *out, const char *from, const char *to, const char *subject,
    const char *text, const char *html, time_t now)
{
	return mail_compose_alt_h(out, from, to, subject, NULL, text, html, now);
}

int
mail_compose_alt_h(struct buf *out, const char *from, const char *to, const char *subject,
    const char *const *extra, const char *text, const char *html, time_t now)
{
	char tok[33];

	if (mail_headers(out, from, to, subject, now) != 0)
		return -1;
	for (; extra != NULL && *extra != NULL; extra++) {
		if (strpbrk(*extra, "\r\n") != NULL || strchr(*extra, ':') == NULL ||
		    !ascii(*extra) || strlen(*extra) > MAIL_LINE_MAX)
			return -1;
		buf_printf(out, "%s\r\n", *extra);
	}
	token_hex(tok, sizeof tok);
	buf_printf(out,
	    "MIME-Version: 1.0\r\nContent-Type: multipart/alternative;\r\n "
	    "boundary=\"=_alt_%s\"\r\nAuto-Submitted: auto-generated\r\n\r\n"
	    "--=_alt_%s\r\nContent-Type: text/plain; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: 8bit\r\n\r\n",
	    tok, tok);
	mail_body(out, text);
	buf_printf(out,
	    "--=_alt_%s\r\nContent-Type: text/html; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: 8bit\r\n\r\n",
	    tok);
	mail_body(out, html);
	buf_printf(out, "--=_alt_%s--\r\n", tok);
	return out->oom ? -1 : 0;
}

/* Writes into out (size len) the path of aberta-admin: ABERTA_ADMIN, else the file
 * aberta-admin in the folder of this program.  Returns 0, or -1 with the reason in
 * err. */
static int
admin_path(char *out, size_t len, char *err, size_t errlen)
{
	const char *env = getenv("ABERTA_ADMIN");
	char        self[PATH_MAX];
	ssize_t     n;
	char       *slash;

	if (env != NULL && *env != '\0') {
		if (snprintf(out, len, "%s", env) >= (int)len) {
			snprintf(err, errlen, "ABERTA_ADMIN is too long");
			return -1;
		}
		return 0;
	}
	if ((n = readlink("/proc/self/exe", self, sizeof self - 1)) <= 0) {
		snprintf(err, errlen, "cannot read /proc/self/exe: set ABERTA_ADMIN");
		return -1;
	}
	self[n] = '\0';
	if ((slash = strrchr(self, '/')) == NULL ||
	    snprintf(out, len, "%.*s/aberta-admin", (int)(slash - self), self) >= (int)len) {
		snprintf(err, errlen, "no folder in /proc/self/exe: set ABERTA_ADMIN");
		return -1;
	}
	return 0;
}

int
mail_flush_start(sqlite3 *rw, long long id, char *err, size_t errlen)
{
	char        admin[PATH_MAX], num[24];
	const char *db = sqlite3_db_filename(rw, "main");

	if (db == NULL || *db == '\0') {
		snprintf(err, errlen, "the database has no file name");
		return -1;
	}
	if (admin_path(admin, sizeof admin, err, errlen) != 0)
		return -1;
	snprintf(num, sizeof num, "%lld", id);
	char *const argv[] = { admin, "--db", (char *)db, "mail", "flush", id > 0 ? "--id" : NULL,
		num, NULL };
	return spawn_detached(admin, argv, err, errlen);
}
