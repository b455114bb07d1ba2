'use strict';
/*
 * The content-truth test (issue 20), run by run.sh against the seed site through nginx:
 *   node truth.js BASE_URL CONTENT_JSON IMPORT_DAY
 * It reads the content file itself (aberta-content/2) and checks, in both languages:
 *  - every commitment, plan, body, event and consultation of the file has its page, and
 *    the page shows its facts: the title in the page's language (else the other
 *    language's, marked as such; "not yet recorded" when there is none), the summary, the
 *    leads and supporters (and no partner among them), each milestone's title, each
 *    progress figure's percent and its own date worded by its as_of_kind
 *    (view/page.c page_figure_date, dates as i18n_date writes them: "11 September 2020",
 *    "September 2020", "2020"; "11 de setembro de 2020", "setembro de 2020"), or "date
 *    not recorded" when it has none;
 *  - a confidence marker (class "doubt", worded "unconfirmed" or "inferred, unconfirmed")
 *    on the page of every record with a doubtful fact that the page shows, and none on a
 *    page none of whose facts is doubtful;
 *  - no research_note text (each note, each of its sentences that is not also public
 *    text, and the fragments "do not fill in", "by elimination", "UNCERTAIN", "inferred
 *    from") in any page, feed, iCalendar file, badge, sitemap or export;
 *  - the import day nowhere but in the places that state when something on the site last
 *    changed, each allowed by name (IMPORT_PLACES in scan.js); the exported figures carry the
 *    dates of the file, never the import time.
 * Prints one TAP line a check, the plan, and "N passed, N failed" last.
 */
const fs = require('fs');
const {
	check, finish, WORDS, humanDate, figureWhen, norm, text, mainOf, h1Of, ddAfter, sectionAfter,
	memberSlugs, doubts, anchors, site, get, page,
} = require('./lib');
const { noteNeedles, scanAll, checkExports } = require('./scan');

site.base = process.argv[2];
const CONTENT = process.argv[3];
const IMPORT_DAY = process.argv[4];
const LANGS = ['pt', 'en'];

/* ---- The content file -------------------------------------------------------------- */

const C = JSON.parse(fs.readFileSync(CONTENT, 'utf8'));
const BODIES = new Map(C.bodies.map((b) => [b.slug, b]));
const OTHER = { pt: 'en', en: 'pt' };

/* shown(rec, base, lang): what a page in lang shows for the text base_pt/base_en of rec:
 * {text, fallback} or null when neither language has it. */
function shown(rec, base, lang) {
	const own = rec[`${base}_${lang}`];
	if (own) {
		return { text: own, fallback: false, lang };
	}
	const other = rec[`${base}_${OTHER[lang]}`];
	return other ? { text: other, fallback: true, lang: OTHER[lang] } : null;
}

/* titleConfidence(c, lang): the confidence of the title a commitment page in lang shows. */
function titleConfidence(c, lang) {
	const s = shown(c, 'title', lang);
	if (!s) {
		return null;
	}
	return s.lang === 'pt' ? c.title_confidence : c.title_en_confidence;
}

const DOUBTFUL = new Set(['unconfirmed', 'inferred']);

/* doubtList(entries): the {what, confidence} entries whose confidence is doubtful. */
function doubtList(entries) {
	return entries.filter((e) => DOUBTFUL.has(e.confidence));
}

/* roles(c): every lead, co-lead and supporter of a commitment: {slug, role, confidence}. */
function roles(c) {
	const out = [];
	if (c.lead) {
		out.push({ slug: c.lead.body, role: 'lead', confidence: c.lead.confidence });
	}
	for (const r of c.co_leads || []) {
		out.push({ slug: r.body, role: 'co-lead', confidence: r.confidence });
	}
	for (const r of c.supporting || []) {
		out.push({ slug: r.body, role: 'supporter', confidence: r.confidence });
	}
	return out;
}

/* listedDoubts(c, lang): the doubtful facts of a commitment that a list of commitments
 * shows in lang (its OGP id and its title). */
function listedDoubts(c, lang) {
	return doubtList([
		{ what: `${c.ogp_id}'s OGP id`, confidence: c.ogp_id_confidence },
		{ what: `${c.ogp_id}'s title`, confidence: titleConfidence(c, lang) },
	]);
}

/* bodyName(slug, lang): the name of a body a page in lang shows. */
function bodyName(slug, lang) {
	const b = BODIES.get(slug);
	const s = b ? shown(b, 'name', lang) : null;
	return s ? s.text : slug;
}

/* ---- Checks shared by every record page -------------------------------------------- */

/* hasText(hay, needle): hay holds needle, whitespace aside. */
function hasText(hay, needle) {
	return hay.includes(norm(needle));
}

/* checkText(ctx, hay, fact, s, opts): a text fact as the page should show it: its own
 * language's text, or the other's marked as such (the marker within 400 characters after
 * it), or "not yet recorded" when s is null (unless opts.optional).  opts.scope: the text
 * (a page's h1) that must hold it, within hay; opts.where names it. */
function checkText(ctx, hay, fact, s, opts = {}) {
	const w = WORDS[ctx.lang];
	if (!s) {
		if (opts.optional) {
			return;
		}
		check(w.notRecorded.test(opts.scope ?? hay), `${ctx.label}: ${fact} says not yet recorded`,
			`neither language has it, and "${w.notRecorded.source}" is not in ${opts.where || 'the page'}`);
		return;
	}
	const paras = s.text.split(/\n+/).map(norm).filter(Boolean);
	const missing = paras.filter((p) => !hasText(opts.scope ?? hay, p));
	const what = s.fallback ? `${fact} (only in ${s.lang === 'pt' ? 'Portuguese' : 'English'})` : fact;
	if (!check(missing.length === 0, `${ctx.label}: ${what} is shown`,
		missing.map((p) => `not in ${opts.where || 'the page'}: "${p.slice(0, 160)}"`))) {
		return;
	}
	if (s.fallback) {
		const last = paras[paras.length - 1];
		const from = opts.scope ? Math.max(0, hay.indexOf(norm(opts.scope))) : 0;
		const at = hay.indexOf(norm(last), from) + norm(last).length;
		const after = hay.slice(at, at + 400);
		check(w.otherLang.test(after), `${ctx.label}: ${fact} is marked as the other language's`,
			`no "${w.otherLang.source}" within 400 characters after it: "${after.slice(0, 200)}"`);
	}
}

/* checkDoubts(ctx, html, list): markers for each doubtful fact, or none when there is none. */
function checkDoubts(ctx, html, list) {
	const w = WORDS[ctx.lang];
	const marks = doubts(mainOf(html));
	const wrong = marks.filter((m) => m.href !== `/${ctx.lang}/data#confidence`);
	if (list.length === 0) {
		check(marks.length === 0, `${ctx.label}: no confidence marker (no fact it shows is doubtful)`,
			marks.map((m) => `marker "${m.word}"`));
		return;
	}
	for (const d of list) {
		const word = w.doubt[d.confidence];
		check(marks.some((m) => m.word === word),
			`${ctx.label}: marker "${word}" for ${d.what} (${d.confidence})`,
			marks.length ? `markers found: ${marks.map((m) => `"${m.word}"`).join(', ')}`
				: 'no a.doubt marker on the page');
	}
	const need = new Set(list.map((d) => d.what)).size;
	check(marks.length >= need && wrong.length === 0,
		`${ctx.label}: ${need} doubtful fact(s), as many markers or more, each linking to /${ctx.lang}/data#confidence`,
		[`${marks.length} marker(s) for ${list.map((d) => d.what).join('; ')}`,
			...wrong.map((m) => `marker "${m.word}" links to "${m.href}"`)]);
}

/* checkFigure(ctx, hay, what, fig): a figure's percent and its date, worded by its kind. */
function checkFigure(ctx, hay, what, fig) {
	if (fig.percent !== null && fig.percent !== undefined) {
		const re = new RegExp(`(^|[^0-9])${fig.percent}\\s?%`);
		check(re.test(hay), `${ctx.label}: ${what} shows ${fig.percent}%`,
			`no "${fig.percent}%" in "${hay.slice(0, 200)}"`);
	}
	const when = figureWhen(fig, ctx.lang);
	check(hasText(hay, when), `${ctx.label}: ${what} is dated "${when}" (as_of ${fig.as_of ?? 'null'}, ${fig.as_of_kind})`,
		`not in "${hay.slice(0, 240)}"`);
}

/* ---- Commitments ------------------------------------------------------------------- */

/* commitmentDoubts(c, lang): the doubtful facts a commitment's page shows. */
function commitmentDoubts(c, lang) {
	const list = [
		{ what: 'OGP id', confidence: c.ogp_id_confidence },
		{ what: 'title', confidence: titleConfidence(c, lang) },
		...roles(c).map((r) => ({ what: `${r.role} ${r.slug}`, confidence: r.confidence })),
		{ what: 'OGP values', confidence: (c.ogp_values || []).length ? c.ogp_values_confidence : null },
		{ what: 'self-reported status', confidence: c.self_reported ? c.self_reported.confidence : null },
	];
	if (c.irm) {
		list.push({ what: 'IRM values', confidence: c.irm.confidence });
		list.push({ what: 'IRM early results',
			confidence: c.irm.early_results ? c.irm.early_results_confidence : null });
	}
	for (const m of c.milestones) {
		if (m.progress) {
			list.push({ what: `milestone ${m.number}'s figure`, confidence: m.progress.confidence });
		}
		for (const [i, h] of (m.progress_history || []).entries()) {
			list.push({ what: `milestone ${m.number}'s earlier figure ${i + 1}`, confidence: h.confidence });
		}
	}
	return doubtList(list);
}

/* checkPeople(ctx, html, label, want): the bodies linked in the row "label" are exactly
 * want (slugs), each named in the page's language. */
function checkPeople(ctx, html, label, want) {
	const dd = ddAfter(html, label);
	if (!check(dd !== null, `${ctx.label}: has a "${label}" row`, `no <dt>${label}</dt><dd> on the page`)) {
		return;
	}
	const got = memberSlugs(dd, ctx.lang);
	const same = got.length === want.length && want.every((s) => got.includes(s));
	check(same, `${ctx.label}: "${label}" lists exactly ${want.length ? want.join(', ') : 'nobody (not yet recorded)'}`,
		`it links to: ${got.join(', ') || 'nobody'}`);
	if (want.length === 0) {
		check(WORDS[ctx.lang].notRecorded.test(text(dd)), `${ctx.label}: "${label}" says not yet recorded`,
			`it reads "${text(dd).slice(0, 160)}"`);
	}
	for (const s of want) {
		check(hasText(text(dd), bodyName(s, ctx.lang)), `${ctx.label}: "${label}" names ${s} "${bodyName(s, ctx.lang)}"`,
			`it reads "${text(dd).slice(0, 200)}"`);
	}
}

/* figuresOf(c): the milestones' current figures that have a percent. */
function figuresOf(c) {
	return c.milestones.map((m) => m.progress).filter((f) => f && f.percent !== null && f.percent !== undefined);
}

/* span(figs, lang): the years a roll-up of these figures rests on, as view/page.c
 * progress_dates words them, with the count of undated ones; never the import time. */
function span(figs, lang) {
	const w = WORDS[lang];
	const dated = figs.filter((f) => f.as_of).map((f) => f.as_of).sort();
	if (!dated.length) {
		return [w.undated];
	}
	const [y0, y1] = [dated[0].slice(0, 4), dated[dated.length - 1].slice(0, 4)];
	const out = [y0 === y1 ? `${w.figuresFrom} ${y0}` : `${w.figuresFrom} ${y0} ${w.to} ${y1}`];
	if (dated.length < figs.length) {
		out.push(`${figs.length - dated.length} ${w.withUndated}`);
	}
	return out;
}

/* checkRollup(ctx, main, what, known, total, unit, figs, pct): a roll-up says how much is
 * known ("progress known for 4 of 4 milestones"), its average (pct, when not null) and the
 * years of the figures it rests on. */
function checkRollup(ctx, main, what, known, total, unit, figs, pct) {
	const w = WORDS[ctx.lang];
	const says = `${w.knownFor} ${known} ${w.of} ${total} ${w.units[unit][total === 1 ? 0 : 1]}`;
	check(hasText(main, says), `${ctx.label}: ${what} says "${says}"`, 'not on the page');
	if (known === 0) {
		return;
	}
	if (pct !== null) {
		check(new RegExp(`(^|[^0-9])${pct}\\s?%`).test(main), `${ctx.label}: ${what} averages ${pct}%`,
			'not on the page');
	}
	for (const s of span(figs, ctx.lang)) {
		check(hasText(main, s), `${ctx.label}: ${what} rests on "${s}"`, 'not on the page');
	}
}

/* milestoneSegments(main, titles): for each title, the text from it to the next one. */
function milestoneSegments(main, titles) {
	const at = titles.map((t) => (t ? main.indexOf(norm(t)) : -1));
	return at.map((a, i) => {
		if (a < 0) {
			return null;
		}
		const next = at.slice(i + 1).find((b) => b > a);
		return main.slice(a, next === undefined ? a + 2000 : next);
	});
}

/* checkCommitment(c, lang): a commitment's page in one language. */
async function checkCommitment(c, lang) {
	const path = `/${lang}/commitments/${c.ogp_id}`;
	const ctx = { lang, label: `commitment ${c.ogp_id} ${path}` };
	const r = await page(path, ctx.label);
	if (r.status !== 200) {
		return;
	}
	const main = text(mainOf(r.body));
	checkText(ctx, main, 'title', shown(c, 'title', lang), { scope: h1Of(r.body), where: 'the h1' });
	checkText(ctx, main, 'summary', shown(c, 'summary', lang));
	checkText(ctx, main, 'public note', shown(c, 'note', lang), { optional: true });
	const leads = roles(c).filter((x) => x.role !== 'supporter').map((x) => x.slug);
	const sup = roles(c).filter((x) => x.role === 'supporter').map((x) => x.slug);
	checkPeople(ctx, r.body, WORDS[lang].lead, leads);
	checkPeople(ctx, r.body, WORDS[lang].support, sup);
	for (const [rel, list] of [['partner', c.related_partners], ['proposer', c.proposed_by]]) {
		for (const x of list || []) {
			const slug = typeof x === 'string' ? x : x.body;
			check(r.body.includes(`href="/${lang}/members/${slug}"`) && hasText(main, bodyName(slug, lang)),
				`${ctx.label}: ${rel} ${slug} "${bodyName(slug, lang)}" is named and linked`, 'not on the page');
			if (typeof x === 'object') {
				checkText(ctx, main, `${rel} ${slug}'s part`, shown(x, 'role', lang), { optional: true });
			}
		}
	}
	const figs = figuresOf(c);
	checkRollup(ctx, main, 'its progress', figs.length, c.milestones.length, 'ms', figs,
		figs.length ? Math.round(figs.reduce((a, f) => a + f.percent, 0) / figs.length) : null);
	const titles = c.milestones.map((m) => shown(m, 'title', lang));
	const segs = milestoneSegments(main, titles.map((t) => t && t.text));
	for (const [i, m] of c.milestones.entries()) {
		const mctx = { lang, label: `${ctx.label} milestone ${m.number}` };
		checkText(mctx, main, 'title', titles[i]);
		const seg = segs[i] ?? main;
		if (m.progress) {
			checkFigure(mctx, seg, 'progress figure', m.progress);
		}
		for (const [k, h] of (m.progress_history || []).entries()) {
			checkFigure(mctx, seg, `earlier figure ${k + 1}`, h);
		}
	}
	if (c.self_reported && (c.self_reported.percent !== null || c.self_reported.status)) {
		checkFigure(ctx, main, 'self-reported figure', c.self_reported);
	}
	checkDoubts(ctx, r.body, commitmentDoubts(c, lang));
	for (const sub of [`${path}/history`, `${path}/feed.atom`, `${path}.json`, `${path}.csv`,
		`/${lang}/badge/${c.ogp_id}.svg`]) {
		await page(sub, ctx.label);
	}
}

/* ---- Plans ------------------------------------------------------------------------- */

/* checkPlan(p, lang): a plan's page in one language. */
async function checkPlan(p, lang) {
	const path = `/${lang}/plans/${p.number}`;
	const ctx = { lang, label: `plan ${p.number} ${path}` };
	const r = await page(path, ctx.label);
	if (r.status !== 200) {
		return;
	}
	const main = text(mainOf(r.body));
	const h1 = h1Of(r.body);
	checkText(ctx, main, 'title', shown(p, 'title', lang), { scope: h1, where: 'the h1' });
	checkText(ctx, main, 'how it was made (cocreation)', shown(p, 'cocreation', lang), { optional: true });
	checkText(ctx, main, 'public note', shown(p, 'note', lang), { optional: true });
	if (p.published) {
		check(hasText(main, humanDate(p.published, lang)),
			`${ctx.label}: published "${humanDate(p.published, lang)}"`, 'not on the page');
	}
	for (const [i, d] of (p.documents || []).entries()) {
		checkText(ctx, main, `document ${i + 1} (${d.kind})`, shown(d, 'title', lang));
		if (d.url) {
			check(r.body.includes(`href="${d.url.replace(/&/g, '&amp;')}"`),
				`${ctx.label}: document ${i + 1} (${d.kind}) links to ${d.url}`, 'no link to it on the page');
		}
	}
	for (const [i, a] of (p.assessments || []).entries()) {
		checkText(ctx, main, `assessment ${i + 1} (${a.by} ${a.report_kind}) summary`, shown(a, 'summary', lang),
			{ optional: true });
	}
	if (p.self_reported_completion) {
		checkFigure(ctx, main, 'self-reported completion', p.self_reported_completion);
	}
	const cs = C.commitments.filter((c) => c.plan === p.number);
	const withData = cs.filter((c) => figuresOf(c).length);
	checkRollup(ctx, main, "the plan's progress", withData.length, cs.length, 'c',
		withData.flatMap(figuresOf), null);
	const list = doubtList([
		{ what: 'publication date', confidence: p.published ? p.published_confidence : null },
		{ what: 'self-reported completion',
			confidence: p.self_reported_completion ? p.self_reported_completion.confidence : null },
	]);
	for (const c of cs) {
		check(main.includes(c.ogp_id), `${ctx.label}: lists ${c.ogp_id}`, 'its OGP id is not on the page');
		const t = shown(c, 'title', lang);
		checkText({ lang, label: `${ctx.label}, its ${c.ogp_id}` }, main, 'title', t);
		list.push(...listedDoubts(c, lang));
		if (c.lead) {
			list.push(...doubtList([{ what: `${c.ogp_id}'s lead ${c.lead.body}`, confidence: c.lead.confidence }]));
		}
	}
	checkDoubts(ctx, r.body, list);
	for (const sub of [`${path}/history`, `${path}/feed.atom`, `${path}.json`, `${path}.csv`]) {
		await page(sub, ctx.label);
	}
}

/* ---- Bodies ------------------------------------------------------------------------ */

/* checkBody(b, lang): a body's page in one language. */
async function checkBody(b, lang) {
	const path = `/${lang}/members/${b.slug}`;
	const ctx = { lang, label: `body ${b.slug} ${path}` };
	const r = await page(path, ctx.label);
	if (r.status !== 200) {
		return;
	}
	const main = text(mainOf(r.body));
	const h1 = h1Of(r.body);
	checkText(ctx, main, 'name', shown(b, 'name', lang), { scope: h1, where: 'the h1' });
	checkText(ctx, main, 'public note', shown(b, 'note', lang), { optional: true });
	/* a membership the sources do not record is shown as "not recorded", which is no
	 * doubtful fact: only a stated status carries its confidence's marker */
	const stated = b.membership && b.membership.status !== 'unknown';
	const list = doubtList([{ what: 'membership', confidence: stated ? b.membership.confidence : null }]);
	const supports = [];
	for (const c of C.commitments) {
		const mine = roles(c).filter((x) => x.slug === b.slug);
		if (mine.length) {
			check(main.includes(c.ogp_id), `${ctx.label}: lists ${c.ogp_id} (${mine.map((x) => x.role).join(', ')})`,
				'its OGP id is not on the page');
			list.push(...doubtList(mine.map((x) => ({ what: `${x.role} of ${c.ogp_id}`, confidence: x.confidence }))));
			list.push(...listedDoubts(c, lang));
		}
		if (mine.some((x) => x.role === 'supporter')) {
			supports.push(c.ogp_id);
		}
	}
	const sec = sectionAfter(mainOf(r.body), WORDS[lang].supportsHeading);
	const listed = sec ? [...new Set(text(sec).match(/PT\d{4}/g) || [])] : [];
	const extra = listed.filter((id) => !supports.includes(id));
	check(extra.length === 0, `${ctx.label}: "${WORDS[lang].supportsHeading}" holds only the commitments it supports`,
		extra.map((id) => `${id} is listed, but ${b.slug} does not support it in the file`));
	checkDoubts(ctx, r.body, list);
	for (const sub of [`${path}/feed.atom`, `${path}.json`, `${path}.csv`]) {
		await page(sub, ctx.label);
	}
}

/* ---- Events ------------------------------------------------------------------------ */
/* checkWhen(ctx, hay, fields, undated): the dates ([name, iso] pairs) of an event or a
 * consultation, each as the pages write it; a missing one (but an end) said by undated. */
function checkWhen(ctx, hay, fields, undated) {
	for (const [name, iso] of fields) {
		if (iso) {
			check(hasText(hay, humanDate(iso, ctx.lang)), `${ctx.label}: ${name} "${humanDate(iso, ctx.lang)}"`,
				'not on the page');
		}
	}
	if (fields.some(([name, iso]) => !iso && name !== 'ends')) {
		check(undated.test(hay), `${ctx.label}: a missing date says so`,
			`${fields.filter(([, iso]) => !iso).map(([n]) => n).join(', ')} null, and no "${undated.source}"`);
	}
}

/* checkEvent(e, lang, list): an event, found in the events list by its title. */
async function checkEvent(e, lang, list) {
	const ctx = { lang, label: `event ${e.slug} /${lang}/events` };
	const t = shown(e, 'title', lang);
	const hit = t ? list.find((a) => a.text === norm(t.text)) : null;
	if (!check(hit, `${ctx.label}: /${lang}/events links to it by its title`,
		`no link reading "${t ? t.text : '(no title)'}" to /${lang}/events/N`)) {
		return;
	}
	ctx.label = `event ${e.slug} ${hit.href}`;
	const r = await page(hit.href, ctx.label);
	if (r.status !== 200) {
		return;
	}
	const main = text(mainOf(r.body));
	const h1 = h1Of(r.body);
	checkText(ctx, main, 'title', t, { scope: h1, where: 'the h1' });
	checkText(ctx, main, 'description', shown(e, 'description', lang), { optional: true });
	checkText(ctx, main, 'place', shown(e, 'place', lang), { optional: true });
	checkWhen(ctx, main, [['starts', e.start], ['ends', e.end]], WORDS[lang].eventUndated);
	const org = ddAfter(r.body, WORDS[lang].organiser);
	const who = [[e.organiser, 'organiser'], ...(e.co_organisers || []).map((x) => [x, 'co-organiser'])];
	for (const [slug, role] of who.filter(([x]) => x)) {
		check(org !== null && hasText(text(org), bodyName(slug, lang)),
			`${ctx.label}: ${role} ${slug} "${bodyName(slug, lang)}" is named in the "${WORDS[lang].organiser}" row`,
			org === null ? `no <dt>${WORDS[lang].organiser}</dt> row` : `it reads "${text(org).slice(0, 160)}"`);
	}
	checkDoubts(ctx, r.body, doubtList([{ what: 'dates', confidence: e.date_confidence }]));
	for (const ics of anchors(r.body, /\/calendar\.ics$/)) {
		await page(ics.href, ctx.label);
	}
	await page(`${hit.href}.json`, ctx.label);
}

/* ---- Consultations ----------------------------------------------------------------- */

/* escapeHtml(s): s as the templates write it in HTML (ctemplate's HTML escaping). */
function escapeHtml(s) {
	return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

/* entryOf(html, title, titles): the HTML of a list from title to the next of titles. */
function entryOf(html, title, titles) {
	const at = html.indexOf(escapeHtml(title));
	const next = titles.map((x) => html.indexOf(escapeHtml(x), at + 1)).filter((i) => i > at);
	return at < 0 ? '' : html.slice(at, next.length ? Math.min(...next) : at + 4000);
}

/* checkConsultation(k, lang, html): a consultation record, in the list or on its page. */
async function checkConsultation(k, lang, html) {
	const ctx = { lang, label: `consultation ${k.slug} /${lang}/consultations` };
	const t = shown(k, 'title', lang);
	const listText = text(mainOf(html));
	const at = t ? listText.indexOf(norm(t.text)) : -1;
	if (!check(at >= 0, `${ctx.label}: /${lang}/consultations lists it by its title`,
		`"${t ? t.text : '(no title)'}" is not on /${lang}/consultations`)) {
		return;
	}
	const link = anchors(html, new RegExp(`^/${lang}/consultations/[^/]+$`)).find((a) => a.text === norm(t.text));
	let hay;
	let body = null;
	if (link) {
		ctx.label = `consultation ${k.slug} ${link.href}`;
		const r = await page(link.href, ctx.label);
		body = r.status === 200 ? r.body : null;
		hay = body ? text(mainOf(body)) : '';
	} else {
		const titles = C.consultations.map((o) => shown(o, 'title', lang)).filter(Boolean).map((o) => o.text);
		hay = text(entryOf(html, t.text, titles));
	}
	checkText(ctx, hay, 'title', t);
	checkText(ctx, hay, 'description', shown(k, 'description', lang), { optional: true });
	checkText(ctx, hay, 'outcome', shown(k, 'outcome', lang), { optional: true });
	checkWhen(ctx, hay, [['opens', k.opens], ['closes', k.closes]], WORDS[lang].notRecorded);
	if (k.organiser) {
		check(hasText(hay, bodyName(k.organiser, lang)),
			`${ctx.label}: organiser ${k.organiser} "${bodyName(k.organiser, lang)}" is named`, 'not where it is shown');
	}
	const list = doubtList([{ what: 'dates', confidence: k.dates_confidence }]);
	checkDoubts(ctx, body ?? entryOf(html, t.text, C.consultations.map((o) => shown(o, 'title', lang))
		.filter(Boolean).map((o) => o.text)), list);
}

/* ---- Main -------------------------------------------------------------------------- */

/* lisbonDay(): today in Lisbon, the wall clock of the pages (it may differ from UTC). */
function lisbonDay() {
	try {
		return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Lisbon' }).format(new Date());
	} catch (e) {
		return IMPORT_DAY;
	}
}

async function main() {
	const { needles, count } = noteNeedles(C);
	console.log(`# ${C.commitments.length} commitments, ${C.plans.length} plans, ${C.bodies.length} bodies, ` +
		`${C.events.length} events, ${C.consultations.length} consultations; ${count} research notes ` +
		`(${needles.length} texts that must not be published); import day ${IMPORT_DAY}`);
	for (const lang of LANGS) {
		for (const p of [`/${lang}/`, `/${lang}/plans`, `/${lang}/commitments`, `/${lang}/network`,
			`/${lang}/ogp`, `/${lang}/accessibility`, `/${lang}/data`, `/${lang}/feed.atom`,
			`/${lang}/events/calendar.ics`, `/${lang}/plans.json`, `/${lang}/plans.csv`,
			`/${lang}/commitments.json`, `/${lang}/commitments.csv`, `/${lang}/network.json`,
			`/${lang}/events.json`, `/${lang}/events.csv`, `/${lang}/consultations.json`]) {
			await page(p, `/${lang}`);
		}
		for (const c of C.commitments) {
			await checkCommitment(c, lang);
		}
		for (const p of C.plans) {
			await checkPlan(p, lang);
		}
		for (const b of C.bodies) {
			await checkBody(b, lang);
		}
		const ev = await page(`/${lang}/events`, `events /${lang}`);
		const evLinks = anchors(ev.body, new RegExp(`^/${lang}/events/\\d+$`));
		for (const e of C.events) {
			await checkEvent(e, lang, evLinks);
		}
		const ks = await page(`/${lang}/consultations`, `consultations /${lang}`);
		for (const k of C.consultations) {
			await checkConsultation(k, lang, ks.body);
		}
	}
	await page('/sitemap.xml', 'the sitemap');
	const files = new Set(['/data/catalog.jsonld']);
	for (const lang of LANGS) {
		for (const a of anchors((await get(`/${lang}/data`)).body, /^\/data\/[^/]+\.(csv|json|jsonld)$/)) {
			files.add(a.href);
		}
	}
	check(files.size > 2, `/en/data and /pt/data list the exports (${files.size - 1} files)`, 'no /data/ link found');
	for (const f of files) {
		await page(f, 'export');
	}
	await checkExports(C);
	scanAll(needles, [...new Set([IMPORT_DAY, lisbonDay()])]);
}

main().catch((e) => {
	check(false, 'the test ran to its end', String(e && e.stack ? e.stack : e));
}).finally(finish);
