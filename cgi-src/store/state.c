/* state: the content's version and the public pages' read transaction (see state.h). */
#include <stdio.h>

#include <sqlite3.h>

#include "store/db.h"
#include "store/state.h"

int
store_state(long long *version, char *changed, size_t len)
{
	sqlite3_stmt *s = db_stmt(ST_STATE);
	const char   *t;
	int           rc = -1;

	if (db_step(s) == SQLITE_ROW) {
		*version = sqlite3_column_int64(s, STATE_VERSION);
		t = db_text(s, STATE_CHANGED);
		snprintf(changed, len, "%s", t != NULL ? t : "");
		rc = 0;
	}
	sqlite3_reset(s);
	return rc;
}

long long
store_content_version(sqlite3 *db)
{
	sqlite3_stmt *s;
	long long     v = -1;

	if (sqlite3_prepare_v2(db, "SELECT content_version FROM site_state WHERE id = 1", -1, &s,
		NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

int
store_read_begin(void)
{
	return sqlite3_step(db_stmt(ST_BEGIN)) == SQLITE_DONE ? 0 : -1;
}

void
store_read_end(void)
{
	sqlite3_step(db_stmt(ST_COMMIT));
}
