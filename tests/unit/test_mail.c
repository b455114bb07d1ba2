/* Unit tests of store/mail: the message composed for a citizen.  TAP output through
 * Check. */
#include <string.h>

#include "../lib/testlib.h"
#include "lib/buf.h"
#include "store/mail.h"

/* The message a citizen receives; a header cannot be smuggled in. */
START_TEST(compose)
{
	struct buf m = { 0 };

	ck_assert_int_eq(mail_compose(&m, "ogp@ama.pt", "a@x.pt", "Olá", "linha\n.ponto\n", 0), 0);
	ck_assert_ptr_nonnull(strstr(m.p, "Subject: =?UTF-8?B?T2zDoQ==?=\r\n"));
	ck_assert_ptr_nonnull(strstr(m.p, "\r\n\r\nlinha\r\n.ponto\r\n"));
	buf_free(&m);
	ck_assert_int_eq(mail_compose(&m, "ogp@ama.pt", "a@x.pt\r\nBcc: b@y.pt", "S", "b", 0), -1);
	buf_free(&m);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { compose, NULL };

	return tests_main(tests_suite("mail", 0, tests));
}
