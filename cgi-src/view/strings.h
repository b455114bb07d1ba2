/* strings: the site's own words, in Portuguese and English: the message tables that
 * i18n.c looks labels up in, one a job: the interface (strings.c), the error messages
 * (strings_errors.c), the names of fields and the words of the history
 * (strings_fields.c), the words of the open data's pages and files (strings_data.c).
 * A key stands in one table only (test_i18n); an L_ key is a template label in any
 * table.  Content comes from the database. */
#ifndef ABERTA_STRINGS_H
#define ABERTA_STRINGS_H
#include <stddef.h>

#define I18N_MSGS_MAX \
	1536 /* most messages of all tables (the size of i18n.c's index):
			    * three eighths for the interface, a quarter each for the errors
			    * and the fields, an eighth for the open data */

/* One message. */
struct i18n_msg {
	const char *key; /* L_ keys are template labels; others are used from C */
	const char *pt;
	const char *en;
};

/* The interface's messages, i18n_nmsgs of them. */
extern const struct i18n_msg i18n_msgs[];
extern const size_t          i18n_nmsgs;
/* The error messages (ERR_ keys). */
extern const struct i18n_msg i18n_err_msgs[];
extern const size_t          i18n_nerr_msgs;
/* The names of fields (COL_ keys) and the words of the history (HIST_ keys). */
extern const struct i18n_msg i18n_field_msgs[];
extern const size_t          i18n_nfield_msgs;
/* The words of the open data's pages and files (L_DATA_, DATA_ and XLSX_ keys). */
extern const struct i18n_msg i18n_data_msgs[];
extern const size_t          i18n_ndata_msgs;

#endif
