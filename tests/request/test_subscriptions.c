/* The staff's page of email alerts (/admin/subscriptions, admin/admin_subscriptions.c,
 * store/followstats.c): its counts per followed thing, per frequency, confirmed, waiting
 * and of disabled addresses equal what the rows say; more followed things than it lists
 * are counted in one line; the alerts of the last day and week and the messages waiting
 * are counted; no address reaches a focal point; an administrator's lookup (a POST)
 * shows an address's subscriptions and state and writes an audit line without it; a
 * focal point's lookup, or one without the anti-CSRF token, is refused; a member editor
 * is refused the page and does not see it in the menu; the page's markup is whole (every
 * control labelled, every table captioned, ids unique, elements closed).  The follower
 * rows are the test's own, written in the database.  The real binary in CGI mode on a
 * test database with the real content; sessions are rows of the test's own.  TAP output
 * through Check. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "../lib/client.h"
#include "../lib/testlib.h"

#define PAGE   "/admin/subscriptions"
#define LOOKUP "/admin/subscriptions/lookup"
#define NBSP   "\xc2\xa0"

static struct session admin, focal, member;

/* Four addresses: alice follows the site, plan 2, PT0013 (waiting) and the body AMA;
 * bruno, disabled after refused mail, the site and PT0013; carla, refused once, PT0013
 * and plan 2 (waiting); massa each of the 150 commitments of plan 900.  Three alerts
 * queued (1 hour, 2 days and 10 days ago); two messages waiting for followers (one
 * retried) and one for a citizen's submission. */
static const char fixture_sql[] =
    "INSERT INTO action_plan (id, number, title_pt, title_en, status) VALUES "
    "(900, 900, 'Plano de ensaio dos alertas', 'Alerts test plan', 'implementation');"
    "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 150) "
    "INSERT INTO commitment (id, ogp_id, plan_id, number, title_pt) SELECT 9100 + n, "
    "'XB' || printf('%04d', n), 900, n, 'Compromisso seguido ' || n FROM k;"
    "INSERT INTO follower (id, email, token, failures, disabled_at, disabled_why) VALUES "
    "(1, 'alice@example.org', printf('%064d', 1), 0, NULL, NULL), "
    "(2, 'bruno@example.org', printf('%064d', 2), 3, '2025-06-01T10:00:00Z', "
    "'550 5.1.1 <bruno@example.org>: recipient unknown'), "
    "(3, 'carla@example.org', printf('%064d', 3), 1, NULL, NULL), "
    "(4, 'massa@example.org', printf('%064d', 4), 0, NULL, NULL);"
    "INSERT INTO subscription (follower_id, kind, target_id, lang, frequency, status, "
    "confirm_hash, confirm_expires, asked_at, confirmed_at, sent_at) VALUES "
    "(1, 'site', NULL, 'pt', 'immediate', 'active', NULL, NULL, 1, "
    "'2025-05-02T09:00:00Z', 1748800000), "
    "(1, 'plan', (SELECT id FROM action_plan WHERE number = 2), 'en', 'daily', 'active', "
    "NULL, NULL, 1, '2025-05-03T09:00:00Z', NULL), "
    "(1, 'commitment', (SELECT id FROM commitment WHERE ogp_id = 'PT0013'), 'pt', "
    "'immediate', 'unconfirmed', randomblob(32), 2000000000, 1, NULL, NULL), "
    "(1, 'entity', (SELECT id FROM entity WHERE slug = 'ama'), 'pt', 'weekly', 'active', "
    "NULL, NULL, 1, '2025-05-04T09:00:00Z', NULL), "
    "(2, 'site', NULL, 'pt', 'daily', 'active', NULL, NULL, 1, '2025-05-05T09:00:00Z', NULL), "
    "(2, 'commitment', (SELECT id FROM commitment WHERE ogp_id = 'PT0013'), 'en', "
    "'immediate', 'active', NULL, NULL, 1, '2025-05-06T09:00:00Z', NULL), "
    "(3, 'commitment', (SELECT id FROM commitment WHERE ogp_id = 'PT0013'), 'pt', "
    "'weekly', 'active', NULL, NULL, 1, '2025-05-07T09:00:00Z', NULL), "
    "(3, 'plan', (SELECT id FROM action_plan WHERE number = 2), 'pt', 'weekly', "
    "'unconfirmed', randomblob(32), 2000000000, 1, NULL, NULL);"
    "INSERT INTO subscription (follower_id, kind, target_id, lang, frequency, status, "
    "asked_at, confirmed_at) SELECT 4, 'commitment', id, 'pt', 'daily', 'active', 1, "
    "'2025-05-08T09:00:00Z' FROM commitment WHERE plan_id = 900;"
    "INSERT INTO follow_sent (at, items) VALUES (strftime('%s', 'now') - 3600, 3), "
    "(strftime('%s', 'now') - 2 * 86400, 5), (strftime('%s', 'now') - 10 * 86400, 7);"
    "INSERT INTO outbox (rcpt, message, created_at, attempts, follower_id) VALUES "
    "('alice@example.org', 'Subject: a', 1748779200, 1, 1), "
    "('carla@example.org', 'Subject: b', strftime('%s', 'now'), 0, 3), "
    "('cidada@example.org', 'Subject: c', 1, 0, NULL);";

/* GETs uri as s and fails unless it answers st; the answer goes into r. */
static void
get(const struct session *s, const char *uri, int st, struct res *r)
{
	cgi_get(s, uri, r);
	ck_assert_msg(r->status == st, "GET %s: %d, not %d", uri, r->status, st);
}

/* Fails unless needle stands in the body of r. */
static void
has(const struct res *r, const char *needle)
{
	ck_assert_msg(strstr(r->body.p, needle) != NULL, "no «%s» in the page", needle);
}

/* How many times needle stands in the body of r after marker (0 without marker). */
static int
count_after(const struct res *r, const char *marker, const char *needle)
{
	const char *p = strstr(r->body.p, marker);
	int         n = 0;

	while (p != NULL && (p = strstr(p + 1, needle)) != NULL)
		n++;
	return n;
}

/* The row of the table of followed things whose name starts with name, its cells after
 * the name (type and counts) as text joined by "|" into out; "" when there is none. */
static const char *
thing_row(const struct res *r, const char *name, char *out, size_t outlen)
{
	char        needle[160];
	const char *p, *e;
	size_t      n = 0;

	snprintf(needle, sizeof needle, "\">%s", name);
	out[0] = '\0';
	if ((p = strstr(r->body.p, needle)) == NULL || (e = strstr(p, "</tr>")) == NULL)
		return out;
	for (p = strstr(p, "</th>"); p != NULL && p < e && n + 1 < outlen; p++) {
		if (strncmp(p, "<td>", 4) != 0)
			continue;
		for (p += 4; *p != '<' && n + 2 < outlen; p++)
			out[n++] = *p;
		out[n++] = '|';
	}
	out[n > 0 ? n - 1 : 0] = '\0';
	return out;
}

/* The counts per frequency, per followed thing and in the summary are those of the
 * rows; the things past the first 100 are counted in one line. */
START_TEST(counts_are_the_rows)
{
	struct res r;
	char       row[200];

	get(&focal, PAGE, 200, &r);
	/* Summary */
	has(&r, "<dt>Endereços</dt><dd>4</dd>");
	has(&r, "<dt>Endereços desativados (correio recusado várias vezes)</dt><dd>1</dd>");
	has(&r, "<dt>Endereços com recusas recentes, ainda ativos</dt><dd>1</dd>");
	has(&r, "<dt>Subscrições confirmadas</dt><dd>156</dd>");
	has(&r, "<dt>Subscrições à espera de confirmação</dt><dd>2</dd>");
	has(&r, "últimas 24 horas</dt><dd>1 (alterações contadas: 3)</dd>");
	has(&r, "últimos 7 dias</dt><dd>2 (alterações contadas: 8)</dd>");
	has(&r,
	    "para quem segue</dt><dd>2, a mais antiga desde "
	    "<time datetime=\"2025-06-01T12:00:00Z\">");
	has(&r, "com tentativas de envio falhadas</dt><dd>1</dd>");
	/* Per frequency: confirmed, waiting, confirmed of disabled addresses */
	has(&r, "<th scope=\"row\">Quando acontece</th><td>2</td><td>1</td><td>1</td>");
	has(&r, "<th scope=\"row\">Resumo diário</th><td>152</td><td>0</td><td>1</td>");
	has(&r, "<th scope=\"row\">Resumo semanal</th><td>2</td><td>1</td><td>0</td>");
	/* Per thing: type, confirmed, waiting, immediate, daily, weekly, disabled */
	ck_assert_str_eq(
	    thing_row(&r, "PT0013 — Evoluir", row, sizeof row), "Compromisso|2|1|1|0|1|1");
	ck_assert_str_eq(
	    thing_row(&r, "Todo o sítio", row, sizeof row), "Todo o sítio|2|0|1|1|0|1");
	ck_assert_str_eq(thing_row(&r, "Plano 2: II Plano", row, sizeof row), "Plano|1|1|0|1|0|0");
	ck_assert_str_eq(thing_row(&r, "XB0001 — Compromisso seguido 1<", row, sizeof row),
	    "Compromisso|1|0|0|1|0|0");
	has(&r, "<a href=\"/pt/commitments/PT0013\">PT0013 — Evoluir");
	has(&r, "<a href=\"/pt/\">Todo o sítio</a>");
	has(&r, "<a href=\"/pt/plans/2\">Plano 2: II Plano");
	/* 154 things: 100 listed, most confirmed first; the body AMA (1 confirmed, after
	 * the commitments with as many) among the 54 counted in one line */
	has(&r, "os com mais subscrições confirmadas primeiro: 100 de 154</caption>");
	ck_assert_int_eq(res_count(&r, "<tr><th scope=\"row\"><a href=\"/pt/commitments/XB"), 97);
	ck_assert(strstr(r.body.p, "/pt/members/ama") == NULL);
	has(&r,
	    "<p>E mais assuntos seguidos, fora desta lista: 54; as suas subscrições confirmadas: "
	    "54; à espera de confirmação: 0.</p>");
	ck_assert(strstr(r.body.p, "PT0013") < strstr(r.body.p, "Todo o sítio</a>"));
	res_free(&r);
}
END_TEST

/* No address reaches a focal point, nor the administrator's page before a lookup; the
 * focal point has no lookup form. */
START_TEST(no_address_shown)
{
	static const char *const who[] = { "alice", "bruno", "carla", "massa", "cidada", NULL };
	const struct session    *s[] = { &focal, &admin };
	struct res               r;
	int                      i, k;

	for (k = 0; k < 2; k++) {
		get(s[k], PAGE, 200, &r);
		for (i = 0; who[i] != NULL; i++)
			ck_assert_msg(strstr(r.body.p, who[i]) == NULL, "%s shown", who[i]);
		ck_assert(strstr(r.body.p, "recipient unknown") == NULL);
		ck_assert_int_eq(res_count(&r, "action=\"" LOOKUP "\""), k);
		res_free(&r);
	}
}
END_TEST

/* The administrator's lookup: the subscriptions and state of one address (its case
 * ignored), audited without it; unknown and invalid addresses. */
START_TEST(lookup_by_admin)
{
	long long  before = sql_one("SELECT count(*) FROM audit_log");
	struct res r;

	cgi_post(&admin, LOOKUP, &r, "email", "Alice@Example.ORG", NULL);
	ck_assert_int_eq(r.status, 200);
	has(&r, "<h3>Endereço procurado: alice@example.org</h3>");
	has(&r, "<dt>Estado</dt><dd>recebe mensagens</dd>");
	has(&r, "<dt>Mensagens à espera de envio</dt><dd>1</dd>");
	ck_assert_int_eq(count_after(&r, "id=\"subs-cap\"", "<tr><th scope=\"row\"><a href="), 4);
	has(&r,
	    "<a href=\"/pt/plans/2\">Plano 2: II Plano de Ação Nacional de Administração "
	    "Aberta</a></th><td>Plano</td><td>inglês</td><td>Resumo diário</td>"
	    "<td>Confirmada</td><td><time datetime=\"");
	has(&r,
	    "PT0013 — Evoluir e divulgar o portal Dados.gov</a></th><td>Compromisso</td>"
	    "<td>português</td><td>Quando acontece</td><td>À espera de confirmação</td>");
	has(&r, "<td>ainda não</td><td>nenhuma ainda</td>");
	has(&r, "<td><time datetime=\"2025-06-01T17:46:40Z\">2025-06-01T17:46:40Z</time></td>");
	has(&r, "Agência para a Modernização Administrativa, I.P. (AMA)</a>");
	has(&r, "<code>aberta-admin submissions erase alice@example.org</code>");
	res_free(&r);
	ck_assert_int_eq(sql_one("SELECT count(*) FROM audit_log"), before + 1);
	ck_assert_int_eq(sql_one("SELECT count(*) FROM audit_log WHERE action = "
				 "'follower_lookup' AND actor = 'admin@example.org' AND "
				 "detail = 'endereço encontrado'"),
	    1);
	/* The disabled address, with the relay's refusal */
	cgi_post(&admin, LOOKUP, &r, "email", "bruno@example.org", NULL);
	ck_assert_int_eq(r.status, 200);
	has(&r, "<dd>desativado em <time datetime=\"2025-06-01T10:00:00Z\">");
	has(&r, "<dt>Recusas seguidas</dt><dd>3</dd>");
	has(&r, "<dd>550 5.1.1 &lt;bruno@example.org&gt;: recipient unknown</dd>");
	res_free(&r);
	/* Unknown: said, and audited too */
	cgi_post(&admin, LOOKUP, &r, "email", "ninguem@example.org", NULL);
	ck_assert_int_eq(r.status, 200);
	has(&r, "Não há nada guardado deste endereço");
	res_free(&r);
	ck_assert_int_eq(sql_one("SELECT count(*) FROM audit_log WHERE action = "
				 "'follower_lookup' AND detail = 'endereço não encontrado'"),
	    1);
	/* Not an address: refused, nothing looked up */
	cgi_post(&admin, LOOKUP, &r, "email", "alice", NULL);
	ck_assert_int_eq(r.status, 400);
	has(&r, "role=\"alert\">Escreva um endereço de correio completo");
	ck_assert(strstr(r.body.p, "Endereço procurado") == NULL);
	res_free(&r);
	ck_assert_int_eq(sql_one("SELECT count(*) FROM audit_log"), before + 3);
	/* No address in any line of the log */
	ck_assert_int_eq(sql_one("SELECT count(*) FROM audit_log WHERE "
				 "lower(coalesce(object, '') || coalesce(detail, '') || "
				 "coalesce(actor, '')) GLOB '*[ab][lr][iu]*@example.org*' OR "
				 "lower(coalesce(object, '') || coalesce(detail, '')) GLOB "
				 "'*ninguem*'"),
	    0);
}
END_TEST

/* A focal point's lookup, one without the anti-CSRF token, or by GET, is refused and
 * looks nothing up; a member editor is refused the page and not shown it in the menu. */
START_TEST(refused)
{
	long long looks =
	    sql_one("SELECT count(*) FROM audit_log WHERE action = 'follower_lookup'");
	struct res r;

	cgi_post(&focal, LOOKUP, &r, "email", "alice@example.org", NULL);
	ck_assert_int_eq(r.status, 403);
	ck_assert(strstr(r.body.p, "alice") == NULL);
	res_free(&r);
	cgi_as(&admin, "POST", LOOKUP, "email=alice%40example.org", &r);
	ck_assert_int_eq(r.status, 403);
	res_free(&r);
	cgi_get(&admin, LOOKUP "?email=alice%40example.org", &r);
	ck_assert_int_ne(r.status, 200);
	ck_assert(strstr(r.body.p, "alice") == NULL);
	res_free(&r);
	ck_assert_int_eq(
	    sql_one("SELECT count(*) FROM audit_log WHERE action = 'follower_lookup'"), looks);
	ck_assert_int_eq(sql_one("SELECT count(*) FROM audit_log WHERE action = 'forbidden' "
				 "AND object = '" LOOKUP "' AND actor = 'focal@example.org'"),
	    1);
	get(&member, PAGE, 403, &r);
	ck_assert(strstr(r.body.p, "Subscrições") == NULL);
	res_free(&r);
	get(&member, "/admin/", 200, &r);
	ck_assert(strstr(r.body.p, "href=\"" PAGE "\"") == NULL);
	res_free(&r);
	get(&focal, "/admin/", 200, &r);
	has(&r, "<a href=\"" PAGE "\"");
	res_free(&r);
}
END_TEST

/* Fails unless html opens and closes element tag (e.g. "table") as often. */
static void
balanced(const char *html, const char *tag)
{
	char        open[32], close[32];
	int         o = 0, c = 0;
	const char *p;
	size_t      n;

	n = (size_t)snprintf(open, sizeof open, "<%s", tag);
	snprintf(close, sizeof close, "</%s>", tag);
	for (p = html; (p = strstr(p, open)) != NULL; p++)
		if (p[n] == '>' || p[n] == ' ')
			o++;
	for (p = html; (p = strstr(p, close)) != NULL; p++)
		c++;
	ck_assert_msg(o == c, "<%s>: %d opened, %d closed", tag, o, c);
}

/* The markup the other admin pages' tests check: no-store; every control labelled;
 * every table captioned, its headers scoped; ids unique; the elements closed. */
START_TEST(markup)
{
	static const char *const tags[] = { "table", "section", "div", "dl", "form", "tbody",
		"thead", "tr", "p", "h2", "h3", "a", "time", NULL };
	struct res               r;
	const char              *p, *q;
	char                     id[64], lab[96], h[64], needle[112];
	int                      i, k;

	for (k = 0; k < 2; k++) {
		if (k == 0)
			get(&admin, PAGE, 200, &r);
		else
			cgi_post(&admin, LOOKUP, &r, "email", "carla@example.org", NULL);
		ck_assert_int_eq(r.status, 200);
		ck_assert_str_eq(res_header(&r, "Cache-Control", h, sizeof h), "no-store");
		ck_assert_int_eq(res_count(&r, "<h1>"), 1);
		ck_assert_int_eq(res_count(&r, "<table>"), res_count(&r, "<caption id="));
		ck_assert_int_eq(res_count(&r, "<th>"), 0);
		for (i = 0; tags[i] != NULL; i++)
			balanced(r.body.p, tags[i]);
		for (p = r.body.p; (p = strstr(p, " id=\"")) != NULL; p++) {
			sscanf(p + 5, "%63[^\"]", id);
			snprintf(needle, sizeof needle, " id=\"%s\"", id);
			q = strstr(r.body.p, needle);
			ck_assert_msg(q == p && strstr(p + 1, needle) == NULL, "id %s twice", id);
			snprintf(needle, sizeof needle, "aria-labelledby=\"%s\"", id);
			if (strncmp(id, "f-", 2) == 0) {
				snprintf(lab, sizeof lab, "<label for=\"%s\">", id);
				ck_assert_msg(strstr(r.body.p, lab) != NULL, "%s has no label", id);
			}
		}
		for (p = r.body.p; (p = strstr(p, "aria-labelledby=\"")) != NULL; p++) {
			sscanf(p + 17, "%63[^\"]", id);
			snprintf(needle, sizeof needle, " id=\"%s\"", id);
			ck_assert_msg(strstr(r.body.p, needle) != NULL, "labelled by %s: none", id);
		}
		res_free(&r);
	}
}
END_TEST

/* Thousands are spaced, and with no follower at all the page says so (the test's rows
 * replaced: the last test). */
START_TEST(empty_and_large)
{
	struct res r;

	sql_do("DELETE FROM subscription; DELETE FROM follow_sent;"
	       "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 1200) "
	       "INSERT INTO follower (email, token) SELECT 'p' || n || '@example.org', "
	       "printf('%064d', 100 + n) FROM k;"
	       "INSERT INTO subscription (follower_id, kind, lang, frequency, status, asked_at) "
	       "SELECT id, 'site', 'pt', 'weekly', 'active', 1 FROM follower "
	       "WHERE email GLOB 'p*';");
	get(&focal, PAGE, 200, &r);
	has(&r, "<dt>Subscrições confirmadas</dt><dd>1" NBSP "200</dd>");
	has(&r, "Todo o sítio</td><td>1" NBSP "200</td>");
	res_free(&r);
	sql_do("DELETE FROM subscription; DELETE FROM follower WHERE email GLOB 'p*';");
	get(&focal, PAGE, 200, &r);
	has(&r, "<p>Ninguém segue nada por enquanto.</p>");
	has(&r, "<dt>Subscrições confirmadas</dt><dd>0</dd>");
	res_free(&r);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { counts_are_the_rows, no_address_shown, lookup_by_admin,
		refused, markup, empty_and_large, NULL };

	if (cgi_setup("aberta-subs-req", NULL) != 0)
		return 1;
	if (staff_session("admin@example.org", "Ana Admin", "admin", NULL, &admin) != 0 ||
	    staff_session("focal@example.org", "Filipe Focal", "focal", NULL, &focal) != 0 ||
	    staff_session("ana@ama.example.pt", "Ana Editora", "member", "ama", &member) != 0 ||
	    sql_exec(fixture_sql) != 0) {
		printf("Bail out! cannot make the accounts, the sessions or the followers\n");
		return 1;
	}
	return cgi_tests_main(tests_suite("subscriptions", 120, tests));
}
