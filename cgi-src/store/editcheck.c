/* editcheck: a submitted form read and validated against the fields of its kind (see
 * editfields.h). */
#include <stdlib.h>
#include <string.h>

#include "lib/consult.h"
#include "lib/valid.h"
#include "store/editfields.h"

#define N(a) (sizeof(a) / sizeof(a)[0])

void
edit_values_free(struct values *v)
{
	size_t i;

	for (i = 0; i < EDIT_FIELDS_MAX; i++) {
		free(v->v[i]);
		v->v[i] = NULL;
		v->err[i] = NULL;
	}
	v->nerr = 0;
	v->version = 0;
}

char *
edit_tidy(const char *s)
{
	const char *e;
	char       *out, *o;

	if (s == NULL)
		return NULL;
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
		e--;
	if (e == s || (out = malloc((size_t)(e - s) + 1)) == NULL)
		return NULL;
	for (o = out; s < e; s++)
		if (!(*s == '\r' && s + 1 < e && s[1] == '\n'))
			*o++ = *s;
	*o = '\0';
	return out;
}

/* Returns 1 if s holds a control character other than those a long text may hold. */
static int
has_control(const char *s, int lines)
{
	for (; *s != '\0'; s++)
		if (((unsigned char)*s < 0x20 && !(lines && (*s == '\n' || *s == '\t'))) ||
		    *s == 0x7f)
			return 1;
	return 0;
}

/* Checks one value against its field; returns NULL or the message. */
static const char *
check(const struct field *f, char **vp, const char *zone)
{
	char     *v = *vp, utc[24];
	long long n;
	size_t    i;
	time_t    t;

	if (v == NULL)
		return f->required ? "Campo obrigatório." : NULL;
	if (!valid_utf8(v, strlen(v)))
		return "Texto com codificação inválida (UTF-8).";
	if (has_control(v, f->type == F_LONG))
		return "O texto tem carateres de controlo.";
	switch (f->type) {
	case F_TEXT:
	case F_LONG:
		return (long long)strlen(v) > f->max ? "Texto demasiado longo." : NULL;
	case F_INT:
		return valid_int(v, 1, f->max, &n) ? "Número inteiro inválido "
						     "ou fora dos limites."
						   : NULL;
	case F_PERCENT:
		return valid_int(v, 0, 100, &n) ? "Percentagem inteira de 0 a 100." : NULL;
	case F_REF:
		return valid_int(v, 1, 1LL << 53, &n) ? "Escolha um valor da lista." : NULL;
	case F_DATE:
		return valid_date(v) ? NULL : "Data inválida: use AAAA, AAAA-MM ou AAAA-MM-DD.";
	case F_URL:
		return valid_http_url(v) ? NULL : "Endereço inválido: só http:// ou https://.";
	case F_SLUG:
		return valid_slug(v) ? NULL : "Só letras minúsculas, algarismos e hífenes.";
	case F_OGPID:
		for (i = 0; v[i] != '\0'; i++)
			if (v[i] >= 'a' && v[i] <= 'z')
				v[i] = (char)(v[i] - 'a' + 'A');
		return valid_ogp_id(v) ? NULL : "Use duas letras e quatro algarismos (PT0013).";
	case F_DATETIME:
		/* Already UTC (a value loaded back into a form), or the wall clock of the
		 * row's zone (Lisbon without one) typed in. */
		if (utc_parse(v, &t) == 0)
			return NULL;
		if (local_to_utc(zone, v, utc, sizeof utc) != 0)
			return zone == NULL
			    ? "Data e hora inválidas: use AAAA-MM-DD HH:MM (hora "
			      "de Lisboa)."
			    : "Data e hora inválidas: use AAAA-MM-DD HH:MM (hora do "
			      "fuso escolhido).";
		free(*vp);
		return (*vp = strdup(utc)) == NULL ? "Sem memória." : NULL;
	case F_BOOL:
	case F_YESNO:
		return strcmp(v, "0") == 0 || strcmp(v, "1") == 0 ? NULL : "Valor inválido.";
	case F_ENUM:
		for (i = 0; i < domain(f->dom)->n; i++)
			if (strcmp(v, domain(f->dom)->codes[i].code) == 0)
				return NULL;
		return "Escolha um valor da lista.";
	default:
		return "Campo desconhecido.";
	}
}

const char *
edit_check_value(const struct field *f, char **vp)
{
	return check(f, vp, NULL);
}

/* Start and end columns that must be in order. */
static const char *const date_pairs[][2] = {
	{ "period_start", "period_end" },
	{ "start_date", "end_date" },
	{ "planned_start", "planned_end" },
	{ "implementation_start", "implementation_end" },
	{ "member_since", "member_until" },
	{ "opens_at", "closes_at" },
};

/* A field that another field's value makes required: col is needed when when_col
 * equals when_value (a proposal merged into a commitment names it), and must be empty
 * otherwise. */
static const struct {
	const char *when_col, *when_value, *col, *msg;
} needs[] = {
	{ "outcome", "merged", "merged_commitment_id",
	    "Escolha o compromisso em que a proposta foi integrada." },
};

/* Refuses an end before its start (compared at the shorter of the two precisions), and
 * a value missing where another field needs it (needs[]). */
static void
check_order(const struct kind *k, struct values *v)
{
	size_t i, n;
	int    a, b;

	for (i = 0; i < N(needs); i++) {
		a = edit_field(k, needs[i].when_col);
		b = edit_field(k, needs[i].col);
		if (a < 0 || b < 0 || v->err[a] || v->err[b])
			continue;
		if (v->v[a] != NULL && strcmp(v->v[a], needs[i].when_value) == 0 &&
		    v->v[b] == NULL) {
			v->err[b] = needs[i].msg;
			v->nerr++;
		} else if ((v->v[a] == NULL || strcmp(v->v[a], needs[i].when_value) != 0) &&
		    v->v[b] != NULL) {
			free(v->v[b]); /* not merged: no commitment */
			v->v[b] = NULL;
		}
	}

	for (i = 0; i < N(date_pairs); i++) {
		a = edit_field(k, date_pairs[i][0]);
		b = edit_field(k, date_pairs[i][1]);
		if (a < 0 || b < 0 || v->v[a] == NULL || v->v[b] == NULL || v->err[a] || v->err[b])
			continue;
		n = strlen(v->v[a]) < strlen(v->v[b]) ? strlen(v->v[a]) : strlen(v->v[b]);
		if (strncmp(v->v[a], v->v[b], n) > 0) {
			v->err[b] = "O fim não pode ser anterior ao início.";
			v->nerr++;
		}
	}
}

/* A NULL-ended list of columns. */
#define COLS(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* A fact of migration 11 and what qualifies it: the fact is set when one of its columns
 * is; its confidence, the kind of its text and, for a figure, the date it refers to,
 * how that date is known and the page that reports it (NULL: it has none).  A kind of
 * record takes the rules of the qualifiers it has. */
static const struct fact {
	const char *const *cols;
	const char        *conf, *text_kind, *as_of, *as_of_kind, *source;
} facts[] = {
	{ COLS("progress"), "progress_confidence", NULL, "progress_as_of", "progress_as_of_kind",
	    "progress_source" },
	{ COLS("self_status", "self_percent"), "self_confidence", NULL, "self_status_date",
	    "self_as_of_kind", "self_source" },
	{ COLS("title_pt"), "title_pt_confidence", "title_pt_kind", NULL, NULL, NULL },
	{ COLS("title_en"), "title_en_confidence", "title_en_kind", NULL, NULL, NULL },
	{ COLS("member_status"), "member_confidence", NULL, NULL, NULL, NULL },
	{ COLS("published"), "published_confidence", NULL, NULL, NULL, NULL },
	{ COLS("start_date", "end_date"), "date_confidence", NULL, NULL, NULL, NULL },
	{ COLS("irm_verifiable", "irm_relevant", "irm_ambition", "irm_potential_impact",
	      "irm_potential_results", "irm_completion", "irm_diog", "irm_early_results",
	      "irm_starred", "irm_date", "irm_results_date"),
	    "irm_confidence", NULL, NULL, NULL, NULL },
};

#define MSG_CONF_NEEDED "Indique a confiança: confirmado, por confirmar ou deduzido."

/* Returns 1 if one of the columns of fact f holds a value in v. */
static int
fact_set(const struct kind *k, const struct fact *f, const struct values *v)
{
	const char *const *c;
	int                i;

	for (c = f->cols; *c != NULL; c++)
		if ((i = edit_field(k, *c)) >= 0 && v->v[i] != NULL)
			return 1;
	return 0;
}

/* Sets the message of column col (when k has it and it has none yet) if it is empty
 * (want_empty 0) or filled (want_empty 1) against the rule. */
static void
expect(const struct kind *k, struct values *v, const char *col, int want_empty, const char *msg)
{
	int i = col != NULL ? edit_field(k, col) : -1;

	if (i < 0 || v->err[i] != NULL || (v->v[i] == NULL) == want_empty)
		return;
	v->err[i] = msg;
	v->nerr++;
}

/* The rules of the facts (facts[]) that the form alone decides. */
static void
check_facts(const struct kind *k, struct values *v)
{
	const struct fact *f;
	const char        *kind;
	int                ki;

	for (f = facts; f < facts + N(facts); f++) {
		if (!fact_set(k, f, v)) {
			expect(k, v, f->conf, 1,
			    "Sem o valor a que se refere, a confiança fica vazia.");
			expect(k, v, f->text_kind, 1, "Sem título, a origem do título fica vazia.");
			expect(k, v, f->as_of, 1, "Sem valor declarado, a data fica vazia.");
			expect(k, v, f->as_of_kind, 1,
			    "Sem valor declarado, fica vazio como se sabe a data.");
			expect(k, v, f->source, 1, "Sem valor declarado, a fonte fica vazia.");
			continue;
		}
		if (f->as_of_kind == NULL || (ki = edit_field(k, f->as_of_kind)) < 0)
			continue;
		/* A figure: how its date is known, its source and its confidence. */
		expect(k, v, f->as_of_kind, 0,
		    "Diga como se sabe a data deste valor (se não se sabe, escolha «Data não "
		    "registada»).");
		expect(k, v, f->source, 0,
		    "Indique a fonte: o endereço (http:// ou https://) da página que dá o valor.");
		expect(k, v, f->conf, 0, MSG_CONF_NEEDED);
		if ((kind = v->v[ki]) == NULL || v->err[ki] != NULL)
			continue;
		if (strcmp(kind, "unknown") == 0)
			expect(k, v, f->as_of, 1, "Com «Data não registada», a data fica vazia.");
		else
			expect(k, v, f->as_of, 0,
			    "Indique a data do valor (AAAA, AAAA-MM ou AAAA-MM-DD) ou escolha "
			    "«Data não registada».");
	}
}

int
edit_check_stored(const struct kind *k, const struct values *old, struct values *v)
{
	const struct fact *f;
	int                c, n = v->nerr;

	for (f = facts; f < facts + N(facts); f++) {
		/* A figure's confidence is always needed (check_facts). */
		if (f->as_of_kind != NULL || f->conf == NULL || (c = edit_field(k, f->conf)) < 0 ||
		    v->v[c] != NULL || v->err[c] != NULL || !fact_set(k, f, v))
			continue;
		if (old != NULL && fact_set(k, f, old) && old->v[c] == NULL)
			continue; /* stored with none recorded: not the editor's to invent */
		v->err[c] = MSG_CONF_NEEDED;
		v->nerr++;
	}
	return v->nerr - n;
}

const char *
edit_zone(const struct kind *k, const char *value)
{
	const struct dcode *z;

	if (edit_field(k, "timezone") < 0 || value == NULL)
		return NULL;
	z = domain_code(domain(DOM_TIMEZONE), value);
	return z != NULL ? z->code : NULL;
}

int
edit_parse(const struct kind *k, const char *(*get)(const void *, const char *), const void *arg,
    struct values *v)
{
	const char *raw, *ver, *zone;
	long long   n;
	size_t      i;

	memset(v, 0, sizeof *v);
	zone = edit_zone(k, get(arg, "timezone"));
	for (i = 0; i < k->nfields; i++) {
		raw = get(arg, k->fields[i].col);
		if (k->fields[i].type == F_BOOL)
			raw = raw != NULL && strcmp(raw, "1") == 0 ? "1" : "0";
		v->v[i] = edit_tidy(raw);
		if ((v->err[i] = check(&k->fields[i], &v->v[i], zone)) != NULL)
			v->nerr++;
	}
	if ((ver = get(arg, "version")) != NULL && valid_int(ver, 0, 1LL << 53, &n) == 0)
		v->version = n;
	check_order(k, v);
	check_facts(k, v);
	return v->nerr;
}
