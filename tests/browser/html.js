'use strict';
/*
 * HTML and CSS validity, run by run.sh: fetches every public page in both languages,
 * the admin pages (with a real session: login, the second-factor pages, the dashboard,
 * every list and form, a form showing validation errors, users, audit, reviews,
 * relations) and the stylesheet, writes them to a temporary folder and runs the Nu Html
 * Checker (vnu.jar from the vnu-jar package) once over all of them.  Each file without
 * errors is a passed check; the others print each error with file, line and message.
 * The files that failed are copied to artifacts/html/ (the line numbers refer to them).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFile } = require('child_process');
const L = require('./lib');

const { check, diag, step, go, clickNav, pathOf, env } = L;
const VNU = require('vnu-jar');	// the path of vnu.jar

const files = [];	// { file, label }
let dir;

function fileName(label, ext) {
	let n = label.replace(/^\//, '').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'root';
	while (files.some((f) => path.basename(f.file) === `${n}.${ext}`)) {
		n += '_';
	}
	return path.join(dir, `${n}.${ext}`);
}

function keep(label, text, ext = 'html') {
	const file = fileName(label, ext);
	fs.writeFileSync(file, text);
	files.push({ file, label });
}

/* GET p over plain HTTP (no cookies); keeps the body; checks the status. */
async function fetchPublic(p, want) {
	const r = await fetch(env.base + p, { redirect: 'manual' });
	const body = await r.text();
	if (r.status !== want) {
		check(false, `GET ${p} answers ${want}`, `got ${r.status}`);
	}
	keep(p, body, p.endsWith('.css') ? 'css' : 'html');
}

/* The admin pages, fetched with the browser context's cookies. */
async function adminPages(browser) {
	const ctx = await L.newContext(browser);
	const page = await ctx.newPage();
	const seen = new Set();
	const hook = (who) => async (kind, pg, resp) => {
		if (!resp || seen.has(kind)) {
			return;
		}
		seen.add(kind);
		const label = { login: '/admin/login', enrol: '/admin/2fa/enrol', 'enrol-done': '/admin/2fa/enrol (recovery codes)', '2fa': '/admin/2fa' }[kind];
		keep(`${label} ${who}`.replace(/ $/, ''), await resp.text());
	};

	// The login page with an error message (an unknown account: one failure).
	await step('admin login error page', async () => {
		await go(page, '/admin/login');
		await page.fill('#login', 'nobody.html@example.org');
		await page.fill('#password', 'not the password');
		const resp = await clickNav(page, page.locator('main form[action="/admin/login"] button[type=submit]'));
		keep('/admin/login (error)', await resp.text());
	});

	// A fresh account: its first login shows the enrolment and the recovery codes.
	await step('enrolment pages', async () => {
		const acct = L.createAccount(`html.${Date.now()}@labx.gov.pt`, 'Validador HTML', 'focal');
		const c2 = await L.newContext(browser);
		const p2 = await c2.newPage();
		const li = await L.login(p2, acct, { onPage: hook('') });
		check(li.path === '/admin/', `a fresh account (${acct.login}) logs in and enrols its second factor`, li.steps);
		await L.logout(p2).catch(() => {});
		await c2.close();
	});

	const li = await L.login(page, env.admin, { onPage: hook('') });
	if (!check(li.path === '/admin/', `admin: ${env.admin.login} logs in`, li.steps)) {
		await ctx.close();
		return;
	}
	const ids = await L.adminIds(page);
	const list = [...L.adminPages(ids), '/admin/users/1'];
	for (const p of list) {
		await step(`GET ${p}`, async () => {
			const r = await ctx.request.get(env.base + p, { maxRedirects: 0 });
			if (r.status() !== 200) {
				check(false, `GET ${p} answers 200 to the administrator`, `got ${r.status()}`);
			}
			keep(p, await r.text());
		});
	}
	await step('a form with validation errors', async () => {
		const ms = ids.pt0018ms && ids.pt0018ms[2] ? ids.pt0018ms[2].id : ids.milestones;
		await go(page, `/admin/milestones/${ms}`);
		const cur = await page.inputValue('#f-progress');
		await page.fill('#f-progress', cur === '40' ? '45' : '40');	// no evidence given
		await page.fill('#f-planned_start', '2024-13-45');	// not a date
		const resp = await clickNav(page, page.locator('main form.edit button[type=submit]'));
		check(resp.status() === 400, 'the milestone form with a bad date and no evidence answers 400',
			`got ${resp.status()} at ${pathOf(page)}`);
		keep(`/admin/milestones/${ms} (validation errors)`, await resp.text());
	});
	await L.logout(page).catch(() => {});
	await ctx.close();
	if (!seen.has('2fa')) {
		diag('note: the administrator enrolled at this login (run alone?): no /admin/2fa page was fetched');
	}
}

function runVnu(paths) {
	return new Promise((resolve) => {
		execFile('java', ['-jar', VNU, '--errors-only', '--format', 'json', '--skip-non-html',
			'--also-check-css', ...paths], { maxBuffer: 64 * 1024 * 1024 },
		(err, stdout, stderr) => resolve({ err, stdout, stderr }));
	});
}

/* vnu reports HTML lines one too low when --also-check-css is on: find the line that
 * holds the highlighted text, near the reported one. */
function realLine(lines, m) {
	const hl = (m.extract || '').substr(m.hiliteStart || 0, m.hiliteLength || 0).split('\n')[0];
	const l = m.lastLine || m.firstLine || 0;
	if (hl) {
		for (const c of [l, l + 1, l - 1]) {
			if (c >= 1 && c <= lines.length && lines[c - 1].includes(hl)) {
				return c;
			}
		}
	}
	return l;
}

L.main(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aberta-html-'));
	try {
		const ids = await L.discover();
		for (const lang of ['pt', 'en']) {
			for (const p of L.publicPages(lang, ids)) {
				await step(`GET ${p}`, () => fetchPublic(p, /no-such-page/.test(p) ? 404 : 200));
			}
		}
		await step('GET /static/style.css', () => fetchPublic('/static/style.css', 200));
		const browser = await L.launch();
		try {
			await step('admin pages', () => adminPages(browser));
		} finally {
			await browser.close();
		}

		const t0 = Date.now();
		const { err, stdout, stderr } = await runVnu(files.map((f) => f.file));
		let out;
		try {
			// vnu writes its JSON report to stderr.
			out = JSON.parse(stderr.trim() || stdout);
		} catch (e) {
			check(false, 'the Nu Html Checker ran and printed JSON',
				[`exit: ${err && err.code}`, stdout.slice(0, 500), stderr.slice(0, 1500)]);
			return;
		}
		diag(`vnu checked ${files.length} files in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
		fs.writeFileSync(path.join(env.artifacts, 'vnu-report.json'), JSON.stringify(out, null, 1));
		const byFile = new Map(files.map((f) => [f.file, []]));
		const general = [];
		for (const m of out.messages || []) {
			const f = m.url ? decodeURIComponent(m.url.replace(/^file:/, '')) : '';
			if (m.type !== 'error' && m.type !== 'non-document-error') {
				continue;
			}
			if (byFile.has(f)) {
				byFile.get(f).push(m);
			} else {
				general.push(`${m.url || '?'}: ${m.message}`);
			}
		}
		if (general.length) {
			check(false, 'the Nu Html Checker reported no errors outside the files', general);
		}
		const failDir = path.join(env.artifacts, 'html');
		fs.rmSync(failDir, { recursive: true, force: true });
		for (const { file, label } of files) {
			const ms = byFile.get(file);
			const lines = fs.readFileSync(file, 'utf8').split('\n');
			const det = ms.slice(0, 25).map((m) => {
				const ex = (m.extract || '').replace(/\s+/g, ' ').trim();
				return `${path.basename(file)}:${realLine(lines, m)}:${m.firstColumn || m.lastColumn || 0}: ${m.message}${ex ? `  [${ex}]` : ''}`;
			});
			if (ms.length > 25) {
				det.push(`... and ${ms.length - 25} more`);
			}
			if (ms.length) {
				fs.mkdirSync(failDir, { recursive: true });
				fs.copyFileSync(file, path.join(failDir, path.basename(file)));
			}
			check(ms.length === 0, `vnu ${label} (${path.basename(file)})`, det);
		}
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
});
