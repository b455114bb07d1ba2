/* Unit tests of lib/progress: the progress formula of a commitment and of a plan.  TAP
 * output through Check. */
#include "../lib/testlib.h"
#include "lib/progress.h"

START_TEST(progress_formula)
{
	struct progress c1, c2, c3, plan;

	progress_init(&c1);
	ck_assert(!progress_has_data(&c1)); /* no milestones: no data, not 0% */
	progress_add(&c1, 100, "2024-01-10");
	progress_add(&c1, 50, "2025-03-01");
	progress_add(&c1, -1, NULL); /* not reported: left out */
	ck_assert(progress_has_data(&c1));
	ck_assert_int_eq(progress_percent(&c1), 75);
	ck_assert_int_eq(c1.known, 2);
	ck_assert_int_eq(c1.total, 3);
	ck_assert_str_eq(c1.as_of, "2025-03-01");
	progress_init(&c2);
	progress_add(&c2, 0, "2023-05-05"); /* a real 0% is data */
	ck_assert(progress_has_data(&c2));
	ck_assert_int_eq(progress_percent(&c2), 0);
	progress_init(&c3);
	progress_add(&c3, -1, NULL);
	progress_init(&plan);
	progress_add_rollup(&plan, &c1);
	progress_add_rollup(&plan, &c2);
	progress_add_rollup(&plan, &c3);
	ck_assert_int_eq(plan.known, 2);
	ck_assert_int_eq(plan.total, 3);
	ck_assert_int_eq(progress_percent(&plan), 38); /* (75 + 0) / 2 = 37.5 */
	ck_assert_str_eq(plan.as_of, "2025-03-01");
	progress_init(&c1);
	progress_add(&c1, 33, NULL);
	progress_add(&c1, 34, NULL);
	ck_assert_int_eq(progress_percent(&c1), 34); /* 33.5 rounds up */
	ck_assert_str_eq(c1.as_of, "");
}
END_TEST

START_TEST(progress_late)
{
	const char *today = "2025-06-15";

	ck_assert(!progress_overdue(NULL, -1, NULL, today)); /* no planned end */
	ck_assert(progress_overdue("2024", -1, NULL, today));
	ck_assert(!progress_overdue("2025", 40, "in_progress", today)); /* the year is not over */
	ck_assert(progress_overdue("2025-05", 40, "in_progress", today));
	ck_assert(!progress_overdue("2025-06", 40, NULL, today)); /* the month is not over */
	ck_assert(progress_overdue("2025-06-14", 99, NULL, today));
	ck_assert(!progress_overdue("2025-06-15", -1, NULL, today));       /* its last day */
	ck_assert(!progress_overdue("2020-01-01", 100, NULL, today));      /* done */
	ck_assert(!progress_overdue("2020-01-01", 50, "complete", today)); /* done */
	ck_assert(progress_overdue("2020-01-01", 50, "not_started", today));
	ck_assert(!progress_overdue("20", -1, NULL, today)); /* not a date */
}
END_TEST

START_TEST(progress_stale_rule)
{
	const char *today = "2025-06-15"; /* 180 days before: 2024-12-17 */

	ck_assert(progress_stale(NULL, -1, NULL, today));                   /* no figure */
	ck_assert(progress_stale("in_progress", 40, NULL, today));          /* undated */
	ck_assert(progress_stale("in_progress", 40, "20", today));          /* not a date */
	ck_assert(progress_stale("in_progress", 40, "2024-12-16", today));  /* 181 days */
	ck_assert(!progress_stale("in_progress", 40, "2024-12-17", today)); /* 180 days */
	ck_assert(!progress_stale(NULL, 0, "2025-06-01", today));
	ck_assert(!progress_stale("complete", -1, NULL, today));
	ck_assert(!progress_stale("withdrawn", 10, "2019", today));
	ck_assert(progress_stale("not_started", 0, "2023", today));
	ck_assert(!progress_stale("not_started", 0, "2024", today));           /* 2024-12-31 */
	ck_assert(progress_stale("not_started", 0, "2024-11", today));         /* 2024-11-30 */
	ck_assert(!progress_stale("not_started", 0, "2024-12", today));        /* 2024-12-31 */
	ck_assert(!progress_stale("not_started", 0, "2024-02", "2024-08-27")); /* 29 Feb + 180 */
	ck_assert(progress_stale("not_started", 0, "2024-02", "2024-08-28"));
	ck_assert(!progress_stale(NULL, -1, NULL, "2025-06")); /* no today: nothing is stale */
}
END_TEST

int
main(void)
{
	const TTest *const tests[] = { progress_formula, progress_late, progress_stale_rule, NULL };

	return tests_main(tests_suite("progress", 0, tests));
}
