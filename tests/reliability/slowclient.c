/*
 * slowclient: the slow and flooding clients of tests/reliability/slow.sh.
 *
 *   slowclient header PORT N INTERVAL_MS SECONDS
 *	slowloris: keeps N connections to 127.0.0.1:PORT that send a request header one
 *	byte every INTERVAL_MS and never finish it; a connection the server closes is
 *	noted (how long it lived, whether an answer came first) and replaced, until
 *	SECONDS have passed.  Prints one "RESULT ..." line and "LIFE ..." lines.
 *   slowclient body PORT N PATH SECONDS
 *	N connections each send a complete POST header for PATH announcing a body of
 *	10,000 bytes, then 10 bytes of it, then nothing.  Counts immediate answers (the
 *	connection limit: 429) and how long the others live before the server closes
 *	them (client_body_timeout).  Ends after SECONDS.
 *   slowclient login BASE DB ADMIN_BIN LOGIN
 *	makes a focal-point account and logs in with both factors; exit 0 when /admin/
 *	answers 200.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "client.h"

#define MAXC 1024

struct conn {
	int    fd;
	double opened; /* when it connected */
	double next;   /* when the next byte is due */
	size_t sent;
	int    answered;  /* the server wrote something before closing */
	char   status[4]; /* the answer's status code, if any */
};

static int
dial(int port)
{
	struct sockaddr_in sa;
	int                fd;

	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) < 0)
		return -1;
	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = htons((unsigned short)port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
		close(fd);
		return -1;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	return fd;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Reads what the server sent on c; returns 1 when it closed the connection. */
static int
drain(struct conn *c)
{
	char    buf[4096];
	ssize_t n;

	for (;;) {
		n = read(c->fd, buf, sizeof buf);
		if (n > 0) {
			if (!c->answered && n >= 12 && strncmp(buf, "HTTP/1.", 7) == 0)
				memcpy(c->status, buf + 9, 3);
			c->answered = 1;
			continue;
		}
		if (n == 0)
			return 1;
		if (errno == EAGAIN || errno == EWOULDBLOCK)
			return 0;
		if (errno == EINTR)
			continue;
		return 1; /* ECONNRESET: reset_timedout_connection */
	}
}

static int
cmd_header(int port, int n, int interval_ms, int secs)
{
	static const char  head[] = "GET /pt/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
				    "User-Agent: slowloris-test\r\nX-Slow: ";
	static struct conn c[MAXC];
	static double      life[100000];
	struct pollfd      pf[MAXC];
	double             t0 = rc_now(), end = t0 + secs, t;
	int                i, opened = 0, closed = 0, failed = 0, answered = 0, nlife = 0;
	int                open_at_end = 0, first_closed = 0;

	if (n > MAXC)
		n = MAXC;
	for (i = 0; i < n; i++) {
		c[i].fd = -1;
		c[i].next = t0 + (double)i * 0.005; /* spread the first bytes */
	}
	while ((t = rc_now()) < end) {
		for (i = 0; i < n; i++) {
			if (c[i].fd < 0 && t >= c[i].next) {
				if ((c[i].fd = dial(port)) < 0) {
					failed++;
					c[i].next = t + 0.5;
					continue;
				}
				opened++;
				c[i].opened = t;
				c[i].sent = 0;
				c[i].answered = 0;
				c[i].status[0] = '\0';
				c[i].next = t;
			}
			if (c[i].fd >= 0 && t >= c[i].next) {
				char b = c[i].sent < sizeof head - 1 ? head[c[i].sent] : 'a';
				/* the request line goes at once; the header a byte at a time */
				size_t  k = c[i].sent == 0 ? 19 : 1;
				ssize_t w = write(c[i].fd, c[i].sent == 0 ? head : &b, k);
				if (w > 0)
					c[i].sent += (size_t)w;
				c[i].next = t + interval_ms / 1000.0;
			}
			pf[i].fd = c[i].fd;
			pf[i].events = POLLIN;
			pf[i].revents = 0;
		}
		poll(pf, (nfds_t)n, 50);
		for (i = 0; i < n; i++) {
			if (c[i].fd < 0 || !(pf[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			if (drain(&c[i])) {
				if (nlife < (int)(sizeof life / sizeof life[0]))
					life[nlife++] = rc_now() - c[i].opened;
				if (c[i].opened - t0 < 2.0)
					first_closed++;
				closed++;
				answered += c[i].answered;
				close(c[i].fd);
				c[i].fd = -1;
				c[i].next = rc_now(); /* replace it at once */
			}
		}
	}
	for (i = 0; i < n; i++)
		if (c[i].fd >= 0) {
			open_at_end++;
			close(c[i].fd);
		}
	qsort(life, (size_t)nlife, sizeof life[0], cmp_double);
	printf("RESULT opened=%d closed_by_server=%d first_wave_closed=%d answered=%d "
	       "connect_failed=%d open_at_end=%d\n",
	    opened, closed, first_closed, answered, failed, open_at_end);
	printf("LIFE min=%.1f median=%.1f max=%.1f\n", nlife ? life[0] : -1.0,
	    nlife ? life[nlife / 2] : -1.0, nlife ? life[nlife - 1] : -1.0);
	return 0;
}

static int
cmd_body(int port, int n, const char *path, int secs)
{
	static struct conn c[MAXC];
	static double      life[MAXC];
	struct pollfd      pf[MAXC];
	char               head[512];
	double             t0 = rc_now(), end = t0 + secs;
	int                i, hl, st429 = 0, other = 0, nlife = 0, open_at_end = 0, failed = 0;
	int                quick = 0;

	if (n > MAXC)
		n = MAXC;
	hl = snprintf(head, sizeof head,
	    "POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\n"
	    "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 10000\r\n\r\n"
	    "slow=aaaaa",
	    path);
	for (i = 0; i < n; i++) {
		if ((c[i].fd = dial(port)) < 0) {
			failed++;
			continue;
		}
		c[i].opened = rc_now();
		c[i].answered = 0;
		c[i].status[0] = '\0';
		if (write(c[i].fd, head, (size_t)hl) != hl) {
			close(c[i].fd);
			c[i].fd = -1;
			failed++;
		}
	}
	printf("OPENED %d\n", n - failed);
	fflush(stdout);
	while (rc_now() < end) {
		int live = 0;

		for (i = 0; i < n; i++) {
			pf[i].fd = c[i].fd;
			pf[i].events = POLLIN;
			pf[i].revents = 0;
			live += c[i].fd >= 0;
		}
		if (live == 0)
			break;
		poll(pf, (nfds_t)n, 100);
		for (i = 0; i < n; i++) {
			if (c[i].fd < 0 || !(pf[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			if (drain(&c[i])) {
				double l = rc_now() - c[i].opened;

				if (strcmp(c[i].status, "429") == 0)
					st429++; /* answered at once; closed after lingering */
				else if (l < 2.0)
					quick++;
				else {
					other += c[i].answered; /* a 408 before the close */
					life[nlife++] = l;
				}
				close(c[i].fd);
				c[i].fd = -1;
			}
		}
	}
	for (i = 0; i < n; i++)
		if (c[i].fd >= 0) {
			open_at_end++;
			close(c[i].fd);
		}
	qsort(life, (size_t)nlife, sizeof life[0], cmp_double);
	printf("RESULT held_then_closed=%d answered_429=%d closed_quickly=%d answered_other=%d "
	       "open_at_end=%d connect_failed=%d\n",
	    nlife, st429, quick, other, open_at_end, failed);
	printf("LIFE min=%.1f median=%.1f max=%.1f\n", nlife ? life[0] : -1.0,
	    nlife ? life[nlife / 2] : -1.0, nlife ? life[nlife - 1] : -1.0);
	return 0;
}

static int
cmd_login(char **av)
{
	struct acct   a;
	struct person p;
	int           ok;

	rc_base = av[0];
	rc_db = av[1];
	rc_adminbin = av[2];
	curl_global_init(CURL_GLOBAL_DEFAULT);
	if (acct_add(&a, av[3], "Depois da cheia", "focal", NULL) != 0)
		return 1;
	person_init(&p, av[3]);
	ok = login_full(&p, &a);
	person_free(&p);
	curl_global_cleanup();
	return ok ? 0 : 1;
}

int
main(int argc, char *argv[])
{
	signal(SIGPIPE, SIG_IGN);
	if (argc == 6 && strcmp(argv[1], "header") == 0)
		return cmd_header(atoi(argv[2]), atoi(argv[3]), atoi(argv[4]), atoi(argv[5]));
	if (argc == 6 && strcmp(argv[1], "body") == 0)
		return cmd_body(atoi(argv[2]), atoi(argv[3]), argv[4], atoi(argv[5]));
	if (argc == 6 && strcmp(argv[1], "login") == 0)
		return cmd_login(argv + 2);
	fprintf(stderr,
	    "usage: slowclient header PORT N INTERVAL_MS SECONDS\n"
	    "       slowclient body PORT N PATH SECONDS\n"
	    "       slowclient login BASE DB ADMIN_BIN LOGIN\n");
	return 2;
}
