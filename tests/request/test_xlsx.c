/* The spreadsheets of the open data (view/xlsx.h): the writer alone (a workbook is a zip
 * with a sheet per table and the sheet of columns, a table past a sheet's rows goes on
 * in a second sheet, its private folder is gone after close, a folder that cannot be
 * made fails cleanly), then through the worker run as CGI: the .xlsx suffix and Accept,
 * the media type, the attachment's name, an ETag of its own, /data/all.xlsx, 404s.
 * The cells themselves are read back by tests/opendata/xlsx.py (openpyxl). */
#include <dirent.h>

#include <jansson.h>

#include "../lib/testlib.h"
#include "http/format.h"
#include "http/req.h"
#include "view/export.h"
#include "view/xlsx.h"

static char dbpath[128];
static char binary[512];

/* How many times the zip in b names a member "xl/worksheets/sheetN.xml" in its central
 * directory (the sheets of the workbook). */
static int
sheets(const struct buf *b)
{
	const char *p = b->p, *end = b->p + b->len;
	int         n = 0;

	while ((p = memmem(p, (size_t)(end - p), "\x50\x4b\x01\x02", 4)) != NULL) {
		if (end - p > 46 + 14 && memcmp(p + 46, "xl/worksheets/", 14) == 0 &&
		    memcmp(p + 46 + 14, "sheet", 5) == 0)
			n++;
		p += 4;
	}
	return n;
}

/* The number of entries of directory path, or -1. */
static int
entries(const char *path)
{
	DIR           *d = opendir(path);
	struct dirent *e;
	int            n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

/* A dataset of the writer's tests: one field of every type a cell can take. */
static const struct xset typed = { "typed", XW_ROWS,
	"position progress_percent is_member planned_end at title_pt leads", NULL, "", "" };

START_TEST(writer_makes_a_zip_with_its_sheets_and_cleans_up)
{
	char         dir[] = "/tmp/aberta-xlsx-test.XXXXXX";
	struct buf   b = { 0 };
	struct xlsx *x;
	json_t      *rows = json_pack("[{si si sb ss ss ss s[ss]} {s n}]", "position", 1,
		 "progress_percent", 45, "is_member", 1, "planned_end", "2024-03", "at",
		 "2024-03-01T10:00:00Z", "title_pt", "=1+1", "leads", "a", "b", "position");
	json_t      *none = json_array();

	ck_assert_ptr_nonnull(mkdtemp(dir));
	setenv("TMPDIR", dir, 1);
	ck_assert_ptr_nonnull(x = xlsx_open(1));
	ck_assert_int_eq(entries(dir), 1); /* its private folder */
	ck_assert_int_eq(xlsx_table(x, "one", &typed, rows), 0);
	ck_assert_int_eq(xlsx_table(x, "two:[x]", &typed, none), 0);
	ck_assert_int_eq(xlsx_close(x, &b), 0);
	ck_assert_int_eq(entries(dir), 0); /* the file and the folder are gone */
	ck_assert(b.len > 1000 && memcmp(b.p, "PK\x03\x04", 4) == 0);
	ck_assert_int_eq(sheets(&b), 3); /* one, two, and the columns */
	json_decref(rows);
	json_decref(none);
	buf_free(&b);
	rmdir(dir);
	unsetenv("TMPDIR");
}
END_TEST

START_TEST(writer_goes_on_past_a_sheets_rows)
{
	struct buf   b = { 0 };
	struct xlsx *x;
	json_t      *rows = json_array();
	size_t       i;

	for (i = 0; i < XLSX_ROWS_MAX + 2; i++)
		json_array_append_new(rows, json_pack("{si}", "position", (int)i));
	ck_assert_ptr_nonnull(x = xlsx_open(0));
	ck_assert_int_eq(xlsx_table(x, "many", &typed, rows), 0);
	ck_assert_int_eq(xlsx_close(x, &b), 0);
	ck_assert_int_eq(sheets(&b), 3); /* many, many (2), the columns */
	json_decref(rows);
	buf_free(&b);
}
END_TEST

START_TEST(writer_fails_cleanly_without_a_folder)
{
	setenv("TMPDIR", "/nonexistent/aberta", 1);
	ck_assert_ptr_null(xlsx_open(0));
	unsetenv("TMPDIR");
}
END_TEST

START_TEST(formats_know_the_suffix_and_the_media_type)
{
	struct req r;

	memset(&r, 0, sizeof r);
	snprintf(r.path, sizeof r.path, "/pt/plans.xlsx");
	ck_assert_int_eq(fmt_strip(&r), FMT_XLSX);
	ck_assert_str_eq(r.path, "/pt/plans");
	snprintf(r.path, sizeof r.path, "/data/.xlsx");
	ck_assert_int_eq(fmt_strip(&r), FMT_HTML);
	ck_assert_str_eq(fmt_suffix(FMT_XLSX), ".xlsx");
	ck_assert_int_eq(fmt_negotiate(XLSX_TYPE), FMT_XLSX);
	ck_assert_int_eq(fmt_negotiate("text/csv, " XLSX_TYPE ";q=0.5"), FMT_CSV);
	ck_assert_int_eq(fmt_negotiate("application/*"), FMT_JSON); /* as before */
	ck_assert_int_eq(fmt_negotiate("text/html, " XLSX_TYPE), FMT_HTML);
}
END_TEST

/* GET uri as CGI, with Accept accept (NULL: none). */
static void
get(const char *uri, const char *accept, struct res *r)
{
	char        h[256];
	const char *env[] = { h, NULL };

	snprintf(h, sizeof h, "HTTP_ACCEPT=%s", accept ? accept : "");
	cgi_run(binary, dbpath, "GET", uri, accept ? env : NULL, NULL, 0, r);
}

START_TEST(worker_answers_spreadsheets)
{
	static const char *const uris[] = { "/pt/plans.xlsx", "/en/plans/1.xlsx",
		"/en/commitments/PT0013.xlsx", "/pt/network.xlsx", "/en/events.xlsx",
		"/pt/consultations.xlsx", "/data/commitments.xlsx", "/data/revisions.xlsx" };
	struct res               r = { 0 }, h = { 0 };
	char                     v[256], e1[128], e2[128];
	size_t                   i;

	for (i = 0; i < sizeof uris / sizeof uris[0]; i++) {
		get(uris[i], NULL, &r);
		ck_assert_msg(r.status == 200, "%s: %d", uris[i], r.status);
		ck_assert_str_eq(res_header(&r, "Content-Type", v, sizeof v), XLSX_TYPE);
		ck_assert(memcmp(r.body.p, "PK\x03\x04", 4) == 0);
		ck_assert_int_eq(sheets(&r.body), 2);
		res_free(&r);
	}
	get("/pt/plans.xlsx", NULL, &r);
	ck_assert_str_eq(res_header(&r, "Content-Disposition", v, sizeof v),
	    "attachment; filename=\"plans.xlsx\"");
	ck_assert_ptr_nonnull(res_header(&r, "ETag", e1, sizeof e1));
	get("/pt/plans", XLSX_TYPE, &h);
	ck_assert_int_eq(h.status, 200);
	ck_assert_str_eq(res_header(&h, "Content-Type", v, sizeof v), XLSX_TYPE);
	res_free(&h);
	get("/pt/plans", NULL, &h);
	ck_assert_ptr_nonnull(res_header(&h, "ETag", e2, sizeof e2));
	ck_assert_str_ne(e1, e2); /* never the page's validator */
	res_free(&h);
	res_free(&r);
}
END_TEST

START_TEST(worker_answers_the_whole_workbook)
{
	struct res r = { 0 };
	size_t     i;
	int        bulk = 0;

	for (i = 0; i < export_set_count(); i++)
		bulk += export_set_at(i)->where == XW_BULK;
	get("/data/all.xlsx", NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_int_eq(sheets(&r.body), bulk + 1);
	res_free(&r);
	get("/data/nothing.xlsx", NULL, &r);
	ck_assert_int_eq(r.status, 404);
	res_free(&r);
	get("/data/all.csv", NULL, &r);
	ck_assert_int_eq(r.status, 404);
	res_free(&r);
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { writer_makes_a_zip_with_its_sheets_and_cleans_up,
		writer_goes_on_past_a_sheets_rows, writer_fails_cleanly_without_a_folder,
		formats_know_the_suffix_and_the_media_type, worker_answers_spreadsheets,
		worker_answers_the_whole_workbook, NULL };
	int                rc;

	if (test_db_create(dbpath, sizeof dbpath, "aberta-xlsx") != 0)
		return 1;
	snprintf(binary, sizeof binary, "%s/aberta",
	    getenv("ABERTA_BUILDDIR") ? getenv("ABERTA_BUILDDIR") : ".");
	rc = tests_main(tests_suite("xlsx", 120, tests));
	test_db_remove(dbpath);
	return rc;
}
