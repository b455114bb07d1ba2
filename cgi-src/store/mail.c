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

enum {
	MQ_QUEUE, /* a message into the outbox */
	MQ__MAX
};

static const char *const sqls[MQ__MAX] = {
	/* MQ_QUEUE: ?1 submission, ?2 recipient, ?3 message, ?4 time */
	"INSERT INTO outbox (submission_id, rcpt, message, created_at) VALUES (?1, ?2, ?3, "
	"?4)",
};

STORE_TABLE(store_mail, "mail", STORE_RW, MQ__MAX, sqls);

long long
mail_queue(long long sid, const char *rcpt, const char *msg, size_t len, long long now)
{
	sqlite3_stmt *s = store_stmt(&store_mail, MQ_QUEUE);

	db_bind_int64(s, 1, sid);
	db_bind_text(s, 2, rcpt);
	db_bind_textn(s, 3, msg, (int)len);
	db_bind_int64(s, 4, now);
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

int
mail_compose(struct buf *out, const char *from, const char *to, const char *subject,
    const char *body, time_t now)
{
	char        date[64], b64[512], id[33];
	struct tm   tm;
	const char *p;

	if (strpbrk(to, "\r\n") != NULL || strpbrk(subject, "\r\n") != NULL ||
	    strpbrk(from, "\r\n") != NULL || strlen(subject) > 300)
		return -1;
	gmtime_r(&now, &tm);
	strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
	token_hex(id, sizeof id);
	buf_printf(out, "Date: %s\r\nFrom: %s\r\nTo: %s\r\nMessage-ID: <%s@%s>\r\n", date, from, to,
	    id, strchr(from, '@') ? strchr(from, '@') + 1 : "localhost");
	if (ascii(subject))
		buf_printf(out, "Subject: %s\r\n", subject);
	else {
		sodium_bin2base64(b64, sizeof b64, (const unsigned char *)subject, strlen(subject),
		    sodium_base64_VARIANT_ORIGINAL);
		buf_printf(out, "Subject: =?UTF-8?B?%s?=\r\n", b64);
	}
	buf_puts(out,
	    "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: 8bit\r\nAuto-Submitted: auto-generated\r\n\r\n");
	for (p = body; *p != '\0'; p++) {
		if (*p == '\n')
			buf_puts(out, "\r\n");
		else if (*p != '\r')
			buf_printf(out, "%c", *p);
	}
	if (p == body || p[-1] != '\n')
		buf_puts(out, "\r\n");
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
	char *const argv[] = { admin, "--db", (char *)db, "mail", "flush", "--id", num, NULL };
	return spawn_detached(admin, argv, err, errlen);
}
