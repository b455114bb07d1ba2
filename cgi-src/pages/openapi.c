/* /data/openapi.json: the OpenAPI 3.1 description of the open data (view/openapi.h). */
#include <stdlib.h>

#include "http/resp.h"
#include "view/openapi.h"
#include "pages/pages.h"
#include "view/page.h"

int
page_data_openapi(struct ctx *c)
{
	json_t *doc;
	char   *text;

	if (c->fmt != FMT_JSON) {
		c->error = "ERR_NOT_FOUND";
		return 404;
	}
	doc = openapi_document();
	if (doc == NULL || (text = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER)) == NULL) {
		json_decref(doc);
		c->error = "ERR_INTERNAL";
		return 500;
	}
	c->resp->ctype = "application/json; charset=utf-8";
	buf_reset(&c->resp->body);
	buf_puts(&c->resp->body, text);
	buf_put(&c->resp->body, "\n", 1);
	free(text);
	json_decref(doc);
	return 200;
}
