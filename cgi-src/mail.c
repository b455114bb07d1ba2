#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <sodium.h>

#include "mail.h"

const char *
mail_from(void)
{
	const char	*f = getenv("ABERTA_MAIL_FROM");

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
	char		 date[64], b64[512], id[33];
	unsigned char	 rnd[16];
	struct tm	 tm;
	const char	*p;

	if (strpbrk(to, "\r\n") != NULL || strpbrk(subject, "\r\n") != NULL ||
	    strpbrk(from, "\r\n") != NULL || strlen(subject) > 300)
		return -1;
	gmtime_r(&now, &tm);
	strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
	randombytes_buf(rnd, sizeof rnd);
	sodium_bin2hex(id, sizeof id, rnd, sizeof rnd);
	buf_printf(out, "Date: %s\r\nFrom: %s\r\nTo: %s\r\nMessage-ID: <%s@%s>\r\n", date,
	    from, to, id, strchr(from, '@') ? strchr(from, '@') + 1 : "localhost");
	if (ascii(subject))
		buf_printf(out, "Subject: %s\r\n", subject);
	else {
		sodium_bin2base64(b64, sizeof b64, (const unsigned char *)subject,
		    strlen(subject), sodium_base64_VARIANT_ORIGINAL);
		buf_printf(out, "Subject: =?UTF-8?B?%s?=\r\n", b64);
	}
	buf_puts(out, "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
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

struct upload {
	const char	*p;
	size_t		 left;
};

/* libcurl's read callback: the message, in pieces. */
static size_t
read_msg(char *dst, size_t size, size_t n, void *arg)
{
	struct upload	*u = arg;
	size_t		 k = size * n < u->left ? size * n : u->left;

	memcpy(dst, u->p, k);
	u->p += k;
	u->left -= k;
	return k;
}

/* Sends through an SMTP relay with libcurl (which dot-stuffs the message). */
static int
send_smtp(const char *url, const char *rcpt, const char *msg, size_t len, char *err,
    size_t errlen)
{
	CURL			*h;
	struct curl_slist	*to = NULL;
	struct upload		 u = { msg, len };
	char			 from[300], cerr[CURL_ERROR_SIZE] = "";
	CURLcode		 rc;

	if ((h = curl_easy_init()) == NULL) {
		snprintf(err, errlen, "libcurl could not start");
		return -1;
	}
	snprintf(from, sizeof from, "<%s>", mail_from());
	to = curl_slist_append(NULL, rcpt);
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(h, CURLOPT_MAIL_RCPT, to);
	curl_easy_setopt(h, CURLOPT_READFUNCTION, read_msg);
	curl_easy_setopt(h, CURLOPT_READDATA, &u);
	curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 5L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, 15L);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, cerr);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(h, CURLOPT_USE_SSL, strncmp(url, "smtps:", 6) == 0 ?
	    (long)CURLUSESSL_ALL : (long)CURLUSESSL_NONE);
	rc = curl_easy_perform(h);
	if (rc != CURLE_OK)
		snprintf(err, errlen, "smtp: %s", cerr[0] ? cerr : curl_easy_strerror(rc));
	curl_slist_free_all(to);
	curl_easy_cleanup(h);
	return rc == CURLE_OK ? 0 : -1;
}

/* Sends through a local sendmail program: PATH -i -- RCPT, the message on its input. */
static int
send_sendmail(const char *path, const char *rcpt, const char *msg, size_t len, char *err,
    size_t errlen)
{
	int		 fd[2], st;
	pid_t		 pid;
	ssize_t		 w;
	size_t		 off = 0;
	void		(*old)(int);

	if (pipe(fd) != 0) {
		snprintf(err, errlen, "sendmail: pipe: %s", strerror(errno));
		return -1;
	}
	if ((pid = fork()) < 0) {
		snprintf(err, errlen, "sendmail: fork: %s", strerror(errno));
		close(fd[0]);
		close(fd[1]);
		return -1;
	}
	if (pid == 0) {
		dup2(fd[0], 0);
		close(fd[0]);
		close(fd[1]);
		execl(path, path, "-i", "--", rcpt, (char *)NULL);
		_exit(127);
	}
	close(fd[0]);
	old = signal(SIGPIPE, SIG_IGN);
	while (off < len && ((w = write(fd[1], msg + off, len - off)) > 0 ||
	    (w < 0 && errno == EINTR)))
		if (w > 0)
			off += (size_t)w;
	close(fd[1]);
	signal(SIGPIPE, old);
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (off < len || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		snprintf(err, errlen, "sendmail %s failed (status %d)", path,
		    WIFEXITED(st) ? WEXITSTATUS(st) : -1);
		return -1;
	}
	return 0;
}

int
mail_send(const char *rcpt, const char *msg, size_t len, char *err, size_t errlen)
{
	const char	*url = getenv("ABERTA_SMTP_URL"), *sm = getenv("ABERTA_SENDMAIL");

	if (url != NULL && *url != '\0')
		return send_smtp(url, rcpt, msg, len, err, errlen);
	if (sm != NULL && *sm == '/')
		return send_sendmail(sm, rcpt, msg, len, err, errlen);
	snprintf(err, errlen, "no mail transport: set ABERTA_SMTP_URL or ABERTA_SENDMAIL");
	return -1;
}

/* Runs a one-row write (claim, delete, failure) on rw with ?1 id, ?2 n and ?3 text
 * (a parameter the statement lacks is simply not bound).  Returns the number of rows
 * changed, or -1. */
static int
write1(sqlite3 *rw, const char *sql, long long id, long long n, const char *text)
{
	sqlite3_stmt	*s;
	int		 rc;

	if (sqlite3_prepare_v2(rw, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, n);
	sqlite3_bind_text(s, 3, text, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	rc = rc == SQLITE_DONE ? sqlite3_changes(rw) : -1;
	sqlite3_finalize(s);
	return rc;
}

int
mail_flush(sqlite3 *rw, long long id, int *sent, int *failed)
{
	sqlite3_stmt	*s;
	long long	 ids[64], now = (long long)time(NULL);
	char		 err[300], *rcpt, *msg;
	size_t		 n = 0, i;
	int		 ok = 0, bad = 0, rc = 0;

	if (sqlite3_prepare_v2(rw, "SELECT id FROM outbox WHERE (?1 = 0 OR id = ?1) AND "
	    "(claimed_at IS NULL OR claimed_at < ?2 - 300) ORDER BY id LIMIT 64", -1, &s,
	    NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, now);
	while (n < 64 && sqlite3_step(s) == SQLITE_ROW)
		ids[n++] = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	for (i = 0; i < n && rc == 0; i++) {
		/* Claim it, so that a second sender (a timer, another worker) skips it. */
		if (write1(rw, "UPDATE outbox SET claimed_at = ?2 WHERE id = ?1 AND (claimed_at "
		    "IS NULL OR claimed_at < ?2 - 300)", ids[i], now, NULL) != 1)
			continue;
		if (sqlite3_prepare_v2(rw, "SELECT rcpt, message FROM outbox WHERE id = ?1", -1,
		    &s, NULL) != SQLITE_OK)
			return -1;
		sqlite3_bind_int64(s, 1, ids[i]);
		rcpt = msg = NULL;
		if (sqlite3_step(s) == SQLITE_ROW) {
			rcpt = strdup((const char *)sqlite3_column_text(s, 0));
			msg = strdup((const char *)sqlite3_column_text(s, 1));
		}
		sqlite3_finalize(s);
		if (rcpt == NULL || msg == NULL) {
			free(rcpt);
			free(msg);
			continue;
		}
		if (mail_send(rcpt, msg, strlen(msg), err, sizeof err) == 0) {
			ok++;
			if (write1(rw, "DELETE FROM outbox WHERE id = ?1", ids[i], 0,
			    NULL) < 0)
				rc = -1;
		} else {
			bad++;
			fprintf(stderr, "aberta: mail %lld not sent: %s\n", ids[i], err);
			if (write1(rw, "UPDATE outbox SET attempts = attempts + 1, claimed_at = "
			    "NULL, last_error = ?3 WHERE id = ?1", ids[i], 0,
			    err) < 0)
				rc = -1;
		}
		sodium_memzero(msg, strlen(msg));
		free(rcpt);
		free(msg);
	}
	if (sent != NULL)
		*sent = ok;
	if (failed != NULL)
		*failed = bad;
	return rc;
}
