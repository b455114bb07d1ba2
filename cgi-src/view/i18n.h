/* i18n: the interface in Portuguese and English.  Content comes from the database;
 * the site's own words are the message table of strings.c, looked up here with the
 * labels of the enumerated values; dates in words are lib/tztime.h's. */
#ifndef ABERTA_I18N_H
#define ABERTA_I18N_H
#include <stddef.h>

struct tpl_dict;
/* Gives the page dictionary d (and every template it includes) the L_* interface labels
 * in the language (en: 1 English, 0 Portuguese).  The labels are literals: nothing is
 * copied, and they go with the dictionary (process-wide globals would leak). */
void i18n_apply(struct tpl_dict *d, int en);
/* Returns the string for key, or key itself when unknown (visible, never NULL). */
const char *i18n(const char *key, int en);
/* Returns the label of an enum value in a domain ("self_status", "complete"), or the
 * value itself when unknown. */
const char *i18n_enum(const char *domain, const char *value, int en);
/* Writes a stored value v (not NULL nor empty) of column col of table tbl in words, as
 * the history and the change list show it: a percent for progress figures, yes or no for
 * the 0/1 flags of the IRM, the label of an enumerated column (lib/domains.h), else v
 * itself.  The caller words a missing value. */
void i18n_value(const char *tbl, const char *col, const char *v, int en, char *out, size_t len);
/* Writes a human date for an ISO date of year, month or day precision (tz_date_words). */
void i18n_date(const char *iso, int en, char *out, size_t outlen);
/* Writes the date of a figure as_of in words with how it is known (kind: an as_of_kind
 * code, NULL taken as stated): "em 5 de junho de 2025", "in 2022", "num relatório
 * de...", "publicado em ... ou depois", "cerca de ...".  Returns 1, or 0 with "data não
 * registada" / "date not recorded" when as_of is NULL or empty or kind is "unknown". */
int i18n_figure_date(const char *as_of, const char *kind, int en, char *out, size_t outlen);
/* The number of messages (for tests, with i18n_key). */
size_t i18n_count(void);
/* Returns the key of label i (0 <= i < i18n_count()), for tests. */
const char *i18n_key(size_t i);

#endif
