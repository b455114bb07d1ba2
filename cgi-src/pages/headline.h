/* headline: what a citizen reads first about a plan, beside its progress (home page,
 * plans list, plan page): its latest self-reported completion with its date and
 * source, its latest independent (IRM) verdict, and its overdue milestones. */
#ifndef ABERTA_HEADLINE_H
#define ABERTA_HEADLINE_H

#include "view/page.h"

/* Includes headline.tpl as d's HEADLINE for the plan of id plan_id: the latest row of
 * plan_completion with a percent (its date worded by its as_of_kind, its source, its
 * note), the latest IRM assessment (report kind, date, summary in the page language,
 * source) or "no independent assessment recorded yet", and the count of its overdue
 * milestones on c->today. */
void headline_plan(struct ctx *c, tpl_dict *d, long long plan_id);

#endif
