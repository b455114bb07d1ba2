'use strict';
/*
 * Shared helpers of the browser tests (flows.js, glance.js, a11y.js, html.js), started
 * by tests/browser/run.sh against a site on 127.0.0.1 with a fresh database.
 *
 * Environment (set by run.sh):
 *   BASE_URL        http://127.0.0.1:PORT
 *   ABERTA_DB       the site's database (for aberta-admin)
 *   ADMIN_BIN       build/aberta-admin
 *   ADMIN_LOGIN / ADMIN_PASSWORD / ADMIN_NAME    an administrator (role admin)
 *   FOCAL_LOGIN / FOCAL_PASSWORD / FOCAL_NAME    a focal-point editor (role focal)
 *   STATE_DIR       a folder shared by the scripts of one run: the TOTP secret and the
 *                   last TOTP step used by each account (a code is accepted only once)
 *   ARTIFACTS       where screenshots and reports go (tests/browser/artifacts)
 *
 * Output: one TAP-like line per check ("ok N - ..." / "not ok N - ..."), details as
 * "# ..." lines, and the plan "1..N" as the very last line, printed only when the script
 * ran to its end: run.sh counts a script without it as crashed (one more failure).
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { chromium } = require('playwright-core');

const HERE = __dirname;

function need(name) {
	const v = process.env[name];
	if (v === undefined || v === '') {
		throw new Error(`environment variable ${name} is not set (run tests/browser/run.sh)`);
	}
	return v;
}

const env = {
	base: need('BASE_URL').replace(/\/+$/, ''),
	db: need('ABERTA_DB'),
	adminBin: need('ADMIN_BIN'),
	stateDir: need('STATE_DIR'),
	artifacts: process.env.ARTIFACTS || path.join(HERE, 'artifacts'),
	admin: {
		login: need('ADMIN_LOGIN'), password: need('ADMIN_PASSWORD'),
		name: process.env.ADMIN_NAME || '', role: 'admin',
	},
	focal: {
		login: need('FOCAL_LOGIN'), password: need('FOCAL_PASSWORD'),
		name: process.env.FOCAL_NAME || '', role: 'focal',
	},
};
fs.mkdirSync(env.stateDir, { recursive: true });
fs.mkdirSync(env.artifacts, { recursive: true });

/* ------------------------------------------------------------------------------------
 * TAP
 */
let nChecks = 0;
let nFailed = 0;

function diag(...lines) {
	for (const l of lines.flat()) {
		for (const s of String(l).split('\n')) {
			process.stdout.write(`# ${s}\n`);
		}
	}
}

/* check(ok, name, details): prints one result line; details (a string or an array of
 * strings) are printed as diagnostics under a failing check only. Returns ok. */
function check(ok, name, details) {
	nChecks++;
	process.stdout.write(`${ok ? '' : 'not '}ok ${nChecks} - ${name}\n`);
	if (!ok) {
		nFailed++;
		if (details !== undefined && details !== null && details !== '') {
			diag(details);
		}
	}
	return !!ok;
}

/* step(name, fn): runs fn (async); an exception is one failed check named name, so a
 * broken step does not end the script. Returns fn's value or undefined. */
async function step(name, fn) {
	try {
		return await fn();
	} catch (e) {
		check(false, `${name}: threw`, String(e && e.stack ? e.stack : e).split('\n').slice(0, 8));
		return undefined;
	}
}

/* done(): prints the plan line (the "ran to the end" marker) and sets the exit code. */
function done() {
	process.stdout.write(`# ${nChecks - nFailed} passed, ${nFailed} failed\n`);
	process.stdout.write(`1..${nChecks}\n`);
	process.exitCode = nFailed === 0 ? 0 : 1;
}

/* main(fn): runs the script body; an uncaught error ends it without the plan line. */
function main(fn) {
	fn().then(done, (e) => {
		diag('the script crashed:', String(e && e.stack ? e.stack : e));
		process.exitCode = 2;
	});
}

/* ------------------------------------------------------------------------------------
 * The browser: Debian's chromium, never a downloaded one; only loopback traffic.
 */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
	'--no-first-run', '--disable-background-networking', '--disable-component-update',
	'--disable-sync'];

async function launch() {
	// chromium.launch() gives the browser a fresh temporary --user-data-dir of its own
	// and removes it on close.
	return chromium.launch({
		executablePath: '/usr/bin/chromium',
		headless: true,
		args: CHROMIUM_ARGS,
	});
}

function isLoopback(u) {
	try {
		const h = new URL(u).hostname;
		return h === '127.0.0.1' || h === 'localhost' || h === '[::1]';
	} catch (e) {
		return true;	// data:, about:, blob: ...
	}
}

/* newContext(browser, opts): a context (own cookies) in which any request that would
 * leave the machine is aborted and noted in ctx.offLoopback; console errors, page
 * errors and failed requests are noted in ctx.problems. */
async function newContext(browser, opts = {}) {
	const ctx = await browser.newContext({
		viewport: { width: 1280, height: 900 },
		locale: 'pt-PT',
		...opts,
	});
	ctx.offLoopback = [];
	ctx.problems = [];
	await ctx.route('**/*', (route) => {
		const u = route.request().url();
		if (/^https?:/.test(u) && !isLoopback(u)) {
			ctx.offLoopback.push(u);
			return route.abort('blockedbyclient');
		}
		return route.continue();
	});
	ctx.on('page', (p) => watchPage(ctx, p));
	allContexts.push(ctx);
	return ctx;
}

const allContexts = [];

/* problems(): what every context of this script noted: { problems, offLoopback }. */
function problems() {
	return {
		problems: allContexts.flatMap((c) => c.problems),
		offLoopback: allContexts.flatMap((c) => c.offLoopback),
		favicon: allContexts.map((c) => c.favicon).find(Boolean),
	};
}

function watchPage(ctx, page) {
	page.on('console', (m) => {
		if (m.type() !== 'error') {
			return;
		}
		// A failed load names the resource in its location.  A page's own status is
		// checked by the tests (the 404 page is meant to be one); the browser's own
		// /favicon.ico request is noted apart.
		const u = (m.location() && m.location().url) || '';
		if (/^Failed to load resource/.test(m.text())) {
			if (u === page.url()) {
				return;
			}
			if (/\/favicon\.ico$/.test(u)) {
				ctx.favicon = m.text();
				return;
			}
		}
		ctx.problems.push(`console error on ${page.url()}: ${m.text()}${u && u !== page.url() ? ` (${u})` : ''}`);
	});
	page.on('pageerror', (e) => ctx.problems.push(`page error on ${page.url()}: ${e.message}`));
	page.on('requestfailed', (r) => {
		const why = r.failure() ? r.failure().errorText : '';
		if (isLoopback(r.url()) && why !== 'net::ERR_ABORTED') {
			ctx.problems.push(`request failed: ${r.url()}: ${why}`);
		}
	});
}

/* go(page, p): GET BASE_URL + p in page; returns the response (status in .status()). */
async function go(page, p) {
	return page.goto(env.base + p, { waitUntil: 'load' });
}

/* clickNav(page, locator): clicks something that navigates; returns the final response
 * (after redirects) of the navigation. */
async function clickNav(page, locator) {
	const [resp] = await Promise.all([
		page.waitForNavigation({ waitUntil: 'load' }),
		locator.click(),
	]);
	return resp;
}

/* pressNav(page, key): presses key on the focused element, expecting a navigation. */
async function pressNav(page, key) {
	const [resp] = await Promise.all([
		page.waitForNavigation({ waitUntil: 'load' }),
		page.keyboard.press(key),
	]);
	return resp;
}

function pathOf(page) {
	const u = new URL(page.url());
	return u.pathname + u.search;
}

function sleep(ms) {
	return new Promise((r) => setTimeout(r, ms));
}

/* ------------------------------------------------------------------------------------
 * axe-core.
 */
const AXE = require.resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const axeReport = [];

/* axe(page, label, resp, wantStatus): runs axe-core (TAGS) on the page as it is; one check,
 * failed also when resp (may be null) has another status than wantStatus.  Each result
 * goes to axeReport (a11y.js writes it out). */
async function axe(page, label, resp, wantStatus = 200) {
	const st = resp ? resp.status() : null;
	await page.addScriptTag({ path: AXE });
	const res = await page.evaluate(async (tags) => {
		// eslint-disable-next-line no-undef
		const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
		return r.violations.map((v) => ({
			id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.map((n) => ({
				target: n.target.map(String).join(' '),
				html: n.html.slice(0, 160),
				msg: [...n.any, ...n.all, ...n.none].map((c) => c.message).filter(Boolean).join('; '),
			})),
		}));
	}, TAGS);
	axeReport.push({ page: label, url: pathOf(page), status: st, violations: res });
	const det = [];
	if (st !== null && st !== wantStatus) {
		det.push(`HTTP status ${st}, expected ${wantStatus}`);
	}
	for (const v of res) {
		det.push(`${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} node(s)`);
		for (const n of v.nodes.slice(0, 8)) {
			det.push(`    ${n.target}${n.msg ? `: ${n.msg.slice(0, 240)}` : ''}`);
		}
		if (v.nodes.length > 8) {
			det.push(`    ... and ${v.nodes.length - 8} more`);
		}
	}
	return check(det.length === 0, `axe ${label}`, det);
}

/* ------------------------------------------------------------------------------------
 * Mail (run.sh points ABERTA_SENDMAIL at sendmail.sh, which keeps each message in MAIL_DIR).
 */

/* mailTo(rcpt): the newest message in MAIL_DIR whose To: header names rcpt, waiting up to
 * 10 s for one (the worker sends in the background); '' when none came. */
async function mailTo(rcpt) {
	const dir = process.env.MAIL_DIR || '';
	for (let t = 0; t < 100 && dir; t++) {
		const files = fs.readdirSync(dir).sort();
		for (let i = files.length - 1; i >= 0; i--) {
			const m = fs.readFileSync(path.join(dir, files[i]), 'utf8');
			const to = m.match(/^To:.*$/m);
			if (to && to[0].includes(rcpt)) {
				return m;
			}
		}
		await sleep(100);
	}
	return '';
}

/* ------------------------------------------------------------------------------------
 * TOTP (RFC 6238: HMAC-SHA1, 30 s step, 6 digits) and the accounts' shared state.
 */
function base32Decode(s) {
	const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	let bits = 0;
	let val = 0;
	const out = [];
	for (const ch of s.toUpperCase().replace(/[\s=]/g, '')) {
		const i = abc.indexOf(ch);
		if (i < 0) {
			throw new Error(`not base32: ${ch}`);
		}
		val = (val << 5) | i;
		bits += 5;
		if (bits >= 8) {
			out.push((val >>> (bits - 8)) & 0xff);
			bits -= 8;
		}
	}
	return Buffer.from(out);
}

function totpAt(secretB32, stepNo) {
	const msg = Buffer.alloc(8);
	msg.writeBigUInt64BE(BigInt(stepNo));
	const h = crypto.createHmac('sha1', base32Decode(secretB32)).update(msg).digest();
	const o = h[h.length - 1] & 0x0f;
	const n = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
	return String(n % 1000000).padStart(6, '0');
}

function nowStep() {
	return Math.floor(Date.now() / 1000 / 30);
}

function stateFile(login) {
	return path.join(env.stateDir, `${login.replace(/[^A-Za-z0-9@._-]/g, '_')}.json`);
}

function loadState(login) {
	try {
		return JSON.parse(fs.readFileSync(stateFile(login), 'utf8'));
	} catch (e) {
		return {};
	}
}

function saveState(login, st) {
	fs.writeFileSync(stateFile(login), JSON.stringify(st));
}

/* nextCode(login): a code the server accepts once: a step after the last one used and
 * within one step of now (the server allows one step of drift); waits when needed. */
async function nextCode(login) {
	const st = loadState(login);
	if (!st.secret) {
		throw new Error(`no TOTP secret recorded for ${login}`);
	}
	const s = Math.max((st.lastStep || 0) + 1, nowStep());
	if (s > nowStep() + 1) {
		diag(`waiting for the next TOTP step of ${login}`);
		while (s > nowStep() + 1) {
			await sleep(500);
		}
	}
	return { code: totpAt(st.secret, s), stepNo: s };
}

/* createAccount(login, name, role, slug): aberta-admin user add; returns the account
 * ({login, password, name, role}). */
function createAccount(login, name, role, slug) {
	const args = ['--db', env.db, 'user', 'add', login, name, role];
	if (slug) {
		args.push(slug);
	}
	const out = execFileSync(env.adminBin, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	const m = out.match(new RegExp(`password for ${login.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: (\\S+)`));
	if (!m) {
		throw new Error(`aberta-admin user add ${login} printed no password: ${out}`);
	}
	return { login, password: m[1], name, role };
}

/* ------------------------------------------------------------------------------------
 * Logging in through the real forms.
 */

/* typeInto(page, selector, text, keyboard): fills a field, by mouse/fill or, with
 * keyboard set, by pressing Tab until the field has the focus and typing. */
async function typeInto(page, selector, text, keyboard) {
	if (!keyboard) {
		await page.fill(selector, text);
		return;
	}
	for (let i = 0; i < 60; i++) {
		if (await page.evaluate((s) => document.activeElement === document.querySelector(s), selector)) {
			await page.keyboard.type(text);
			return;
		}
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab never reached ${selector} on ${page.url()}`);
}

/* login(page, acct, opts): logs acct in through /admin/login and the second factor
 * (enrolling it at the first login, reading the key from <code class="secret">).
 * opts.keyboard: use only the keyboard (Tab to each field, type, Enter).
 * opts.onPage(kind, page, resp): called on each page met: 'login', 'enrol', 'enrol-done',
 * '2fa' (resp: that page's response, for its raw HTML).
 * Returns { path, enrolled, steps: [...] } with path the page finally reached. */
async function login(page, acct, opts = {}) {
	const kb = !!opts.keyboard;
	const hook = opts.onPage || (async () => {});
	const steps = [];
	let resp = await go(page, '/admin/login');
	steps.push(`GET /admin/login -> ${resp.status()}`);
	await hook('login', page, resp);
	if (kb) {
		await page.evaluate(() => document.activeElement && document.activeElement.blur());
	}
	await typeInto(page, '#login', acct.login, kb);
	await typeInto(page, '#password', acct.password, kb);
	resp = kb ? await pressNav(page, 'Enter')
		: await clickNav(page, page.locator('main form[action="/admin/login"] button[type=submit]'));
	steps.push(`login form -> ${pathOf(page)} (${resp && resp.status()})`);
	let enrolled = false;
	if (pathOf(page) === '/admin/2fa/enrol') {
		await hook('enrol', page, resp);
		const secret = ((await page.textContent('code.secret')) || '').trim();
		if (!/^[A-Z2-7]{16,}$/.test(secret)) {
			throw new Error(`enrolment page shows no base32 secret (got "${secret}")`);
		}
		const s = nowStep();
		const st = { secret, lastStep: 0 };
		saveState(acct.login, st);
		await typeInto(page, '#code', totpAt(secret, s), kb);
		resp = kb ? await pressNav(page, 'Enter')
			: await clickNav(page, page.locator('main form[action="/admin/2fa/enrol"] button[type=submit]'));
		steps.push(`enrolment form -> ${pathOf(page)} (${resp && resp.status()})`);
		if (resp && resp.status() === 200 && await page.locator('ul.codes').count() > 0) {
			st.lastStep = s;
			st.recovery = await page.locator('ul.codes code').allTextContents();
			saveState(acct.login, st);
			enrolled = true;
			await hook('enrol-done', page, resp);
			const cont = page.locator('main a[href="/admin/"]');
			if (kb) {
				await page.evaluate(() => document.activeElement && document.activeElement.blur());
				await typeFocus(page, 'main a[href="/admin/"]');
				resp = await pressNav(page, 'Enter');
			} else {
				resp = await clickNav(page, cont);
			}
			steps.push(`continue -> ${pathOf(page)} (${resp && resp.status()})`);
		}
	} else if (pathOf(page) === '/admin/2fa') {
		await hook('2fa', page, resp);
		const { code, stepNo } = await nextCode(acct.login);
		await typeInto(page, '#code', code, kb);
		resp = kb ? await pressNav(page, 'Enter')
			: await clickNav(page, page.locator('main form[action="/admin/2fa"] button[type=submit]'));
		steps.push(`2fa form -> ${pathOf(page)} (${resp && resp.status()})`);
		if (pathOf(page) !== '/admin/2fa') {
			const st = loadState(acct.login);
			st.lastStep = stepNo;
			saveState(acct.login, st);
		}
	}
	return { path: pathOf(page), enrolled, steps };
}

/* typeFocus(page, selector): presses Tab until selector has the focus. */
async function typeFocus(page, selector) {
	for (let i = 0; i < 80; i++) {
		if (await page.evaluate((s) => document.activeElement === document.querySelector(s), selector)) {
			return;
		}
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab never reached ${selector} on ${page.url()}`);
}

/* logout(page): the header's "Sair" button. */
async function logout(page) {
	return clickNav(page, page.locator('header form[action="/admin/logout"] button[type=submit]'));
}

/* ------------------------------------------------------------------------------------
 * The pages under test.
 */
/* PT0001: nothing known but its id (inferred); PT0013: no milestones; PT0014: its lead
 * unconfirmed; PT0018: milestones with dated and earlier figures. */
const COMMITMENTS = ['PT0001', 'PT0009', 'PT0013', 'PT0014', 'PT0018'];

/* publicPages(lang, ids): the public pages of one language; ids.event (an event id) and
 * ids.member (a member slug) come from discover(). */
function publicPages(lang, ids) {
	const l = `/${lang}`;
	return [
		`${l}/`, `${l}/network`, `${l}/members/${ids.member}`, `${l}/plans`,
		`${l}/plans/1`, `${l}/plans/2`, `${l}/plans/3`,
		...COMMITMENTS.map((c) => `${l}/commitments/${c}`),
		`${l}/commitments/PT0018/history`, `${l}/plans/2/history`,
		`${l}/events`, `${l}/events/${ids.event}`,
		`${l}/ogp`, `${l}/accessibility`, `${l}/privacy`,
		`${l}/commitments`, `${l}/commitments?plan=2&sort=progress`,
		`${l}/search?q=participacao`, `${l}/search?q=dados&value=access_to_information`,
		`${l}/search`, `${l}/data`,
		`${l}/consultations`, `${l}/consultations/1`, `${l}/consultations/2`,
		`${l}/submissions/sent`,
		`${l}/no-such-page`,	// the 404 page
	];
}

/* discover(): the ids the page lists need, read from the public site over HTTP. */
async function discover() {
	const get = async (p) => {
		const r = await fetch(env.base + p);
		if (!r.ok) {
			throw new Error(`GET ${p} -> ${r.status}`);
		}
		return r.text();
	};
	const ev = (await get('/pt/events')).match(/href="\/pt\/events\/(\d+)"/);
	const mem = (await get('/pt/network')).match(/href="\/pt\/members\/([a-z0-9-]+)"/);
	if (!ev || !mem) {
		throw new Error('no event or member link on /pt/events or /pt/network');
	}
	return { event: ev[1], member: mem[1] };
}

const KINDS = ['plans', 'commitments', 'milestones', 'entities', 'events', 'consultations',
	'pages'];

/* milestoneRows(page, ogp): the rows of the milestones list shown in page that belong to
 * commitment ogp, as [{id, pos}] (the columns: title linked to its form, commitment,
 * position...). */
async function milestoneRows(page, ogp) {
	return page.$$eval('main table.admin-table tbody tr', (trs, o) => trs
		.filter((tr) => tr.cells[1] && tr.cells[1].textContent.trim().startsWith(o))
		.map((tr) => ({
			id: tr.cells[0].querySelector('a').getAttribute('href').split('/').pop(),
			pos: tr.cells[2].textContent.trim(),
		})), ogp);
}

/* adminIds(page): in a logged-in page, the first record of each admin list, plus the
 * ids of commitment PT0018 and of its milestones. */
async function adminIds(page) {
	const ids = {};
	for (const k of KINDS) {
		await go(page, `/admin/${k}`);
		const hrefs = await page.$$eval(`main a[href^="/admin/${k}/"]`,
			(as) => as.map((a) => a.getAttribute('href')));
		const m = hrefs.map((h) => h.match(/^\/admin\/[a-z]+\/(\d+)$/)).find(Boolean);
		ids[k] = m ? m[1] : null;
		if (k === 'commitments') {
			ids.pt0018 = await page.$$eval('main table.admin-table tbody tr', (trs) => {
				const tr = trs.find((t) => t.cells[1] && t.cells[1].textContent.trim() === 'PT0018');
				return tr ? tr.querySelector('a').getAttribute('href').split('/').pop() : null;
			});
		}
		if (k === 'milestones') {
			// The list is paged: its search box finds PT0018's milestones.
			await go(page, '/admin/milestones?q=PT0018');
			ids.pt0018ms = await milestoneRows(page, 'PT0018');
		}
	}
	return ids;
}

/* The archived copy of plan 2's document that run.sh inserts (table upload). */
const ARCHIVED_SHA = 'a'.repeat(64);

/* adminPages(ids): the admin pages a logged-in administrator can GET (besides login,
 * the second-factor pages and the form with validation errors). */
function adminPages(ids) {
	const out = ['/admin/'];
	for (const k of KINDS) {
		out.push(`/admin/${k}`);
		if (ids[k]) {
			out.push(`/admin/${k}/${ids[k]}`);
		}
		out.push(`/admin/${k}/new`);
	}
	if (ids.pt0018) {
		out.push(`/admin/commitments/${ids.pt0018}/relations`);
	}
	if (ids.events) {
		out.push(`/admin/events/${ids.events}/delete`);
	}
	out.push('/admin/users', '/admin/audit', '/admin/audit?log=changes', '/admin/reviews',
		'/admin/links', '/admin/submissions', '/admin/logins', `/admin/uploads/${ARCHIVED_SHA}`);
	return out;
}

module.exports = {
	HERE, env, check, problems, diag, step, main, launch, newContext, go, clickNav, pressNav, pathOf,
	sleep, totpAt, nowStep, nextCode, createAccount, login, logout, typeFocus, publicPages,
	discover, adminIds, milestoneRows, adminPages, mailTo, KINDS, COMMITMENTS, isLoopback, axe, axeReport,
};
