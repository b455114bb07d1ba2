'use strict';
/*
 * Following by email (issue 17) in a real browser, by keyboard only (Tab, typing, the
 * arrow keys, Space, Enter), run by run.sh: on PT0013's page a citizen Tabs to the form
 * "Seguir por email", types an address, picks the daily digest with the arrow keys,
 * ticks the consent with Space and sends with Enter; the confirmation email arrives
 * (run.sh points ABERTA_SENDMAIL at sendmail.sh, which keeps each message in MAIL_DIR);
 * its link opens a page whose button confirms; the management page, reached from there,
 * changes the frequency; the one-click page stops everything.  axe-core runs on the
 * commitment page, the home page in both languages, the answer page, the confirmation,
 * management and unsubscribe pages and the form given back with an error; the Nu Html
 * Checker on the same pages.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFile, execFileSync } = require('child_process');
const L = require('./lib');

const { check, diag, step, go, pathOf, env, axe } = L;
const VNU = require('vnu-jar');	// the path of vnu.jar
const EMAIL = 'follow.browser@example.org';
const pages = [];	// { label, html }: what the Nu Html Checker reads at the end

/* sql(q): the rows of q on the site's database, as strings. */
function sql(q) {
	return execFileSync('sqlite3', [env.db, q], { encoding: 'utf8' }).split('\n').filter((s) => s !== '');
}

/* focusOn(page, selector): from the top of the page, Tab until selector has the focus. */
async function focusOn(page, selector) {
	await page.evaluate(() => document.activeElement && document.activeElement.blur());
	for (let i = 0; i < 800; i++) {
		if (await page.evaluate((s) => document.activeElement === document.querySelector(s), selector)) {
			return;
		}
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab never reached ${selector} on ${page.url()}`);
}

/* focused(page): the id (or the tag) of the element that has the focus. */
function focused(page) {
	return page.evaluate(() => document.activeElement.id || document.activeElement.tagName);
}

/* seen(page, label, resp, want): axe on the page as it is, and its HTML kept for vnu. */
async function seen(page, label, resp, want = 200) {
	pages.push({ label, html: resp ? await resp.text() : await page.content() });
	return axe(page, label, resp, want);
}

/* The form on PT0013's page, by keyboard: returns the answer page's response. */
async function subscribe(page) {
	const resp = await go(page, '/pt/commitments/PT0013');
	await seen(page, '/pt/commitments/PT0013 (the follow form)', resp);
	await focusOn(page, '#follow-email');
	await page.keyboard.type(EMAIL);
	const order = [];
	for (const key of ['Tab', 'Tab', 'ArrowDown', 'Tab', 'Space', 'Tab', 'Tab']) {
		await page.keyboard.press(key);
		order.push(`${key}: ${await focused(page)}`);
	}
	check(await page.isChecked('#follow-lang-pt'), 'the page\'s language, Portuguese, is chosen');
	check(await page.isChecked('#follow-freq-daily'), 'ArrowDown in the frequencies chooses the daily digest');
	check(await page.isChecked('#follow-consent'), 'Space ticks the consent');
	const onButton = await page.evaluate(() => document.activeElement.matches('button[type=submit]') &&
		document.activeElement.closest('form').getAttribute('action'));
	check(order.slice(0, 4).join() === 'Tab: follow-lang-pt,Tab: follow-freq-immediate,' +
		'ArrowDown: follow-freq-daily,Tab: follow-consent' && onButton === '/pt/follow',
	'Tab goes from the email to the language, the frequency, the consent and the button', order.join(' · '));
	return L.pressNav(page, 'Enter');
}

/* The confirmation link of the newest email to EMAIL, as a path ('' when none). */
async function confirmPath() {
	const m = await L.mailTo(EMAIL);
	const link = m.match(/\/pt\/follow\/confirm\/[0-9a-f]{64}/);
	check(link !== null, 'the confirmation email arrived with its link', m.slice(0, 800));
	check(/text\/html/.test(m) && /Resumo di=C3=A1rio|Resumo diário/.test(m),
		'the email has an HTML part and says the frequency chosen');
	return link ? link[0] : '';
}

async function flow(browser) {
	const ctx = await L.newContext(browser, { bypassCSP: true });
	const page = await ctx.newPage();
	let resp = await subscribe(page);
	check(resp && resp.status() === 200 && pathOf(page) === '/pt/follow/sent',
		'Enter sends the request: "check your mailbox"', `${resp && resp.status()} at ${pathOf(page)}`);
	await seen(page, '/pt/follow/sent', resp);
	check(sql(`SELECT s.status || ' ' || s.frequency || ' ' || s.lang FROM subscription s JOIN follower f
		ON f.id = s.follower_id WHERE f.email = '${EMAIL}'`).join() === 'unconfirmed daily pt',
	'one unconfirmed subscription, daily, in Portuguese');
	const confirm = await confirmPath();
	if (!confirm) {
		return;
	}
	resp = await go(page, confirm);
	await seen(page, '/pt/follow/confirm/TOKEN', resp);
	await focusOn(page, 'main form[method=post] button[type=submit]');
	resp = await L.pressNav(page, 'Enter');
	check(resp.status() === 200 && sql(`SELECT s.status FROM subscription s JOIN follower f ON
		f.id = s.follower_id WHERE f.email = '${EMAIL}'`).join() === 'active',
	'the button, pressed with Enter, confirms', `${resp.status()}`);
	await seen(page, '/pt/follow/confirm/TOKEN (confirmed)', resp);
	await focusOn(page, 'main a[href*="/follow/manage/"]');
	resp = await L.pressNav(page, 'Enter');
	check(resp.status() === 200 && /\/pt\/follow\/manage\/[0-9a-f]{64}$/.test(pathOf(page)),
		'the management link opens the management page', pathOf(page));
	await seen(page, '/pt/follow/manage/TOKEN', resp);
	const manage = pathOf(page);
	await focusOn(page, 'main select[name=frequency]');
	await page.keyboard.press('ArrowDown');
	await focusOn(page, 'main button[value=change]');
	resp = await L.pressNav(page, 'Enter');
	check(resp.status() === 200 && sql(`SELECT s.frequency FROM subscription s JOIN follower f ON
		f.id = s.follower_id WHERE f.email = '${EMAIL}'`).join() === 'weekly',
	'ArrowDown in the frequency and Enter on "Guardar" make it weekly', `${resp.status()}`);
	await seen(page, '/pt/follow/manage/TOKEN (changed)', resp);
	const tok = manage.split('/').pop();
	resp = await go(page, `/follow/unsubscribe/${tok}`);
	await seen(page, '/follow/unsubscribe/TOKEN', resp);
	await focusOn(page, 'main form[method=post] button[type=submit]');
	resp = await L.pressNav(page, 'Enter');
	check(resp.status() === 200 && sql(`SELECT count(*) FROM follower WHERE email = '${EMAIL}'`).join() === '0',
		'the one-click page\'s button stops everything and deletes the address', `${resp.status()}`);
	await seen(page, '/follow/unsubscribe/TOKEN (done)', resp);
	resp = await go(page, manage);
	await seen(page, '/pt/follow/manage/TOKEN (gone)', resp, 410);
	await ctx.close();
}

/* The form given back: an address the browser would refuse is sent without its checks. */
async function formAgain(browser) {
	const ctx = await L.newContext(browser, { bypassCSP: true });
	const page = await ctx.newPage();
	await go(page, '/en/');
	await page.evaluate(() => {
		const f = document.querySelector('form[action="/en/follow"]');
		f.noValidate = true;
		f.querySelector('#follow-email').value = 'not an address';
	});
	const resp = await L.clickNav(page, page.locator('form[action="/en/follow"] button[type=submit]'));
	check(resp.status() === 400 && await page.inputValue('#follow-email') === 'not an address',
		'a bad address and no consent give the form back, with what was typed', `${resp.status()}`);
	await seen(page, '/en/follow (errors)', resp, 400);
	await ctx.close();
}

/* The Nu Html Checker over every page kept. */
async function vnu() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aberta-follow-'));
	try {
		const files = pages.map((p, i) => {
			const f = path.join(dir, `page${i}.html`);
			fs.writeFileSync(f, p.html);
			return f;
		});
		const { stderr } = await new Promise((resolve) => execFile('java', ['-jar', VNU, '--errors-only',
			'--format', 'json', ...files], { maxBuffer: 64 * 1024 * 1024 },
		(err, stdout, se) => resolve({ err, stdout, stderr: se })));
		const msgs = JSON.parse(stderr.trim() || '{"messages":[]}').messages || [];
		files.forEach((f, i) => {
			const ms = msgs.filter((m) => m.url && decodeURIComponent(m.url.replace(/^file:/, '')) === f &&
				m.type === 'error');
			check(ms.length === 0, `vnu ${pages[i].label}`,
				ms.slice(0, 10).map((m) => `${m.lastLine}: ${m.message} [${(m.extract || '').trim()}]`));
		});
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

L.main(async () => {
	const browser = await L.launch();
	try {
		for (const p of ['/pt/', '/en/']) {
			await step(`home ${p}`, async () => {
				const ctx = await L.newContext(browser, { bypassCSP: true });
				const page = await ctx.newPage();
				await seen(page, `${p} (the follow form)`, await go(page, p));
				await ctx.close();
			});
		}
		await step('follow PT0013 by keyboard', () => flow(browser));
		await step('the form given back', () => formAgain(browser));
	} finally {
		await browser.close();
	}
	await step('vnu', vnu);
	const { problems, offLoopback } = L.problems();
	check(problems.length === 0 && offLoopback.length === 0, 'no console error, failed request or outside request',
		[...problems, ...offLoopback].slice(0, 10));
	diag(`${pages.length} pages checked`);
});
