/*
 * smtpsink: a tiny SMTP server for the tests.  Listens on 127.0.0.1:PORT only, accepts
 * one connection at a time, answers EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP and QUIT,
 * and writes each message it receives (dot-stuffing undone) to DIR/NNNN.eml, written to
 * a temporary name and renamed, so that a reader never sees half a message.  Exits by
 * itself after SECONDS (default 600), or on SIGTERM.  With FAIL set in the environment
 * it answers every MAIL with 451 (a relay that is down), or with 550 when FAIL is 550 (a
 * relay that refuses the sender), or greets with 554 when FAIL is 554 (a relay that
 * serves not this host); with REFUSE set, it answers 550 to a RCPT whose
 * address holds REFUSE's text (an address that does not exist), or with FAIL 552 too,
 * 552 to that message once received (a mailbox that is full).
 *
 *   smtpsink PORT DIR [SECONDS]
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t stop;

static void
on_term(int sig)
{
	(void)sig;
	stop = 1;
}

/* Reads one line (up to CRLF or LF) from fd into line; returns its length without the
 * line end, or -1 on end of file, error or the deadline. */
static long
read_line(int fd, char *line, size_t len, time_t deadline)
{
	struct pollfd p = { fd, POLLIN, 0 };
	size_t        n = 0;
	char          ch;

	for (;;) {
		if (stop || time(NULL) >= deadline || poll(&p, 1, 1000) < 0)
			return -1;
		if (!(p.revents & (POLLIN | POLLHUP)))
			continue;
		if (read(fd, &ch, 1) != 1)
			return -1;
		if (ch == '\n') {
			if (n > 0 && line[n - 1] == '\r')
				n--;
			line[n] = '\0';
			return (long)n;
		}
		if (n + 1 < len)
			line[n++] = ch;
	}
}

static void
say(int fd, const char *s)
{
	ssize_t w = write(fd, s, strlen(s));

	(void)w;
}

/* Serves one client until QUIT or the deadline. */
static void
serve(int fd, const char *dir, int *seq, time_t deadline)
{
	char        line[8192], tmp[512], path[512];
	FILE       *f = NULL;
	int         late = 0; /* the message's recipient is refused once received */
	const char *failv = getenv("FAIL"), *refuse = getenv("REFUSE");
	const char *mail = failv == NULL || strcmp(failv, "552") == 0 ? "250 ok\r\n"
	    : strcmp(failv, "550") == 0                               ? "550 sender refused\r\n"
								      : "451 try again later\r\n";

	say(fd,
	    failv != NULL && strcmp(failv, "554") == 0 ? "554 no service for this host\r\n"
						       : "220 smtpsink ready\r\n");
	while (read_line(fd, line, sizeof line, deadline) >= 0) {
		if (strncasecmp(line, "EHLO", 4) == 0)
			say(fd, "250-smtpsink\r\n250 8BITMIME\r\n");
		else if (strncasecmp(line, "HELO", 4) == 0)
			say(fd, "250 smtpsink\r\n");
		else if (strncasecmp(line, "MAIL", 4) == 0)
			say(fd, mail);
		else if (strncasecmp(line, "RCPT", 4) == 0 && refuse != NULL && *refuse != '\0' &&
		    strstr(line, refuse) != NULL &&
		    !(late = failv != NULL && strcmp(failv, "552") == 0))
			say(fd, "550 5.1.1 no such user here\r\n");
		else if (strncasecmp(line, "RCPT", 4) == 0 || strncasecmp(line, "RSET", 4) == 0 ||
		    strncasecmp(line, "NOOP", 4) == 0)
			say(fd, "250 ok\r\n");
		else if (strncasecmp(line, "QUIT", 4) == 0) {
			say(fd, "221 bye\r\n");
			return;
		} else if (strncasecmp(line, "DATA", 4) == 0) {
			(*seq)++;
			snprintf(tmp, sizeof tmp, "%s/.%04d.tmp", dir, *seq);
			snprintf(path, sizeof path, "%s/%04d.eml", dir, *seq);
			if ((f = fopen(tmp, "w")) == NULL) {
				say(fd, "451 cannot write\r\n");
				continue;
			}
			say(fd, "354 go ahead\r\n");
			while (read_line(fd, line, sizeof line, deadline) >= 0 &&
			    strcmp(line, ".") != 0)
				fprintf(f, "%s\n", line[0] == '.' ? line + 1 : line);
			if (fclose(f) != 0 || rename(tmp, path) != 0)
				say(fd, "451 cannot write\r\n");
			else if (late)
				say(fd, "552 5.2.2 mailbox full\r\n");
			else
				say(fd, "250 queued\r\n");
		} else
			say(fd, "502 not implemented\r\n");
	}
}

int
main(int argc, char *argv[])
{
	struct sockaddr_in a;
	struct pollfd      p;
	time_t             deadline;
	int                s, c, one = 1, seq = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: smtpsink PORT DIR [SECONDS]\n");
		return 2;
	}
	deadline = time(NULL) + (argc > 3 ? atol(argv[3]) : 600);
	signal(SIGTERM, on_term);
	signal(SIGINT, on_term);
	signal(SIGPIPE, SIG_IGN);
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons((unsigned short)atoi(argv[1]));
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK); /* loopback only */
	if ((s = socket(AF_INET, SOCK_STREAM, 0)) < 0 ||
	    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
	    bind(s, (struct sockaddr *)&a, sizeof a) != 0 || listen(s, 8) != 0) {
		fprintf(stderr, "smtpsink: cannot listen on 127.0.0.1:%s: %s\n", argv[1],
		    strerror(errno));
		return 1;
	}
	p.fd = s;
	p.events = POLLIN;
	while (!stop && time(NULL) < deadline) {
		if (poll(&p, 1, 500) <= 0)
			continue;
		if ((c = accept(s, NULL, NULL)) < 0)
			continue;
		serve(c, argv[2], &seq, deadline);
		close(c);
	}
	close(s);
	return 0;
}
