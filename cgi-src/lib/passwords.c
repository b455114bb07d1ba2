#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib/passwords.h"

/* bsearch comparator: a key string against an entry of password_list.  The program never
 * calls setlocale(), so strcasecmp folds ASCII letters only, as the list was sorted. */
static int
cmp(const void *key, const void *entry)
{
	return strcasecmp(key, *(const char *const *)entry);
}

int
password_is_common(const char *pw)
{
	if (pw == NULL || strlen(pw) > 128) /* longer than any entry */
		return 0;
	return bsearch(pw, password_list, password_list_count, sizeof password_list[0], cmp) !=
	    NULL;
}
