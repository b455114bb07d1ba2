/* form: a record of the editing engine (store/editfields.h) rendered into an admin
 * form's dictionary. */
#ifndef ABERTA_FORM_H
#define ABERTA_FORM_H
#include "store/editfields.h"
#include "view/tpl.h"

/* Fills the form of k into d: every field with its value and message (section FIELD,
 * or PAIR for Portuguese/English pairs), the choices of enums and references (read
 * through the writable connection's statements; rw is that connection). */
void edit_form(sqlite3 *rw, const struct kind *k, const struct values *v, tpl_dict *d);

#endif
