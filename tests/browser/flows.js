'use strict';
/*
 * Real-browser flows (Debian's chromium through playwright-core), run by run.sh:
 *  (a) a citizen: home -> a plan -> a commitment -> the same commitment in English ->
 *      a search from the header's search box (typed without accents) -> a result ->
 *      events -> an event, always by clicking links or submitting forms.
 *  (b) a focal-point editor: the real login form, the second factor (enrolled at the
 *      first login, else a TOTP code computed here), /admin/milestones, a milestone's
 *      progress changed with an evidence link, saved, logged out with the header
 *      button; the new figure on the public commitment page and in its history.
 *  (d) co-creation, as a new user would: a focal-point editor opens a consultation in
 *      the admin form; a citizen finds it from the navigation, proposes a commitment,
 *      follows the link of the confirmation email (run.sh points ABERTA_SENDMAIL at
 *      sendmail.sh, which keeps each message in MAIL_DIR) and presses Confirm; the
 *      editor publishes it from the moderation page and answers it, merged into
 *      PT0018; the citizen sees the answer and the commitment it became.
 *  (c) screenshots of the main pages at 1280 and 375 px into artifacts/, and no
 *      horizontal overflow at 375 px on every public page in both languages and on
 *      the admin forms.
 */
const path = require('path');
const L = require('./lib');

const { check, diag, step, go, clickNav, pathOf, env } = L;

async function citizen(browser) {
	const ctx = await L.newContext(browser);
	const page = await ctx.newPage();
	let r = await go(page, '/pt/');
	check(r.status() === 200 && await page.getAttribute('html', 'lang') === 'pt',
		'citizen: /pt/ answers 200 in Portuguese', `status ${r.status()}`);

	await step('citizen: home -> plan 2', async () => {
		r = await clickNav(page, page.locator('main a[href="/pt/plans/2"]').first());
		const h1 = (await page.textContent('h1')) || '';
		check(pathOf(page) === '/pt/plans/2' && r.status() === 200 && /II Plano/.test(h1),
			'citizen: a link on the home page opens plan 2',
			`at ${pathOf(page)} (${r.status()}), h1 "${h1}"`);
	});
	let title = '';
	await step('citizen: plan -> commitment', async () => {
		const link = page.locator('main table a[href="/pt/commitments/PT0013"]');
		r = await clickNav(page, link.first());
		title = ((await page.textContent('h1')) || '').trim();
		const kicker = (await page.textContent('main .kicker').catch(() => '')) || '';
		check(pathOf(page) === '/pt/commitments/PT0013' && r.status() === 200 &&
			/PT0013/.test(kicker) && title !== '',
		'citizen: the plan\'s table links to commitment PT0013',
		`at ${pathOf(page)} (${r.status()}), kicker "${kicker}", h1 "${title}"`);
	});
	await step('citizen: language link', async () => {
		const lang = page.locator('header a.lang');
		const label = ((await lang.textContent()) || '').trim();
		r = await clickNav(page, lang);
		const htmlLang = await page.getAttribute('html', 'lang');
		const kicker = (await page.textContent('main .kicker').catch(() => '')) || '';
		check(pathOf(page) === '/en/commitments/PT0013' && r.status() === 200 &&
			htmlLang === 'en' && /PT0013/.test(kicker),
		`citizen: the language link ("${label}") lands on the same commitment in English`,
		`at ${pathOf(page)} (${r.status()}), <html lang="${htmlLang}">, kicker "${kicker}"`);
		const back = ((await page.textContent('header a.lang')) || '').trim();
		check(await page.getAttribute('header a.lang', 'href') === '/pt/commitments/PT0013',
			`citizen: the English page's language link ("${back}") points back to the Portuguese one`,
			`href ${await page.getAttribute('header a.lang', 'href')}`);
	});
	await step('citizen: search', async () => {
		await page.fill('#site-q', 'participacao');
		const [resp] = await Promise.all([
			page.waitForNavigation({ waitUntil: 'load' }),
			page.press('#site-q', 'Enter'),
		]);
		const results = await page.$$eval('main h3 a', (as) => as.map((a) => a.getAttribute('href')));
		const marks = await page.$$eval('main mark', (ms) => ms.map((m) => m.textContent));
		check(pathOf(page).startsWith('/en/search') && resp.status() === 200 && results.length > 0 &&
			marks.some((m) => /participa/i.test(m)),
		`citizen: the search box finds "participação" typed without accents (${results.length} results, highlighted)`,
		`at ${pathOf(page)} (${resp.status()}), ${results.length} results, marks ${JSON.stringify(marks.slice(0, 3))}`);
		if (results.length > 0) {
			r = await clickNav(page, page.locator('main h3 a').first());
			check(r.status() === 200 && pathOf(page) === results[0].split('#')[0],
				`citizen: a search result opens its page (${results[0]})`,
				`at ${pathOf(page)} (${r.status()})`);
		}
	});
	await step('citizen: events', async () => {
		r = await clickNav(page, page.locator('header nav a[href="/en/events"]'));
		const h1 = ((await page.textContent('h1')) || '').trim();
		check(pathOf(page) === '/en/events' && r.status() === 200,
			`citizen: the navigation opens the events page ("${h1}")`,
			`at ${pathOf(page)} (${r.status()})`);
		// The first link to an event page (/en/events/N; not the calendar file).
		const href = await page.$$eval('main a[href^="/en/events/"]', (as) => as
			.map((a) => a.getAttribute('href')).find((h) => /^\/en\/events\/\d+$/.test(h)));
		r = await clickNav(page, page.locator(`main a[href="${href}"]`).first());
		const h1e = ((await page.textContent('h1')) || '').trim();
		check(pathOf(page) === href && r.status() === 200 && h1e !== '',
			`citizen: an event link opens the event (${href}: "${h1e.slice(0, 60)}")`,
			`at ${pathOf(page)} (${r.status()}), h1 "${h1e}"`);
	});
	await ctx.close();
	return ctx;
}

/* The text of the li of milestone pos (1-based) in the public commitment page. */
async function milestoneText(page, pos) {
	const items = await page.$$eval('ol.milestones > li', (lis) => lis.map((li) => li.innerText));
	return items[pos - 1] || '';
}

async function staff(browser) {
	const ctx = await L.newContext(browser);
	const page = await ctx.newPage();
	const acct = env.focal;
	const li = await L.login(page, acct);
	check(li.path === '/admin/', `staff: ${acct.login} logs in through the form and the second factor ` +
		`(${li.enrolled ? 'enrolled it' : 'TOTP code'}) and reaches the dashboard`, li.steps);
	if (li.path !== '/admin/') {
		return ctx;
	}
	await step('staff: edit a milestone', async () => {
		let r = await clickNav(page, page.locator('header nav a[href="/admin/milestones"]'));
		check(pathOf(page) === '/admin/milestones' && r.status() === 200,
			'staff: the admin navigation opens /admin/milestones', `at ${pathOf(page)} (${r.status()})`);
		await page.fill('#f-q', 'PT0018');	// the list is paged: search it
		r = await clickNav(page, page.locator('main form[role=search] button[type=submit]'));
		const row = (await L.milestoneRows(page, 'PT0018')).find((x) => x.pos === '2');
		check(row && r.status() === 200, 'staff: the list\'s search finds PT0018\'s milestone 2',
			`at ${pathOf(page)} (${r.status()})`);
		r = await clickNav(page, page.locator(`main table.admin-table a[href="/admin/milestones/${row && row.id}"]`));
		const m = pathOf(page).match(/^\/admin\/milestones\/(\d+)$/);
		check(m && r.status() === 200, 'staff: the list links to the form of PT0018\'s milestone 2',
			`at ${pathOf(page)} (${r.status()})`);
		const before = await page.inputValue('#f-progress');
		const want = before === '65' ? '70' : '65';
		await page.fill('#f-progress', want);
		await page.fill('#f-evidence_url', 'https://participa.gov.pt/evidence/pt0018-marco-2');
		await page.fill('#f-evidence_label', 'Relatório de execução (teste do navegador)');
		// The editor dates the new figure and says how the date is known: the seed's
		// figure was published on or after 5 June 2025, and the day of the edit is
		// never a figure's date.
		await page.fill('#f-progress_as_of', '2026-11-30');
		await page.selectOption('#f-progress_as_of_kind', 'stated');
		await page.fill('#f-progress_source', 'https://participa.gov.pt/evidence/pt0018-marco-2');
		r = await clickNav(page, page.locator('main form.edit button[type=submit]'));
		const flash = ((await page.textContent('main .flash').catch(() => '')) || '').trim();
		const after = await page.inputValue('#f-progress').catch(() => '');
		check(r.status() === 200 && /saved=1/.test(pathOf(page)) && after === want && flash !== '',
			`staff: saving progress ${before}% -> ${want}% with an evidence link shows the form again with a confirmation`,
			[`at ${pathOf(page)} (${r.status()}), progress field "${after}", flash "${flash}"`,
				...(await page.$$eval('.error-box, .field-error', (es) => es.map((e) => `error: ${e.textContent.trim()}`)))]);

		r = await L.logout(page);
		check(pathOf(page) !== '/admin/' && !/^\/admin\/(?!login)/.test(pathOf(page)),
			'staff: the header\'s logout button ends the session', `at ${pathOf(page)} (${r && r.status()})`);
		r = await go(page, '/admin/');
		check(pathOf(page) === '/admin/login', 'staff: after logout /admin/ sends to the login page',
			`at ${pathOf(page)} (${r.status()})`);

		r = await go(page, '/pt/commitments/PT0018');
		const t = await milestoneText(page, 2);
		check(r.status() === 200 && t.includes(`${want}%`) && t.includes('em 30 de novembro de 2026') &&
			/participa\.gov\.pt\/evidence/.test(await page.$$eval('ol.milestones > li:nth-child(2) a',
				(as) => as.map((a) => a.href).join(' '))),
		`staff: the public page of PT0018 shows milestone 2 at ${want}% on the date the editor gave, with the evidence link`,
		`status ${r.status()}; milestone 2 reads: ${t.replace(/\s+/g, ' ').slice(0, 400)}`);
		r = await go(page, '/pt/commitments/PT0018/history');
		const h = ((await page.textContent('main')) || '').replace(/\s+/g, ' ');
		check(r.status() === 200 && new RegExp(`\\b${want}\\b`).test(h) && /[Pp]rogresso/.test(h) &&
			!/Ainda não há alterações/.test(h),
		`staff: the history page of PT0018 lists the progress change to ${want}`,
		`status ${r.status()}; main reads: ${h.slice(0, 600)}`);
	});
	await ctx.close();
	return ctx;
}

/* A datetime-local value (UTC wall clock; an hour off Lisbon does not matter here). */
function localField(deltaDays) {
	return new Date(Date.now() + deltaDays * 86400000).toISOString().slice(0, 16);
}

async function cocreation(browser) {
	const sctx = await L.newContext(browser);
	const staffPage = await sctx.newPage();
	const li = await L.login(staffPage, env.focal);
	check(li.path === '/admin/', 'co-creation: the focal-point editor logs in again', li.steps);
	if (li.path !== '/admin/') {
		return;
	}
	const title = 'Consulta do navegador: o próximo plano';
	let r = await go(staffPage, '/admin/consultations/new');
	await staffPage.fill('#f-title_pt', title);
	await staffPage.fill('#f-title_en', 'Browser consultation: the next plan');
	await staffPage.fill('#f-description_pt', 'Que compromissos deve ter o próximo plano?');
	await staffPage.fill('#f-description_en', 'Which commitments should the next plan hold?');
	await staffPage.fill('#f-opens_at', localField(-2));
	await staffPage.fill('#f-closes_at', localField(12));
	r = await clickNav(staffPage, staffPage.locator('main form.edit button[type=submit]'));
	const kid = (pathOf(staffPage).match(/^\/admin\/consultations\/(\d+)/) || [])[1];
	check(r.status() === 200 && kid, 'co-creation: the editor opens a consultation through the admin form',
		`at ${pathOf(staffPage)} (${r.status()})`);

	const cctx = await L.newContext(browser);
	const page = await cctx.newPage();
	await go(page, '/en/');
	r = await clickNav(page, page.locator('header nav a[href="/en/consultations"]'));
	r = await clickNav(page, page.locator(`main a[href="/en/consultations/${kid}"]`));
	const open = ((await page.textContent('main .status-open').catch(() => '')) || '').trim();
	check(r.status() === 200 && /closes in (11|12) days/.test(open),
		'co-creation: a citizen finds the open consultation from the navigation, with its countdown',
		`at ${pathOf(page)} (${r.status()}), "${open}"`);
	await page.fill('#author-p', 'Rita Navegadora');
	await page.fill('#email-p', 'rita.browser@example.net');
	await page.fill('#title-p', 'Open procurement dashboards');
	await page.fill('#problem-p', 'Nobody can follow public contracts in one place.');
	await page.fill('#body-p', 'Publish every public contract as open data, monthly.');
	await page.check('#consent-p');
	r = await clickNav(page, page.locator('form[action$="/proposals"] button[type=submit]'));
	check(pathOf(page) === '/en/submissions/sent' && r.status() === 200,
		'co-creation: the proposal is sent and the citizen is asked to check the email',
		`at ${pathOf(page)} (${r.status()})`);
	/* The mail leaves in the background (the worker starts aberta-admin mail flush):
	 * wait for it, up to 10 s. */
	const sent = Date.now();
	const mail = await L.mailTo('rita.browser@example.net');
	const link = (mail.match(/\/en\/submissions\/confirm\/[0-9a-f]{64}/) || [])[0];
	check(!!link, 'co-creation: the confirmation email arrives with its link',
		`after ${((Date.now() - sent) / 1000).toFixed(1)} s: ${mail.slice(0, 300)}`);
	if (!link) {
		return;
	}
	await go(page, link);
	r = await clickNav(page, page.locator('main form button[type=submit]'));
	const h1 = ((await page.textContent('h1')) || '').trim();
	check(r.status() === 200 && /confirmed/i.test(h1), 'co-creation: following the link and pressing Confirm confirms it',
		`h1 "${h1}" (${r.status()})`);

	r = await go(staffPage, '/admin/submissions');
	const sid = await staffPage.$$eval('main section.review h3', (hs) => {
		const h = hs.find((x) => /Open procurement dashboards/.test(x.textContent));
		return h ? (h.id.match(/^s(\d+)-h$/) || [])[1] : null;
	});
	check(!!sid, 'co-creation: the moderation page lists the confirmed proposal', `status ${r.status()}`);
	if (!sid) {
		return;
	}
	await staffPage.check(`input[name="a${sid}"][value="publish"]`);
	r = await clickNav(staffPage, staffPage.locator('main form[method=post] button[type=submit]'));
	check(r.status() === 200 && /done=/.test(pathOf(staffPage)), 'co-creation: the editor publishes it from that page',
		`at ${pathOf(staffPage)} (${r.status()})`);
	await go(staffPage, `/admin/submissions/${sid}`);
	await staffPage.selectOption('#f-outcome', 'merged');
	const pt18 = await staffPage.$$eval('#f-merged_commitment_id option', (os) => {
		const o = os.find((x) => x.textContent.startsWith('PT0018'));
		return o ? o.value : '';
	});
	await staffPage.selectOption('#f-merged_commitment_id', pt18);
	await staffPage.fill('#f-answer_pt', 'Obrigado: integrada no compromisso PT0018.');
	await staffPage.fill('#f-answer_en', 'Thank you: merged into commitment PT0018.');
	r = await clickNav(staffPage, staffPage.locator('main form.edit button[type=submit]'));
	check(r.status() === 200 && /saved=1/.test(pathOf(staffPage)), 'co-creation: the editor answers it, merged into PT0018',
		`at ${pathOf(staffPage)} (${r.status()})`);
	await L.logout(staffPage).catch(() => {});

	r = await go(page, `/en/consultations/${kid}`);
	const main = ((await page.textContent('main')) || '').replace(/\s+/g, ' ');
	check(/Open procurement dashboards/.test(main) && /merged into commitment PT0018/.test(main) &&
		/Merged into a commitment/.test(main), 'co-creation: the citizen sees the proposal, its status and the answer',
		main.slice(0, 400));
	r = await clickNav(page, page.locator('main a[href="/en/commitments/PT0018"]').first());
	const cm = ((await page.textContent('main')) || '').replace(/\s+/g, ' ');
	check(pathOf(page) === '/en/commitments/PT0018' && /Proposals this commitment came from/.test(cm) &&
		/Open procurement dashboards/.test(cm), 'co-creation: ... and the commitment it became, which lists it',
		`at ${pathOf(page)}`);
	await cctx.close();
	await sctx.close();
}

/* Elements that stick out to the right of the viewport (for a failing overflow check). */
async function overflowDetails(page) {
	return page.evaluate(() => {
		const w = window.innerWidth;
		const out = [];
		const sel = (e) => {
			let s = e.tagName.toLowerCase();
			if (e.id) {
				s += `#${e.id}`;
			}
			if (e.classList.length) {
				s += `.${[...e.classList].join('.')}`;
			}
			return s;
		};
		for (const e of document.body.querySelectorAll('*')) {
			const r = e.getBoundingClientRect();
			if (r.right > w + 0.5 && r.width > 0) {
				// Report the innermost offenders only.
				const kids = [...e.children].some((k) => k.getBoundingClientRect().right > w + 0.5);
				if (!kids) {
					const chain = [];
					for (let p = e; p && p !== document.body && chain.length < 4; p = p.parentElement) {
						chain.unshift(sel(p));
					}
					out.push(`${chain.join(' > ')} right=${Math.round(r.right)} width=${Math.round(r.width)}` +
						` text="${(e.textContent || '').trim().slice(0, 50)}"`);
				}
			}
		}
		return { scrollWidth: document.documentElement.scrollWidth, innerWidth: w, offenders: out.slice(0, 8) };
	});
}

/* Text squeezed into a column too narrow to read (a few characters per line): block
 * elements with 8+ characters of their own text, less than 3em wide and more than 3
 * lines high.  Such a layout does not overflow, so the scrollWidth check misses it. */
async function squeezed(page) {
	return page.evaluate(() => {
		const out = [];
		for (const e of document.body.querySelectorAll('*')) {
			const own = [...e.childNodes].filter((n) => n.nodeType === 3)
				.map((n) => n.textContent).join('').trim();
			if (own.length < 8) {
				continue;
			}
			const cs = getComputedStyle(e);
			const r = e.getBoundingClientRect();
			const fs = parseFloat(cs.fontSize) || 16;
			const lh = parseFloat(cs.lineHeight) || fs * 1.5;
			if (r.width > 0 && r.width < 3 * fs && r.height > 3 * lh) {
				const chain = [];
				for (let p = e; p && p !== document.body && chain.length < 4; p = p.parentElement) {
					chain.unshift(p.tagName.toLowerCase() + (p.classList.length ? `.${[...p.classList].join('.')}` : ''));
				}
				out.push(`${chain.join(' > ')}: ${Math.round(r.width)}px wide, ${Math.round(r.height)}px high, "${own.slice(0, 40)}"`);
			}
		}
		return out;
	});
}

async function noOverflow(page, p, squeezedOut) {
	if (squeezedOut) {
		const sq = await squeezed(page);
		if (sq.length) {
			squeezedOut.push(`${p}: ${sq.length} element(s), e.g.`, ...sq.slice(0, 3).map((x) => `    ${x}`));
		}
	}
	const o = await page.evaluate(() => ({
		sw: document.documentElement.scrollWidth, iw: window.innerWidth,
	}));
	const ok = o.sw <= o.iw;
	let det = '';
	if (!ok) {
		const d = await overflowDetails(page);
		det = [`scrollWidth ${d.scrollWidth} > innerWidth ${d.innerWidth}; sticking out:`, ...d.offenders];
	}
	check(ok, `375px: no horizontal overflow on ${p}`, det);
}

function shotName(p, w) {
	const n = p.replace(/^\//, '').replace(/[/?=&]+/g, '_').replace(/_$/, '') || 'root';
	return path.join(env.artifacts, `${n}-${w}.png`);
}

async function screenshots(browser, ids) {
	const SHOTS = ['/pt/', '/pt/plans/2', '/pt/commitments/PT0018', '/pt/network', '/pt/events'];
	for (const w of [1280, 375]) {
		const ctx = await L.newContext(browser, { viewport: { width: w, height: w === 375 ? 812 : 900 } });
		const page = await ctx.newPage();
		for (const p of SHOTS) {
			await step(`screenshot ${p} at ${w}px`, async () => {
				const r = await go(page, p);
				const f = shotName(p, w);
				await page.screenshot({ path: f, fullPage: true });
				check(r.status() === 200, `screenshot of ${p} at ${w}px (${path.relative(L.HERE, f)})`,
					`status ${r.status()}`);
			});
		}
		if (w === 375) {
			const sq = [];
			for (const lang of ['pt', 'en']) {
				for (const p of L.publicPages(lang, ids)) {
					await step(`375px ${p}`, async () => {
						await go(page, p);
						await noOverflow(page, p, sq);
					});
				}
			}
			check(sq.length === 0, '375px: no text squeezed into a column under 3em wide on the public pages', sq);
		}
		await ctx.close();
	}
}

/* The admin forms at 375 px (and an admin form's screenshots), as the administrator. */
async function adminForms(browser) {
	const ctx = await L.newContext(browser, { viewport: { width: 375, height: 812 } });
	const page = await ctx.newPage();
	await step('375px admin login form', async () => {
		await go(page, '/admin/login');
		await noOverflow(page, '/admin/login');
	});
	const li = await L.login(page, env.admin, {
		onPage: async (kind, pg) => {
			if (kind === 'enrol' || kind === '2fa') {
				await noOverflow(pg, kind === 'enrol' ? '/admin/2fa/enrol' : '/admin/2fa');
			}
		},
	});
	if (!check(li.path === '/admin/', `admin forms: ${env.admin.login} logs in`, li.steps)) {
		await ctx.close();
		return;
	}
	const ids = await L.adminIds(page);
	const forms = [];
	for (const k of L.KINDS) {
		if (ids[k]) {
			forms.push(`/admin/${k}/${ids[k]}`);
		}
		forms.push(`/admin/${k}/new`);
	}
	if (ids.pt0018) {
		forms.push(`/admin/commitments/${ids.pt0018}/relations`);
	}
	forms.push('/admin/users', '/admin/users/1', '/admin/audit');
	const sq = [];
	for (const p of forms) {
		await step(`375px ${p}`, async () => {
			const r = await go(page, p);
			if (r.status() !== 200) {
				diag(`${p} answered ${r.status()}`);
			}
			await noOverflow(page, p, sq);
		});
	}
	check(sq.length === 0, '375px: no text squeezed into a column under 3em wide on the admin forms', sq);
	if (ids.milestones) {
		const p = `/admin/milestones/${ids.pt0018ms && ids.pt0018ms[0] ? ids.pt0018ms[0].id : ids.milestones}`;
		for (const w of [375, 1280]) {
			await step(`screenshot ${p} at ${w}px`, async () => {
				await page.setViewportSize({ width: w, height: w === 375 ? 812 : 900 });
				const r = await go(page, p);
				const f = shotName('/admin/milestone-form', w);
				await page.screenshot({ path: f, fullPage: true });
				check(r.status() === 200, `screenshot of the admin form ${p} at ${w}px (${path.relative(L.HERE, f)})`,
					`status ${r.status()}`);
			});
		}
	}
	await L.logout(page).catch(() => {});
	await ctx.close();
}

L.main(async () => {
	const ids = await L.discover();
	const browser = await L.launch();
	try {
		await step('citizen flow', () => citizen(browser));
		await step('staff flow', () => staff(browser));
		await step('co-creation flow', () => cocreation(browser));
		await step('screenshots and overflow', () => screenshots(browser, ids));
		await step('admin forms at 375px', () => adminForms(browser));
	} finally {
		await browser.close();
	}
	const { problems, offLoopback: off, favicon } = L.problems();
	if (favicon) {
		diag(`note: GET /favicon.ico, which the browser asks for by itself: ${favicon}`);
	}
	check(problems.length === 0, 'flows: no console errors, page errors or failed requests', problems.slice(0, 20));
	check(off.length === 0, 'flows: no request left 127.0.0.1', off.slice(0, 20));
});
