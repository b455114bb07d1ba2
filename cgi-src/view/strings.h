/* strings: the site's own words, in Portuguese and English (strings.c): the message
 * table that i18n.c looks labels up in.  Content comes from the database. */
#ifndef ABERTA_STRINGS_H
#define ABERTA_STRINGS_H
#include <stddef.h>

#define I18N_MSGS_MAX 1024 /* most messages (the size of i18n.c's index) */

/* One message. */
struct i18n_msg {
	const char *key; /* L_ keys are template labels; others are used from C */
	const char *pt;
	const char *en;
};

/* The messages, i18n_nmsgs of them; on equal keys the first one counts. */
extern const struct i18n_msg i18n_msgs[];
extern const size_t          i18n_nmsgs;

#endif
