/* i18n: the interface in Portuguese and English.  Content comes from the database;
 * this file holds only the site's own words. */
#ifndef ABERTA_I18N_H
#define ABERTA_I18N_H
#include <stddef.h>

/* Makes the L_* template labels speak the language (en: 1 English, 0 Portuguese).
 * Cheap when the language did not change since the last call. */
void		 i18n_apply(int en);
/* Returns the string for key, or key itself when unknown (visible, never NULL). */
const char	*i18n(const char *key, int en);
/* Returns the label of an enum value in a domain ("self_status", "complete"), or the
 * value itself when unknown. */
const char	*i18n_enum(const char *domain, const char *value, int en);
/* Writes a human date for an ISO date of year, month or day precision. */
void		 i18n_date(const char *iso, int en, char *out, size_t outlen);
/* The number of messages (for tests, with i18n_key). */
size_t		 i18n_count(void);
/* Returns the key of label i (0 <= i < i18n_count()), for tests. */
const char	*i18n_key(size_t i);

#endif
