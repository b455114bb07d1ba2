// The OpenAPI description (/data/openapi.json) against the real answers of the seed
// site: every operation of the document is asked for (each listing with a few of its
// filters, both languages), each JSON answer is validated against its schema with ajv
// (JSON Schema 2020-12, ajv-formats), each CSV's header and typed cells against its
// x-row-schema, each spreadsheet's type and signature; and every route of
// cgi-src/http/routes.c that answers JSON (a data handler, or a JSON body) is described.
// Usage: node openapi.js BASE_URL DB_PATH BUILD_DIR (tests/opendata/run.sh).  TAP out.
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv2020 = require('ajv/dist/2020');
const addFormats = require('ajv-formats');

const BASE = process.argv[2];
const ROOT = path.resolve(__dirname, '..', '..');
let count = 0;
let failed = 0;
let asked = 0;

function ok(cond, name, detail) {
	count++;
	if (!cond) failed++;
	console.log(`${cond ? 'ok' : 'not ok'} ${count} - ${name}`);
	if (!cond && detail) console.log('# ' + String(detail).split('\n').slice(0, 12).join('\n# '));
}

async function get(p, accept) {
	asked++;
	const r = await fetch(BASE + p, { headers: accept ? { Accept: accept } : {}, redirect: 'manual' });
	const body = Buffer.from(await r.arrayBuffer());
	return { status: r.status, ctype: (r.headers.get('content-type') || '').split(';')[0].trim(), body };
}

// RFC 4180: rows of fields.
function parseCsv(text) {
	const rows = [];
	let row = [], f = '', q = false, i = 0;
	for (; i < text.length; i++) {
		const ch = text[i];
		if (q) {
			if (ch === '"' && text[i + 1] === '"') { f += '"'; i++; } else if (ch === '"') q = false; else f += ch;
		} else if (ch === '"') q = true;
		else if (ch === ',') { row.push(f); f = ''; }
		else if (ch === '\r' && text[i + 1] === '\n') { row.push(f); rows.push(row); row = []; f = ''; i++; }
		else f += ch;
	}
	if (f !== '' || row.length) { row.push(f); rows.push(row); }
	return rows;
}

// The JSON value of a CSV cell as the property's schema types it (export.h).
function cell(v, s) {
	const types = [].concat(s.type || []);
	if (s.type === 'array') return v === '' ? [] : v.split('; ');
	if (v === '') return null;
	if (v[0] === "'" && /^'[=+\-@]/.test(v)) v = v.slice(1); // a formula kept as text
	if (types.includes('integer')) return /^-?[0-9]+$/.test(v) ? Number(v) : v;
	if (types.includes('boolean')) return v === 'true' ? true : v === 'false' ? false : v;
	return v;
}

const isObjects = (s) => s.type === 'array' && s.items && s.items.$ref;

async function main() {
	const r = await get('/data/openapi.json');
	ok(r.status === 200 && r.ctype === 'application/json', '/data/openapi.json answers JSON', r.status + ' ' + r.ctype);
	const doc = JSON.parse(r.body.toString());
	ok(doc.openapi === '3.1.0' && doc.paths && doc.components, 'an OpenAPI 3.1.0 document');

	// The schemas, under $defs of one schema so that their references resolve.
	const text = JSON.stringify(doc.components.schemas).replace(/#\/components\/schemas\//g, 'https://aberta.invalid/openapi#/$defs/');
	const defs = JSON.parse(text);
	const ajv = new Ajv2020({ strict: true, allErrors: true });
	addFormats(ajv);
	let compiled = true, err = '';
	try {
		ajv.addSchema({ $id: 'https://aberta.invalid/openapi', $defs: defs });
		for (const k of Object.keys(defs)) ajv.getSchema('https://aberta.invalid/openapi#/$defs/' + k);
	} catch (e) { compiled = false; err = e.message; }
	ok(compiled, `every schema compiles in strict mode (${Object.keys(defs).length} schemas)`, err);
	const validator = (ref) => ajv.getSchema(ref.replace('#/components/schemas/', 'https://aberta.invalid/openapi#/$defs/'));
	const schemaOf = (ref) => doc.components.schemas[ref.replace('#/components/schemas/', '')];

	// Every reference of the document resolves.
	const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) || [];
	const bad = refs.map((x) => x.slice(8, -1)).filter((x) => {
		const m = /^#\/components\/(schemas|parameters)\/(.+)$/.exec(x);
		return !m || !doc.components[m[1]][m[2]];
	});
	ok(bad.length === 0, `every $ref resolves (${refs.length})`, bad.join(', '));

	// Sample values of the path parameters, from the bulk tables.
	const bulk = async (n) => JSON.parse((await get(`/data/${n}.json`)).body.toString()).records;
	const plans = await bulk('plans');
	const sample = {
		plan_number: plans[0].plan_number,
		ogp_id: (await bulk('commitments'))[0].ogp_id,
		slug: (await bulk('entities')).find((e) => e.is_member).slug,
		event_id: (await bulk('events'))[0].event_id,
		consultation_id: (await bulk('consultations'))[0].consultation_id,
	};
	for (const p of plans) {
		const m = /\/as-of\/([0-9]{4}-[0-9]{2}-[0-9]{2})/.exec((await get(`/en/plans/${p.plan_number}`)).body.toString());
		if (m) { sample.snapshot_as_of = m[1]; sample.snap_plan = p.plan_number; break; }
	}
	const snap = sample.snapshot_as_of !== undefined;
	ok(true, `a plan snapshot to ask for${snap ? ': ' + sample.snapshot_as_of : ' # SKIP the seed has none: its addresses are not asked'}`);
	// The queries asked of the operations that take them.
	const queries = {
		'/{lang}/search': ['q=dados', 'q=transpar%C3%AAncia&plan=' + sample.plan_number, 'q=plano&value=access_to_information', 'q=%21%21', ''],
		'/{lang}/commitments': ['', 'plan=' + sample.plan_number + '&sort=progress', 'q=dados', 'status=complete&sort=end', 'late=overdue'],
	};

	// Every operation, every format.
	let ops = 0, validated = 0;
	const failures = [];
	const csvRows = {};
	for (const [tpl, item] of Object.entries(doc.paths)) {
		const op = item.get;
		ops++;
		if (tpl.includes('{snapshot_as_of}') && !snap) continue;
		const base = tpl.replace(/\.(json|csv|xlsx|jsonld)$/, '');
		const qs = queries[base] || [''];
		const langs = tpl.includes('{lang}') ? ['pt', 'en'] : [''];
		for (const lang of langs) for (const q of qs) {
			let p = tpl.replace('{lang}', lang).replace(/\{(\w+)\}/g, (m, n) => sample[n]);
			if (tpl.includes('{snapshot_as_of}')) p = p.replace(/plans\/[0-9]+/, 'plans/' + sample.snap_plan);
			if (q) p += '?' + q;
			const content = op.responses['200'].content;
			const plain = Object.keys(content).length > 1;
			for (const [ctype, media] of Object.entries(content)) {
				if (ctype === 'text/html') continue;
				const a = await get(p, plain ? ctype : undefined);
				const where = `${p}${plain ? ' (Accept ' + ctype + ')' : ''}`;
				if (a.status !== 200 || a.ctype !== ctype) { failures.push(`${where}: ${a.status} ${a.ctype}`); continue; }
				const e = check(a, ctype, media, validator, schemaOf);
				if (e) failures.push(`${where}: ${e}`);
				else validated++;
				if (ctype === 'text/csv') csvRows[where] = parseCsv(a.body.toString()).length - 1;
				if (ctype === 'application/json' && !plain && JSON.parse(a.body).records) csvRows[where.replace('.json', '.json')] = JSON.parse(a.body).records.length;
			}
			if (Object.keys(content).includes('text/html')) {
				const h = await get(p);
				if (h.ctype !== 'text/html') failures.push(`${p} without Accept: ${h.ctype}`);
			}
		}
	}
	ok(failures.length === 0, `${ops} paths described, ${validated} answers valid against their schemas (${asked} requests)`, failures.join('\n'));

	// A listing's CSV has as many rows as its JSON records.
	const diff = Object.keys(csvRows).filter((k) => k.includes('.json')).filter((k) => {
		const c = k.replace('.json', '.csv');
		return c in csvRows && csvRows[c] !== csvRows[k];
	});
	ok(diff.length === 0, 'every listing has as many CSV rows as JSON records', diff.join('\n'));

	// The search finds and the parameters it takes are described.
	const s = JSON.parse((await get('/en/search.json?q=dados')).body.toString());
	ok(s.dataset === 'search_result' && s.records.length > 0 && s.records[0].rank === 1, 'search.json?q=dados finds records, ranked from 1');
	const names = doc.paths['/{lang}/search'].get.parameters.map((x) => x.$ref.split('/').pop());
	ok(['lang', 'q', 'plan', 'status', 'lead', 'value', 'area', 'late', 'page'].every((n) => names.includes(n)), 'the search\'s parameters are described', names.join(' '));
	const bad400 = await get('/en/search.json?q=' + 'a%20'.repeat(13));
	ok(bad400.status === 400, 'a search of too many words answers 400 in JSON too', bad400.status);

	await routes(doc, sample);
	console.log(`1..${count}`);
	process.exit(failed ? 1 : 0);
}

// The answer a against its media type: JSON against its schema, CSV's header against
// the row schema's fields (but the JSON-only lists of records) and its typed cells
// against the row schema, a spreadsheet a ZIP archive.  Returns an error or ''.
function check(a, ctype, media, validator, schemaOf) {
	if (ctype.endsWith('json')) {
		let v;
		try { v = JSON.parse(a.body.toString()); } catch (e) { return 'not JSON: ' + e.message; }
		if (!media.schema.$ref) return media.schema.type === 'object' && typeof v === 'object' ? '' : 'not an object';
		const fn = validator(media.schema.$ref);
		return fn(v) ? '' : JSON.stringify(fn.errors.slice(0, 3));
	}
	if (ctype === 'text/csv') {
		const row = schemaOf(media['x-row-schema'].$ref);
		const cols = Object.keys(row.properties).filter((k) => !isObjects(row.properties[k]));
		const rows = parseCsv(a.body.toString());
		if (rows[0].join(',') !== cols.join(',')) return `header ${rows[0].join(',')} is not ${cols.join(',')}`;
		const props = {};
		for (const k of cols) props[k] = row.properties[k];
		const fn = new Ajv2020({ strict: true, allErrors: true });
		addFormats(fn);
		const v = fn.compile({ type: 'object', properties: props, required: cols, additionalProperties: false });
		for (const r of rows.slice(1)) {
			const o = {};
			cols.forEach((k, i) => { o[k] = cell(r[i], props[k]); });
			if (!v(o)) return JSON.stringify(v.errors.slice(0, 3));
		}
		return '';
	}
	return a.body.slice(0, 2).toString() === 'PK' ? '' : 'not a ZIP archive';
}

// Every route of routes.c with a data handler, and every public GET route whose answer
// (asked with sample values) is JSON, has its address among the document's paths.
async function routes(doc, sample) {
	const args = { ':int': sample.plan_number, ':ogpid': sample.ogp_id, ':slug': sample.slug, ':date': sample.snapshot_as_of, ':file': 'plans.json' };
	const src = fs.readFileSync(path.join(ROOT, 'cgi-src/http/routes.c'), 'utf8').replace(/\s+/g, ' ');
	const table = src.slice(src.indexOf('routes[] = {'), src.indexOf('};', src.indexOf('routes[] = {')));
	const re = /\{ "(\/[^"]*)", ([^,]+), (\w+), (\w+),/g;
	const paths = Object.keys(doc.paths);
	const missing = [];
	let data = 0, json = 0, m;
	while ((m = re.exec(table)) !== null) {
		const [, pattern, , fn, dh] = m;
		const rx = new RegExp('^' + pattern.replace(/\./g, '\\.').replace(':lang', '\\{lang\\}').replace(/:\w+/g, '[^/]+') + '(\\.json)?$');
		const described = paths.some((p) => rx.test(p));
		if (dh !== 'NULL') {
			data++;
			if (!described) missing.push(`${pattern} (${dh})`);
		} else if (/\bG\b|GP/.test(m[2]) && !pattern.startsWith('/admin') && !/:sha|:token/.test(pattern)) {
			const a = await get(pattern.replace(':lang', 'en').replace(/:\w+/g, (t) => args[t]));
			if (a.status === 200 && /json/.test(a.ctype)) {
				json++;
				if (!described) missing.push(`${pattern} (${fn}: ${a.ctype})`);
			}
		}
	}
	ok(data > 0 && missing.length === 0, `every JSON route of routes.c is described (${data} with a data handler, ${json} more with a JSON body)`, missing.join('\n'));
}

main().catch((e) => { ok(false, 'the checks ran', e.stack); console.log(`1..${count}`); process.exit(1); });
