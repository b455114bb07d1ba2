'use strict';
/*
 * Accessibility, run by run.sh:
 *  - axe-core (tags wcag2a, wcag2aa, wcag21a, wcag21aa) on every public page in both
 *    languages and on the admin pages: login (also with an error), second-factor
 *    enrolment and its recovery codes, the second-factor page, the dashboard (also a
 *    member editor's), each list, each edit and new form, a form showing validation
 *    errors, the delete confirmation, users (also with a new password shown), a user,
 *    the audit logs, reviews (with a pending proposal) and relations.  One check per
 *    page; violations are printed with their id, impact and the nodes' targets.
 *  - the keyboard alone: the skip link first, visible, and moving the focus to main;
 *    every link and button of the home page reached with Tab, each with a visible focus
 *    indicator; the login form (and second factor) completed with the keyboard only.
 */
const fs = require('fs');
const path = require('path');
const L = require('./lib');

const { check, diag, step, go, clickNav, pathOf, env } = L;
const { axe } = L;
const report = L.axeReport;

async function axeAt(page, p, wantStatus = 200) {
	const resp = await go(page, p);
	return axe(page, p, resp, wantStatus);
}

/* authHook(seenKinds, who): the onPage hook of login(): runs axe once on each kind of
 * page of the login sequence (the first time it is met). */
function authHook(seenKinds, who) {
	const LABEL = {
		login: null, enrol: '/admin/2fa/enrol (enrolment)', 'enrol-done': '/admin/2fa/enrol (recovery codes)',
		'2fa': '/admin/2fa (second factor)',
	};
	return async (kind, pg, resp) => {
		if (LABEL[kind] && !seenKinds.has(kind)) {
			seenKinds.add(kind);
			await axe(pg, `${LABEL[kind]}, ${who}`, resp);
		}
	};
}

/* ------------------------------------------------------------------------------------
 * Keyboard.
 */

/* Describes the focused element and whether it shows a focus indicator. */
function focusedInfo(page) {
	return page.evaluate(() => {
		const e = document.activeElement;
		if (!e || e === document.body || e === document.documentElement) {
			return null;
		}
		const cs = getComputedStyle(e);
		const r = e.getBoundingClientRect();
		const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 &&
			cs.outlineColor !== 'transparent' && !/rgba\(.*, 0\)$/.test(cs.outlineColor);
		const shadow = cs.boxShadow && cs.boxShadow !== 'none';
		e.setAttribute('data-kb-reached', '1');
		const id = `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.classList.length ? `.${[...e.classList].join('.')}` : ''}` +
			`${e.getAttribute('href') ? `[href="${e.getAttribute('href')}"]` : ''} "${(e.textContent || e.value || '').trim().slice(0, 40)}"`;
		return {
			id, indicator: outline || shadow,
			style: `outline ${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}; box-shadow ${cs.boxShadow}`,
			visible: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 &&
				r.left < window.innerWidth + window.scrollX && cs.visibility !== 'hidden',
			inMain: !!e.closest('main'),
		};
	});
}

async function keyboardHome(browser) {
	const ctx = await L.newContext(browser);
	const page = await ctx.newPage();
	await go(page, '/pt/');
	const before = await page.evaluate(() => {
		const s = document.querySelector('a.skip');
		if (!s) {
			return null;
		}
		const r = s.getBoundingClientRect();
		return { right: r.right, bottom: r.bottom };
	});
	await page.keyboard.press('Tab');
	const first = await page.evaluate(() => {
		const e = document.activeElement;
		const r = e.getBoundingClientRect();
		const cs = getComputedStyle(e);
		return {
			skip: e.matches('a.skip[href="#main"]'), html: e.outerHTML.slice(0, 120),
			rect: { l: r.left, t: r.top, w: r.width, h: r.height, r: r.right, b: r.bottom },
			vis: cs.visibility, op: cs.opacity, clip: cs.clip, clipPath: cs.clipPath,
			iw: window.innerWidth, ih: window.innerHeight,
		};
	});
	check(first.skip, 'keyboard: the first Tab on /pt/ focuses the skip link (a.skip to #main)',
		`focused: ${first.html}`);
	const r = first.rect;
	const onScreen = r.w > 1 && r.h > 1 && r.l >= 0 && r.t >= 0 && r.r <= first.iw && r.b <= first.ih &&
		first.vis === 'visible' && Number(first.op) > 0 && (first.clip === 'auto' || first.clip === '') &&
		(first.clipPath === 'none' || first.clipPath === '');
	check(first.skip && onScreen && before !== null,
		'keyboard: the focused skip link is visible on screen (and was hidden before)',
		`before focus: ${JSON.stringify(before)}; focused: ${JSON.stringify(first)}`);
	await page.keyboard.press('Enter');
	await page.waitForTimeout(100);
	const afterEnter = await page.evaluate(() => ({
		id: document.activeElement && document.activeElement.id,
		tag: document.activeElement && document.activeElement.tagName, hash: location.hash,
	}));
	check(afterEnter.id === 'main' && afterEnter.tag === 'MAIN',
		'keyboard: Enter on the skip link moves the focus to <main id="main">', JSON.stringify(afterEnter));
	await page.keyboard.press('Tab');
	const next = await focusedInfo(page);
	check(next && next.inMain, 'keyboard: after the skip link, the next Tab lands inside main',
		`focused: ${next ? next.id : '(nothing)'}`);

	// Tab through the whole page from the top.
	await go(page, '/pt/');
	const seen = [];
	const noIndicator = [];
	const invisible = [];
	for (let i = 0; i < 400; i++) {
		await page.keyboard.press('Tab');
		const f = await focusedInfo(page);
		if (f === null || (seen.length > 0 && f.id === seen[0])) {
			break;
		}
		seen.push(f.id);
		if (!f.indicator) {
			noIndicator.push(`${f.id}: ${f.style}`);
		}
		if (!f.visible) {
			invisible.push(f.id);
		}
	}
	const unreached = await page.evaluate(() => {
		const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
		return [...document.querySelectorAll(sel)]
			.filter((e) => !e.disabled && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
			.filter((e) => e.getAttribute('tabindex') !== '-1') // out of the order on purpose (a honeypot)
			// A group of radio buttons is one Tab stop (the arrows move inside it): the
			// group counts as reached when one of its buttons was.
			.filter((e) => !(e.type === 'radio' && e.name && [...document.getElementsByName(e.name)]
				.some((r) => r.form === e.form && r.hasAttribute('data-kb-reached'))))
			.filter((e) => !e.hasAttribute('data-kb-reached'))
			.map((e) => `${e.tagName.toLowerCase()} ${e.getAttribute('href') || ''} "${(e.textContent || '').trim().slice(0, 40)}"`);
	});
	diag(`keyboard: ${seen.length} focus stops on /pt/`);
	check(seen.length > 5 && unreached.length === 0,
		`keyboard: Tab reaches every link and button of /pt/ (${seen.length} stops)`, unreached);
	check(seen.length > 0 && noIndicator.length === 0,
		'keyboard: every element focused with Tab on /pt/ shows a focus indicator (outline or box-shadow)', noIndicator);
	check(invisible.length === 0, 'keyboard: every element focused with Tab on /pt/ is on screen', invisible);
	await ctx.close();
}

async function keyboardLogin(browser, seenKinds) {
	const ctx = await L.newContext(browser, { bypassCSP: true });
	const page = await ctx.newPage();
	const li = await L.login(page, env.focal, { keyboard: true, onPage: authHook(seenKinds, 'focal editor') });
	check(li.path === '/admin/', `keyboard: ${env.focal.login} completes the login form and the second factor ` +
		`(${li.enrolled ? 'enrolment' : 'TOTP code'}) with the keyboard only`, li.steps);
	if (li.path === '/admin/') {
		await L.typeFocus(page, 'header form[action="/admin/logout"] button');
		await L.pressNav(page, 'Enter');
		check(pathOf(page) !== '/admin/', 'keyboard: the logout button works from the keyboard', `at ${pathOf(page)}`);
	}
	await ctx.close();
}

/* ------------------------------------------------------------------------------------
 * Admin pages.
 */

/* The admin pages, as the administrator, with a member editor making a proposal so that
 * the reviews page has something to show. */
async function adminPages(browser, seenKinds) {
	const actx = await L.newContext(browser, { bypassCSP: true });
	const page = await actx.newPage();
	await step('axe /admin/login', () => axeAt(page, '/admin/login'));
	await step('axe /admin/login with an error', async () => {
		await go(page, '/admin/login');
		await page.fill('#login', 'nobody.a11y@example.org');
		await page.fill('#password', 'not the password');
		const resp = await clickNav(page, page.locator('main form[action="/admin/login"] button[type=submit]'));
		await axe(page, '/admin/login after a failed login (error shown)', resp, resp.status());
		check(await page.locator('main .error, main [role=alert]').count() > 0,
			'the failed login shows an error message', `at ${pathOf(page)} (${resp.status()})`);
	});
	const li = await L.login(page, env.admin, { onPage: authHook(seenKinds, 'administrator') });
	if (!check(li.path === '/admin/', `admin: ${env.admin.login} logs in`, li.steps)) {
		await actx.close();
		return;
	}

	// A member editor, created through /admin/users, makes a proposal.
	const member = { login: `member.a11y.${Date.now()}@ama.gov.pt`, name: 'Editora AMA (a11y)', role: 'member' };
	await step('admin: create a member editor', async () => {
		await go(page, '/admin/users');
		await page.fill('#f-login', member.login);
		await page.fill('#f-name', member.name);
		await page.selectOption('#f-role', 'member');
		await page.selectOption('#f-entity', { label: 'Agência para a Modernização Administrativa, I.P.' });
		const resp = await clickNav(page, page.locator('main form[action="/admin/users/new"] button[type=submit]'));
		member.password = ((await page.textContent('main .note-box code.secret').catch(() => '')) || '').trim();
		check(resp.status() === 200 && member.password !== '', 'admin: /admin/users creates a member editor and shows the password',
			`status ${resp.status()}`);
		await axe(page, '/admin/users (new account\'s password shown)', resp);
	});
	if (member.password) {
		await step('member editor', async () => {
			const mctx = await L.newContext(browser, { bypassCSP: true });
			const mp = await mctx.newPage();
			const ml = await L.login(mp, member, { onPage: authHook(seenKinds, 'member editor') });
			if (check(ml.path === '/admin/', 'member: the new member editor logs in', ml.steps)) {
				await axe(mp, '/admin/milestones (member editor\'s list)', await go(mp, '/admin/milestones?q=PT0018'));
				const row = (await L.milestoneRows(mp, 'PT0018')).find((x) => x.pos === '4');
				const resp0 = await clickNav(mp, mp.locator(`main table.admin-table a[href="/admin/milestones/${row && row.id}"]`));
				await axe(mp, `${pathOf(mp)} (member editor's form)`, resp0);
				const cur = await mp.inputValue('#f-progress');
				await mp.fill('#f-progress', cur === '90' ? '95' : '90');
				await mp.fill('#f-evidence_url', 'https://participa.gov.pt/evidence/a11y-proposal');
				// A new figure carries its own date (the seed's dates an older one).
				await mp.fill('#f-progress_as_of', '2026-11-30');
				await mp.selectOption('#f-progress_as_of_kind', 'stated');
				await mp.fill('#f-progress_source', 'https://participa.gov.pt/evidence/a11y-proposal');
				const resp = await clickNav(mp, mp.locator('main form.edit button[type=submit]'));
				check(/sent=1/.test(pathOf(mp)), 'member: the proposal is sent for review',
					`at ${pathOf(mp)} (${resp.status()})`);
				await axe(mp, '/admin/ (member editor\'s dashboard, with the proposal)', await go(mp, '/admin/'));
			}
			await mctx.close();
		});
	}

	const ids = await L.adminIds(page);
	for (const p of L.adminPages(ids)) {
		await step(`axe ${p}`, async () => {
			await axeAt(page, p);
			if (p === '/admin/reviews' && member.password) {
				check(await page.locator('main section.review').count() > 0,
					'the reviews page lists the member editor\'s proposal');
			}
		});
	}
	await step('axe /admin/users/N', () => axeAt(page, '/admin/users/1'));
	await step('axe a form with validation errors', async () => {
		const ms = ids.pt0018ms && ids.pt0018ms[2] ? ids.pt0018ms[2].id : ids.milestones;
		await go(page, `/admin/milestones/${ms}`);
		const cur = await page.inputValue('#f-progress');
		await page.fill('#f-progress', cur === '40' ? '45' : '40');	// no evidence given
		await page.fill('#f-planned_start', '2024-13-45');	// not a date
		const resp = await clickNav(page, page.locator('main form.edit button[type=submit]'));
		const nerr = await page.locator('main .field-error').count();
		check(resp.status() === 400 && nerr >= 2,
			'the milestone form refuses a bad date and a progress change without evidence (400, messages by the fields)',
			`status ${resp.status()}, ${nerr} field message(s)`);
		await axe(page, `/admin/milestones/${ms} (validation errors shown)`, resp, 400);
	});
	await L.logout(page).catch(() => {});
	await actx.close();

	if (!seenKinds.has('2fa') && member.password) {
		// Every login so far enrolled its second factor: log the member in again.
		await step('axe /admin/2fa', async () => {
			const mctx = await L.newContext(browser, { bypassCSP: true });
			const mp = await mctx.newPage();
			await L.login(mp, member, { onPage: authHook(seenKinds, 'member editor') });
			await mctx.close();
		});
	}
	for (const k of ['enrol', 'enrol-done', '2fa']) {
		check(seenKinds.has(k), `the ${k} page of the login sequence was checked with axe`);
	}
}

L.main(async () => {
	const ids = await L.discover();
	const browser = await L.launch();
	const seenKinds = new Set();
	try {
		const ctx = await L.newContext(browser, { bypassCSP: true });
		const page = await ctx.newPage();
		for (const lang of ['pt', 'en']) {
			for (const p of L.publicPages(lang, ids)) {
				await step(`axe ${p}`, () => axeAt(page, p, /no-such-page/.test(p) ? 404 : 200));
			}
		}
		await ctx.close();
		await step('keyboard on /pt/', () => keyboardHome(browser));
		await step('keyboard login', () => keyboardLogin(browser, seenKinds));
		await step('admin pages', () => adminPages(browser, seenKinds));
	} finally {
		await browser.close();
		fs.writeFileSync(path.join(env.artifacts, 'a11y-report.json'), JSON.stringify(report, null, 1));
	}
	const { offLoopback } = L.problems();
	check(offLoopback.length === 0, 'a11y: no request left 127.0.0.1', offLoopback.slice(0, 20));
});
