/* An email alert composed (view/alert.h), without a database: its headers (Date,
 * Message-ID, Auto-Submitted, List-Unsubscribe with the one-click POST), the sections
 * of the things followed with each change told once, a section's changes beyond
 * ALERT_SECTION_MAX counted, the values in both parts as they are (the text raw, the
 * HTML escaped), the footer's links, nothing that tracks.  The templates come from
 * ABERTA_TEMPLATES.  TAP output through Check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/testlib.h"
#include "lib/buf.h"
#include "view/alert.h"
#include "view/tpl.h"

#define TOKEN "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

/* Loads the templates once. */
static void
templates(void)
{
	static int  done;
	char        err[256];
	const char *dir = getenv("ABERTA_TEMPLATES");

	if (!done)
		ck_assert_msg(tpl_init(dir ? dir : "templates", err, sizeof err) == 0, "%s", err);
	done = 1;
}

/* An event change (rev, title) at a time of 15 April 2026. */
static struct change
event(long long rev, const char *title)
{
	struct change ch = { 0 };

	ch.kind = CH_EVENT;
	ch.rev = rev;
	ch.at = "2026-04-15T09:30:00Z";
	ch.title_pt = ch.title_en = title;
	ch.id = rev;
	return ch;
}

/* The number of times needle is in the n bytes of hay. */
static int
count(const char *hay, size_t n, const char *needle)
{
	int         k = 0;
	const char *p = hay, *end = hay + n;

	while (p < end && (p = strstr(p, needle)) != NULL && p < end) {
		k++;
		p += strlen(needle);
	}
	return k;
}

/* The headers, the link addresses, the language. */
START_TEST(headers_and_footer)
{
	struct alert *a;
	struct change ch = event(7, "Encontro da rede");
	struct buf    m = { 0 };
	char         *body;

	templates();
	ck_assert_ptr_nonnull(a = alert_new(0, TOKEN));
	ck_assert_int_eq(
	    alert_section(a, FOLLOW_COMMITMENT, "PT0013", "Dados abertos", FOLLOW_DAILY), 0);
	ck_assert_int_eq(alert_change(a, &ch), 1);
	ck_assert_int_eq(alert_items(a), 1);
	ck_assert_int_eq(alert_compose(a, "ogp@ama.pt", "ana@example.pt", 1776245400, &m), 0);
	ck_assert_ptr_nonnull(body = strstr(m.p, "\r\n\r\n"));
	body[2] = '\0';
	ck_assert_ptr_nonnull(strstr(m.p, "Date: Wed, 15 Apr 2026 09:30:00 +0000\r\n"));
	ck_assert_ptr_nonnull(strstr(m.p, "\r\nTo: ana@example.pt\r\n"));
	ck_assert_ptr_nonnull(strstr(m.p, "\r\nMessage-ID: <"));
	ck_assert_ptr_nonnull(strstr(m.p, "\r\nAuto-Submitted: auto-generated\r\n"));
	ck_assert_ptr_nonnull(strstr(m.p, "\r\nList-Unsubscribe: <http"));
	ck_assert_ptr_nonnull(strstr(m.p, "/follow/unsubscribe/" TOKEN ">\r\n"));
	ck_assert_ptr_nonnull(
	    strstr(m.p, "\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"));
	/* "Resumo diário: PT0013 — Dados abertos", in encoded words. */
	ck_assert_ptr_nonnull(strstr(m.p, "Subject: =?UTF-8?B?"));
	body[2] = '\r';
	ck_assert_ptr_nonnull(strstr(m.p, "Resumo diário"));
	ck_assert_ptr_nonnull(strstr(m.p, "/pt/follow/manage/" TOKEN));
	ck_assert_ptr_nonnull(strstr(m.p, "/pt/commitments/PT0013"));
	ck_assert_ptr_nonnull(strstr(m.p, "Encontro da rede"));
	ck_assert_ptr_null(strstr(m.p, "<img"));
	ck_assert_ptr_null(strstr(m.p, "?utm_"));
	alert_free(a);
	buf_free(&m);
}
END_TEST

/* A change seen by two followed things is told once, in the first section; a section
 * with nothing left is not shown, but named in the footer. */
START_TEST(told_once)
{
	struct alert *a;
	struct change one = event(7, "Encontro A"), two = event(8, "Encontro B");
	struct buf    m = { 0 };

	templates();
	ck_assert_ptr_nonnull(a = alert_new(1, TOKEN));
	ck_assert_int_eq(alert_section(a, FOLLOW_PLAN, "2", "Second plan", FOLLOW_IMMEDIATE), 0);
	ck_assert_int_eq(alert_change(a, &one), 1);
	ck_assert_int_eq(alert_section(a, FOLLOW_ENTITY, "ama", NULL, FOLLOW_IMMEDIATE), 0);
	ck_assert_int_eq(alert_change(a, &one), 0);
	ck_assert_int_eq(alert_section(a, FOLLOW_SITE, NULL, NULL, FOLLOW_IMMEDIATE), 0);
	ck_assert_int_eq(alert_change(a, &one), 0);
	ck_assert_int_eq(alert_change(a, &two), 1);
	ck_assert_int_eq(alert_items(a), 2);
	ck_assert_int_eq(alert_compose(a, "ogp@ama.pt", "bo@example.pt", 0, &m), 0);
	/* Once in each part; the body's section (no name: "Body ama") only in the footer. */
	ck_assert_int_eq(count(m.p, m.len, "Encontro A"), 2);
	ck_assert_int_eq(count(m.p, m.len, "Encontro B"), 2);
	ck_assert_int_eq(count(m.p, m.len, "Body ama"), 2);
	ck_assert_int_eq(count(m.p, m.len, "/en/members/ama\""), 0);
	ck_assert_int_eq(count(m.p, m.len, "<h2><a href=\""), 2);
	ck_assert_ptr_nonnull(strstr(m.p, "Subject: What changed: Plan 2: Second plan (+1)\r\n"));
	ck_assert_ptr_nonnull(strstr(m.p, "The whole site (As it happens)"));
	alert_free(a);
	buf_free(&m);
}
END_TEST

/* What a title holds is written as it is in the text and escaped in the HTML. */
START_TEST(escaping)
{
	struct alert *a;
	struct change ch = event(9, "Ciência <b>&</b> \"dados\" 'abertos'");
	struct buf    m = { 0 };
	char         *html;

	templates();
	ck_assert_ptr_nonnull(a = alert_new(0, TOKEN));
	ck_assert_int_eq(alert_section(a, FOLLOW_SITE, NULL, NULL, FOLLOW_WEEKLY), 0);
	ck_assert_int_eq(alert_change(a, &ch), 1);
	ck_assert_int_eq(alert_compose(a, "ogp@ama.pt", "c@example.pt", 0, &m), 0);
	ck_assert_ptr_nonnull(html = strstr(m.p, "Content-Type: text/html"));
	*html = '\0';
	ck_assert_ptr_nonnull(strstr(m.p, "Ciência <b>&</b> \"dados\" 'abertos'"));
	*html = 'C';
	ck_assert_ptr_nonnull(
	    strstr(html, "Ciência &lt;b&gt;&amp;&lt;/b&gt; &quot;dados&quot; &#39;abertos&#39;"));
	ck_assert_ptr_null(strstr(html, "<b>"));
	ck_assert_ptr_nonnull(strstr(m.p, "Resumo semanal"));
	alert_free(a);
	buf_free(&m);
}
END_TEST

/* A section lists ALERT_SECTION_MAX changes and counts the others, with its link. */
START_TEST(section_limit)
{
	struct alert *a;
	struct change ch;
	struct buf    m = { 0 };
	char          t[32];
	int           i;

	templates();
	ck_assert_ptr_nonnull(a = alert_new(0, TOKEN));
	ck_assert_int_eq(alert_section(a, FOLLOW_PLAN, "2", NULL, FOLLOW_IMMEDIATE), 0);
	for (i = 1; i <= ALERT_SECTION_MAX + 12; i++) {
		snprintf(t, sizeof t, "Evento n.º %03d", i);
		ch = event(i, t);
		ck_assert_int_eq(alert_change(a, &ch), 1);
	}
	ck_assert_int_eq(alert_items(a), ALERT_SECTION_MAX + 12);
	ck_assert_int_eq(alert_compose(a, "ogp@ama.pt", "d@example.pt", 0, &m), 0);
	ck_assert_int_eq(count(m.p, m.len, "Evento n.º 050"), 2);
	ck_assert_int_eq(count(m.p, m.len, "Evento n.º 051"), 0);
	ck_assert_ptr_nonnull(strstr(m.p, "Outras alterações, não listadas aqui: 12: http"));
	ck_assert_ptr_nonnull(strstr(m.p, "Outras alterações, não listadas aqui: 12: <a href="));
	ck_assert_ptr_nonnull(strstr(m.p, "Plano 2"));
	alert_free(a);
	buf_free(&m);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { headers_and_footer, told_once, escaping, section_limit,
		NULL };

	return tests_main(tests_suite("alert", 0, tests));
}
