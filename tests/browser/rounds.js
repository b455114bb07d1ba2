'use strict';
/*
 * A reporting round in a real browser, by keyboard only (Tab, typing, Space, Enter),
 * run by run.sh: a focal-point editor opens a round for plan 2 from the admin menu; the
 * editor of the body leading PT0011 follows the link of the round's email (run.sh points
 * ABERTA_SENDMAIL at sendmail.sh, which keeps each message in MAIL_DIR) to the
 * commitment's workspace and updates three milestones with one evidence in one save; the
 * focal point approves the three proposals; the board shows the body as updated; the
 * round closes; the public snapshot page shows the new figures.  axe-core runs on every
 * new page (the rounds, a board, the close page, the workspace as staff and as a member
 * editor, the workspace with errors, the sources pages, a filtered list, the snapshot in
 * both languages), and each is photographed at 1280 and 375 px into
 * artifacts/rounds/, with no horizontal overflow at 375 px.
 */
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const L = require('./lib');

const { check, diag, step, go, pathOf, env, axe } = L;
const SHOTS = path.join(env.artifacts, 'rounds');
fs.mkdirSync(SHOTS, { recursive: true });

/* sql(q): the first column of the rows of q on the site's database, as strings. */
function sql(q) {
	return execFileSync('sqlite3', [env.db, q], { encoding: 'utf8' }).split('\n').filter((s) => s !== '');
}

/* focusOn(page, selector): from the top of the page, Tab until selector has the focus
 * (the workspace has a few hundred fields and links). */
async function focusOn(page, selector) {
	await page.evaluate(() => document.activeElement && document.activeElement.blur());
	for (let i = 0; i < 600; i++) {
		if (await page.evaluate((s) => document.activeElement === document.querySelector(s), selector)) {
			return;
		}
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab never reached ${selector} on ${page.url()}`);
}

/* press(page, selector, key): Tab to selector, then press key (Enter: a navigation). */
async function press(page, selector, key = 'Enter') {
	await focusOn(page, selector);
	if (key === 'Enter') {
		return L.pressNav(page, 'Enter');
	}
	await page.keyboard.press(key);
	return null;
}

/* type(page, selector, text): Tab to selector, clear it with the keyboard, type text. */
async function type(page, selector, text) {
	await focusOn(page, selector);
	await page.keyboard.press('Control+A');
	await page.keyboard.press('Delete');
	await page.keyboard.type(text);
}

/* shoot(page, name): screenshots at 1280 and 375 px, and no overflow at 375 px. */
async function shoot(page, name) {
	for (const w of [1280, 375]) {
		await page.setViewportSize({ width: w, height: 900 });
		await page.screenshot({ path: path.join(SHOTS, `${name}-${w}.png`), fullPage: true });
		if (w === 375) {
			const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			check(over <= 0, `375px: ${name} does not scroll sideways`, `${over}px too wide`);
		}
	}
	await page.setViewportSize({ width: 1280, height: 900 });
}

/* checkAxe(page, label, status): axe-core on the page as it stands. */
async function checkAxe(page, label, status = 200) {
	return axe(page, label, null, status);
}

async function journey(browser) {
	const plan = sql('SELECT id FROM action_plan WHERE number = 2')[0];
	const cid = sql("SELECT id FROM commitment WHERE ogp_id = 'PT0011'")[0];
	const slug = sql(`SELECT e.slug FROM commitment_entity ce JOIN entity e ON e.id = ce.entity_id
		WHERE ce.commitment_id = ${cid} AND ce.role = 'lead' ORDER BY ce.position LIMIT 1`)[0];
	const body = sql(`SELECT id FROM entity WHERE slug = '${slug}'`)[0];
	const ms = sql(`SELECT id FROM milestone WHERE commitment_id = ${cid} ORDER BY position LIMIT 3`);
	const member = L.createAccount('rondas.navegador@example.org', 'Editora Rondas', 'member', slug);
	const deadline = new Date(Date.now() + 21 * 86400e3).toISOString().slice(0, 10);
	const today = new Date().toISOString().slice(0, 10);

	const fctx = await L.newContext(browser, { bypassCSP: true, locale: 'pt-PT' });
	const fp = await fctx.newPage();
	const li = await L.login(fp, env.focal, { keyboard: true });
	if (!check(li.path === '/admin/', 'rounds: the focal point logs in by keyboard', li.steps)) {
		return;
	}
	let rid = null;
	await step('rounds: open a round by keyboard', async () => {
		let r = await press(fp, 'header nav a[href="/admin/rounds"]');
		check(pathOf(fp) === '/admin/rounds' && r.status() === 200, 'rounds: the menu opens /admin/rounds',
			`at ${pathOf(fp)}`);
		await checkAxe(fp, '/admin/rounds');
		await shoot(fp, 'rounds');
		/* First without a name: the error summary, then the whole form. */
		r = await press(fp, 'main form[action="/admin/rounds"] button[type=submit]');
		check(r.status() === 400 && await fp.locator('main [role=alert], main .error-box').count() > 0,
			'rounds: an empty form is refused with its errors shown', `status ${r.status()}`);
		await checkAxe(fp, '/admin/rounds (errors shown)', 400);
		await shoot(fp, 'rounds-errors');
		await type(fp, '#f-name', 'Autoavaliação intercalar (navegador)');
		/* A date field's segments follow the browser's own language (not the page's):
		 * type them in one order after another until the field holds the date. */
		const [y, mo, d] = deadline.split('-');
		let typed = '';
		for (const order of [[mo, d, y], [d, mo, y], [y, mo, d]]) {
			await focusOn(fp, '#f-deadline');	// the first segment has the focus
			await fp.keyboard.type(order.join(''));
			if ((typed = await fp.inputValue('#f-deadline')) === deadline) {
				break;
			}
		}
		check(typed === deadline, 'rounds: the deadline is typed into the date field', `got "${typed}"`);
		if (!await fp.isChecked(`#p-${plan}`)) {
			await press(fp, `#p-${plan}`, 'Space');
		}
		r = await press(fp, 'main form[action="/admin/rounds"] button[type=submit]');
		const m = pathOf(fp).match(/^\/admin\/rounds\/(\d+)/);
		rid = m ? m[1] : null;
		check(rid && r.status() === 200, 'rounds: the round opens and its board shows', `at ${pathOf(fp)}`);
		await checkAxe(fp, '/admin/rounds/N (open)');
		await shoot(fp, 'round-board-open');
	});
	if (!rid) {
		return;
	}

	const mctx = await L.newContext(browser, { bypassCSP: true, locale: 'pt-PT' });
	const mp = await mctx.newPage();
	await step('rounds: the member editor updates three milestones in one save', async () => {
		const mail = await L.mailTo(member.login);
		const links = mail.match(/https?:\/\/[^\s"<>]*\/admin\/commitments\/\d+/g) || [];
		const link = links.find((u) => u.endsWith(`/admin/commitments/${cid}`)) || '';
		check(link !== '', 'rounds: the email links to the workspace of PT0011', links.join(' '));
		const ml = await L.login(mp, member, { keyboard: true });
		check(ml.path === '/admin/', 'rounds: the member editor logs in by keyboard', ml.steps);
		let r = await go(mp, new URL(link || `${env.base}/admin/commitments/${cid}`).pathname);
		check(r.status() === 200 && await mp.locator(`#m${ms[0]}`).count() === 1,
			'rounds: the link opens the workspace with the milestones', `status ${r.status()}`);
		await checkAxe(mp, '/admin/commitments/N (member editor\'s workspace)');
		await shoot(mp, 'workspace-member');
		/* A change without evidence first: refused, every value kept. */
		await type(mp, `#f-m${ms[0]}-progress`, '41');
		r = await press(mp, 'main form[action$="/milestones"] button[type=submit]');
		check(r.status() === 400 && await mp.inputValue(`#f-m${ms[0]}-progress`) === '41',
			'rounds: a progress change without evidence is refused, the value kept', `status ${r.status()}`);
		await checkAxe(mp, '/admin/commitments/N (workspace with errors)', 400);
		await shoot(mp, 'workspace-errors');
		const figs = ['41', '62', '83'];
		for (let i = 0; i < 3; i++) {
			await type(mp, `#f-m${ms[i]}-progress`, figs[i]);
			await type(mp, `#f-m${ms[i]}-progress_as_of`, today);
			await focusOn(mp, `#f-m${ms[i]}-progress_as_of_kind`);
			await mp.keyboard.type('Data indicada');	// a closed list chooses by typing
		}
		const kinds = await Promise.all(ms.map((id) => mp.inputValue(`#f-m${id}-progress_as_of_kind`)));
		check(kinds.every((k) => k === 'stated'), 'rounds: the date kind is chosen by typing', kinds.join(','));
		await type(mp, '#f-evidence_url', 'https://participa.gov.pt/rnaa/autoavaliacao-navegador.pdf');
		await type(mp, '#f-evidence_label', 'Relatório de autoavaliação');
		r = await press(mp, 'main form[action$="/milestones"] button[type=submit]');
		check(r.status() === 200 && /ws_sent=3/.test(pathOf(mp)),
			'rounds: one save sends three proposals for review', `at ${pathOf(mp)} (${r.status()})`);
	});
	await mctx.close();

	await step('rounds: the focal point approves, the board says updated, the round closes', async () => {
		let r = await go(fp, '/admin/reviews');
		await checkAxe(fp, '/admin/reviews (the round\'s proposals)');
		for (let n = 0; n < 3; n++) {
			r = await press(fp, 'main form[action$="/approve"] button[type=submit]');
			check(r.status() === 200, `rounds: proposal ${n + 1} approved by keyboard`, `at ${pathOf(fp)}`);
		}
		r = await go(fp, `/admin/rounds/${rid}`);
		const group = await fp.evaluate((b) => {
			const card = document.getElementById(`b${b}`);
			const sec = card && card.closest('section[aria-labelledby^="g-"]');
			return sec ? sec.getAttribute('aria-labelledby') : '';
		}, body);
		check(group === 'g-UPDATED', 'rounds: the board shows the body as updated', group);
		r = await press(fp, `main a[href="/admin/rounds/${rid}/close"]`);
		await checkAxe(fp, '/admin/rounds/N/close');
		await shoot(fp, 'round-close');
		r = await press(fp, `main form[action="/admin/rounds/${rid}/close"] button[type=submit]`);
		check(r.status() === 200 && await fp.locator('main a[href*="/as-of/"]').count() > 0,
			'rounds: the round closes and its board links to the snapshots', `at ${pathOf(fp)}`);
		await checkAxe(fp, '/admin/rounds/N (closed)');
		await shoot(fp, 'round-board-closed');
		r = await press(fp, `main a[href="/pt/plans/2/as-of/${today}"]`);
		const text = await fp.textContent('main');
		check(r.status() === 200 && /PT0011/.test(text) && /41\s*%/.test(text),
			'rounds: the snapshot page shows PT0011 with the new figure', `at ${pathOf(fp)} (${r.status()})`);
		await checkAxe(fp, '/pt/plans/2/as-of/DATE');
		await shoot(fp, 'snapshot-pt');
		await go(fp, `/en/plans/2/as-of/${today}`);
		await checkAxe(fp, '/en/plans/2/as-of/DATE');
		await shoot(fp, 'snapshot-en');
	});

	await step('rounds: the other new admin pages', async () => {
		for (const [p, name] of [[`/admin/commitments/${cid}`, 'workspace-focal'],
			[`/admin/milestones/${ms[0]}/sources`, 'sources-milestone'],
			[`/admin/commitments/${cid}/sources`, 'sources-commitment'],
			['/admin/milestones?q=PT0011&late=1', 'list-filtered'],
			['/admin/commitments?sort=title&page=1', 'list-sorted']]) {
			const r = await go(fp, p);
			check(r.status() === 200, `rounds: ${p} answers 200`, `status ${r.status()}`);
			await checkAxe(fp, p);
			await shoot(fp, name);
		}
	});
	await fctx.close();
}

L.main(async () => {
	const browser = await L.launch();
	try {
		await journey(browser);
	} finally {
		await browser.close();
	}
	diag(`screenshots in ${SHOTS}`);
});
