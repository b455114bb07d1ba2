/* The pieces every citizen's form shares (see form.h). */
#include <stdio.h>
#include <string.h>

#include "http/answer.h"
#include "http/req.h"
#include "http/resp.h"
#include "lib/log.h"
#include "lib/valid.h"
#include "pages/form.h"
#include "store/db.h"
#include "store/stmt.h"
#include "view/i18n.h"
#include "view/page.h"

const char *
form_field(struct ctx *c, const char *name)
{
	const char *v = req_form(c->req, name);

	if (v == NULL)
		return NULL;
	while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n')
		v++;
	return *v != '\0' ? v : NULL;
}

/* 1 when v has a control character (other than line breaks and tabs when lines). */
static int
controls(const char *v, int lines)
{
	for (; *v != '\0'; v++)
		if (((unsigned char)*v < 0x20 &&
			!(lines && (*v == '\n' || *v == '\r' || *v == '\t'))) ||
		    *v == 0x7f)
			return 1;
	return 0;
}

const char *
form_check_text(const char *v, int required, size_t max, int lines)
{
	if (v == NULL)
		return required ? "ERR_F_REQUIRED" : NULL;
	if (strlen(v) > max)
		return "ERR_F_TOO_LONG";
	if (!valid_utf8(v, strlen(v)) || controls(v, lines))
		return "ERR_F_BAD_TEXT";
	return NULL;
}

int
form_honeypot(struct ctx *c, const char *what, const char *sent)
{
	const char *hp = req_form(c->req, "website");

	if (hp == NULL || *hp == '\0')
		return 0;
	log_error("%s refused: honeypot filled", what);
	return page_redirect(c, sent);
}

enum limits_verdict
form_limits(struct ctx *c, const char *email, struct limits_ask *ask)
{
	enum limits_verdict v;

	if (store_begin(c->rw) != 0)
		return LIMITS_ERROR;
	v = limits_check(c->req->remote_addr, email, form_field(c, "pow_challenge"),
	    form_field(c, "pow_nonce"), (long long)c->now, ask);
	if (v == LIMITS_OK)
		return v;
	if (v == LIMITS_REFUSED) {
		store_rollback(c->rw);
		return v;
	}
	if (v == LIMITS_PROOF && store_commit(c->rw) == 0)
		return v;
	db_fault(c->rw); /* why it failed (a full disk...), before ROLLBACK forgets it */
	store_rollback(c->rw);
	return LIMITS_ERROR;
}

tpl_dict *
form_message(struct ctx *c, const char *tpl, const char *title, const char *msg)
{
	tpl_dict *b = page_body(c, tpl);

	page_title(c, "%s", i18n(title, c->en));
	tpl_set(b, "HEADING", i18n(title, c->en));
	tpl_set(b, "MESSAGE", i18n(msg, c->en));
	return b;
}

tpl_dict *
form_again(struct ctx *c, const char *title, const char *msg, const char *back,
    const struct limits_ask *ask)
{
	tpl_dict *b = form_message(c, "submit.tpl", title, msg);
	char      secs[16];

	tpl_set(b, "BACK", back);
	resp_header(c->resp, "Cache-Control", "no-store");
	if (ask != NULL) {
		tpl_set_int(tpl_section(b, "POW"), "SECONDS", ask->wait);
		snprintf(secs, sizeof secs, "%d", ask->wait);
		resp_header(c->resp, "Retry-After", secs);
	}
	return b;
}
