/*
 * import.c: load a JSON content file into the aberta database (see import.h).
 *
 * The whole file is validated while it is written, inside one BEGIN IMMEDIATE
 * transaction; the first bad value rolls everything back and is reported with its JSON
 * path. Every statement is in the store's table "load" (store/load.c) and takes bound
 * parameters only. Upserts compare old and new values first, so a row that would not
 * change is not written and the content_version triggers do not fire.
 *
 * Mapping of the research file (ogp-portugal.json) follows one rule: never invent a
 * fact. Null or absent values stay NULL; qualifiers found in names ("(UNCERTAIN)",
 * ", supported by the RNAA") go into the row's note_en, never into a name.
 */
#define _POSIX_C_SOURCE 200809L /* gmtime_r */

#include <sys/stat.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "lib/buf.h"
#include "import/import.h"
#include "import/jsonpath.h"
#include "lib/domains.h"
#include "lib/valid.h"
#include "store/db.h"
#include "store/load.h"
#include "store/stmt.h"

#define IMP_TEXT_MAX  20000               /* bytes in one text value */
#define IMP_URL_MAX   2048                /* bytes in one URL (schema limit) */
#define IMP_FILE_MAX  (16L * 1024 * 1024) /* bytes in one content file */
#define IMP_ARRAY_MAX 1000                /* items in one JSON array */
#define IMP_PATH_MAX  256                 /* bytes of a JSON path in messages */
#define IMP_NAME_MAX  512                 /* bytes of one body name in a lead list */
#define IMP_ACR_MAX   32                  /* bytes of an acronym */
#define IMP_SLUG_MAX  80                  /* characters of a slug (schema limit) */
#define IMP_LIST_MAX  64                  /* bodies per role, links per owner */

/* The import in progress. */
struct imp {
	sqlite3    *db;
	const char *file; /* file name, for messages */
	char       *err;  /* caller's error buffer */
	size_t      errlen;
	int         failed;             /* a message was written */
	int         year;               /* current UTC year, for plan status */
	char        path[IMP_PATH_MAX]; /* JSON path of the item being read */
	size_t      plen;
	struct buf  note; /* note_en of the row being built */
	struct buf  t1;   /* scratch: title_pt, event title */
	struct buf  t2;   /* scratch: title_en, event date note */
};

/* A label as written in the file and the value stored for it. */
struct label {
	const char *in;
	const char *out;
};

/* A body (member, lead or support entity) parsed from its name string. */
struct body {
	char acr[IMP_ACR_MAX];    /* acronym, "" if none */
	char pacr[IMP_ACR_MAX];   /* acronym found in parentheses */
	char parent[IMP_ACR_MAX]; /* second acronym: the body it belongs to */
	char name[IMP_NAME_MAX];  /* full name, "" if only an acronym */
	char gloss[IMP_NAME_MAX]; /* parenthetical name in another language */
	char qual[IMP_NAME_MAX];  /* qualifiers, "; "-separated */
	int  pt;                  /* name is Portuguese */
};

/* A body the content files describe although it is not in members[]. */
struct known_body {
	const char *acronym; /* acronym as used in the plans, or NULL */
	const char *name;    /* name as written when no acronym is used */
	const char *kind;    /* entity.kind */
	const char *name_pt; /* Portuguese name given by the content files */
	const char *name_en; /* English name given by the content files */
};

/* Owner of a set of links: one of the link table's owner columns. */
enum owner_col { OWN_PLAN, OWN_COMMITMENT, OWN_MILESTONE, OWN_ENTITY, OWN_EVENT, OWN__MAX };

/* Links written for one owner during this import (duplicates are skipped). */
struct linkset {
	enum owner_col col;
	sqlite3_int64  id;
	const char    *url[IMP_LIST_MAX];
	const char    *kind[IMP_LIST_MAX];
	size_t         n;
};

enum role { ROLE_LEAD, ROLE_SUPPORT, ROLE__MAX };

static const char *const role_db[ROLE__MAX] = {
	"lead",    /* ROLE_LEAD */
	"support", /* ROLE_SUPPORT */
};

static const char *const role_body[ROLE__MAX] = {
	"Lead body",    /* ROLE_LEAD */
	"Support body", /* ROLE_SUPPORT */
};

static const char *const role_other[ROLE__MAX] = {
	"Led by",       /* ROLE_LEAD */
	"Supported by", /* ROLE_SUPPORT */
};

/* Entities linked to the commitment being read, per role, in order. */
struct roles {
	sqlite3_int64 id[ROLE__MAX][IMP_LIST_MAX];
	size_t        n[ROLE__MAX];
};

/* Scalar fields of one commitment. */
struct cmt {
	const char *ogp_id;
	long long   number; /* -1: absent */
	const char *title_pt, *title_en, *summary_pt, *summary_en;
	const char *start, *end;
	char        sbuf[16], ebuf[16];
	const char *verifiable, *relevant, *ambition, *impact, *results;
	long long   promising; /* -1: absent */
	const char *completion, *diog, *early, *starred, *cluster;
};

/* Fields of one plan object. */
struct plan {
	long long   number; /* -1: absent */
	const char *title, *start, *end, *pub, *notes, *doc;
	const char *coc_pt, *coc_en, *sum_pt;
	char        sbuf[16], ebuf[16], pbuf[16];
};

/*
 * Keys that describe a plan itself. A plan object without any of them (only number and
 * texts such as cocreation_pt) may only update a plan that is already stored.
 */
static const char *const plan_keys[] = { "title", "period_start", "period_end", "published",
	"notes", "document_url", "irm_reports", "commitments", NULL };

/*
 * OGP policy areas (English, as OGP writes them) and their European Portuguese names.
 * The list is the one seen on Portugal's pages (ogp-portugal.json,
 * ogp_commitment_fields.policy_areas); a name not listed gets name_pt NULL.
 */
static const struct label area_pt[] = { { "Access to Information", "Acesso à informação" },
	{ "Anti Corruption and Integrity", "Anticorrupção e integridade" },
	{ "Beneficial Ownership", "Beneficiários efetivos" },
	{ "Capacity Building", "Capacitação" },
	{ "Democratizing Decision-Making", "Democratização da tomada de decisão" },
	{ "Digital Transformation", "Transformação digital" },
	{ "E-Government", "Governo eletrónico" }, { "Education", "Educação" },
	{ "Environment and Climate", "Ambiente e clima" },
	{ "Fiscal Openness", "Abertura orçamental" }, { "Human Rights", "Direitos humanos" },
	{ "Inclusion", "Inclusão" }, { "Legislation & Regulation", "Legislação e regulamentação" },
	{ "Legislature", "Poder legislativo" }, { "Open Data", "Dados abertos" },
	{ "Public Participation", "Participação pública" },
	{ "Public Procurement", "Contratação pública" },
	{ "Public Service Delivery", "Prestação de serviços públicos" },
	{ "Publication of Budget/Fiscal Information",
	    "Publicação de informação orçamental e fiscal" },
	{ "Regulatory Governance", "Governação regulatória" },
	{ "Right to Information", "Direito à informação" },
	{ "Stimulus and Economic Recovery", "Estímulo e recuperação económica" },
	{ "Tax", "Fiscalidade" }, { NULL, NULL } };

/*
 * Bodies named in the plans but not in members[]: their sector as given by section 4
 * of ogp-portugal.md, and names only where the content files spell them out
 * (sections 1-4 of the .md, network.name in the .json). Nothing else is expanded.
 */
static const struct known_body known_bodies[] = {
	{ "DGAEP", NULL, "public", NULL,
	    "Directorate-General for Public Administration and Employment" },
	{ "DGEEC", NULL, "public", NULL, NULL },
	{ "IRN", NULL, "public", NULL, "Registries and Notary Institute" },
	{ "IMPIC", NULL, "public", NULL, NULL }, { "AD&C", NULL, "public", NULL, NULL },
	{ "DGO", NULL, "public", NULL, NULL }, { "CEGER", NULL, "public", NULL, NULL },
	{ "GNS/CNCS", "Gabinete Nacional de Segurança / Centro Nacional de Cibersegurança",
	    "public", "Gabinete Nacional de Segurança / Centro Nacional de Cibersegurança",
	    "National Security Office / National Cybersecurity Centre" },
	{ "MENAC", NULL, "public", NULL, "National Anti-Corruption Mechanism" },
	{ "INA", NULL, "public", NULL, NULL }, { "ANAFRE", NULL, "public", NULL, NULL },
	{ "ACM", NULL, "public", NULL, "High Commission for Migration" },
	{ "CIG", NULL, "public", NULL, NULL }, { "INR", NULL, "public", NULL, NULL },
	{ "SG-PCM", NULL, "public", NULL,
	    "General Secretariat of the Presidency of the Council of Ministers" },
	{ "BAD", NULL, "civil_society", NULL, NULL },
	{ "APDSI", NULL, "civil_society",
	    "Associação para a Promoção e Desenvolvimento da Sociedade da Informação", NULL },
	{ NULL, "Plataforma Artigo 37", "civil_society", "Plataforma Artigo 37", NULL },
	{ "RNAA", NULL, "other", "Rede Nacional de Administração Aberta",
	    "National Network for Open Administration" },
	{ NULL, NULL, NULL, NULL, NULL }
};

/* Places stated in event names of ogp-portugal.json; only these become place_en. */
static const char *const event_places[] = { "Lisbon Youth Center", "Assembleia da República",
	"Rome", "Vitoria-Gasteiz", "Lisbon, Évora, Porto", "FIL", NULL };

/* Folding of U+00C0..U+00FF to ASCII for slugs ('-' for x and division signs). */
static const char latin1_fold[] = "aaaaaaaceeeeiiiidnooooo-ouuuuyts"
				  "aaaaaaaceeeeiiiidnooooo-ouuuuyty";

typedef int (*item_fn)(struct imp *, json_t *, size_t, void *);

/* ---------------------------------------------------------------- text */

/* 1 when c is an ASCII upper-case letter. */
static int
is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

/* 1 when c is an ASCII lower-case letter. */
static int
is_lower(int c)
{
	return c >= 'a' && c <= 'z';
}

/* 1 when c is an ASCII digit. */
static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* ASCII lower-case of c; other bytes unchanged. */
static int
to_lower(int c)
{
	return is_upper(c) ? c - 'A' + 'a' : c;
}

/* 1 when a and b are equal ignoring ASCII case and treating '_' as ' '. */
static int
label_eq(const char *a, const char *b)
{
	int ca, cb;

	for (;; a++, b++) {
		ca = *a == '_' ? ' ' : to_lower((unsigned char)*a);
		cb = *b == '_' ? ' ' : to_lower((unsigned char)*b);
		if (ca != cb)
			return 0;
		if (ca == '\0')
			return 1;
	}
}

/* 1 when needle occurs in hay, ignoring ASCII case. */
static int
contains_ci(const char *hay, const char *needle)
{
	size_t i, n = strlen(needle);

	for (; *hay != '\0'; hay++) {
		for (i = 0; i < n; i++)
			if (to_lower((unsigned char)hay[i]) != to_lower((unsigned char)needle[i]))
				break;
		if (i == n)
			return 1;
	}
	return 0;
}

/* Copies n bytes of s into dst (cap bytes), trimmed of spaces. 0, or -1 if too long. */
static int
copy_trim(char *dst, size_t cap, const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n >= cap)
		return -1;
	memmove(dst, s, n);
	dst[n] = '\0';
	return 0;
}

/* Appends text to a "; "-separated list in dst (cap bytes). 0, or -1 if too long. */
static int
list_add(char *dst, size_t cap, const char *text, size_t n)
{
	size_t len = strlen(dst), sep = len > 0 ? 2 : 0;

	if (n == 0)
		return 0;
	if (len + sep + n >= cap)
		return -1;
	if (sep)
		memcpy(dst + len, "; ", 2);
	memcpy(dst + len + sep, text, n);
	dst[len + sep + n] = '\0';
	return 0;
}

/*
 * Appends "prefix: text." (or "text." when prefix is NULL) to b as one sentence, after
 * a space when b is not empty; no period is added after final punctuation. With cap
 * set a lower-case first letter of text is raised ("coordinator" -> "Coordinator.").
 * NULL or empty text appends nothing.
 */
static void
sentence_x(struct buf *b, const char *prefix, const char *text, int cap)
{
	size_t n = text != NULL ? strlen(text) : 0;
	char   first;

	if (n == 0)
		return;
	if (b->len > 0)
		buf_puts(b, " ");
	if (prefix != NULL) {
		buf_puts(b, prefix);
		buf_puts(b, ": ");
	}
	first = text[0];
	if (cap && is_lower((unsigned char)first))
		first = (char)(first - 'a' + 'A');
	buf_put(b, &first, 1);
	buf_puts(b, text + 1);
	if (strchr(".!?", text[n - 1]) == NULL)
		buf_puts(b, ".");
}

/* Appends text to b as a sentence, verbatim (see sentence_x). */
static void
sentence(struct buf *b, const char *prefix, const char *text)
{
	sentence_x(b, prefix, text, 0);
}

/* The text of b, or NULL when b is empty. */
static const char *
buf_text(const struct buf *b)
{
	return b->len > 0 ? b->p : NULL;
}

static int fail(struct imp *, const char *, const char *, ...)
    __attribute__((format(printf, 3, 4)));

/*
 * Checks the texts built for the current row: 0, or -1 (message) when one could not be
 * allocated or the note grew longer than IMP_TEXT_MAX bytes.
 */
static int
scratch_check(struct imp *im)
{
	if (im->note.oom || im->t1.oom || im->t2.oom)
		return fail(im, NULL, "out of memory");
	if (im->note.len > IMP_TEXT_MAX)
		return fail(im, NULL, "note longer than %d bytes", IMP_TEXT_MAX);
	return 0;
}

/*
 * Writes a slug of src into out (cap > IMP_SLUG_MAX bytes): lower-case ASCII letters
 * and digits, accents folded, anything else as one '-', at most IMP_SLUG_MAX
 * characters (cut at a '-' in the second half when there is one). Returns its
 * length, 0 when src has no letter or digit.
 */
static size_t
slugify(const char *src, char *out, size_t cap)
{
	const unsigned char *s = (const unsigned char *)src;
	char                 tmp[IMP_SLUG_MAX + 2] = "";
	size_t               n = 0, m;
	int                  c;

	for (; *s != '\0' && n <= IMP_SLUG_MAX; s++) {
		c = to_lower(*s);
		if (*s == 0xc3 && s[1] >= 0x80 && s[1] <= 0xbf)
			c = (unsigned char)latin1_fold[*++s - 0x80];
		if (!is_lower(c) && !is_digit(c))
			c = '-';
		if (c != '-' || (n > 0 && tmp[n - 1] != '-'))
			tmp[n++] = (char)c;
	}
	if (n > IMP_SLUG_MAX) {
		for (m = IMP_SLUG_MAX; m > IMP_SLUG_MAX / 2 && tmp[m] != '-'; m--)
			continue;
		n = tmp[m] == '-' ? m : IMP_SLUG_MAX;
	}
	while (n > 0 && tmp[n - 1] == '-')
		n--;
	if (n >= cap)
		n = cap - 1;
	memcpy(out, tmp, n);
	out[n] = '\0';
	return n;
}

/* 1 when s looks Portuguese: it has a non-ASCII letter or a Portuguese small word. */
static int
is_portuguese(const char *s)
{
	static const char *const words[] = { " de ", " da ", " do ", " das ", " dos ", " e ",
		" para ", " ao ", " aos ", " na ", " no ", NULL };
	size_t                   i;

	for (i = 0; s[i] != '\0'; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 1;
	for (i = 0; words[i] != NULL; i++)
		if (strstr(s, words[i]) != NULL)
			return 1;
	return 0;
}

/*
 * 1 when s (n bytes) is written like an acronym: one or two words of ASCII letters,
 * digits and &/.-, the first word at least half capitals and at least two of them
 * (AMA, SG-PCM, AD&C, LabX), a second word capitalised (TI Portugal).
 */
static int
is_acronym(const char *s, size_t n)
{
	size_t        i, words = 1, upper = 0, letters = 0;
	unsigned char c;

	if (n == 0 || n >= IMP_ACR_MAX)
		return 0;
	for (i = 0; i < n; i++) {
		/* NOLINTNEXTLINE(clang-analyzer-core.uninitialized.Assign): callers pass terminated text */
		c = (unsigned char)s[i];
		if (c == ' ') {
			if (++words > 2 || i + 1 >= n ||
			    !is_upper(s[i + 1])) /* NOLINT(clang-analyzer-core.CallAndMessage) */
				return 0;
			continue;
		}
		if (!is_upper(c) && !is_lower(c) && !is_digit(c) && strchr("&/.-", c) == NULL)
			return 0;
		if (words == 1 && (is_upper(c) || is_lower(c))) {
			letters++;
			upper += is_upper(c) ? 1 : 0;
		}
	}
	return upper >= 2 && upper * 2 >= letters;
}

/* ---------------------------------------------------------- validators */

/* 1 when s holds a control character other than tab and newline (C0, DEL or C1). */
static int
has_control(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p != '\0'; p++) {
		if ((*p < 0x20 && *p != '\t' && *p != '\n') || *p == 0x7f)
			return 1;
		if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			return 1;
	}
	return 0;
}

/* ------------------------------------------------------ errors and path */

/*
 * Writes "file: path.key: reason" into the caller's buffer and returns -1. key may be
 * NULL. Only the first message is kept: later calls return -1 and write nothing.
 */
static int
fail(struct imp *im, const char *key, const char *fmt, ...)
{
	char    reason[512], where[IMP_PATH_MAX + 80];
	va_list ap;

	if (im->failed)
		return -1;
	im->failed = 1;
	va_start(ap, fmt);
	vsnprintf(reason, sizeof reason, fmt, ap);
	va_end(ap);
	snprintf(where, sizeof where, "%s%s%s", im->path, im->plen > 0 && key != NULL ? "." : "",
	    key != NULL ? key : "");
	if (im->err != NULL && im->errlen > 0)
		snprintf(im->err, im->errlen, "%s: %s%s%s", im->file, where,
		    where[0] != '\0' ? ": " : "", reason);
	return -1;
}

/* Sets the JSON path length to len (cut when the buffer is full). */
static void
path_back(struct imp *im, size_t len)
{
	if (len >= sizeof im->path)
		len = sizeof im->path - 1;
	im->plen = len;
	im->path[len] = '\0';
}

/* Appends ".key" ("key" at the root) to the path; returns the old length for path_back. */
static size_t
path_key(struct imp *im, const char *key)
{
	size_t old = im->plen;
	int    n;

	n = snprintf(im->path + old, sizeof im->path - old, "%s%s", old > 0 ? "." : "", key);
	path_back(im, n < 0 ? old : old + (size_t)n);
	return old;
}

/* Appends "[i]" to the path; returns the old length for path_back. */
static size_t
path_index(struct imp *im, size_t i)
{
	size_t old = im->plen;
	int    n;

	n = snprintf(im->path + old, sizeof im->path - old, "[%zu]", i);
	path_back(im, n < 0 ? old : old + (size_t)n);
	return old;
}

/* ------------------------------------------------ locating parse errors */

/* Adds one step of a JSON path to im's path (json_path_at's callback). */
static void
locate_step(void *arg, const char *key, size_t index)
{
	if (key != NULL)
		path_key(arg, key);
	else
		path_index(arg, index);
}

/* Sets im's path to where byte offset pos of the file lies (best effort). */
static void
locate_path(struct imp *im, const char *path, size_t pos)
{
	json_path_at(path, pos, locate_step, im);
}

/* ---------------------------------------------------------- statements */

/* Starts binding parameters to statement s (the store's, store/load.h). */
static struct binder
bind_start(struct imp *im, enum load_stmt s)
{
	(void)im;
	return load_bind(s);
}

/* Binds text s (NULL binds SQL NULL) to parameter i. */
static void
b_text(struct binder *b, int i, const char *s)
{
	load_bind_text(b, i, s);
}

/* Binds v to parameter i; a negative v (our "absent") binds SQL NULL. */
static void
b_int(struct binder *b, int i, long long v)
{
	load_bind_int(b, i, v);
}

/* Binds row id v to parameter i; 0 binds SQL NULL. */
static void
b_id(struct binder *b, int i, sqlite3_int64 v)
{
	b_int(b, i, v == 0 ? -1 : (long long)v);
}

/*
 * Runs the bound statement once. *id (when id is not NULL) gets column 0 of the first
 * row, or 0 when there is none. The statement is reset and unbound. 0, or -1 (message).
 */
static int
run(struct imp *im, struct binder *b, sqlite3_int64 *id)
{
	long long v = 0;
	char      err[256];

	if (load_run(b, &v, err, sizeof err) != 0) {
		fail(im, NULL, "database error: %s", err);
		return -1;
	}
	if (id != NULL)
		*id = v;
	return 0;
}

/* -------------------------------------------------------- JSON values */

/*
 * Reads v as text: *out is NULL when v is absent or null. 0, or -1 (message naming
 * key) when v is not a string, is longer than IMP_TEXT_MAX bytes or holds a control
 * character. jansson has already rejected invalid UTF-8 and NUL while parsing.
 */
static int
val_text(struct imp *im, json_t *v, const char *key, const char **out)
{
	*out = NULL;
	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return fail(im, key, "expected a string");
	if (json_string_length(v) > IMP_TEXT_MAX)
		return fail(im, key, "text longer than %d bytes", IMP_TEXT_MAX);
	if (has_control(json_string_value(v)))
		return fail(im, key, "text holds a control character");
	*out = json_string_value(v);
	return 0;
}

/* Reads obj[key] as text (see val_text). */
static int
get_text(struct imp *im, json_t *obj, const char *key, const char **out)
{
	return val_text(im, json_object_get(obj, key), key, out);
}

/* Reads v as an http(s) URL; *out NULL when absent. 0, or -1 (message). */
static int
val_url(struct imp *im, json_t *v, const char *key, const char **out)
{
	if (val_text(im, v, key, out) == -1)
		return -1;
	if (*out != NULL && !valid_http_url(*out))
		return fail(im, key, "not an http or https URL");
	return 0;
}

/* Reads obj[key] as an http(s) URL (see val_url). */
static int
get_url(struct imp *im, json_t *obj, const char *key, const char **out)
{
	return val_url(im, json_object_get(obj, key), key, out);
}

/*
 * Reads obj[key] as an ISO date (YYYY, YYYY-MM, YYYY-MM-DD) or an integer year, written
 * into buf (16 bytes) for integers; *out NULL when absent. 0, or -1 (message).
 */
static int
get_date(struct imp *im, json_t *obj, const char *key, char *buf, const char **out)
{
	json_t    *v = json_object_get(obj, key);
	json_int_t y;

	if (json_is_integer(v)) {
		y = json_integer_value(v);
		snprintf(buf, 16, "%lld", (long long)y);
		if (!valid_date(buf))
			return fail(im, key, "year out of range");
		*out = buf;
		return 0;
	}
	if (val_text(im, v, key, out) == -1)
		return -1;
	if (*out != NULL && !valid_date(*out))
		return fail(im, key,
		    "not an ISO date (YYYY, YYYY-MM or "
		    "YYYY-MM-DD)");
	return 0;
}

/* Reads obj[key] as an integer in [lo, hi]; *out -1 when absent. 0, or -1 (message). */
static int
get_int(struct imp *im, json_t *obj, const char *key, long long lo, long long hi, long long *out)
{
	json_t *v = json_object_get(obj, key);

	*out = -1;
	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_integer(v))
		return fail(im, key, "expected an integer");
	if (json_integer_value(v) < lo || json_integer_value(v) > hi)
		return fail(im, key, "integer out of range %lld-%lld", lo, hi);
	*out = (long long)json_integer_value(v);
	return 0;
}

/* Reads obj[key] as true/false or "Yes"/"No" into 1/0; *out -1 when absent. */
static int
get_bool(struct imp *im, json_t *obj, const char *key, long long *out)
{
	json_t *v = json_object_get(obj, key);

	*out = -1;
	if (v == NULL || json_is_null(v))
		return 0;
	if (json_is_boolean(v))
		*out = json_is_true(v) ? 1 : 0;
	else if (json_is_string(v) && label_eq(json_string_value(v), "yes"))
		*out = 1;
	else if (json_is_string(v) && label_eq(json_string_value(v), "no"))
		*out = 0;
	else
		return fail(im, key, "expected true, false, \"Yes\" or \"No\"");
	return 0;
}

/*
 * Reads v as one of the aliases of dom's codes (case and '_'/' ' ignored) and sets *out
 * to its code; *out NULL when absent. 0, or -1 (message listing the aliases).
 */
static int
val_enum(struct imp *im, json_t *v, const char *key, const struct domain *dom, const char **out)
{
	char               list[256] = "";
	const char *const *a;
	const char        *code;
	size_t             i;

	if (val_text(im, v, key, out) == -1)
		return -1;
	if (*out == NULL)
		return 0;
	if ((code = domain_alias(dom, *out, label_eq)) != NULL) {
		*out = code;
		return 0;
	}
	for (i = 0; i < dom->n; i++)
		for (a = dom->codes[i].aliases; a != NULL && *a != NULL; a++)
			list_add(list, sizeof list, *a, strlen(*a));
	return fail(im, key, "not an allowed value (one of: %s)", list);
}

/* Reads obj[key] as one of dom's aliases (see val_enum). */
static int
get_enum(struct imp *im, json_t *obj, const char *key, const struct domain *dom, const char **out)
{
	return val_enum(im, json_object_get(obj, key), key, dom, out);
}

/*
 * Reads obj[key] as a percentage: an integer or "50%" / "50", 0-100; *out -1 when
 * absent. 0, or -1 (message).
 */
static int
get_percent(struct imp *im, json_t *obj, const char *key, long long *out)
{
	json_t     *v = json_object_get(obj, key);
	const char *s;
	size_t      n;
	int         p;

	if (v == NULL || json_is_null(v) || json_is_integer(v))
		return get_int(im, obj, key, 0, 100, out);
	if (val_text(im, v, key, &s) == -1)
		return -1;
	n = strlen(s);
	if (n > 0 && s[n - 1] == '%')
		n--;
	if (n < 1 || n > 3 || (p = valid_digits(s, (int)n)) < 0 || p > 100)
		return fail(im, key, "not a percentage 0-100 such as \"50%%\"");
	*out = p;
	return 0;
}

/*
 * Runs fn(im, item, index, arg) on each item of the array obj[key], with the path set
 * to key[index]; items must have JSON type want. Absent or null does nothing.
 * 0, or -1 at the first failure (message).
 */
static int
each_item(struct imp *im, json_t *obj, const char *key, json_type want, item_fn fn, void *arg)
{
	json_t *arr = json_object_get(obj, key), *item;
	size_t  i, mark, back;
	int     rc = 0;

	if (arr == NULL || json_is_null(arr))
		return 0;
	if (!json_is_array(arr))
		return fail(im, key, "expected an array");
	if (json_array_size(arr) > IMP_ARRAY_MAX)
		return fail(im, key, "more than %d items", IMP_ARRAY_MAX);
	mark = path_key(im, key);
	json_array_foreach(arr, i, item)
	{
		back = path_index(im, i);
		if (json_typeof(item) != want)
			rc = fail(im, NULL, "expected %s",
			    want == JSON_OBJECT ? "an object" : "a string");
		else
			rc = fn(im, item, i, arg);
		path_back(im, back);
		if (rc == -1)
			break;
	}
	path_back(im, mark);
	return rc;
}

/* ------------------------------------------------------------- links */

/* Starts the set of links of one owner. */
static void
links_start(struct linkset *ls, enum owner_col col, sqlite3_int64 id)
{
	ls->col = col;
	ls->id = id;
	ls->n = 0;
}

/*
 * Upserts link (owner, url, kind) at the next position of ls; a pair already in ls is
 * skipped. url must be valid and outlive ls. 0, or -1 (message).
 */
static int
link_add(struct imp *im, struct linkset *ls, const char *url, const char *kind)
{
	struct binder b;
	sqlite3_int64 id = 0;
	size_t        i;
	int           o;

	for (i = 0; i < ls->n; i++)
		if (strcmp(ls->url[i], url) == 0 && strcmp(ls->kind[i], kind) == 0)
			return 0;
	if (ls->n == IMP_LIST_MAX)
		return fail(im, NULL, "more than %d links", IMP_LIST_MAX);
	ls->url[ls->n] = url;
	ls->kind[ls->n++] = kind;
	b = bind_start(im, LD_LINK_FIND);
	b_text(&b, 1, kind);
	b_text(&b, 2, url);
	for (o = 0; o < OWN__MAX; o++)
		b_id(&b, 3 + o, o == (int)ls->col ? ls->id : 0);
	if (run(im, &b, &id) == -1)
		return -1;
	b = bind_start(im, id != 0 ? LD_LINK_POSITION : LD_LINK_INSERT);
	if (id != 0) {
		b_id(&b, 1, id);
		b_int(&b, 2, (long long)ls->n);
		return run(im, &b, NULL);
	}
	b_text(&b, 1, kind);
	b_text(&b, 2, url);
	for (o = 0; o < OWN__MAX; o++)
		b_id(&b, 3 + o, o == (int)ls->col ? ls->id : 0);
	b_int(&b, 8, (long long)ls->n);
	return run(im, &b, NULL);
}

/* Argument of link_item. */
struct link_arg {
	struct linkset *ls;
	const char     *kind;
};

/* Item callback: adds the URL string item to ((struct link_arg *)arg)->ls. */
static int
link_item(struct imp *im, json_t *item, size_t idx, void *arg)
{
	struct link_arg *a = arg;
	const char      *url;

	(void)idx;
	if (val_url(im, item, NULL, &url) == -1)
		return -1;
	return link_add(im, a->ls, url, a->kind);
}

/* Adds each URL of the array obj[key] as a link of kind to ls. 0, or -1 (message). */
static int
link_array(struct imp *im, json_t *obj, const char *key, struct linkset *ls, const char *kind)
{
	struct link_arg arg = { ls, kind };

	return each_item(im, obj, key, JSON_STRING, link_item, &arg);
}

/* ----------------------------------------------------------- entities */

/*
 * Sorts one parenthetical of a body name: an UNCERTAIN mark, a lower-case remark or a
 * ';' list is a qualifier; an acronym is kept in pacr (a second one names the parent);
 * anything else is a gloss. 0, or -1 when a part is too long.
 */
static int
body_paren(struct body *b, const char *s, size_t n)
{
	char t[IMP_NAME_MAX];

	if (copy_trim(t, sizeof t, s, n) == -1)
		return -1;
	n = strlen(t);
	if (n == 0)
		return 0;
	if (strstr(t, "UNCERTAIN") != NULL || is_lower((unsigned char)t[0]) ||
	    strchr(t, ';') != NULL)
		return list_add(b->qual, sizeof b->qual, t, n);
	if (is_acronym(t, n) && b->pacr[0] == '\0')
		return copy_trim(b->pacr, sizeof b->pacr, t, n);
	if (is_acronym(t, n))
		return copy_trim(b->parent, sizeof b->parent, t, n);
	if (b->gloss[0] == '\0')
		return copy_trim(b->gloss, sizeof b->gloss, t, n);
	return list_add(b->qual, sizeof b->qual, t, n);
}

/*
 * Copies s into rest without its top-level parentheticals, which go to body_paren; a
 * trailing ", lower-case remark" becomes a qualifier. 0, or -1 when too long.
 */
static int
body_strip(struct body *b, const char *s, char *rest, size_t cap)
{
	size_t i, n = 0, open = 0;
	int    depth = 0;

	for (i = 0; s[i] != '\0'; i++) {
		if (depth == 0 && s[i] == ',' && s[i + 1] == ' ' &&
		    is_lower((unsigned char)s[i + 2])) {
			if (list_add(b->qual, sizeof b->qual, s + i + 2, strlen(s + i + 2)) == -1)
				return -1;
			break;
		}
		if (s[i] == '(' && depth++ == 0) {
			open = i + 1;
			continue;
		}
		if (s[i] == ')' && depth > 0 && --depth == 0) {
			if (body_paren(b, s + open, i - open) == -1)
				return -1;
			continue;
		}
		if (depth == 0 && n + 1 < cap && !(s[i] == ' ' && n > 0 && rest[n - 1] == ' '))
			rest[n++] = s[i];
	}
	return copy_trim(rest, cap, rest, n);
}

/*
 * Parses a body string: "ACR – Name", "Name (ACR)", "ACR", "Name", each with optional
 * qualifiers (see body_strip). 0, or -1 when a part is too long.
 */
static int
body_parse(struct body *b, const char *s)
{
	static const char dash[] = " \xe2\x80\x93 "; /* " – " */
	char              rest[IMP_NAME_MAX];
	const char       *d;
	size_t            left;

	memset(b, 0, sizeof *b);
	if (body_strip(b, s, rest, sizeof rest) == -1)
		return -1;
	if ((d = strstr(rest, dash)) != NULL) {
		left = (size_t)(d - rest);
		d += sizeof dash - 1;
		if (is_acronym(rest, left)) {
			if (copy_trim(b->acr, sizeof b->acr, rest, left) == -1 ||
			    copy_trim(b->name, sizeof b->name, d, strlen(d)) == -1)
				return -1;
		} else if (is_lower((unsigned char)*d)) {
			if (list_add(b->qual, sizeof b->qual, d, strlen(d)) == -1 ||
			    copy_trim(b->name, sizeof b->name, rest, left) == -1)
				return -1;
		} else if (copy_trim(b->name, sizeof b->name, rest, strlen(rest)) == -1)
			return -1;
	} else if (is_acronym(rest, strlen(rest))) {
		if (copy_trim(b->acr, sizeof b->acr, rest, strlen(rest)) == -1)
			return -1;
	} else if (copy_trim(b->name, sizeof b->name, rest, strlen(rest)) == -1)
		return -1;
	if (b->acr[0] == '\0')
		memcpy(b->acr, b->pacr, sizeof b->acr);
	else if (b->pacr[0] != '\0' && strcmp(b->acr, b->pacr) != 0)
		memcpy(b->parent, b->pacr, sizeof b->parent);
	b->pt = is_portuguese(b->name);
	return 0;
}

/* The known_bodies entry for b (by acronym, else by name), or NULL. */
static const struct known_body *
known_lookup(const struct body *b)
{
	const struct known_body *k;

	for (k = known_bodies; k->kind != NULL; k++) {
		if (b->acr[0] != '\0' && k->acronym != NULL && strcmp(b->acr, k->acronym) == 0)
			return k;
		if (b->acr[0] == '\0' && k->name != NULL && strcmp(b->name, k->name) == 0)
			return k;
	}
	return NULL;
}

/* The entity id matching b by acronym (case-sensitive), else by name; 0 when none. */
static int
entity_find(struct imp *im, const struct body *b, sqlite3_int64 *id)
{
	struct binder bd;

	bd = bind_start(im, b->acr[0] != '\0' ? LD_ENTITY_BY_ACRONYM : LD_ENTITY_BY_NAME);
	b_text(&bd, 1, b->acr[0] != '\0' ? b->acr : b->name);
	return run(im, &bd, id);
}

/*
 * Writes into out (cap > IMP_SLUG_MAX) a slug made from base that no entity holds yet,
 * adding "-2", "-3"... when needed. 0, or -1 (message).
 */
static int
entity_slug(struct imp *im, const char *base, char *out, size_t cap)
{
	char          stem[IMP_SLUG_MAX + 1];
	struct binder b;
	sqlite3_int64 id = 0;
	unsigned int  i;

	if (slugify(base, stem, sizeof stem) == 0)
		return fail(im, NULL,
		    "no letters or digits to make a slug "
		    "from \"%.60s\"",
		    base);
	for (i = 1; i < 100; i++) {
		if (i == 1)
			snprintf(out, cap, "%s", stem);
		else
			snprintf(out, cap, "%.*s-%u", IMP_SLUG_MAX - 3, stem, i);
		b = bind_start(im, LD_ENTITY_BY_SLUG);
		b_text(&b, 1, out);
		if (run(im, &b, &id) == -1)
			return -1;
		if (id == 0)
			return 0;
	}
	return fail(im, NULL, "no free slug for \"%.60s\"", base);
}

/*
 * Inserts b as a new non-member entity: names from the string, else from known_bodies;
 * a body known only by its acronym gets it as both names. Kind from known_bodies, else
 * 'other'. *id gets the new id. 0, or -1 (message).
 */
static int
entity_insert(struct imp *im, const struct body *b, const struct known_body *k, sqlite3_int64 *id)
{
	char          slug[IMP_SLUG_MAX + 1];
	const char   *pt = NULL, *en = NULL;
	struct binder bd;

	if (b->name[0] != '\0')
		*(b->pt ? &pt : &en) = b->name;
	if (pt == NULL && k != NULL)
		pt = k->name_pt;
	if (en == NULL && k != NULL)
		en = k->name_en;
	if (pt == NULL && en == NULL)
		pt = en = b->acr;
	if (entity_slug(im, b->acr[0] != '\0' ? b->acr : b->name, slug, sizeof slug) == -1)
		return -1;
	bd = bind_start(im, LD_ENTITY_INSERT);
	b_text(&bd, 1, slug);
	b_text(&bd, 2, b->acr[0] != '\0' ? b->acr : NULL);
	b_text(&bd, 3, pt);
	b_text(&bd, 4, en);
	b_text(&bd, 5, k != NULL ? k->kind : "other");
	b_int(&bd, 6, 0);
	if (run(im, &bd, NULL) == -1)
		return -1;
	*id = load_last_id();
	return 0;
}

/* Sets name_pt (st LD_ENTITY_FILL_PT) or name_en of entity id when still empty. */
static int
entity_fill(struct imp *im, enum load_stmt st, sqlite3_int64 id, const char *name)
{
	struct binder b;

	if (name == NULL || name[0] == '\0')
		return 0;
	b = bind_start(im, st);
	b_id(&b, 1, id);
	b_text(&b, 2, name);
	return run(im, &b, NULL);
}

/*
 * Finds or creates the entity for body b, filling names it lacks from b and from
 * known_bodies. *id gets its id. 0, or -1 (message).
 */
static int
entity_resolve(struct imp *im, struct body *b, sqlite3_int64 *id)
{
	const struct known_body *k = known_lookup(b);

	if (k != NULL && k->acronym != NULL && b->acr[0] == '\0')
		snprintf(b->acr, sizeof b->acr, "%s", k->acronym);
	if (b->acr[0] == '\0' && b->name[0] == '\0')
		return fail(im, NULL, "a body has no name");
	if (entity_find(im, b, id) == -1)
		return -1;
	if (*id == 0)
		return entity_insert(im, b, k, id);
	if (entity_fill(im, LD_ENTITY_FILL_PT, *id, b->pt ? b->name : NULL) == -1 ||
	    entity_fill(im, LD_ENTITY_FILL_EN, *id, b->pt ? NULL : b->name) == -1)
		return -1;
	if (k == NULL)
		return 0;
	if (entity_fill(im, LD_ENTITY_FILL_PT, *id, k->name_pt) == -1)
		return -1;
	return entity_fill(im, LD_ENTITY_FILL_EN, *id, k->name_en);
}

/* ------------------------------------------------------------ members */

/*
 * Builds the member's note in im->note from its name qualifiers, the body it belongs to
 * and its "note" field. Returns 0 when the note says it is not a separate member, else 1.
 */
static int
member_note(struct imp *im, const struct body *b, const char *note)
{
	char part[IMP_ACR_MAX + 16];

	buf_reset(&im->note);
	sentence_x(&im->note, NULL, b->qual, 1);
	if (b->parent[0] != '\0') {
		snprintf(part, sizeof part, "Part of %s", b->parent);
		sentence(&im->note, NULL, part);
	}
	if (note == NULL)
		return 1;
	sentence_x(&im->note, NULL, note, 1);
	return !(contains_ci(note, "not listed as separate member") ||
	    contains_ci(note, "not listed as a member") || contains_ci(note, "not a member"));
}

/*
 * Names of a member: a Portuguese name goes to name_pt and a parenthetical English
 * name after it ("Provedor de Justiça (Ombudsman)") to name_en; a non-Portuguese name
 * goes to name_en; a member known only by its acronym gets it as both names.
 */
static void
member_names(const struct body *b, const char **pt, const char **en)
{
	*pt = *en = NULL;
	if (b->name[0] == '\0')
		*pt = *en = b->acr;
	else if (b->pt) {
		*pt = b->name;
		*en = b->gloss[0] != '\0' ? b->gloss : NULL;
	} else
		*en = b->name;
}

/* Finds the member row: by slug, else by acronym; *id 0 when new. 0, or -1. */
static int
member_find(struct imp *im, const char *slug, const char *acr, sqlite3_int64 *id)
{
	struct binder b = bind_start(im, LD_ENTITY_BY_SLUG);

	b_text(&b, 1, slug);
	if (run(im, &b, id) == -1)
		return -1;
	if (*id != 0 || acr == NULL)
		return 0;
	b = bind_start(im, LD_ENTITY_BY_ACRONYM);
	b_text(&b, 1, acr);
	return run(im, &b, id);
}

/*
 * Item callback for members[]: "ACR – Portuguese name (remarks)" becomes an entity with
 * is_member 1 (0 when its note says it is not a separate member). 0, or -1 (message).
 */
static int
load_member(struct imp *im, json_t *m, size_t idx, void *arg)
{
	const char   *name, *kind, *src, *note, *acr, *pt, *en;
	char          slug[IMP_SLUG_MAX + 1];
	struct body   b;
	struct binder bd;
	sqlite3_int64 id = 0;
	int           member;

	(void)idx, (void)arg;
	if (get_text(im, m, "name", &name) == -1 ||
	    get_enum(im, m, "kind", domain(DOM_ENTITY_KIND), &kind) == -1 ||
	    get_url(im, m, "source", &src) == -1 || get_text(im, m, "note", &note) == -1)
		return -1;
	if (name == NULL)
		return fail(im, "name", "required");
	if (strlen(name) >= IMP_NAME_MAX || body_parse(&b, name) == -1)
		return fail(im, "name", "longer than %d bytes", IMP_NAME_MAX - 1);
	member = member_note(im, &b, note);
	if (scratch_check(im) == -1)
		return -1;
	acr = b.acr[0] != '\0' ? b.acr : NULL;
	if (slugify(acr != NULL ? acr : b.name, slug, sizeof slug) == 0)
		return fail(im, "name", "no letters or digits to make a slug");
	if (member_find(im, slug, acr, &id) == -1)
		return -1;
	bd = bind_start(im, id != 0 ? LD_ENTITY_UPDATE : LD_ENTITY_INSERT);
	if (id != 0)
		b_id(&bd, 1, id);
	else
		b_text(&bd, 1, slug);
	b_text(&bd, 2, acr);
	member_names(&b, &pt, &en);
	b_text(&bd, 3, pt);
	b_text(&bd, 4, en);
	b_text(&bd, 5, kind);
	b_int(&bd, 6, member);
	b_text(&bd, 7, buf_text(&im->note));
	b_text(&bd, 8, src);
	return run(im, &bd, NULL);
}

/* -------------------------------------------------- commitment bodies */

/*
 * Adds entity id to role r of rs unless it is already there. 0, or -1 (message) when
 * the role already holds IMP_LIST_MAX bodies.
 */
static int
roles_add(struct imp *im, struct roles *rs, enum role r, sqlite3_int64 id)
{
	size_t i;

	for (i = 0; i < rs->n[r]; i++)
		if (rs->id[r][i] == id)
			return 0;
	if (rs->n[r] == IMP_LIST_MAX)
		return fail(im, NULL, "more than %d bodies", IMP_LIST_MAX);
	rs->id[r][rs->n[r]++] = id;
	return 0;
}

/* Adds "Lead body (LABEL): qualifiers." to the note. */
static void
body_note(struct imp *im, enum role r, const char *label, const char *qual)
{
	char prefix[IMP_NAME_MAX + 32];

	snprintf(prefix, sizeof prefix, "%s (%s)", role_body[r], label);
	sentence(&im->note, prefix, qual);
}

/*
 * Handles one ';'-separated part of a body list. A part that starts in lower case
 * qualifies the body before it (label), or, like "All ..." parts, is not a body and
 * goes to the note; anything else is resolved to an entity. 0, or -1 (message).
 */
static int
body_segment(
    struct imp *im, const char *seg, enum role r, struct roles *rs, char *label, size_t cap)
{
	struct body   b;
	sqlite3_int64 id = 0;

	if (seg[0] == '\0')
		return 0;
	if (is_lower((unsigned char)seg[0]) && label[0] != '\0') {
		body_note(im, r, label, seg);
		return 0;
	}
	if (is_lower((unsigned char)seg[0]) || strncmp(seg, "All ", 4) == 0) {
		sentence(&im->note, role_other[r], seg);
		return 0;
	}
	if (body_parse(&b, seg) == -1)
		return fail(im, NULL, "body name longer than %d bytes", IMP_NAME_MAX - 1);
	if (entity_resolve(im, &b, &id) == -1 || roles_add(im, rs, r, id) == -1)
		return -1;
	snprintf(label, cap, "%s", b.acr[0] != '\0' ? b.acr : b.name);
	if (b.qual[0] != '\0')
		body_note(im, r, label, b.qual);
	return 0;
}

/* Splits s at top-level ';' and handles each part with body_segment. 0, or -1. */
static int
body_list(struct imp *im, const char *s, enum role r, struct roles *rs)
{
	char   seg[IMP_NAME_MAX], label[IMP_NAME_MAX] = "";
	size_t i, start = 0;
	int    depth = 0;

	for (i = 0;; i++) {
		if (s[i] == '(')
			depth++;
		else if (s[i] == ')' && depth > 0)
			depth--;
		if (s[i] != '\0' && (s[i] != ';' || depth > 0))
			continue;
		if (copy_trim(seg, sizeof seg, s + start, i - start) == -1)
			return fail(im, NULL, "body name longer than %d bytes", IMP_NAME_MAX - 1);
		if (body_segment(im, seg, r, rs, label, sizeof label) == -1)
			return -1;
		if (s[i] == '\0')
			return 0;
		start = i + 1;
	}
}

/* Argument of body_item. */
struct body_arg {
	struct roles *rs;
	enum role     r;
};

/* Item callback: one string of a support list (see body_list). */
static int
body_item(struct imp *im, json_t *item, size_t idx, void *arg)
{
	struct body_arg *a = arg;
	const char      *s;

	(void)idx;
	if (val_text(im, item, NULL, &s) == -1)
		return -1;
	return body_list(im, s, a->r, a->rs);
}

/* Resolves obj[key] (a string or an array of strings) as bodies of role r. 0, or -1. */
static int
body_field(struct imp *im, json_t *obj, const char *key, enum role r, struct roles *rs)
{
	struct body_arg arg = { rs, r };
	const char     *s;
	size_t          mark;
	int             rc;

	if (json_is_array(json_object_get(obj, key)))
		return each_item(im, obj, key, JSON_STRING, body_item, &arg);
	if (get_text(im, obj, key, &s) == -1)
		return -1;
	if (s == NULL)
		return 0;
	mark = path_key(im, key);
	rc = body_list(im, s, r, rs);
	path_back(im, mark);
	return rc;
}

/*
 * Resolves lead_entity, support_entities and related_partners (as support) of c into
 * rs, adding their qualifiers to im->note. 0, or -1 (message).
 */
static int
body_fields(struct imp *im, json_t *c, struct roles *rs)
{
	size_t before;

	memset(rs->n, 0, sizeof rs->n);
	if (body_field(im, c, "lead_entity", ROLE_LEAD, rs) == -1 ||
	    body_field(im, c, "support_entities", ROLE_SUPPORT, rs) == -1)
		return -1;
	before = rs->n[ROLE_SUPPORT];
	if (body_field(im, c, "related_partners", ROLE_SUPPORT, rs) == -1)
		return -1;
	if (rs->n[ROLE_SUPPORT] > before)
		sentence(&im->note, NULL,
		    "Support bodies listed as related "
		    "partners by the source");
	return 0;
}

/* Writes the commitment_entity rows of rs for commitment cid, positions from 1. */
static int
roles_save(struct imp *im, const struct roles *rs, sqlite3_int64 cid)
{
	struct binder b;
	size_t        r, i;

	for (r = 0; r < ROLE__MAX; r++)
		for (i = 0; i < rs->n[r]; i++) {
			b = bind_start(im, LD_COMMITMENT_ENTITY);
			b_id(&b, 1, cid);
			b_id(&b, 2, rs->id[r][i]);
			b_text(&b, 3, role_db[r]);
			b_int(&b, 4, (long long)i + 1);
			if (run(im, &b, NULL) == -1)
				return -1;
		}
	return 0;
}

/* -------------------------------------------------------- commitments */

/*
 * Copies title into out without a trailing "(... UNCERTAIN ...)" mark, which becomes
 * the sentence "<what>: <mark>." of the note. Returns out's text or NULL.
 */
static const char *
strip_mark(struct imp *im, const char *title, struct buf *out, const char *what)
{
	const char *open;
	size_t      n;

	buf_reset(out);
	if (title == NULL)
		return NULL;
	n = strlen(title);
	open = strrchr(title, '(');
	if (n > 0 && title[n - 1] == ')' && open != NULL && open > title &&
	    strstr(open, "UNCERTAIN") != NULL) {
		buf_put(out, open + 1, n - (size_t)(open - title) - 2);
		sentence(&im->note, what, buf_text(out));
		buf_reset(out);
		n = (size_t)(open - title);
		while (n > 0 && title[n - 1] == ' ')
			n--;
	}
	buf_put(out, title, n);
	return buf_text(out);
}

/* Reads the identity, titles, texts and dates of commitment c into cm. 0, or -1. */
static int
cmt_texts(struct imp *im, json_t *c, struct cmt *cm)
{
	const char *tpt, *ten, *unc;

	if (get_text(im, c, "ogp_id", &cm->ogp_id) == -1 ||
	    get_int(im, c, "number", 1, 999, &cm->number) == -1 ||
	    get_text(im, c, "title_pt", &tpt) == -1 || get_text(im, c, "title_en", &ten) == -1 ||
	    get_text(im, c, "summary_pt", &cm->summary_pt) == -1 ||
	    get_text(im, c, "summary_en", &cm->summary_en) == -1 ||
	    get_text(im, c, "uncertain", &unc) == -1 ||
	    get_text(im, c, "cluster", &cm->cluster) == -1 ||
	    get_date(im, c, "start", cm->sbuf, &cm->start) == -1 ||
	    get_date(im, c, "end", cm->ebuf, &cm->end) == -1)
		return -1;
	if (cm->ogp_id == NULL)
		return fail(im, "ogp_id", "required");
	if (!valid_ogp_id(cm->ogp_id))
		return fail(im, "ogp_id",
		    "not an OGP id (two capital letters "
		    "and four digits, e.g. PT0013)");
	if (unc != NULL)
		sentence(&im->note, NULL, unc);
	cm->title_pt = strip_mark(im, tpt, &im->t1, "Portuguese title");
	cm->title_en = strip_mark(im, ten, &im->t2, "English title");
	return 0;
}

/* Reads the IRM indicators of commitment c into cm. 0, or -1 (message). */
static int
cmt_irm(struct imp *im, json_t *c, struct cmt *cm)
{
	if (get_enum(im, c, "verifiable", domain(DOM_YESNO), &cm->verifiable) == -1 ||
	    get_enum(im, c, "relevant_to_ogp_values", domain(DOM_YESNO), &cm->relevant) == -1 ||
	    get_enum(im, c, "ambition", domain(DOM_AMBITION), &cm->ambition) == -1 ||
	    get_enum(im, c, "potential_impact", domain(DOM_POTENTIAL_IMPACT), &cm->impact) == -1 ||
	    get_enum(im, c, "potential_for_results", domain(DOM_POTENTIAL_RESULTS), &cm->results) ==
		-1 ||
	    get_bool(im, c, "promising", &cm->promising) == -1 ||
	    get_enum(im, c, "completion", domain(DOM_IRM_COMPLETION), &cm->completion) == -1 ||
	    get_enum(im, c, "did_it_open_government", domain(DOM_DIOG), &cm->diog) == -1 ||
	    get_enum(im, c, "early_results", domain(DOM_EARLY_RESULTS), &cm->early) == -1)
		return -1;
	return get_enum(im, c, "starred", domain(DOM_STARRED), &cm->starred);
}

/* Upserts the commitment row of cm in plan plan_id; *cid gets its id. 0, or -1. */
static int
cmt_save(struct imp *im, const struct cmt *cm, sqlite3_int64 plan_id, sqlite3_int64 *cid)
{
	const char   *v[] = { cm->title_pt, cm->title_en, cm->summary_pt, cm->summary_en, cm->start,
		  cm->end, cm->verifiable, cm->relevant, cm->ambition, cm->impact, cm->results };
	const char   *w[] = { cm->completion, cm->diog, cm->early, cm->starred, cm->cluster,
		  buf_text(&im->note) };
	struct binder b = bind_start(im, LD_COMMITMENT_UPSERT);
	size_t        i;

	if (scratch_check(im) == -1)
		return -1;
	b_text(&b, 1, cm->ogp_id);
	b_id(&b, 2, plan_id);
	b_int(&b, 3, cm->number);
	for (i = 0; i < sizeof v / sizeof v[0]; i++)
		b_text(&b, 4 + (int)i, v[i]);
	b_int(&b, 15, cm->promising);
	for (i = 0; i < sizeof w / sizeof w[0]; i++)
		b_text(&b, 16 + (int)i, w[i]);
	if (run(im, &b, NULL) == -1)
		return -1;
	b = bind_start(im, LD_COMMITMENT_ID);
	b_text(&b, 1, cm->ogp_id);
	return run(im, &b, cid);
}

/* Item callback for ogp_values[]: links one OGP value to commitment *arg. */
static int
value_item(struct imp *im, json_t *item, size_t idx, void *arg)
{
	const char   *value;
	struct binder b;

	(void)idx;
	if (val_enum(im, item, NULL, domain(DOM_OGP_VALUE), &value) == -1)
		return -1;
	b = bind_start(im, LD_COMMITMENT_VALUE);
	b_id(&b, 1, *(sqlite3_int64 *)arg);
	b_text(&b, 2, value);
	return run(im, &b, NULL);
}

/* Item callback for policy_areas[]: upserts the area, links it to commitment *arg. */
static int
area_item(struct imp *im, json_t *item, size_t idx, void *arg)
{
	char          slug[IMP_SLUG_MAX + 1];
	const char   *name, *pt = NULL;
	struct binder b;
	sqlite3_int64 id = 0;
	size_t        i;

	(void)idx;
	if (val_text(im, item, NULL, &name) == -1)
		return -1;
	if (slugify(name, slug, sizeof slug) == 0)
		return fail(im, NULL, "no letters or digits to make a slug");
	for (i = 0; area_pt[i].in != NULL && pt == NULL; i++)
		if (strcmp(area_pt[i].in, name) == 0)
			pt = area_pt[i].out;
	b = bind_start(im, LD_AREA_UPSERT);
	b_text(&b, 1, slug);
	b_text(&b, 2, pt);
	b_text(&b, 3, name);
	if (run(im, &b, NULL) == -1)
		return -1;
	b = bind_start(im, LD_AREA_ID);
	b_text(&b, 1, slug);
	if (run(im, &b, &id) == -1)
		return -1;
	b = bind_start(im, LD_COMMITMENT_AREA);
	b_id(&b, 1, *(sqlite3_int64 *)arg);
	b_id(&b, 2, id);
	return run(im, &b, NULL);
}

/*
 * Item callback for milestones[]: position index + 1, title as title_en (the research
 * file's milestone titles are English), "50%" self-reported progress. 0, or -1.
 */
static int
load_milestone(struct imp *im, json_t *m, size_t idx, void *arg)
{
	const char   *title = NULL, *tpt = NULL, *ten = NULL, *start = NULL, *end = NULL;
	const char   *status = NULL;
	char          sbuf[16], ebuf[16];
	long long     progress;
	struct binder b;

	if (get_text(im, m, "title", &title) == -1 || get_text(im, m, "title_pt", &tpt) == -1 ||
	    get_text(im, m, "title_en", &ten) == -1 ||
	    get_date(im, m, "start", sbuf, &start) == -1 ||
	    get_date(im, m, "end", ebuf, &end) == -1 ||
	    get_enum(im, m, "status", domain(DOM_MS_STATUS), &status) == -1 ||
	    get_percent(im, m, "self_reported_progress", &progress) == -1)
		return -1;
	b = bind_start(im, LD_MILESTONE_UPSERT);
	b_id(&b, 1, *(sqlite3_int64 *)arg);
	b_int(&b, 2, (long long)idx + 1);
	b_text(&b, 3, tpt);
	b_text(&b, 4, ten != NULL ? ten : title);
	b_text(&b, 5, start);
	b_text(&b, 6, end);
	b_text(&b, 7, status);
	b_int(&b, 8, progress); /* NOLINT(clang-analyzer-core.CallAndMessage): set by get_percent */
	b_text(&b, 9, progress >= 0 ? "self-reported" : NULL);
	return run(im, &b, NULL);
}

/* Link kind for a commitment's source URL: its OGP page, or another source. */
static const char *
source_kind(const char *url)
{
	const char *host = strstr(url, "://");

	if (host == NULL)
		return "source";
	host += 3;
	if ((strncmp(host, "www.opengovpartnership.org/", 27) == 0 ||
		strncmp(host, "opengovpartnership.org/", 23) == 0) &&
	    strstr(host, "/commitments/") != NULL)
		return "ogp_page";
	return "source";
}

/* Writes the links, values, areas and milestones of commitment c (id cid). */
static int
cmt_children(struct imp *im, json_t *c, sqlite3_int64 cid)
{
	struct linkset *ls;
	const char     *src;
	int             rc = -1;

	if ((ls = calloc(1, sizeof *ls)) == NULL)
		return fail(im, NULL, "out of memory");
	links_start(ls, OWN_COMMITMENT, cid);
	if (get_url(im, c, "source", &src) == 0 &&
	    (src == NULL || link_add(im, ls, src, source_kind(src)) == 0) &&
	    link_array(im, c, "extra_sources", ls, "source") == 0 &&
	    each_item(im, c, "ogp_values", JSON_STRING, value_item, &cid) == 0 &&
	    each_item(im, c, "policy_areas", JSON_STRING, area_item, &cid) == 0)
		rc = each_item(im, c, "milestones", JSON_OBJECT, load_milestone, &cid);
	free(ls);
	return rc;
}

/*
 * Item callback for commitments[] of plan *arg: the row (with its note built from the
 * uncertain text, title marks, body qualifiers and self-reported progress), then its
 * bodies and children. 0, or -1 (message).
 */
static int
load_commitment(struct imp *im, json_t *c, size_t idx, void *arg)
{
	struct cmt    cm;
	struct roles *rs;
	const char   *self;
	sqlite3_int64 cid = 0;
	int           rc = -1;

	(void)idx;
	memset(&cm, 0, sizeof cm);
	buf_reset(&im->note);
	if ((rs = calloc(1, sizeof *rs)) == NULL)
		return fail(im, NULL, "out of memory");
	if (cmt_texts(im, c, &cm) == 0 && cmt_irm(im, c, &cm) == 0 && body_fields(im, c, rs) == 0 &&
	    get_text(im, c, "self_reported_progress", &self) == 0) {
		if (self != NULL)
			sentence(&im->note, "Self-reported progress", self);
		if (cmt_save(im, &cm, *(sqlite3_int64 *)arg, &cid) == 0 &&
		    roles_save(im, rs, cid) == 0)
			rc = cmt_children(im, c, cid);
	}
	free(rs);
	return rc;
}

/* -------------------------------------------------------------- plans */

/*
 * Plan stage derived from its years and the current year: closed after its end year,
 * implementation within its years, preparation before; NULL when a year is missing.
 */
static const char *
plan_status(const struct imp *im, const char *start, const char *end)
{
	int s, e;

	if (start == NULL || end == NULL)
		return NULL;
	s = valid_digits(start, 4);
	e = valid_digits(end, 4);
	if (e < im->year)
		return "closed";
	return s <= im->year ? "implementation" : "preparation";
}

/*
 * Splits "PT title / EN title" into im->t1 and im->t2 (a title without " / " is taken
 * as English). Sets *pt and *en (NULL when empty).
 */
static void
plan_titles(struct imp *im, const char *title, const char **pt, const char **en)
{
	const char *sep = title != NULL ? strstr(title, " / ") : NULL;

	buf_reset(&im->t1);
	buf_reset(&im->t2);
	if (sep != NULL) {
		buf_put(&im->t1, title, (size_t)(sep - title));
		buf_puts(&im->t2, sep + 3);
	} else if (title != NULL)
		buf_puts(&im->t2, title);
	*pt = buf_text(&im->t1);
	*en = buf_text(&im->t2);
}

/* Reads the fields of plan object p into *pl. 0, or -1 (message). */
static int
plan_read(struct imp *im, json_t *p, struct plan *pl)
{
	if (get_int(im, p, "number", 1, 999, &pl->number) == -1 ||
	    get_text(im, p, "title", &pl->title) == -1 ||
	    get_date(im, p, "period_start", pl->sbuf, &pl->start) == -1 ||
	    get_date(im, p, "period_end", pl->ebuf, &pl->end) == -1 ||
	    get_date(im, p, "published", pl->pbuf, &pl->pub) == -1 ||
	    get_text(im, p, "notes", &pl->notes) == -1 ||
	    get_url(im, p, "document_url", &pl->doc) == -1 ||
	    get_text(im, p, "cocreation_pt", &pl->coc_pt) == -1 ||
	    get_text(im, p, "cocreation_en", &pl->coc_en) == -1 ||
	    get_text(im, p, "summary_pt", &pl->sum_pt) == -1)
		return -1;
	if (pl->number < 0)
		return fail(im, "number", "required");
	return 0;
}

/*
 * Refuses a plan object that holds none of plan_keys when its plan is not stored yet:
 * such an object only adds texts, and a plan needs more than that. 0, or -1 (message).
 */
static int
plan_must_exist(struct imp *im, json_t *p, long long number)
{
	struct binder b;
	sqlite3_int64 id = 0;
	json_t       *v;
	size_t        i;

	for (i = 0; plan_keys[i] != NULL; i++)
		if ((v = json_object_get(p, plan_keys[i])) != NULL && !json_is_null(v))
			return 0;
	b = bind_start(im, LD_PLAN_ID);
	b_int(&b, 1, number);
	if (run(im, &b, &id) == -1)
		return -1;
	if (id == 0)
		return fail(im, "number",
		    "no plan %lld in the database; an object "
		    "with no title, dates, notes, document_url, irm_reports or "
		    "commitments can only update an existing plan",
		    number);
	return 0;
}

/* Upserts plan *pl (see LD_PLAN_UPSERT) and sets *id to its row id. 0, or -1. */
static int
plan_save(struct imp *im, const struct plan *pl, sqlite3_int64 *id)
{
	const char   *pt, *en;
	struct binder b;

	plan_titles(im, pl->title, &pt, &en);
	if (scratch_check(im) == -1)
		return -1;
	b = bind_start(im, LD_PLAN_UPSERT);
	b_int(&b, 1, pl->number);
	b_text(&b, 2, pt);
	b_text(&b, 3, en);
	b_text(&b, 4, pl->start);
	b_text(&b, 5, pl->end);
	b_text(&b, 6, pl->pub);
	b_text(&b, 7, pl->notes);
	b_text(&b, 8, pl->doc);
	b_text(&b, 9, plan_status(im, pl->start, pl->end));
	b_text(&b, 10, pl->coc_pt);
	b_text(&b, 11, pl->coc_en);
	b_text(&b, 12, pl->sum_pt);
	if (run(im, &b, NULL) == -1)
		return -1;
	b = bind_start(im, LD_PLAN_ID);
	b_int(&b, 1, pl->number);
	return run(im, &b, id);
}

/*
 * Item callback for plans[]: upserts the plan, its IRM report links, its commitments.
 * An object with only number and texts updates an existing plan (plan_must_exist).
 */
static int
load_plan(struct imp *im, json_t *p, size_t idx, void *arg)
{
	struct plan    pl;
	struct linkset ls;
	sqlite3_int64  id = 0;

	(void)idx, (void)arg;
	memset(&pl, 0, sizeof pl);
	if (plan_read(im, p, &pl) == -1 || plan_must_exist(im, p, pl.number) == -1 ||
	    plan_save(im, &pl, &id) == -1)
		return -1;
	links_start(&ls, OWN_PLAN, id);
	if (link_array(im, p, "irm_reports", &ls, "irm_report") == -1)
		return -1;
	return each_item(im, p, "commitments", JSON_OBJECT, load_commitment, &id);
}

/* ------------------------------------------------------------- events */

/*
 * Kind of an event from its name: Open Gov Week (or Open Administration Week), an RNAA
 * meeting, a consultation, or other.
 */
static const char *
event_kind(const char *name)
{
	if (contains_ci(name, "open gov week") || contains_ci(name, "open administration week") ||
	    contains_ci(name, "semana da administração aberta"))
		return "open_gov_week";
	if (contains_ci(name, "rnaa meeting"))
		return "network_meeting";
	if (contains_ci(name, "consultation"))
		return "consultation";
	return "other";
}

/* The place the event name states (event_places, as a whole word), or NULL. */
static const char *
event_place(const char *name)
{
	const char *p;
	size_t      i, n;

	for (i = 0; event_places[i] != NULL; i++) {
		n = strlen(event_places[i]);
		for (p = strstr(name, event_places[i]); p != NULL;
		     p = strstr(p + 1, event_places[i]))
			if ((p == name || p[-1] == ' ' || p[-1] == '(') &&
			    strchr("), ", p[n]) != NULL)
				return event_places[i];
	}
	return NULL;
}

/*
 * Splits an undated event's name: a final parenthetical holding a year ("(May 2021)",
 * "(2020, exact date not found)") goes to im->t2 as the date note, the rest to im->t1.
 * Dated events keep their whole name.
 */
static void
event_title(struct imp *im, const char *name, const char *start)
{
	const char *open = strrchr(name, '(');
	size_t      n = strlen(name), i;
	int         year = 0;

	buf_reset(&im->t1);
	buf_reset(&im->t2);
	for (i = 0; open != NULL && open[i] != '\0'; i++)
		if ((open[i] == '1' || open[i] == '2') && valid_digits(open + i, 4) >= 1000)
			year = 1;
	if (start != NULL || !year || open == name || name[n - 1] != ')') {
		buf_puts(&im->t1, name);
		return;
	}
	buf_put(&im->t2, open + 1, n - (size_t)(open - name) - 2);
	n = (size_t)(open - name);
	while (n > 0 && name[n - 1] == ' ')
		n--;
	buf_put(&im->t1, name, n);
}

/* Binds the event columns shared by LD_EVENT_INSERT and LD_EVENT_UPDATE (?1-?9). */
static void
event_bind(struct imp *im, struct binder *b, const char *name, const char *start, const char *end,
    const char *org, const char *url)
{
	b_text(b, 1, buf_text(&im->t1));
	b_text(b, 2, event_kind(name));
	b_text(b, 3, start);
	b_text(b, 4, end);
	b_text(b, 5, buf_text(&im->t2));
	b_text(b, 6, event_place(name));
	b_int(b, 7, strncmp(name, "Webinar", 7) == 0 || strncmp(name, "Online", 6) == 0 ? 1 : -1);
	b_text(b, 8, org);
	b_text(b, 9, url);
}

/* Item callback for events[]: upserts by (title, start date) and links its source. */
static int
load_event(struct imp *im, json_t *e, size_t idx, void *arg)
{
	const char    *name, *start, *end, *org, *url;
	char           sbuf[16], ebuf[16];
	struct linkset ls;
	struct binder  b;
	sqlite3_int64  id = 0;

	(void)idx, (void)arg;
	if (get_text(im, e, "name", &name) == -1 ||
	    get_date(im, e, "date_start", sbuf, &start) == -1 ||
	    get_date(im, e, "date_end", ebuf, &end) == -1 ||
	    get_text(im, e, "organiser", &org) == -1 || get_url(im, e, "source", &url) == -1)
		return -1;
	if (name == NULL || name[0] == '\0')
		return fail(im, "name", "required");
	event_title(im, name, start);
	if (scratch_check(im) == -1)
		return -1;
	b = bind_start(im, LD_EVENT_FIND);
	b_text(&b, 1, buf_text(&im->t1));
	b_text(&b, 2, start);
	if (run(im, &b, &id) == -1)
		return -1;
	b = bind_start(im, id != 0 ? LD_EVENT_UPDATE : LD_EVENT_INSERT);
	event_bind(im, &b, name, start, end, org, url);
	if (id != 0)
		b_id(&b, 10, id);
	if (run(im, &b, NULL) == -1)
		return -1;
	if (id == 0)
		id = load_last_id();
	links_start(&ls, OWN_EVENT, id);
	return url != NULL ? link_add(im, &ls, url, "source") : 0;
}

/* -------------------------------------------------------------- pages */

/* Item callback for pages[]: upserts one page by slug. 0, or -1 (message). */
static int
load_page(struct imp *im, json_t *p, size_t idx, void *arg)
{
	const char   *slug, *tpt, *ten, *bpt, *ben;
	struct binder b;

	(void)idx, (void)arg;
	if (get_text(im, p, "slug", &slug) == -1 || get_text(im, p, "title_pt", &tpt) == -1 ||
	    get_text(im, p, "title_en", &ten) == -1 || get_text(im, p, "body_pt", &bpt) == -1 ||
	    get_text(im, p, "body_en", &ben) == -1)
		return -1;
	if (slug == NULL)
		return fail(im, "slug", "required");
	if (!valid_slug(slug))
		return fail(im, "slug", "not a slug (1-%d of a-z, 0-9, -)", IMP_SLUG_MAX);
	b = bind_start(im, LD_PAGE_UPSERT);
	b_text(&b, 1, slug);
	b_text(&b, 2, tpt);
	b_text(&b, 3, ten);
	b_text(&b, 4, bpt);
	b_text(&b, 5, ben);
	return run(im, &b, NULL);
}

/* --------------------------------------------------------------- file */

/*
 * Parses the file at path into *root (an object), rejecting duplicate keys, files over
 * IMP_FILE_MAX and anything jansson rejects (bad UTF-8, NUL), with the JSON path of
 * the error when it can be found. 0, or -1 (message).
 */
static int
load_root(struct imp *im, const char *path, json_t **root)
{
	json_error_t e;
	struct stat  sb;

	if (stat(path, &sb) == 0 && sb.st_size > IMP_FILE_MAX)
		return fail(im, NULL, "file larger than %ld bytes", IMP_FILE_MAX);
	*root = json_load_file(path, JSON_REJECT_DUPLICATES, &e);
	if (*root == NULL) {
		if (e.position > 0)
			locate_path(im, path, (size_t)e.position);
		if (e.line > 0)
			return fail(im, NULL,
			    "invalid JSON at line %d, column "
			    "%d: %s",
			    e.line, e.column, e.text);
		return fail(im, NULL, "%s", e.text);
	}
	if (!json_is_object(*root))
		return fail(im, NULL, "the top level is not a JSON object");
	return 0;
}

/* Loads every known top-level key of root, bodies first. 0, or -1 (message). */
static int
load_all(struct imp *im, json_t *root)
{
	if (each_item(im, root, "members", JSON_OBJECT, load_member, NULL) == -1 ||
	    each_item(im, root, "plans", JSON_OBJECT, load_plan, NULL) == -1 ||
	    each_item(im, root, "events", JSON_OBJECT, load_event, NULL) == -1)
		return -1;
	return each_item(im, root, "pages", JSON_OBJECT, load_page, NULL);
}

/* Loads root inside BEGIN IMMEDIATE ... COMMIT; rolls back on any error. 0, or -1. */
static int
load_transaction(struct imp *im, json_t *root)
{
	if (store_begin(im->db) != 0)
		return fail(im, NULL, "database error: %s", db_errmsg(im->db));
	if (load_all(im, root) == 0) {
		if (store_commit(im->db) == 0) /* its hook switches the page cache */
			return 0;
		fail(im, NULL, "database error: %s", db_errmsg(im->db));
	}
	store_rollback(im->db);
	return -1;
}

int
import_json_file(sqlite3 *db, const char *path, char *errbuf, size_t errlen)
{
	struct imp *im;
	json_t     *root = NULL;
	struct tm   tm;
	time_t      now = time(NULL);
	int         rc = -1;

	if (errbuf != NULL && errlen > 0)
		errbuf[0] = '\0';
	if ((im = calloc(1, sizeof *im)) == NULL) {
		if (errbuf != NULL && errlen > 0)
			snprintf(errbuf, errlen, "%s: out of memory", path);
		return -1;
	}
	im->db = db;
	im->file = path;
	im->err = errbuf;
	im->errlen = errlen;
	im->year = gmtime_r(&now, &tm) != NULL ? tm.tm_year + 1900 : 1970;
	if (load_root(im, path, &root) == 0)
		rc = load_transaction(im, root);
	json_decref(root);
	buf_free(&im->note);
	buf_free(&im->t1);
	buf_free(&im->t2);
	free(im);
	return rc;
}
