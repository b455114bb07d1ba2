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
 *    changed, each allowed by name (IMPORT_PLACES below); the exported figures carry the
 *    dates of the file, never the import time.
 * Prints one TAP line a check, the plan, and "N passed, N failed" last.
 */
const fs = require('fs');

const BASE = process.argv[2];
const CONTENT = process.argv[3];
const IMPORT_DAY = process.argv[4];
const LANGS = ['pt', 'en'];

let nt = 0;
let npass = 0;
let nfail = 0;

/* check(ok, desc, why): one TAP line; why (a string or lines) is printed on failure. */
function check(ok, desc, why) {
	nt++;
	if (ok) {
		npass++;
		console.log(`ok ${nt} - ${desc}`);
		return true;
	}
	nfail++;
	console.log(`not ok ${nt} - ${desc}`);
	const lines = Array.isArray(why) ? why : why ? [why] : [];
	for (const l of lines.slice(0, 12)) {
		console.log(`#   ${String(l).replace(/\n/g, ' ')}`);
	}
	if (lines.length > 12) {
		console.log(`#   ... and ${lines.length - 12} more`);
	}
	return false;
}

/* ---- The site's words (view/strings.c) and dates (view/i18n.c i18n_date) ---------- */

const WORDS = {
	pt: {
		notRecorded: /ainda não registad[oa]/i,
		otherLang: /(só está disponível em inglês|\(em inglês\))/,
		undated: 'data não registada',
		eventUndated: /data ainda não registada/i,
		doubt: { unconfirmed: 'por confirmar', inferred: 'deduzido, por confirmar' },
		lead: 'Responsável',
		support: 'Apoio',
		supportsHeading: 'Compromissos que apoia',
		organiser: 'Organização',
		lastUpdated: 'Última atualização:',
		months: ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto',
			'setembro', 'outubro', 'novembro', 'dezembro'],
	},
	en: {
		notRecorded: /not yet recorded/i,
		otherLang: /(only available in Portuguese|\(in Portuguese\))/,
		undated: 'date not recorded',
		eventUndated: /date not yet recorded/i,
		doubt: { unconfirmed: 'unconfirmed', inferred: 'inferred, unconfirmed' },
		lead: 'Lead',
		support: 'Supported by',
		supportsHeading: 'Commitments it supports',
		organiser: 'Organiser',
		lastUpdated: 'Last updated:',
		months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
			'September', 'October', 'November', 'December'],
	},
};

/* humanDate(iso, lang): an ISO date (YYYY, YYYY-MM, YYYY-MM-DD...) as the pages write it. */
function humanDate(iso, lang) {
	const w = WORDS[lang];
	const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
	if (!m) {
		return iso;
	}
	if (!m[2]) {
		return m[1];
	}
	const month = w.months[Number(m[2]) - 1];
	const sep = lang === 'en' ? ' ' : ' de ';
	return (m[3] ? `${Number(m[3])}${sep}` : '') + month + sep + m[1];
}

/* figureWhen(fig, lang): the date of a figure worded by its as_of_kind (page_figure_date). */
function figureWhen(fig, lang) {
	if (!fig.as_of || fig.as_of_kind === 'unknown') {
		return WORDS[lang].undated;
	}
	const d = humanDate(fig.as_of, lang);
	const day = fig.as_of.length >= 10;
	const pt = { stated: `em ${d}`, publication: `num relatório de ${d}`,
		not_before: `publicado em ${d} ou depois`, approximate: `cerca de ${d}` };
	const en = { stated: `${day ? 'on' : 'in'} ${d}`, publication: `in a report of ${d}`,
		not_before: `published on or after ${d}`, approximate: `about ${d}` };
	return (lang === 'en' ? en : pt)[fig.as_of_kind] || (lang === 'en' ? en : pt).stated;
}

/* ---- Text of what the site serves -------------------------------------------------- */

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/* decode(s): HTML/XML character references resolved. */
function decode(s) {
	return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, e) => {
		if (e[0] === '#') {
			const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
			return String.fromCodePoint(n);
		}
		return ENTITIES[e.toLowerCase()] ?? all;
	});
}

/* norm(s): whitespace collapsed, no-break spaces as spaces, trimmed. */
function norm(s) {
	return String(s).replace(/[\s\u00a0]+/g, ' ').trim();
}

const BLOCK = /^(p|div|li|ul|ol|dl|dt|dd|h[1-6]|tr|td|th|table|thead|tbody|caption|section|aside|nav|header|footer|main|figure|figcaption|details|summary|br|hr|form|label|article|pre|blockquote|option|select|textarea|button|title|svg|text)$/i;

/* text(html): the visible text, block elements apart, inline ones run together. */
function text(html) {
	const s = html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<!--[\s\S]*?-->/g, ' ')
		.replace(/<\/?([a-z0-9]+)[^>]*>/gi, (t, name) => (BLOCK.test(name) ? ' ' : ''));
	return norm(decode(s));
}

/* mainOf(html): the <main> element (the page's own content), else the whole page. */
function mainOf(html) {
	const m = /<main[\s>][\s\S]*<\/main>/i.exec(html);
	return m ? m[0] : html;
}

/* h1Of(html): the text of the first h1. */
function h1Of(html) {
	const m = /<h1[\s>][\s\S]*?<\/h1>/i.exec(html);
	return m ? text(m[0]) : '';
}

/* ddAfter(html, label): the HTML of the <dd> that follows the <dt> reading label. */
function ddAfter(html, label) {
	const re = /<dt[^>]*>([\s\S]*?)<\/dt>\s*<dd[^>]*>([\s\S]*?)<\/dd>/gi;
	let m;
	while ((m = re.exec(html)) !== null) {
		if (text(m[1]) === label) {
			return m[2];
		}
	}
	return null;
}

/* sectionAfter(html, heading): the HTML from the heading reading heading to the next h2. */
function sectionAfter(html, heading) {
	const re = /<h([2-4])[^>]*>([\s\S]*?)<\/h\1>/gi;
	let m;
	while ((m = re.exec(html)) !== null) {
		if (text(m[2]) === heading) {
			const rest = html.slice(re.lastIndex);
			const end = rest.search(/<h2[\s>]/i);
			return end < 0 ? rest : rest.slice(0, end);
		}
	}
	return null;
}

/* memberSlugs(html, lang): the bodies a piece of HTML links to, in order. */
function memberSlugs(html, lang) {
	const out = [];
	const re = new RegExp(`href="/${lang}/members/([a-z0-9-]+)"`, 'g');
	let m;
	while ((m = re.exec(html)) !== null) {
		out.push(m[1]);
	}
	return out;
}

/* doubts(html): the words of the confidence markers (a.doubt) of a page, with their targets. */
function doubts(html) {
	const out = [];
	const re = /<a\s([^>]*\bclass="(?:[^"]*\s)?doubt(?:\s[^"]*)?"[^>]*)>([\s\S]*?)<\/a>/gi;
	let m;
	while ((m = re.exec(html)) !== null) {
		const href = /href="([^"]*)"/.exec(m[1]);
		out.push({ word: text(m[2]), href: href ? decode(href[1]) : '' });
	}
	return out;
}

/* ---- Fetching ---------------------------------------------------------------------- */

const fetched = new Map(); /* path -> {status, type, body} */

/* get(path): the answer for path (cached); status 0 when the request failed. */
async function get(path) {
	if (fetched.has(path)) {
		return fetched.get(path);
	}
	let res;
	try {
		const r = await fetch(BASE + path, { redirect: 'manual' });
		res = { status: r.status, type: r.headers.get('content-type') || '', body: await r.text() };
	} catch (e) {
		res = { status: 0, type: '', body: '', error: String(e) };
	}
	fetched.set(path, res);
	return res;
}

/* page(path, what): the answer for path, with one check that it is there (200). */
async function page(path, what) {
	const r = await get(path);
	check(r.status === 200, what.endsWith(path) ? `${what} answers 200` : `${what}: ${path} answers 200`,
		`HTTP ${r.status}${r.error ? ` (${r.error})` : ''}`);
	return r;
}

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

/* Doubt list: {what, confidence} entries kept when the confidence is doubtful. */
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

/* listedDoubts(c, lang, label): the doubtful facts of a commitment that a list shows (its
 * OGP id and its title). */
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
	const list = doubtList([{ what: 'membership', confidence: b.membership ? b.membership.confidence : null }]);
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

/* anchors(html, re): [{href, text}] of the links whose href matches re. */
function anchors(html, re) {
	const out = [];
	const a = /<a\s[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi;
	let m;
	while ((m = a.exec(html)) !== null) {
		const href = decode(m[1]);
		if (re.test(href)) {
			out.push({ href, text: text(m[2]) });
		}
	}
	return out;
}

/* checkWhen(ctx, hay, start, end, undated): the dates of an event or a consultation. */
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
	for (const slug of [e.organiser, ...(e.co_organisers || [])].filter(Boolean)) {
		check(org !== null && hasText(text(org), bodyName(slug, lang)),
			`${ctx.label}: organiser ${slug} "${bodyName(slug, lang)}" is named in the "${WORDS[lang].organiser}" row`,
			org === null ? `no <dt>${WORDS[lang].organiser}</dt> row` : `it reads "${text(org).slice(0, 160)}"`);
	}
	checkDoubts(ctx, r.body, doubtList([{ what: 'dates', confidence: e.date_confidence }]));
	for (const ics of anchors(r.body, /\/calendar\.ics$/)) {
		await page(ics.href, ctx.label);
	}
	await page(`${hit.href}.json`, ctx.label);
}

/* ---- Consultations ----------------------------------------------------------------- */

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
		const others = C.consultations.map((o) => shown(o, 'title', lang)).filter(Boolean)
			.map((o) => listText.indexOf(norm(o.text))).filter((i) => i > at);
		hay = listText.slice(at, others.length ? Math.min(...others) : at + 2000);
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
	if (body) {
		checkDoubts(ctx, body, list);
	} else if (list.length) {
		const word = WORDS[lang].doubt[list[0].confidence];
		check(hay.includes(word), `${ctx.label}: marker "${word}" for its dates in the list`,
			`not in its entry: "${hay.slice(0, 200)}"`);
	}
}

/* ---- Research notes ---------------------------------------------------------------- */

/* notesAndPublic(o): every research_note string of the file, and every other string. */
function notesAndPublic(o, notes = [], pub = [], path = '') {
	if (Array.isArray(o)) {
		o.forEach((v, i) => notesAndPublic(v, notes, pub, `${path}[${i}]`));
	} else if (o && typeof o === 'object') {
		for (const [k, v] of Object.entries(o)) {
			if (k === 'research_note') {
				if (typeof v === 'string' && v.trim()) {
					notes.push({ path: `${path}.research_note`, text: norm(v) });
				}
			} else {
				notesAndPublic(v, notes, pub, `${path}.${k}`);
			}
		}
	} else if (typeof o === 'string') {
		pub.push(o);
	}
	return { notes, pub };
}

const NAMED = [
	{ s: 'do not fill in', ci: true }, { s: 'by elimination', ci: true },
	{ s: 'UNCERTAIN', ci: false }, { s: 'inferred from', ci: true },
];

/* noteNeedles(): what no published text may hold: each note whole, each sentence of a
 * note (25 characters or more) that is not public text of the file, and NAMED. */
function noteNeedles() {
	const { notes, pub } = notesAndPublic(C);
	const pubText = norm(pub.join('\n'));
	const needles = [];
	for (const n of notes) {
		needles.push({ s: n.text, ci: false, from: n.path });
		for (const sen of n.text.split(/(?<=[.;!?])\s+/)) {
			if (sen.length >= 25 && sen !== n.text && !pubText.includes(sen)) {
				needles.push({ s: sen, ci: false, from: n.path });
			}
		}
	}
	for (const f of NAMED) {
		check(!(f.ci ? pubText.toLowerCase().includes(f.s.toLowerCase()) : pubText.includes(f.s)),
			`the fragment "${f.s}" is in no public text of the content file (so it tells a research note)`,
			'it is: choose another fragment');
		needles.push({ ...f, from: 'a research note' });
	}
	return { needles, count: notes.length };
}

/* ---- The import day ---------------------------------------------------------------- */

/* Where the import day may appear: only where the site states when something last
 * changed, each by name. */
const IMPORT_PLACES = {
	html: [/(Last updated:|Última atualização:)\s*<time\b[^>]*>[^<]*<\/time>/g],	/* L_LAST_UPDATED */
	atom: [/<updated>[^<]*<\/updated>/g],		/* Atom's updated: the entry's last change */
	sitemap: [/<lastmod>[^<]*<\/lastmod>/g],	/* a page's last change */
	ics: [/^(DTSTAMP|LAST-MODIFIED)[:;].*$/gm],	/* RFC 5545: when the file / event was made */
	keys: new Set(['updated_at', 'modified', 'dct:modified']), /* JSON keys, CSV columns */
};

/* dayForms(iso): the ways a page could write that day. */
function dayForms(iso) {
	const [y, m, d] = iso.split('-');
	return [iso, `${y}${m}${d}`, `${d}/${m}/${y}`, humanDate(iso, 'pt'), humanDate(iso, 'en')];
}

/* parseCsv(s): rows of fields (RFC 4180). */
function parseCsv(s) {
	const rows = [];
	let row = [];
	let f = '';
	let q = false;
	for (let i = 0; i < s.length; i++) {
		const ch = s[i];
		if (q) {
			if (ch === '"' && s[i + 1] === '"') {
				f += '"';
				i++;
			} else if (ch === '"') {
				q = false;
			} else {
				f += ch;
			}
		} else if (ch === '"') {
			q = true;
		} else if (ch === ',') {
			row.push(f);
			f = '';
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && s[i + 1] === '\n') {
				i++;
			}
			row.push(f);
			rows.push(row);
			row = [];
			f = '';
		} else {
			f += ch;
		}
	}
	if (f !== '' || row.length) {
		row.push(f);
		rows.push(row);
	}
	return rows;
}

/* kindOf(path, type): how to read an answer: html, atom, sitemap, ics, json, csv, svg. */
function kindOf(path, type) {
	if (/atom/.test(type)) {
		return 'atom';
	}
	if (/calendar/.test(type)) {
		return 'ics';
	}
	if (/json/.test(type)) {
		return 'json';
	}
	if (/csv/.test(type)) {
		return 'csv';
	}
	if (/svg/.test(type)) {
		return 'svg';
	}
	if (/xml/.test(type)) {
		return path.endsWith('sitemap.xml') ? 'sitemap' : 'atom';
	}
	return 'html';
}

/* fields(kind, body): [{name, value}] of every string a document holds (name: the JSON key
 * or CSV column, else ''), the allowed places of the import day cut out of markup. */
function fields(kind, body) {
	if (kind === 'json') {
		const out = [];
		const walk = (o, key) => {
			if (Array.isArray(o)) {
				o.forEach((v) => walk(v, key));
			} else if (o && typeof o === 'object') {
				for (const [k, v] of Object.entries(o)) {
					walk(v, k.startsWith('@') ? key : k);
				}
			} else if (o !== null && o !== undefined) {
				out.push({ name: key, value: String(o) });
			}
		};
		try {
			walk(JSON.parse(body), '');
		} catch (e) {
			out.push({ name: '', value: body });
		}
		return out;
	}
	if (kind === 'csv') {
		const rows = parseCsv(body);
		const head = rows[0] || [];
		return rows.slice(1).flatMap((r) => r.map((v, i) => ({ name: head[i] || '', value: v })))
			.concat(head.map((h) => ({ name: '', value: h })));
	}
	if (kind === 'ics') {
		const unfolded = body.replace(/\r?\n[ \t]/g, '').replace(/\\([,;\\])/g, '$1').replace(/\\n/gi, '\n');
		return [{ name: '', value: unfolded }];
	}
	return [{ name: '', value: decode(body) }];
}

/* withoutPlaces(kind, s): s without the places where the import day is allowed. */
function withoutPlaces(kind, s) {
	const list = kind === 'html' ? IMPORT_PLACES.html : kind === 'atom' ? IMPORT_PLACES.atom
		: kind === 'sitemap' ? IMPORT_PLACES.sitemap : kind === 'ics' ? IMPORT_PLACES.ics : [];
	return list.reduce((acc, re) => acc.replace(re, ' [allowed] '), s);
}

/* scanAll(needles): every answer fetched, for research notes and the import day. */
function scanAll(needles, days) {
	const forms = [...new Set(days.flatMap(dayForms))];
	for (const [path, r] of [...fetched.entries()].sort()) {
		if (r.status !== 200) {
			continue;
		}
		const kind = kindOf(path, r.type);
		const fs2 = fields(kind, r.body);
		const all = kind === 'html' ? `${text(r.body)}\n${decode(r.body)}` : fs2.map((f) => f.value).join('\n');
		const hay = norm(all);
		const low = hay.toLowerCase();
		const found = needles.filter((n) => (n.ci ? low.includes(n.s.toLowerCase()) : hay.includes(n.s)));
		check(found.length === 0, `no research note in ${path}`,
			found.map((n) => `"${n.s.slice(0, 90)}" (from ${n.from})`));
		const bad = [];
		for (const f of fs2) {
			if (f.name && IMPORT_PLACES.keys.has(f.name)) {
				continue;
			}
			const cut = withoutPlaces(kind, f.value);
			const v = kind === 'html' ? `${cut}\n${text(cut)}` : cut;
			for (const d of forms) {
				let i = v.indexOf(d);
				while (i >= 0 && bad.length < 8) {
					const ctxt = norm(v.slice(Math.max(0, i - 70), i + d.length + 30));
					bad.push(`${f.name ? `${f.name}: ` : ''}"${d}" in "…${ctxt}…"`);
					i = v.indexOf(d, i + d.length);
				}
			}
		}
		check(bad.length === 0, `no import day (${days.join(', ')}) in ${path} outside the last-change places`, bad);
	}
}

/* ---- Exported figures -------------------------------------------------------------- */

/* csvRecords(path): the rows of a CSV export as objects. */
async function csvRecords(path) {
	const r = await get(path);
	const rows = parseCsv(r.body);
	const head = rows[0] || [];
	return rows.slice(1).filter((x) => x.length > 1).map((x) => Object.fromEntries(head.map((h, i) => [h, x[i] ?? ''])));
}

/* same(row, want): the fields of want that row does not hold as given ("" for null). */
function diffs(row, want) {
	if (!row) {
		return ['no such row'];
	}
	return Object.entries(want).filter(([k, v]) => (row[k] ?? '(no column)') !== (v === null ? '' : String(v)))
		.map(([k, v]) => `${k} is "${row[k] ?? '(no column)'}", the file says "${v ?? ''}"`);
}

/* checkExports(): the figures of the exports carry the file's dates, never the import time. */
async function checkExports() {
	const ms = await csvRecords('/data/milestones.csv');
	const figs = await csvRecords('/data/milestone_figures.csv');
	const cms = await csvRecords('/data/commitments.csv');
	for (const c of C.commitments) {
		const dated = c.milestones.filter((m) => m.progress && m.progress.percent !== null && m.progress.as_of)
			.map((m) => m.progress.as_of).sort();
		const row = cms.find((x) => x.ogp_id === c.ogp_id);
		const want = { progress_as_of: dated.length ? dated[dated.length - 1] : null };
		if (c.self_reported) {
			Object.assign(want, { self_percent: c.self_reported.percent, self_as_of: c.self_reported.as_of,
				self_as_of_kind: c.self_reported.as_of_kind });
		}
		const d = diffs(row, want);
		check(d.length === 0, `/data/commitments.csv ${c.ogp_id}: dates of its figures as in the file`, d);
		for (const m of c.milestones) {
			const p = m.progress;
			const mrow = ms.find((x) => x.ogp_id === c.ogp_id && x.position === String(m.number));
			const md = diffs(mrow, { progress: p ? p.percent : null, progress_as_of: p ? p.as_of : null,
				progress_as_of_kind: p ? p.as_of_kind : null, progress_confidence: p ? p.confidence : null });
			check(md.length === 0, `/data/milestones.csv ${c.ogp_id} milestone ${m.number}: figure, date, kind, confidence as in the file`, md);
			for (const [i, h] of (m.progress_history || []).entries()) {
				const frow = figs.find((x) => x.ogp_id === c.ogp_id && x.milestone_position === String(m.number)
					&& x.position === String(i + 1));
				const fd = diffs(frow, { percent: h.percent, as_of: h.as_of, as_of_kind: h.as_of_kind });
				check(fd.length === 0, `/data/milestone_figures.csv ${c.ogp_id} milestone ${m.number} figure ${i + 1} as in the file`, fd);
			}
		}
	}
	const pc = await csvRecords('/data/plan_completion.csv');
	for (const p of C.plans) {
		for (const [i, h] of (p.self_reported_completion_history || []).entries()) {
			const row = pc.find((x) => x.plan_number === String(p.number) && x.position === String(i + 1));
			const d = diffs(row, { percent: h.percent, as_of: h.as_of, as_of_kind: h.as_of_kind });
			check(d.length === 0, `/data/plan_completion.csv plan ${p.number} figure ${i + 1} as in the file`, d);
		}
	}
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
	const { needles, count } = noteNeedles();
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
	await checkExports();
	scanAll(needles, [...new Set([IMPORT_DAY, lisbonDay()])]);
}

main().catch((e) => {
	check(false, 'the test ran to its end', String(e && e.stack ? e.stack : e));
}).finally(() => {
	console.log(`1..${nt}`);
	console.log(`${npass} passed, ${nfail} failed`);
	process.exitCode = nfail === 0 && npass > 0 ? 0 : 1;
});
