/* /admin/import: a focal-point editor takes back an exported milestones or commitments
 * file (see bulkimport.h).  An upload is first run as a dry run and its report shown,
 * row by row; the file waits under the uploads folder (imports/<sha256>, not served)
 * until the editor confirms with its digest, and is then imported for real. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "http/req.h"
#include "import/bulkimport.h"
#include "store/auth.h"
#include "store/db.h"
#include "admin/admin.h"
#include "view/page.h"
#include "store/upload.h"

/* The folder of files waiting for confirmation, into out; created when missing.
 * Returns 0 or -1. */
static int
waiting_dir(char *out, size_t outlen)
{
	snprintf(out, outlen, "%s/imports", upload_dir());
	if (mkdir(upload_dir(), 0750) != 0 && errno != EEXIST)
		return -1;
	return mkdir(out, 0700) == 0 || errno == EEXIST ? 0 : -1;
}

/* The hex SHA-256 of data into hex (65 bytes). */
static void
digest(const char *data, size_t len, char hex[65])
{
	unsigned char d[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(d, (const unsigned char *)data, len);
	sodium_bin2hex(hex, 65, d, sizeof d);
}

/* Fills the report section of b from r. */
static void
report(tpl_dict *b, const struct bulk_report *r, int dry, tpl_dict **rep)
{
	const struct bulk_item *it;
	tpl_dict               *d, *x, *refused = NULL, *changes = NULL;
	char                    where[48], sum[256];
	size_t                  i;

	*rep = d = tpl_section(b, "REPORT");
	tpl_set(d, "HEADING", dry ? "O que a importação mudaria" : "O que foi mudado");
	snprintf(sum, sizeof sum,
	    "Ficheiro de %s: %zu registo(s) lido(s), %zu com "
	    "alterações (%zu campo(s)), %zu recusado(s).",
	    r->dataset && strcmp(r->dataset, "milestones") == 0 ? "marcos" : "compromissos",
	    r->rows, r->changed, r->fields, r->refused);
	tpl_set(d, "SUMMARY", sum);
	for (i = 0; i < r->nitems; i++) {
		it = &r->items[i];
		snprintf(where, sizeof where, r->json ? "records[%ld]" : "linha %ld", it->line);
		if (it->error != NULL) {
			if (refused == NULL) {
				refused = tpl_section(d, "HAS_REFUSED");
				tpl_set_int(refused, "N", (long long)r->refused);
			}
			x = tpl_section(refused, "REF");
			tpl_set(x, "ERR", it->error);
		} else {
			if (changes == NULL)
				changes = tpl_section(d, "HAS_CHANGES");
			x = tpl_section(changes, "CH");
			tpl_set(x, "BEFORE", it->before ? it->before : "(vazio)");
			tpl_set(x, "AFTER", it->after ? it->after : "(vazio)");
			if (it->create)
				tpl_show(x, "NEW");
		}
		tpl_set(x, "WHERE", where);
		tpl_set(x, "RECORD", it->record);
		if (it->field != NULL)
			tpl_set(tpl_section(x, "F"), "FIELD", it->field);
	}
}

/* Runs the import of data for the logged-in editor; fills b.  Returns the status. */
static int
run(struct ctx *c, tpl_dict *b, const char *data, size_t len, int dry, const char *sha,
    int *confirm)
{
	struct bulk_report r;
	struct bulk_opts   o = { dry, c->me->id, c->me->name, c->today };
	tpl_dict          *rep = NULL;
	char               detail[128];
	int                rc;

	rc = bulk_import(c->rw, data, len, &o, &r);
	if (rc < 0) {
		bulk_report_free(&r);
		return db_failed_set(), 503;
	}
	if (r.error[0] != '\0')
		tpl_set(tpl_section(b, "ERROR"), "TEXT", r.error);
	else
		report(b, &r, dry, &rep);
	if (rc == 0 && dry && r.changed > 0 && sha != NULL && rep != NULL) {
		rep = tpl_section(rep, "CONFIRM");
		*confirm = 1;
		tpl_set(rep, "SHA", sha);
		tpl_set(rep, "CSRF", c->me->csrf);
	} else if (rc == 0 && dry && r.error[0] == '\0')
		tpl_show(b, "NOTHING");
	if (rc == 0 && !dry) {
		tpl_dict *d = tpl_section(b, "DONE");
		tpl_set_int(d, "CHANGED", (long long)r.changed);
		tpl_set_int(d, "FIELDS", (long long)r.fields);
		snprintf(detail, sizeof detail, "%s: %zu record(s), %zu field(s) changed",
		    r.dataset, r.changed, r.fields);
		auth_audit(c->rw, c->me->id, c->me->login, c->req->remote_addr, "import",
		    "/admin/import", detail);
	}
	bulk_report_free(&r);
	return rc == 0 ? 200 : 400;
}

/* Keeps an uploaded file until it is confirmed; hex gets its digest.  Returns 0 or -1. */
static int
keep(const char *data, size_t len, char hex[65])
{
	char  dir[600], path[700], tmp[720];
	FILE *f;
	int   ok;

	digest(data, len, hex);
	if (waiting_dir(dir, sizeof dir) != 0)
		return -1;
	snprintf(path, sizeof path, "%s/%s", dir, hex);
	snprintf(tmp, sizeof tmp, "%s.%d", path, (int)getpid());
	if ((f = fopen(tmp, "wb")) == NULL)
		return -1;
	ok = fwrite(data, 1, len, f) == len;
	ok = fclose(f) == 0 && ok;
	if (!ok || rename(tmp, path) != 0) {
		unlink(tmp);
		return -1;
	}
	return 0;
}

/* Reads back the kept file of digest sha (checked again); malloc'd, or NULL. */
static char *
kept(const char *sha, size_t *len)
{
	char        dir[600], path[700], hex[65];
	struct stat sb;
	FILE       *f;
	char       *p;

	if (!upload_valid_sha(sha) || waiting_dir(dir, sizeof dir) != 0)
		return NULL;
	snprintf(path, sizeof path, "%s/%s", dir, sha);
	if (stat(path, &sb) != 0 || sb.st_size > BULK_MAX || (f = fopen(path, "rb")) == NULL)
		return NULL;
	if ((p = malloc((size_t)sb.st_size + 1)) != NULL &&
	    fread(p, 1, (size_t)sb.st_size, f) == (size_t)sb.st_size) {
		*len = (size_t)sb.st_size;
		p[*len] = '\0';
		digest(p, *len, hex);
		if (strcmp(hex, sha) == 0) {
			fclose(f);
			return p;
		}
	}
	free(p);
	fclose(f);
	return NULL;
}

int
page_admin_import(struct ctx *c)
{
	tpl_dict           *b = page_admin_body(c, "admin_import.tpl", "Importar");
	const struct mpart *file;
	const char         *sha;
	char                hex[65], path[700], *data;
	size_t              len;
	int                 st, confirm = 0;

	tpl_set(b, "CSRF", c->me->csrf);
	if (c->req->method != METHOD_POST)
		return 200;
	file = multipart_get(c->req->parts, c->req->nparts, "file");
	if (file != NULL && file->has_filename && file->len > 0) {
		if (keep(file->data, file->len, hex) != 0) {
			tpl_set(tpl_section(b, "ERROR"), "TEXT",
			    "Não foi possível guardar o "
			    "ficheiro para a confirmação.");
			return 503;
		}
		st = run(c, b, file->data, file->len, 1, hex, &confirm);
		/* Only a dry run that offers a confirmation keeps the file waiting. */
		if (!confirm && waiting_dir(path, sizeof path) == 0) {
			snprintf(path + strlen(path), sizeof path - strlen(path), "/%s", hex);
			unlink(path);
		}
		return st;
	}
	if ((sha = req_form(c->req, "sha")) == NULL) {
		tpl_set(tpl_section(b, "ERROR"), "TEXT", "Escolha um ficheiro.");
		return 400;
	}
	if ((data = kept(sha, &len)) == NULL) {
		tpl_set(tpl_section(b, "ERROR"), "TEXT",
		    "O ficheiro a confirmar já não está "
		    "disponível: carregue-o de novo.");
		return 400;
	}
	st = run(c, b, data, len, 0, NULL, &confirm);
	free(data);
	if (st == 200 && waiting_dir(path, sizeof path) == 0) {
		snprintf(hex, sizeof hex, "%s", sha);
		snprintf(path + strlen(path), sizeof path - strlen(path), "/%s", hex);
		unlink(path);
	}
	return st;
}
