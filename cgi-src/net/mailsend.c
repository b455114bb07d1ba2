/* mailsend: the outbox, sent by SMTP (libcurl) or a sendmail program; see mailsend.h.
 * Only aberta-admin links this file: the worker does not load libcurl. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <sodium.h>

#include "lib/buf.h"
#include "lib/token.h"
#include "net/linkcheck.h"
#include "net/mailsend.h"
#include "store/db.h"
#include "store/followsend.h"
#include "store/mail.h"
#include "store/outbox.h"
#include "store/stmt.h"

/* What became of a message handed to the transport. */
enum outcome {
	SENT,    /* accepted */
	LATER,   /* not now: tried again by the next flush */
	REFUSED, /* refused for good (the address does not exist...): never again */
};

struct upload {
	const char *p;
	size_t      left;
};

/* libcurl's read callback: the message, in pieces. */
static size_t
read_msg(char *dst, size_t size, size_t n, void *arg)
{
	struct upload *u = arg;
	size_t         k = size * n < u->left ? size * n : u->left;

	memcpy(dst, u->p, k);
	u->p += k;
	u->left -= k;
	return k;
}

/* What libcurl last sent to the relay: whose refusal a 5xx reply is. */
enum sent_last {
	SENT_OTHER, /* nothing, or a command about this site (EHLO, AUTH, MAIL FROM, DATA) */
	SENT_RCPT,  /* RCPT TO: the recipient */
	SENT_BODY,  /* the message itself */
};

/* CURLOPT_DEBUGFUNCTION: records in *arg (enum sent_last) what was last sent, from the
 * commands libcurl logs as CURLINFO_HEADER_OUT and the message as CURLINFO_DATA_OUT;
 * the QUIT that closes a failed session changes nothing. */
static int
sent_what(CURL *h, curl_infotype type, char *data, size_t size, void *arg)
{
	enum sent_last *last = arg;

	(void)h;
	if (type == CURLINFO_HEADER_OUT && (size < 4 || strncasecmp(data, "QUIT", 4) != 0))
		*last = size >= 5 && strncasecmp(data, "RCPT ", 5) == 0 ? SENT_RCPT : SENT_OTHER;
	else if (type == CURLINFO_DATA_OUT)
		*last = SENT_BODY;
	return 0;
}

/* Sends through an SMTP relay with libcurl (which dot-stuffs the message).  A 5xx reply
 * (libcurl's response code) to RCPT TO or to the message refuses it for good; one to
 * anything else (the greeting, EHLO, AUTH, MAIL FROM, DATA) says nothing of the
 * recipient but of the relay and this site, and is retried. */
static enum outcome
send_smtp(const char *url, const char *rcpt, const char *msg, size_t len, char *err, size_t errlen)
{
	long               code = 0;
	enum sent_last     last = SENT_OTHER;
	CURL              *h;
	struct curl_slist *to = NULL;
	struct upload      u = { msg, len };
	char               from[300], cerr[CURL_ERROR_SIZE] = "";
	CURLcode           rc;

	if ((h = curl_easy_init()) == NULL) {
		snprintf(err, errlen, "libcurl could not start");
		return LATER;
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
	curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, sent_what);
	curl_easy_setopt(h, CURLOPT_DEBUGDATA, &last);
	curl_easy_setopt(h, CURLOPT_VERBOSE, 1L); /* for sent_what only: it prints nothing */
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	lc_no_proxy(h); /* the relay named, never a proxy from the environment */
	curl_easy_setopt(h, CURLOPT_USE_SSL,
	    strncmp(url, "smtps:", 6) == 0 ? (long)CURLUSESSL_ALL : (long)CURLUSESSL_NONE);
	rc = curl_easy_perform(h);
	if (rc != CURLE_OK) {
		snprintf(err, errlen, "smtp: %s", cerr[0] ? cerr : curl_easy_strerror(rc));
		curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
	}
	curl_slist_free_all(to);
	curl_easy_cleanup(h);
	if (rc == CURLE_OK)
		return SENT;
	return code >= 500 && code < 600 && last != SENT_OTHER ? REFUSED : LATER;
}

/* Sends through a local sendmail program: PATH -i -- RCPT, the message on its input;
 * killed after MAIL_SENDMAIL_SECONDS.  Its exit status EX_NOUSER, EX_NOHOST or
 * EX_DATAERR (sysexits.h) refuses the message for good; any other failure is retried. */
static enum outcome
send_sendmail(
    const char *path, const char *rcpt, const char *msg, size_t len, char *err, size_t errlen)
{
	int   fd[2], st, written;
	pid_t pid;
	void (*old)(int);

	if (pipe(fd) != 0) {
		snprintf(err, errlen, "sendmail: pipe: %s", strerror(errno));
		return LATER;
	}
	if ((pid = fork()) < 0) {
		snprintf(err, errlen, "sendmail: fork: %s", strerror(errno));
		close(fd[0]);
		close(fd[1]);
		return LATER;
	}
	if (pid == 0) {
		dup2(fd[0], 0);
		close(fd[0]);
		close(fd[1]);
		/* A pending alarm survives exec: a sendmail that hangs is ended, so that a
		 * claim never outlives MAIL_CLAIM_STALE. */
		alarm(MAIL_SENDMAIL_SECONDS);
		execl(path, path, "-i", "--", rcpt, (char *)NULL);
		_exit(127);
	}
	close(fd[0]);
	old = signal(SIGPIPE, SIG_IGN);
	written = buf_write_all(fd[1], msg, len) == 0;
	close(fd[1]);
	signal(SIGPIPE, old);
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(st) &&
	    (WEXITSTATUS(st) == EX_NOUSER || WEXITSTATUS(st) == EX_NOHOST ||
		WEXITSTATUS(st) == EX_DATAERR)) {
		snprintf(err, errlen, "sendmail %s refused it (status %d)", path, WEXITSTATUS(st));
		return REFUSED;
	}
	if (!written || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		snprintf(err, errlen, "sendmail %s failed (status %d)", path,
		    WIFEXITED(st) ? WEXITSTATUS(st) : -1);
		return LATER;
	}
	return SENT;
}

/* Sends one message to rcpt through the configured transport; the reason of a failure
 * into err. */
static enum outcome
deliver(const char *rcpt, const char *msg, size_t len, char *err, size_t errlen)
{
	const char *url = getenv("ABERTA_SMTP_URL"), *sm = getenv("ABERTA_SENDMAIL");

	if (url != NULL && *url != '\0')
		return send_smtp(url, rcpt, msg, len, err, errlen);
	if (sm != NULL && *sm == '/')
		return send_sendmail(sm, rcpt, msg, len, err, errlen);
	snprintf(err, errlen, "no mail transport: set ABERTA_SMTP_URL or ABERTA_SENDMAIL");
	return LATER;
}

int
mail_send(const char *rcpt, const char *msg, size_t len, char *err, size_t errlen)
{
	return deliver(rcpt, msg, len, err, errlen) == SENT ? 0 : -1;
}

/* Prints the database error of the mail flush; returns -1. */
static int
db_error(void)
{
	fprintf(stderr, "aberta: mail: %s\n", db_last_error());
	return -1;
}

/* Claims for token, in one write transaction, the first message after last (only id
 * when id > 0) that is free or whose claim is stale.  Returns 1 with its id, recipient
 * and message (malloc'd) in *got, *rcpt and *msg; 0 when there is none; -1 after
 * printing the database error. */
static int
claim(sqlite3 *rw, long long id, long long last, const char *token, long long *got, char **rcpt,
    char **msg)
{
	int found;

	*rcpt = *msg = NULL;
	if (store_begin(rw) != 0)
		return db_error();
	if ((found = outbox_claim(
		 id, last, token, (long long)time(NULL), MAIL_CLAIM_STALE, got, rcpt, msg)) < 0 ||
	    store_commit(rw) != 0) {
		db_error();
		store_rollback(rw);
		free(*rcpt);
		free(*msg);
		*rcpt = *msg = NULL;
		return -1;
	}
	if (found && (*rcpt == NULL || *msg == NULL)) {
		/* Out of memory: the claim goes stale and another run sends it. */
		fprintf(stderr, "aberta: mail %lld: out of memory\n", *got);
		free(*rcpt);
		free(*msg);
		return -1;
	}
	return found;
}

/* Drops outbox message got (claimed by token), refused for good (why), when it is a
 * follower's, counting the refusal against the address (store/followsend.h); else
 * keeps it for the next flush as any failure.  Returns 0, or -1 after printing the
 * database error. */
static int
refused(sqlite3 *rw, long long got, const char *token, const char *why)
{
	int n;

	if (store_begin(rw) != 0)
		return db_error();
	if ((n = follower_refused(got, token, why, (long long)time(NULL))) < 0 ||
	    (n == 1 ? outbox_sent(got, token) : outbox_failed(got, token, why)) < 0 ||
	    store_commit(rw) != 0) {
		db_error();
		store_rollback(rw);
		return -1;
	}
	if (n == 1)
		fprintf(
		    stderr, "aberta: mail %lld dropped: its address refused it for good\n", got);
	return 0;
}

int
mail_flush(sqlite3 *rw, long long id, int *sent, int *failed)
{
	enum outcome o;
	char         token[33], err[300], *rcpt, *msg;
	long long    last = 0, got = 0;
	int          ok = 0, bad = 0, rc = 0, n;

	token_hex(token, sizeof token);
	while (rc == 0 && (n = claim(rw, id, last, token, &got, &rcpt, &msg)) != 0) {
		if (n < 0) {
			rc = -1;
			break;
		}
		last = got;
		if ((o = deliver(rcpt, msg, strlen(msg), err, sizeof err)) == SENT) {
			ok++;
			if (follower_delivered(got, token) != 0 ||
			    (n = outbox_sent(got, token)) < 0)
				rc = db_error();
			else if (n == 0)
				fprintf(stderr,
				    "aberta: mail %lld was sent, but another sender had "
				    "taken it over meanwhile\n",
				    got);
		} else {
			bad++;
			fprintf(stderr, "aberta: mail %lld not sent: %s\n", got, err);
			if (o == REFUSED)
				rc = refused(rw, got, token, err);
			else if (outbox_failed(got, token, err) < 0)
				rc = db_error();
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
