'use strict';
/*
 * The scans of the content-truth test (truth.js), over every answer it fetched: no
 * research note anywhere, the import day only where the site states a last change; and
 * the exported figures with the dates of the content file.
 */
const { check, humanDate, decode, norm, text, fetched, get, parseCsv } = require('./lib');

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

/* noteNeedles(C): what no published text may hold: each note whole, each sentence of a
 * note (25 characters or more) that is not public text of the file, and NAMED. */
function noteNeedles(C) {
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
	ics: [/^DTSTAMP[:;].*$/gm],		/* RFC 5545: when the calendar file was made */
	keys: new Set(['updated_at', 'modified', 'dct:modified']), /* a record's or a file's last change */
};

/* dayForms(iso): the ways a page could write that day. */
function dayForms(iso) {
	const [y, m, d] = iso.split('-');
	return [iso, `${y}${m}${d}`, `${d}/${m}/${y}`, humanDate(iso, 'pt'), humanDate(iso, 'en')];
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

/* writtenTexts(): every string of the content files (the seed and the site's own page
 * texts), normalised: a date written in them is the content's, not the import's (the
 * accessibility statement's date, "the sources consulted on ..."). */
function writtenTexts() {
	const fs = require('fs');
	const path = require('path');
	const out = [];
	const walk = (o) => {
		if (Array.isArray(o)) {
			o.forEach(walk);
		} else if (o && typeof o === 'object') {
			Object.values(o).forEach(walk);
		} else if (typeof o === 'string') {
			out.push(norm(o));
		}
	};
	for (const f of ['rnaa-content.json', 'pages.json']) {
		walk(JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'content', f), 'utf8')));
	}
	return out.join('\n');
}

/* scanAll(needles, days): every answer fetched, for research notes and the import days. */
function scanAll(needles, days) {
	const forms = [...new Set(days.flatMap(dayForms))];
	const written = writtenTexts();
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
					/* the date with the words around it as a content file writes them */
					const near = norm(v.slice(Math.max(0, i - 24), i + d.length)
						.replace(/^[^<]*>/, '').replace(/<[^>]*>/g, ' '));
					if (!written.includes(near)) {
						bad.push(`${f.name ? `${f.name}: ` : ''}"${d}" in "…${ctxt}…"`);
					}
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

/* diffs(row, want): the fields of want that row does not hold as given ("" for null). */
function diffs(row, want) {
	if (!row) {
		return ['no such row'];
	}
	return Object.entries(want).filter(([k, v]) => (row[k] ?? '(no column)') !== (v === null ? '' : String(v)))
		.map(([k, v]) => `${k} is "${row[k] ?? '(no column)'}", the file says "${v ?? ''}"`);
}

/* checkExports(C): the figures of the exports carry the file's dates, never the import time. */
async function checkExports(C) {
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

module.exports = { noteNeedles, scanAll, checkExports };
