'use strict';
/*
 * The ten-second test, run by run.sh: what a citizen must be able to tell at a glance,
 * read from the rendered page (the innerText of the visible headline area, never the
 * HTML source), on the home page, the plans list and each plan, at 1280 and 375 px in
 * both languages, with a full-page screenshot of each into artifacts/glance/latest/
 * (ignored by git).  The screenshots kept in the repository, artifacts/glance/before/
 * (the code before issue 20's work, commit 6fd38d5) and artifacts/glance/after/ (as that
 * work left the pages), are written by GLANCE_SET=before or GLANCE_SET=after: a test run
 * never rewrites them.  The headline area of a plan is, on the home page and the
 * plans list, each card whose heading links to the plan; on the plan's own page, what
 * comes before its first section, and any .headline block.  For each plan:
 *  - how much is known, before any percentage: "progress known for N of M commitments"
 *    (pt: "progresso conhecido para N de M compromissos"), N the commitments of the plan
 *    with at least one milestone figure in the seed (content/rnaa-content.json), M all;
 *  - no large progress bar (.meter, <progress>, role=progressbar) in the headline when
 *    fewer than half of the commitments have data;
 *  - the self-reported completion with its date where the seed has one;
 *  - the latest independent (IRM) verdict with its date and the start of its summary.
 * At 375 px: no horizontal overflow (scrollWidth) and no element of main wider than the
 * viewport (a table scrolling sideways in its own box is one).  Also: the header search
 * field has a visible label; on a commitment page at 1280 px the history and follow
 * links are within the first screen, and its sources come before its comment form.
 */
const fs = require('fs');
const path = require('path');
const L = require('./lib');

const { check, step, go, env } = L;
const CONTENT = process.env.CONTENT || path.join(L.HERE, '..', '..', 'content', 'rnaa-content.json');
const SET = process.env.GLANCE_SET || 'latest';
const SHOTS = path.join(env.artifacts, 'glance', SET);
const WIDTHS = [[1280, 900], [375, 812]];
const LANGS = ['pt', 'en'];
const COMMITMENT = 'PT0007';

const MONTHS = {
	pt: ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto',
		'setembro', 'outubro', 'novembro', 'dezembro'],
	en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
		'September', 'October', 'November', 'December'],
};

/* longDate(iso, lang): a date of the seed (YYYY, YYYY-MM or YYYY-MM-DD) as the pages
 * write it: "11 de setembro de 2020" / "11 September 2020", "setembro de 2020", "2020". */
function longDate(iso, lang) {
	const [y, m, d] = iso.split('-').map(Number);
	const sep = lang === 'en' ? ' ' : ' de ';
	if (!m) {
		return String(y);
	}
	return `${d ? `${d}${sep}` : ''}${MONTHS[lang][m - 1]}${sep}${y}`;
}

/* plans(): what the seed says of each plan: the counts of commitments (all, with a
 * milestone figure), the self-reported completion, the latest IRM assessment. */
function plans() {
	const seed = JSON.parse(fs.readFileSync(CONTENT, 'utf8'));
	return seed.plans.map((p) => {
		const cs = seed.commitments.filter((c) => c.plan === p.number);
		const known = cs.filter((c) => (c.milestones || []).some((m) =>
			m.progress && m.progress.percent !== null && m.progress.percent !== undefined)).length;
		const irm = (p.assessments || []).filter((a) => a.by === 'irm' && a.date)
			.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).pop() || null;
		const self = p.self_reported_completion && p.self_reported_completion.percent !== null
			? p.self_reported_completion : null;
		return { number: p.number, total: cs.length, known, self, irm };
	});
}

const squash = (s) => String(s || '').replace(/\s+/g, ' ').trim();

function knownPhrase(p, lang) {
	return lang === 'en' ? `progress known for ${p.known} of ${p.total} commitments`
		: `progresso conhecido para ${p.known} de ${p.total} compromissos`;
}

/* areas(page, lang, kind, n): the headline areas of plan n on this page, each as
 * { text, bars } (its visible innerText, the visible progress bars in it). */
async function areas(page, lang, kind, n) {
	return page.evaluate(({ lang, kind, n }) => {
		const shown = (e) => e.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) &&
			e.getBoundingClientRect().width > 0;
		const bars = (els) => els.flatMap((e) => [...e.querySelectorAll('.meter, progress, [role=progressbar]')])
			.filter(shown).length;
		const text = (els) => els.filter(shown).map((e) => e.innerText).join('\n');
		const main = document.querySelector('main');
		if (!main) {
			return [];
		}
		if (kind === 'plan') {
			const h1 = main.querySelector('h1');
			const els = [];
			if (h1) {
				for (let e = h1; e && e.tagName !== 'SECTION'; e = e.nextElementSibling) {
					els.push(e);
				}
			}
			for (const h of main.querySelectorAll('.headline')) {
				if (!els.some((e) => e.contains(h))) {
					els.push(h);
				}
			}
			return [{ text: text(els), bars: bars(els) }];
		}
		const href = `/${lang}/plans/${n}`;
		return [...main.querySelectorAll('.card')]
			.filter((c) => [...c.querySelectorAll('h2 a, h3 a')].some((a) => a.getAttribute('href') === href))
			.map((c) => ({ text: text([c]), bars: bars([c]) }));
	}, { lang, kind, n });
}

/* headlineChecks(page, p, lang, label, kind, seed): the four facts of each plan. */
async function headlineChecks(page, p, lang, label, kind, seed) {
	const list = kind === 'plan' ? [seed.find((x) => x.number === Number(p.match(/(\d+)$/)[1]))] : seed;
	const got = {};
	for (const pl of list) {
		got[pl.number] = (await areas(page, lang, kind, pl.number))
			.map((a) => ({ text: squash(a.text), bars: a.bars }));
	}
	const each = (want, test) => {
		const bad = [];
		for (const pl of list) {
			const as = got[pl.number];
			if (!as.length) {
				bad.push(`plan ${pl.number}: no headline area found`);
				continue;
			}
			as.forEach((a, i) => {
				const why = test(pl, a);
				if (why) {
					bad.push(`plan ${pl.number}${as.length > 1 ? ` (area ${i + 1})` : ''}: ${why}`,
						`    read: "${a.text.slice(0, 400)}"`);
				}
			});
		}
		check(bad.length === 0, `${label}: ${want}`, bad);
	};
	each(`each plan says first how much is known (${list.map((x) => `${x.known} of ${x.total}`).join(', ')})`,
		(pl, a) => {
			const at = a.text.indexOf(knownPhrase(pl, lang));
			const pct = a.text.search(/\d+ ?%/);
			if (at < 0) {
				return `no "${knownPhrase(pl, lang)}"`;
			}
			return pct >= 0 && pct < at ? `a percentage ("${a.text.slice(pct, pct + 40)}") comes before it` : '';
		});
	each('no large progress bar where fewer than half the commitments have data', (pl, a) =>
		(pl.known * 2 < pl.total && a.bars > 0 ? `${a.bars} bar(s) shown for ${pl.known} of ${pl.total}` : ''));
	if (list.some((x) => x.self)) {
		each('the self-reported completion with its date', (pl, a) => {
			if (!pl.self) {
				return '';
			}
			const d = pl.self.as_of ? longDate(pl.self.as_of, lang) : '';
			return a.text.includes(`${pl.self.percent}%`) && a.text.includes(d) ? ''
				: `no "${pl.self.percent}%" with "${d}"`;
		});
	}
	if (list.some((x) => x.irm)) {
		each('the latest IRM verdict with its date', (pl, a) => {
			if (!pl.irm) {
				return '';
			}
			const d = longDate(pl.irm.date, lang);
			const sum = squash(pl.irm[`summary_${lang}`] || pl.irm[`summary_${lang === 'en' ? 'pt' : 'en'}`]).slice(0, 50);
			const miss = ['IRM', d, sum].filter((s) => !a.text.includes(s));
			return miss.length ? `missing ${miss.map((s) => `"${s}"`).join(', ')}` : '';
		});
	}
}

/* overflow(page, label): at 375 px, nothing wider than the viewport. */
async function overflow(page, label) {
	const o = await page.evaluate(() => {
		const w = window.innerWidth;
		const wide = [];
		for (const e of document.querySelectorAll('main *')) {
			const r = e.getBoundingClientRect();
			if (r.width > w + 0.5) {
				const inner = [...e.children].some((k) => k.getBoundingClientRect().width > w + 0.5);
				if (!inner) {
					wide.push(`${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string'
						? `.${e.className.trim().split(/\s+/).join('.')}` : ''} ${Math.round(r.width)}px wide: ` +
						`"${(e.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 50)}"`);
				}
			}
		}
		return { sw: document.documentElement.scrollWidth, w, wide };
	});
	const bad = [];
	if (o.sw > o.w) {
		bad.push(`document scrollWidth ${o.sw} > ${o.w}`);
	}
	if (o.wide.length) {
		bad.push(`${o.wide.length} element(s) of main wider than ${o.w}px, e.g.`, ...o.wide.slice(0, 6).map((x) => `    ${x}`));
	}
	check(bad.length === 0, `${label}: nothing overflows horizontally`, bad);
}

/* searchLabel(page, label): the header's search field has a label one can see. */
async function searchLabel(page, label) {
	const r = await page.evaluate(() => {
		const input = document.querySelector('header input[type=search], header input[name=q]');
		if (!input) {
			return 'no search field in the header';
		}
		const lab = [...(input.labels || [])].find((l) => {
			const b = l.getBoundingClientRect();
			const cs = getComputedStyle(l);
			return l.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && b.width >= 8 &&
				b.height >= 8 && !/rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)/.test(cs.clip) &&
				cs.clipPath !== 'inset(50%)' && l.innerText.trim() !== '';
		});
		return lab ? '' : `no visible label (labels: ${[...(input.labels || [])]
			.map((l) => `"${l.textContent.trim()}" class="${l.className}" ${Math.round(l.getBoundingClientRect().width)}px`)
			.join(', ') || 'none'})`;
	});
	check(r === '', `${label}: the header search field has a visible label`, r);
}

/* commitmentPage(browser, lang): the history and follow links in the first screen at
 * 1280 px; the sources before the comment form. */
async function commitmentPage(browser, lang) {
	const ctx = await L.newContext(browser, { viewport: { width: 1280, height: 900 } });
	const page = await ctx.newPage();
	const p = `/${lang}/commitments/${COMMITMENT}`;
	const resp = await go(page, p);
	const r = await page.evaluate(({ id }) => {
		window.scrollTo(0, 0);
		const h = window.innerHeight;
		const out = {};
		for (const [k, end] of [['history', '/history'], ['follow', '/feed.atom']]) {
			const a = [...document.querySelectorAll('main a')]
				.find((x) => (x.getAttribute('href') || '').endsWith(`/commitments/${id}${end}`));
			out[k] = a ? Math.round(a.getBoundingClientRect().bottom + window.scrollY) : null;
		}
		out.h = h;
		const src = [...document.querySelectorAll('main h2')].find((x) => /^(Sources|Fontes)$/i.test(x.innerText.trim()));
		const form = [...document.querySelectorAll('main form')].find((f) => f.querySelector('textarea'));
		out.order = !src || !form ? `${src ? '' : 'no "Sources" heading'} ${form ? '' : 'no comment form'}`.trim()
			: (src.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING) ? '' : 'the comment form comes first';
		return out;
	}, { id: COMMITMENT });
	const top = ['history', 'follow'].filter((k) => r[k] === null || r[k] > r.h);
	check(resp.status() === 200 && top.length === 0,
		`${p} at 1280px: the history and follow links are within the first ${r.h}px`,
		top.map((k) => `${k} link ${r[k] === null ? 'not found' : `ends at ${r[k]}px`}`));
	check(r.order === '', `${p}: its sources come before its comment form`, r.order);
	await ctx.close();
}

L.main(async () => {
	const seed = plans();
	fs.mkdirSync(SHOTS, { recursive: true });
	const browser = await L.launch();
	try {
		for (const [w, h] of WIDTHS) {
			const ctx = await L.newContext(browser, { viewport: { width: w, height: h } });
			const page = await ctx.newPage();
			for (const lang of LANGS) {
				const pages = [[`/${lang}/`, 'home', 'home'], [`/${lang}/plans`, 'plans', 'list'],
					...seed.map((x) => [`/${lang}/plans/${x.number}`, `plan${x.number}`, 'plan'])];
				for (const [p, name, kind] of pages) {
					const label = `${p} at ${w}px`;
					await step(label, async () => {
						const resp = await go(page, p);
						const f = path.join(SHOTS, `${name}-${lang}-${w}.png`);
						await page.screenshot({ path: f, fullPage: true });
						check(resp.status() === 200, `${label}: answers 200 (screenshot ${path.relative(L.HERE, f)})`,
							`status ${resp.status()}`);
						await headlineChecks(page, p, lang, label, kind, seed);
						if (w === 375) {
							await overflow(page, label);
						}
						if (kind === 'home') {
							await searchLabel(page, label);
						}
					});
				}
			}
			await ctx.close();
		}
		for (const lang of LANGS) {
			await step(`commitment page ${lang}`, () => commitmentPage(browser, lang));
		}
	} finally {
		await browser.close();
	}
	const { offLoopback } = L.problems();
	check(offLoopback.length === 0, 'glance: no request left 127.0.0.1', offLoopback.slice(0, 20));
});
