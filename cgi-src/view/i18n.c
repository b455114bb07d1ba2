/* i18n: the lookups of the interface's words (see i18n.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/valid.h"
#include "view/i18n.h"
#include "view/strings.h"
#include "view/tpl.h"

struct enum_msg {
	const char	*domain;
	const char	*value;
	const char	*pt;
	const char	*en;
};

static const struct enum_msg enums[] = {
	{ "self_status", "no_evidence", "Sem evidências disponíveis", "No evidence available" },
	{ "self_status", "not_started", "Não iniciado", "Not started" },
	{ "self_status", "limited", "Limitado", "Limited" },
	{ "self_status", "substantial", "Substancial", "Substantial" },
	{ "self_status", "complete", "Concluído", "Complete" },
	{ "self_status", "withdrawn", "Retirado", "Withdrawn" },
	{ "plan_status", "preparation", "Em preparação", "In preparation" },
	{ "plan_status", "implementation", "Em execução", "In implementation" },
	{ "plan_status", "closed", "Encerrado", "Closed" },
	{ "ms_status", "not_started", "Não iniciado", "Not started" },
	{ "ms_status", "in_progress", "Em curso", "In progress" },
	{ "ms_status", "complete", "Concluído", "Complete" },
	{ "ms_status", "withdrawn", "Retirado", "Withdrawn" },
	{ "entity_kind", "public", "Administração pública", "Public administration" },
	{ "entity_kind", "civil_society", "Sociedade civil", "Civil society" },
	{ "entity_kind", "academia", "Academia", "Academia" },
	{ "entity_kind", "private", "Setor privado", "Private sector" },
	{ "entity_kind", "other", "Outras", "Other" },
	{ "event_kind", "open_gov_week", "Semana da Administração Aberta", "Open Gov Week" },
	{ "event_kind", "network_meeting", "Reunião da rede", "Network meeting" },
	{ "event_kind", "consultation", "Consulta pública", "Public consultation" },
	{ "event_kind", "other", "Outro", "Other" },
	{ "ogp_value", "access_to_information", "Acesso à informação",
	  "Access to information" },
	{ "ogp_value", "civic_participation", "Participação cívica", "Civic participation" },
	{ "ogp_value", "public_accountability", "Responsabilização pública",
	  "Public accountability" },
	{ "ogp_value", "technology_innovation", "Tecnologia e inovação",
	  "Technology and innovation" },
	{ "yesno", "yes", "Sim", "Yes" },
	{ "yesno", "no", "Não", "No" },
	{ "ambition", "low", "Baixa", "Low" },
	{ "ambition", "high", "Alta", "High" },
	{ "ambition", "no_data", "Sem dados (OGP)", "No data (OGP)" },
	{ "potential_impact", "none", "Nenhum", "None" },
	{ "potential_impact", "minor", "Menor", "Minor" },
	{ "potential_impact", "moderate", "Moderado", "Moderate" },
	{ "potential_impact", "transformative", "Transformador", "Transformative" },
	{ "potential_results", "unclear", "Pouco claro", "Unclear" },
	{ "potential_results", "modest", "Modesto", "Modest" },
	{ "potential_results", "substantial", "Substancial", "Substantial" },
	{ "diog", "worsened", "Piorou", "Worsened" },
	{ "diog", "did_not_change", "Não mudou", "Did not change" },
	{ "diog", "marginal", "Marginalmente", "Marginal" },
	{ "diog", "major", "Significativamente", "Major" },
	{ "diog", "outstanding", "Excecionalmente", "Outstanding" },
	{ "early_results", "no_notable", "Sem resultados notáveis", "No notable results" },
	{ "early_results", "moderate", "Resultados moderados", "Moderate results" },
	{ "early_results", "significant", "Resultados significativos", "Significant results" },
	{ "starred", "yes", "Sim", "Yes" },
	{ "starred", "no", "Não", "No" },
	{ "starred", "pending", "Pendente", "Pending" },
	{ "link_kind", "source", "fonte", "source" },
	{ "link_kind", "irm_report", "relatório do IRM", "IRM report" },
	{ "link_kind", "evidence", "evidência", "evidence" },
	{ "link_kind", "ogp_page", "página na OGP", "OGP page" },
	{ "link_kind", "document", "documento", "document" },
	{ "search_kind", "plan", "Plano", "Plan" },
	{ "search_kind", "commitment", "Compromisso", "Commitment" },
	{ "search_kind", "milestone", "Marco", "Milestone" },
	{ "search_kind", "entity", "Entidade", "Body" },
	{ "search_kind", "event", "Evento", "Event" },
	{ "search_kind", "page", "Página", "Page" },
	{ "search_kind", "consultation", "Consulta", "Consultation" },
	{ "search_kind", "submission", "Contributo", "Submission" },
	{ "outcome", "received", "Recebida", "Received" },
	{ "outcome", "analysis", "Em análise", "Under analysis" },
	{ "outcome", "merged", "Integrada num compromisso", "Merged into a commitment" },
	{ "outcome", "not_taken", "Não acolhida", "Not taken up" },
	{ "sub_status", "unconfirmed", "Por confirmar", "Unconfirmed" },
	{ "sub_status", "pending", "A aguardar moderação", "Awaiting moderation" },
	{ "sub_status", "published", "Publicado", "Published" },
	{ "sub_status", "rejected", "Rejeitado", "Rejected" },
	{ "sub_status", "spam", "Spam", "Spam" },
};

static const char *const months_pt[] = { "janeiro", "fevereiro", "março", "abril", "maio",
	"junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro" };
static const char *const months_en[] = { "January", "February", "March", "April", "May",
	"June", "July", "August", "September", "October", "November", "December" };

void
i18n_apply(tpl_dict *d, int en)
{
	size_t	 i;

	for (i = 0; i < i18n_nmsgs; i++)
		if (strncmp(i18n_msgs[i].key, "L_", 2) == 0)
			tpl_set_tglobal_static(d, i18n_msgs[i].key,
			    en ? i18n_msgs[i].en : i18n_msgs[i].pt);
}

#define NMSGS	i18n_nmsgs
#define NENUMS	(sizeof enums / sizeof enums[0])

/* The tables sorted by key, built at the first lookup: a page of 2,000 commitments looks
 * up tens of thousands of labels, and a linear search with strcmp was a tenth of its
 * time.  On equal keys the first entry of the table wins, as with a linear search. */
static const struct i18n_msg	*msg_by_key[I18N_MSGS_MAX];
static const struct enum_msg	*enum_by_key[NENUMS];

static int
cmp_msg(const void *a, const void *b)
{
	const struct i18n_msg *x = *(const struct i18n_msg *const *)a;
	const struct i18n_msg *y = *(const struct i18n_msg *const *)b;
	int c = strcmp(x->key, y->key);

	return c != 0 ? c : (x > y) - (x < y);
}

static int
cmp_enum(const void *a, const void *b)
{
	const struct enum_msg *x = *(const struct enum_msg *const *)a;
	const struct enum_msg *y = *(const struct enum_msg *const *)b;
	int c = strcmp(x->domain, y->domain);

	if (c == 0)
		c = strcmp(x->value, y->value);
	return c != 0 ? c : (x > y) - (x < y);
}

static void
sort_tables(void)
{
	size_t	 i;

	for (i = 0; i < NMSGS; i++)
		msg_by_key[i] = &i18n_msgs[i];
	qsort(msg_by_key, NMSGS, sizeof msg_by_key[0], cmp_msg);	/* NOLINT(bugprone-sizeof-expression) */
	for (i = 0; i < NENUMS; i++)
		enum_by_key[i] = &enums[i];
	qsort(enum_by_key, NENUMS, sizeof enum_by_key[0], cmp_enum);	/* NOLINT(bugprone-sizeof-expression) */
}

const char *
i18n(const char *key, int en)
{
	size_t	 lo = 0, hi = NMSGS, mid;

	if (msg_by_key[0] == NULL)
		sort_tables();
	while (lo < hi) {	/* the first entry whose key is not below key */
		mid = lo + (hi - lo) / 2;
		if (strcmp(msg_by_key[mid]->key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < NMSGS && strcmp(msg_by_key[lo]->key, key) == 0)
		return en ? msg_by_key[lo]->en : msg_by_key[lo]->pt;
	return key;
}

const char *
i18n_enum(const char *domain, const char *value, int en)
{
	size_t	 lo = 0, hi = NENUMS, mid;
	int	 c;

	if (enum_by_key[0] == NULL)
		sort_tables();
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(enum_by_key[mid]->domain, domain);
		if (c == 0)
			c = strcmp(enum_by_key[mid]->value, value);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < NENUMS && strcmp(enum_by_key[lo]->domain, domain) == 0 &&
	    strcmp(enum_by_key[lo]->value, value) == 0)
		return en ? enum_by_key[lo]->en : enum_by_key[lo]->pt;
	return value;
}

/* Appends the first n bytes of s to out (size outlen, *used so far), truncating and
 * NUL-terminating like snprintf.  i18n_date is called for every date of a page (a plan of
 * 2,000 commitments has as many), so it does without snprintf's format parsing. */
static void
date_put(char *out, size_t outlen, size_t *used, const char *s, size_t n)
{
	if (*used + 1 >= outlen)
		return;
	if (n > outlen - 1 - *used)
		n = outlen - 1 - *used;
	memcpy(out + *used, s, n);
	*used += n;
	out[*used] = '\0';
}

/* Appends v in decimal (as %d). */
static void
date_put_int(char *out, size_t outlen, size_t *used, int v)
{
	char		 b[16], *p = b + sizeof b;
	unsigned int	 u = v < 0 ? 0u - (unsigned int)v : (unsigned int)v;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	date_put(out, outlen, used, p, (size_t)(b + sizeof b - p));
}

void
i18n_date(const char *iso, int en, char *out, size_t outlen)
{
	int		 y = 0, m = 0, d = 0;
	size_t		 len = strlen(iso), n = 0;
	const char	*month, *sep = en ? " " : " de ";

	if (outlen == 0)
		return;
	out[0] = '\0';
	if (len >= 4)
		y = valid_digits(iso, 4);
	if (len >= 7)
		m = valid_digits(iso + 5, 2);
	if (len >= 10)
		d = valid_digits(iso + 8, 2);
	if (m < 1 || m > 12) {
		date_put(out, outlen, &n, iso, len < 10 ? len : 10);
		return;
	}
	month = en ? months_en[m - 1] : months_pt[m - 1];
	if (d >= 1 && d <= 31) {
		date_put_int(out, outlen, &n, d);
		date_put(out, outlen, &n, sep, strlen(sep));
	}
	date_put(out, outlen, &n, month, strlen(month));
	date_put(out, outlen, &n, sep, strlen(sep));
	date_put_int(out, outlen, &n, y);
}

size_t
i18n_count(void)
{
	return i18n_nmsgs;
}

const char *
i18n_key(size_t i)
{
	return i18n_msgs[i].key;
}
