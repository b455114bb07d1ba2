// The DCAT-AP catalogue /data/catalog.jsonld checked as a harvester would (issue 19):
// parsed as JSON-LD (its @context inline: nothing is fetched), then validated with
// rdf-validate-shacl against SEMIC's DCAT-AP 3.0.0 shapes (dcat-ap-3.0.0-SHACL.ttl, with
// their range checks: every object of a property typed as the shapes' sh:class wants),
// then read for what the shapes do not require but the catalogue promises: titles and
// descriptions in both languages, dates, the EU vocabularies, the API's data service, the
// licence of ABERTA_DATA_LICENSE (or none while it is unset), addresses that answer.
// Usage: node shacl.js BASE_URL DB_PATH BUILD_DIR (run by run.sh); prints TAP.
'use strict'

const path = require('path')
const { Readable } = require('stream')

const BASE = process.argv[2]
const SHAPES = path.join(__dirname, 'dcat-ap-3.0.0-SHACL.ttl')
const MAX_LISTED = 15 // violations listed on failure

let n = 0
let failed = 0
function check (ok, what, detail) {
  n++
  if (!ok) failed++
  console.log(`${ok ? 'ok' : 'not ok'} ${n} - ${what}`)
  if (!ok && detail) for (const l of String(detail).split('\n')) console.log(`#   ${l}`)
}

const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  dcatap: 'http://data.europa.eu/r5r/',
  xsd: 'http://www.w3.org/2001/XMLSchema#'
}
const EU = 'http://publications.europa.eu/resource/authority/'
const IANA = 'http://www.iana.org/assignments/media-types/'

// A short text for a term of a SHACL result.
function term (t) {
  if (!t) return '-'
  return t.termType === 'Literal' ? JSON.stringify(t.value) : t.value
}

// Parses the JSON-LD text into a dataset; a remote context is refused.
async function parse (rdf, text) {
  const documentLoader = {
    load: async (url) => { throw new Error(`the catalogue asks for a remote context: ${url}`) }
  }
  const quads = rdf.formats.parsers.import('application/ld+json', Readable.from([text]),
    { baseIRI: BASE + '/data/catalog.jsonld', documentLoader })
  return rdf.dataset().import(quads)
}

async function main () {
  const rdf = (await import('@zazuko/env-node')).default
  const SHACLValidator = (await import('rdf-validate-shacl')).default
  const nn = (ns, local) => rdf.namedNode(NS[ns] + local)
  const objects = (ds, s, ns, p) => [...ds.match(s, nn(ns, p), null)].map(q => q.object)
  const subjects = (ds, ns, cls) =>
    [...ds.match(null, nn('rdf', 'type'), nn(ns, cls))].map(q => q.subject)

  // 1. The answer.
  const res = await fetch(BASE + '/data/catalog.jsonld')
  const text = await res.text()
  let doc = null
  try { doc = JSON.parse(text) } catch (e) { }
  check(res.status === 200 && /^application\/ld\+json/.test(res.headers.get('content-type')) &&
    doc !== null && typeof doc['@context'] === 'object' && !Array.isArray(doc['@context']),
  'the catalogue answers 200 as application/ld+json with an inline @context',
  `${res.status} ${res.headers.get('content-type')}`)

  // 2. The triples.
  let data = null
  try { data = await parse(rdf, text) } catch (e) { check(false, 'the catalogue parses as JSON-LD', e.message) }
  if (data === null) return
  check(data.size > 0, `the catalogue parses as JSON-LD: ${data.size} triples`)

  // 3. The SHACL shapes.
  const shapes = await rdf.dataset().import(rdf.fromFile(SHAPES))
  const report = await new SHACLValidator(shapes, { factory: rdf }).validate(data)
  const violations = report.results.filter(r => r.severity && r.severity.value.endsWith('#Violation'))
  const listed = violations.slice(0, MAX_LISTED).map(r =>
    `${term(r.focusNode)} ${term(r.path)} = ${term(r.value)}: ` +
    `${r.message.map(m => m.value).join('; ') || term(r.sourceConstraintComponent)}`)
  check(violations.length === 0,
    `DCAT-AP 3.0.0 SHACL: ${violations.length} violations, ${report.results.length} results in ${data.size} triples`,
    listed.join('\n') + (violations.length > MAX_LISTED ? `\n... and ${violations.length - MAX_LISTED} more` : ''))

  // 4. Titles and descriptions: both languages, real words rather than the identifier.
  const datasets = subjects(data, 'dcat', 'Dataset')
  const bad = []
  for (const d of datasets) {
    const id = objects(data, d, 'dct', 'identifier').map(o => o.value)[0]
    for (const p of ['title', 'description']) {
      const byLang = {}
      for (const o of objects(data, d, 'dct', p)) byLang[o.language] = o.value
      if (!byLang.pt || !byLang.en || byLang.pt === id || byLang.en === id ||
          (p === 'title' && byLang.pt === byLang.en)) bad.push(`${d.value} dct:${p} ${JSON.stringify(byLang)}`)
    }
  }
  check(datasets.length > 0 && bad.length === 0,
    `each of the ${datasets.length} datasets has a title and a description in Portuguese and English, not its identifier`,
    bad.join('\n'))

  // 5. Dates from the data: issued not after modified, both typed.
  const badDates = []
  for (const d of datasets) {
    const issued = objects(data, d, 'dct', 'issued')
    const modified = objects(data, d, 'dct', 'modified')
    const typed = t => t.termType === 'Literal' && /#(date|dateTime)$/.test(t.datatype.value)
    if (issued.length !== 1 || modified.length !== 1 || !typed(issued[0]) || !typed(modified[0]) ||
        issued[0].value.slice(0, 10) > modified[0].value.slice(0, 10)) {
      badDates.push(`${d.value}: issued ${issued.map(term)} modified ${modified.map(term)}`)
    }
  }
  check(badDates.length === 0, 'each dataset has one dct:issued and one dct:modified, typed, issued not after modified',
    badDates.join('\n'))

  // 6. The EU vocabularies.
  const vocab = []
  const expect = (s, ns, p, re) => {
    const os = objects(data, s, ns, p)
    if (os.length === 0 || os.some(o => o.termType !== 'NamedNode' || !re.test(o.value))) {
      vocab.push(`${s.value} ${ns}:${p} ${os.map(term).join(', ') || '(none)'}`)
    }
  }
  const distributions = subjects(data, 'dcat', 'Distribution')
  for (const d of datasets) {
    expect(d, 'dcat', 'theme', new RegExp(`^${EU}data-theme/GOVE$`))
    expect(d, 'dct', 'language', new RegExp(`^${EU}language/(POR|ENG)$`))
    expect(d, 'dct', 'accrualPeriodicity', new RegExp(`^${EU}frequency/[A-Z_]+$`))
  }
  for (const d of distributions) {
    expect(d, 'dct', 'format', new RegExp(`^${EU}file-type/(CSV|JSON|XLSX)$`))
    expect(d, 'dcat', 'mediaType',
      new RegExp(`^${IANA}(text/csv|application/json|application/vnd\\.openxmlformats-officedocument\\.spreadsheetml\\.sheet)$`))
  }
  check(vocab.length === 0 && distributions.length >= 2 * datasets.length,
    `themes, languages, frequencies, file types (${distributions.length} distributions) and media types are the EU and IANA vocabularies' IRIs`,
    vocab.join('\n'))

  // 7. The JSON API as a data service described by the OpenAPI document.
  const services = subjects(data, 'dcat', 'DataService')
  const svc = services[0]
  const served = svc ? objects(data, svc, 'dcat', 'servesDataset').map(o => o.value) : []
  check(services.length === 1 &&
    objects(data, svc, 'dcat', 'endpointDescription').map(o => o.value).join() === BASE + '/data/openapi.json' &&
    objects(data, svc, 'dcat', 'endpointURL').length > 0 &&
    datasets.every(d => served.includes(d.value)) &&
    objects(data, null, 'dcat', 'service').some(o => o.equals(svc)),
  'one dcat:DataService, in the catalogue, serves every dataset, its endpointDescription BASE/data/openapi.json',
  `services ${services.map(term)}; serves ${served.length} of ${datasets.length}`)

  // 8. The licence: the deployment's setting, or none at all.
  const licence = process.env.ABERTA_DATA_LICENSE || ''
  const licences = [...data.match(null, nn('dct', 'license'), null)]
  check(licence === ''
    ? licences.length === 0
    : distributions.every(d => objects(data, d, 'dct', 'license').map(o => o.value).join() === licence),
  licence === '' ? 'ABERTA_DATA_LICENSE unset: no dct:license anywhere' : `every distribution has the licence ${licence}`,
  licences.slice(0, 5).map(q => `${q.subject.value} ${q.object.value}`).join('\n'))

  // 9. Every download and landing address answers.
  const urls = new Set()
  for (const d of distributions) for (const o of objects(data, d, 'dcat', 'downloadURL')) urls.add(o.value)
  for (const d of datasets) for (const o of objects(data, d, 'dcat', 'landingPage')) urls.add(o.value.replace(/#.*/, ''))
  const broken = []
  for (const u of urls) {
    if (!u.startsWith(BASE + '/')) { broken.push(`${u}: not under ${BASE}`); continue }
    const r = await fetch(u)
    await r.arrayBuffer()
    if (r.status !== 200) broken.push(`${u}: ${r.status}`)
  }
  check(urls.size > 0 && broken.length === 0, `the ${urls.size} download and landing addresses answer 200`, broken.join('\n'))

  // 10. A landing page is the dataset's own section of the dictionary, in each language.
  const pages = {}
  const missing = []
  for (const d of datasets) {
    for (const o of objects(data, d, 'dcat', 'landingPage')) {
      const [page, frag] = o.value.split('#')
      if (!(page in pages)) pages[page] = await (await fetch(page)).text()
      if (!frag || !pages[page].includes(`id="${frag}"`)) missing.push(o.value)
    }
  }
  check(Object.keys(pages).length === 2 && missing.length === 0,
    `the landing pages are the datasets' sections of ${Object.keys(pages).join(' and ')}`, missing.join('\n'))
}

main().catch(e => check(false, 'the check ran to its end', e.stack)).finally(() => {
  console.log(`1..${n}`)
  process.exitCode = failed ? 1 : 0
})
