'use strict';
/*
 * The protections of issue 16 in a real browser, run by run.sh last (its wrong
 * passwords and its pressure on the citizens' forms must not reach the other scripts):
 *  1. The citizens' proof of work (cgi-src/pages/limits.h, lib/pow.h, public/pow.js).
 *     The site is put under pressure by RL_PRESSURE_HOUR attempts of other networks
 *     (10.77.x.y) written into submit_attempt; the browser (127.0.0.1, one network)
 *     sends comments on PT0009 until its network has sent RL_POW_FREE today, then:
 *     - with script but no Worker, the 429 page: its status (role=status) says how long
 *       to wait; axe-core;
 *     - without script (javaScriptEnabled: false), the 429 page says to wait
 *       POW_WAIT_MIN seconds; Send at once is still refused; Send after the wait is
 *       accepted;
 *     - with script, by keyboard only: the 429 page keeps the typed text, its status
 *       says a calculation runs, and pow.js solves the challenge in its worker and sends
 *       the form itself, ending on the "sent" page within SOLVE_MS.
 *  2. /admin/logins: five wrong passwords typed for a login that does not exist (so no
 *     account of the other scripts is locked out, and 127.0.0.1 stays far below the
 *     network's cap of store/throttle.h THR_PER_NET); the administrator sees its
 *     pressure, lifts it by keyboard and sees it gone; axe-core before and after.
 *  3. /admin/uploads/<sha>: a focal point uploads a PDF as a milestone's evidence; the
 *     document is public; its admin page passes axe-core; the focal point withdraws it
 *     by keyboard with a reason; the public address answers 410, and the commitment's
 *     page shows the label "retirado em" a date instead of a link and passes axe-core.
 * The pressure rows are removed at the end.
 */
const { execFileSync } = require('child_process');
const L = require('./lib');

const { check, diag, step, go, pathOf, env, axe } = L;

const OGP = 'PT0009';			// the commitment the comments go to
const FORM = `/pt/commitments/${OGP}/comments`;
const POW_FREE = 3;			// lib/consult.h RL_POW_FREE
const PRESSURE = 1000;			// lib/consult.h RL_PRESSURE_HOUR
const WAIT_MIN = 5;			// lib/pow.h POW_WAIT_MIN: the smallest wait
const SOLVE_MS = 90000;			// the longest the worker may take (D 19: ~3.5 s on average)
const GHOST = 'ninguem.seguranca@example.org';	// a login that does not exist
const MS_OGP = 'PT0020';		// the commitment whose milestone gets the evidence

/* sql(q): the first column of the rows of q on the site's database, as strings. */
function sql(q) {
	return execFileSync('sqlite3', ['-cmd', '.timeout 10000', env.db, q], { encoding: 'utf8' })
		.split('\n').filter((s) => s !== '');
}

/* focusOn(page, selector): from the top of the page, Tab until selector has the focus. */
async function focusOn(page, selector) {
	await page.evaluate(() => document.activeElement && document.activeElement.blur());
	for (let i = 0; i < 400; i++) {
		if (await page.evaluate((s) => document.activeElement === document.querySelector(s), selector)) {
			return;
		}
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab never reached ${selector} on ${page.url()}`);
}

/* type(page, selector, text): Tab to selector, clear it with the keyboard, type text. */
async function type(page, selector, text) {
	await focusOn(page, selector);
	await page.keyboard.press('Control+A');
	await page.keyboard.press('Delete');
	await page.keyboard.type(text);
}

/* comment(n): the fields of the n-th comment, each from an email of its own. */
function comment(n) {
	return {
		author: `Cidadã ${n}`,
		email: `seguranca.${n}@example.org`,
		body: `Comentário ${n} do teste de segurança: o texto fica guardado.`,
	};
}

/* sendByKeyboard(page, c): opens the commitment's page and sends comment c by keyboard
 * only (Tab, typing, Space, Enter); returns the final response of the navigation. */
async function sendByKeyboard(page, c) {
	await go(page, `/pt/commitments/${OGP}`);
	await type(page, '#author-c', c.author);
	await type(page, '#email-c', c.email);
	await type(page, '#body-c', c.body);
	await focusOn(page, '#consent-c');
	if (!await page.isChecked('#consent-c')) {
		await page.keyboard.press('Space');
	}
	await focusOn(page, `main form[action="${FORM}"] button[type=submit]`);
	return L.pressNav(page, 'Enter');
}

/* sendByMouse(page, c): the same with fill and click (for the contexts whose page is not
 * the subject of a keyboard check). */
async function sendByMouse(page, c) {
	await go(page, `/pt/commitments/${OGP}`);
	await page.fill('#author-c', c.author);
	await page.fill('#email-c', c.email);
	await page.fill('#body-c', c.body);
	await page.check('#consent-c');
	return L.clickNav(page, page.locator(`main form[action="${FORM}"] button[type=submit]`));
}

/* todays(): the submissions the browser's network (127.0.0.1) sent today. */
function todays() {
	return Number(sql("SELECT count(*) FROM submit_attempt WHERE key = 'net:127.0.0.1/32'")[0]);
}

/* pressure(): writes RL_PRESSURE_HOUR attempts of other networks, a minute old. */
function pressure() {
	sql(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${PRESSURE - 1})
		INSERT INTO submit_attempt (key, at) SELECT 'net:10.77.' || (i / 256) || '.' ||
		(i % 256) || '/32', CAST(strftime('%s', 'now') AS INTEGER) - 60 FROM n`);
}

async function powChecks(browser) {
	let n = 0;
	pressure();
	const others = Number(sql(`SELECT count(*) FROM submit_attempt WHERE key >= 'net:' AND key < 'net;'
		AND key <> 'net:127.0.0.1/32' AND at >= CAST(strftime('%s', 'now') AS INTEGER) - 3600`)[0]);
	check(others >= PRESSURE, `pow: ${others} submissions of other networks in the last hour put the site under pressure`);

	/* The free ones, by keyboard, with script on. */
	const actx = await L.newContext(browser, { bypassCSP: true });
	const ap = await actx.newPage();
	const before = todays();
	diag(`127.0.0.1 had sent ${before} submission(s) today before this script`);
	for (let i = before; i < POW_FREE; i++) {
		const r = await sendByKeyboard(ap, comment(++n));
		check(r.status() === 200 && pathOf(ap) === '/pt/submissions/sent',
			`pow: free comment ${i + 1} of ${POW_FREE} is sent by keyboard under pressure`,
			`status ${r.status()}, at ${pathOf(ap)}`);
	}
	check(todays() >= POW_FREE, `pow: 127.0.0.1 has sent ${POW_FREE} today`, `${todays()}`);

	/* Script on, no Worker: the page's own words stand; axe-core on the 429 page. */
	await step('pow: the 429 page with script but no worker', async () => {
		const bctx = await L.newContext(browser, { bypassCSP: true });
		await bctx.addInitScript(() => { delete window.Worker; });
		const bp = await bctx.newPage();
		const c = comment(++n);
		const r = await sendByMouse(bp, c);
		const st = bp.locator('#pow-status');
		const role = await st.getAttribute('role').catch(() => null);
		const live = await st.getAttribute('aria-live').catch(() => null);
		const text = (await st.textContent().catch(() => '')) || '';
		check(r.status() === 429 && await bp.locator('input[name=pow_challenge]').count() === 1,
			'pow: the next comment gets the form back as a 429 with a challenge', `status ${r.status()}`);
		check((role === 'status' || /polite|assertive/.test(live || '')) && /Aguarde \d+ segundos/.test(text),
			'pow: the 429 page has a status message (role=status) saying how long to wait',
			`role=${role} aria-live=${live} text="${text}"`);
		check(await bp.inputValue('#body-c') === c.body, 'pow: the 429 page keeps the typed text');
		await axe(bp, `POST ${FORM} (429, proof of work asked)`, r, 429);
		await bctx.close();
	});

	/* Script off: wait, then Send. */
	await step('pow: without script, Send after the wait is accepted', async () => {
		const cctx = await L.newContext(browser, { bypassCSP: true, javaScriptEnabled: false });
		const cp = await cctx.newPage();
		let r = await sendByMouse(cp, comment(++n));
		const t0 = Date.now();
		const text = await cp.textContent('#pow-status');
		const m = (text || '').match(/Aguarde (\d+) segundos/);
		const wait = m ? Number(m[1]) : null;
		check(r.status() === 429 && wait === WAIT_MIN,
			`pow: without script the 429 page says to wait ${WAIT_MIN} seconds (the least)`,
			`status ${r.status()}, "${text}"`);
		r = await L.clickNav(cp, cp.locator(`main form[action="${FORM}"] button[type=submit]`));
		const early = Date.now() - t0;
		if (early < (WAIT_MIN - 1) * 1000) {
			check(r.status() === 429 && await cp.locator('input[name=pow_challenge]').count() === 1,
				`pow: Send at once (after ${(early / 1000).toFixed(1)} s) is still answered 429`,
				`status ${r.status()} at ${pathOf(cp)}`);
		} else {
			diag(`Send came ${early} ms after the 429 page: too late to check that it is early`);
		}
		const left = ((wait || WAIT_MIN) + 1) * 1000 - (Date.now() - t0);
		await L.sleep(Math.max(left, 0));
		r = await L.clickNav(cp, cp.locator(`main form[action="${FORM}"] button[type=submit]`));
		check(r.status() === 200 && pathOf(cp) === '/pt/submissions/sent',
			'pow: Send after the wait is accepted and ends on the "sent" page',
			`status ${r.status()} at ${pathOf(cp)}`);
		await cctx.close();
	});

	/* Script on, by keyboard only: the worker solves and sends. */
	await step('pow: with script, the page solves the challenge and sends itself', async () => {
		const c = comment(++n);
		const posts = [];
		ap.on('request', (q) => {
			if (q.method() === 'POST' && new URL(q.url()).pathname === FORM) {
				posts.push(new URLSearchParams(q.postData() || ''));
			}
		});
		const r = await sendByKeyboard(ap, c);
		const t0 = Date.now();
		const sent = ap.waitForURL((u) => u.pathname === '/pt/submissions/sent', { timeout: SOLVE_MS })
			.then(() => true, () => false);
		const html = await r.text();
		check(r.status() === 429 && html.includes('name="pow_challenge"') && html.includes('/static/pow.js'),
			'pow: by keyboard, the next comment gets a 429 with a challenge and pow.js', `status ${r.status()}`);
		check(html.includes(c.body), 'pow: the 429 page gives the typed text back');
		let kept = null;
		let working = '';
		try {
			kept = await ap.inputValue('#body-c', { timeout: 1000 });
			working = await ap.textContent('#pow-status', { timeout: 1000 });
		} catch (e) {
			diag(`the page had already moved on: ${String(e.message || e).split('\n')[0]}`);
		}
		if (kept !== null) {
			check(kept === c.body, 'pow: while the worker runs, the typed text stays in the form', `"${kept}"`);
			check(/cálculo|a enviar/.test(working || ''), 'pow: the status tells that a calculation runs',
				`"${working}"`);
		}
		const ok = await sent;
		const ms = Date.now() - t0;
		check(ok && pathOf(ap) === '/pt/submissions/sent',
			`pow: the worker's nonce is accepted: the "sent" page in ${(ms / 1000).toFixed(1)} s (at most ${SOLVE_MS / 1000} s)`,
			`at ${pathOf(ap)}`);
		const last = posts[posts.length - 1];
		check(posts.length === 2 && /^\d+$/.test(last.get('pow_nonce') || '') &&
			last.get('pow_challenge') && last.get('body') === c.body,
			'pow: the page sent itself once, with the challenge, a nonce and the typed text',
			`${posts.length} POST(s); nonce "${last && last.get('pow_nonce')}"`);
		const got = sql(`SELECT count(*) FROM submission s JOIN commitment c ON c.id = s.commitment_id
			WHERE c.ogp_id = '${OGP}' AND s.email = '${c.email}'`)[0];
		check(got === '1', 'pow: the comment the worker sent is stored once', `${got} rows`);
	});
	await actx.close();
	sql("DELETE FROM submit_attempt WHERE key LIKE 'net:10.77.%'");
}

/* wrongPasswords(page, k): k wrong passwords for GHOST, typed in the login form. */
async function wrongPasswords(page, k) {
	const st = [];
	for (let i = 0; i < k; i++) {
		await go(page, '/admin/login');
		await type(page, '#login', GHOST);
		await type(page, '#password', `errada-${i}`);
		const r = await L.pressNav(page, 'Enter');
		st.push(r.status());
	}
	return st;
}

async function loginsChecks(browser) {
	const gctx = await L.newContext(browser, { bypassCSP: true });
	const gp = await gctx.newPage();
	const st = await wrongPasswords(gp, 5);
	check(st.length === 5 && st.every((s) => s >= 400 && s < 500 && s !== 429),
		`logins: five wrong passwords for ${GHOST} are each heard and refused`, st.join(','));
	await gctx.close();

	const ctx = await L.newContext(browser, { bypassCSP: true });
	const page = await ctx.newPage();
	const li = await L.login(page, env.admin, { keyboard: true });
	if (!check(li.path === '/admin/', 'logins: the administrator logs in by keyboard', li.steps)) {
		await ctx.close();
		return;
	}
	let r = await go(page, '/admin/logins');
	const row = page.locator('main tbody tr', { has: page.locator(`th:text-is("${GHOST}")`) });
	const lift = `main form[action="/admin/logins/lift"]:has(input[name=login][value="${GHOST}"]) button[type=submit]`;
	check(r.status() === 200 && await row.count() === 1 && await page.locator(lift).count() === 1,
		`logins: /admin/logins lists ${GHOST} with a "Levantar" button`, `status ${r.status()}`);
	const rowText = await row.first().textContent().catch(() => '');
	check(/127\.0\.0\.1\/32: 5/.test(rowText), 'logins: the row shows 5 failures from 127.0.0.1/32', rowText);
	await axe(page, '/admin/logins (a login under pressure)', r);
	r = await step('logins: lift by keyboard', async () => {
		await focusOn(page, lift);
		const x = await L.pressNav(page, 'Enter');
		check(x.status() === 200 && pathOf(page).startsWith('/admin/logins'),
			'logins: "Levantar" by keyboard comes back to /admin/logins', `${x.status()} at ${pathOf(page)}`);
		return x;
	});
	check(await row.count() === 0 && await page.locator(lift).count() === 0,
		`logins: after the lift ${GHOST} is no longer listed`);
	await axe(page, '/admin/logins (after the lift)', r || null);
	await ctx.close();
}

/* A minimal PDF (the magic bytes the upload check wants). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
	`2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${Date.now()}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);

async function uploadChecks(browser) {
	const ms = sql(`SELECT m.id FROM milestone m JOIN commitment c ON c.id = m.commitment_id
		WHERE c.ogp_id = '${MS_OGP}' ORDER BY m.position, m.id LIMIT 1`)[0];
	const label = 'Relatório de execução (teste de segurança)';
	const ctx = await L.newContext(browser, { bypassCSP: true });
	const page = await ctx.newPage();
	const li = await L.login(page, env.focal, { keyboard: true });
	if (!check(li.path === '/admin/', 'uploads: the focal point logs in by keyboard', li.steps)) {
		await ctx.close();
		return;
	}
	let r = await go(page, `/admin/milestones/${ms}`);
	const cur = await page.inputValue('#f-progress');
	await page.fill('#f-progress', cur === '35' ? '36' : '35');
	await page.setInputFiles('#f-evidence_file', { name: 'relatorio-seguranca.pdf', mimeType: 'application/pdf', buffer: PDF });
	await page.fill('#f-evidence_label', label);
	r = await L.clickNav(page, page.locator('main form.edit button[type=submit]'));
	const sha = sql(`SELECT upload_sha FROM link WHERE milestone_id = ${ms} AND upload_sha IS NOT NULL
		ORDER BY id DESC LIMIT 1`)[0] || '';
	if (!check(r.status() === 200 && /^[0-9a-f]{64}$/.test(sha),
		`uploads: the focal point saves ${MS_OGP}'s milestone with a PDF as evidence`,
		`status ${r.status()} at ${pathOf(page)}, sha "${sha}"`)) {
		await ctx.close();
		return;
	}
	let pub = await fetch(`${env.base}/uploads/${sha}`);
	check(pub.status === 200, 'uploads: the cited document is public', `GET /uploads/SHA -> ${pub.status}`);
	r = await go(page, `/admin/uploads/${sha}`);
	check(r.status() === 200 && await page.locator('#f-why').count() === 1,
		'uploads: /admin/uploads/SHA shows the withdraw form', `status ${r.status()}`);
	await axe(page, '/admin/uploads/SHA (the withdraw form)', r);
	await step('uploads: withdraw by keyboard', async () => {
		await type(page, '#f-why', 'Contém dados pessoais (teste de segurança).');
		await focusOn(page, `main form[action="/admin/uploads/${sha}"] button[type=submit]`);
		r = await L.pressNav(page, 'Enter');
		check(r.status() === 200 && /Retirado em/.test(await page.textContent('main')) &&
			await page.locator('#f-why').count() === 0,
			'uploads: the withdrawal by keyboard is recorded and the page says "Retirado em"',
			`${r.status()} at ${pathOf(page)}`);
		await axe(page, '/admin/uploads/SHA (withdrawn)', r);
	});
	pub = await fetch(`${env.base}/uploads/${sha}`);
	check(pub.status === 410, 'uploads: the public address now answers 410', `GET /uploads/SHA -> ${pub.status}`);
	r = await go(page, `/pt/commitments/${MS_OGP}`);
	const marks = await page.$$eval('main .withdrawn', (els) => els.map((e) => e.parentElement.textContent));
	check(r.status() === 200 && marks.some((t) => t.includes(label) && /retirado em/.test(t)) &&
		await page.locator(`main a[href$="/uploads/${sha}"]`).count() === 0,
		`uploads: /pt/commitments/${MS_OGP} shows the label "retirado em" a date, no link`, marks.join(' | '));
	await axe(page, `/pt/commitments/${MS_OGP} (a withdrawn evidence)`, r);
	await ctx.close();
}

L.main(async () => {
	const browser = await L.launch();
	try {
		await step('the proof of work under pressure', () => powChecks(browser));
		await step('/admin/logins', () => loginsChecks(browser));
		await step('/admin/uploads/SHA', () => uploadChecks(browser));
		const p = L.problems();
		check(p.offLoopback.length === 0, 'no request left the machine', p.offLoopback.slice(0, 10));
		check(p.problems.length === 0, 'no console error, page error or failed request', p.problems.slice(0, 20));
	} finally {
		sql("DELETE FROM submit_attempt WHERE key LIKE 'net:10.77.%'");
		await browser.close();
	}
});
