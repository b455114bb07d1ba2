'use strict';
/*
 * What the content-truth test (truth.js) needs to read the site: TAP lines, the site's
 * words and dates, the text of a page and its parts, the answers of the site (fetched
 * once each and kept for the scans of scan.js), CSV.
 */

const tap = { nt: 0, npass: 0, nfail: 0 };

/* check(ok, desc, why): one TAP line; why (a string or lines) is printed on failure. */
function check(ok, desc, why) {
	tap.nt++;
	if (ok) {
		tap.npass++;
		console.log(`ok ${tap.nt} - ${desc}`);
		return true;
	}
	tap.nfail++;
	console.log(`not ok ${tap.nt} - ${desc}`);
	const lines = Array.isArray(why) ? why : why ? [why] : [];
	for (const l of lines.slice(0, 12)) {
		console.log(`#   ${String(l).replace(/\n/g, ' ')}`);
	}
	if (lines.length > 12) {
		console.log(`#   ... and ${lines.length - 12} more`);
	}
	return false;
}

/* finish(): the plan line and the summary, last; the exit code says whether all passed. */
function finish() {
	console.log(`1..${tap.nt}`);
	console.log(`${tap.npass} passed, ${tap.nfail} failed`);
	process.exitCode = tap.nfail === 0 && tap.npass > 0 ? 0 : 1;
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
		knownFor: 'progresso conhecido para', of: 'de', figuresFrom: 'valores de', to: 'a',
		withUndated: 'com data não registada',
		units: { ms: ['marco', 'marcos'], c: ['compromisso', 'compromissos'] },
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
		knownFor: 'progress known for', of: 'of', figuresFrom: 'figures from', to: 'to',
		withUndated: 'with date not recorded',
		units: { ms: ['milestone', 'milestones'], c: ['commitment', 'commitments'] },
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
/* ---- Fetching ---------------------------------------------------------------------- */

const fetched = new Map(); /* path -> {status, type, body} */
const site = { base: '' }; /* the site's address: set by truth.js */

/* get(path): the answer for path (cached); status 0 when the request failed. */
async function get(path) {
	if (fetched.has(path)) {
		return fetched.get(path);
	}
	let res;
	try {
		const r = await fetch(site.base + path, { redirect: 'manual' });
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

module.exports = {
	tap, check, finish, WORDS, humanDate, figureWhen, decode, norm, text, mainOf, h1Of, ddAfter,
	sectionAfter, memberSlugs, doubts, anchors, fetched, site, get, page, parseCsv,
};
