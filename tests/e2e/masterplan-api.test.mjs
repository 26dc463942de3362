// The smart city masterplan through the JS API, as an official's page calls it: ten programs
// across three pillars imported from a CSV (one bad row listed by its row), Outcome answered
// for each, three survey files aggregated into an Impact answer (one altered file refused by
// name), then the achievement index and the pillar indices. The rules are the engine's
// (tests/programs_csv.rs, tests/survey.rs, the masterplan vectors).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startServer, WWW_ROOT } from './helpers.mjs';
import { open } from './reliability-helpers.mjs';

let server;
let browser;

before(async () => {
  server = await startServer({ root: WWW_ROOT, port: 0 });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs in the page. */
async function story() {
  const api = await import('./pkg/index.js');
  await api.default();
  const set = await api.getSet('smart-city-evaluasi');
  const csv = [
    'pilar;subdimensi;program;opd;quick_win;survei',
    'Smart Governance;Pelayanan publik;Pionirs;Disdukcapil;ya;ya',
    'Smart Governance;Pelayanan publik;Mal Pelayanan Publik;DPMPTSP;;ya',
    'Smart Governance;Manajemen birokrasi;E-office;Diskominfo;;',
    'Smart Governance;Kebijakan publik;Portal JDIH;Bagian Hukum;;',
    'Smart Economy;Ekosistem transaksi keuangan;Pasar QRIS;Disperindag;ya;',
    'Smart Economy;Kesejahteraan rakyat;Data bansos;Dinsos;;',
    'Smart Economy;Ekosistem industri;Klinik IKM;Disperindag;;',
    'Smart Society;Sistem keamanan masyarakat;Layanan 112;Diskominfo;ya;',
    'Smart Society;Ekosistem belajar;Perpustakaan digital;Dispusip;;',
    'Smart Society;Interaksi masyarakat;Forum warga daring;Kesbangpol;;',
    'Smart Galaxy;Pelayanan publik;Roket;;;',
  ].join('\n');
  const region = { name: 'Kota Contoh', code: '3571', period: '2026', assessor: 'Bappeda' };
  const out = {};
  const imported = set.importPrograms({ setId: set.id, setVersion: set.version, region, answers: {} }, csv);
  out.imported = imported.imported;
  out.rows = imported.problems.map((p) => [p.row, p.column, p.code]);
  const a = imported.assessment;
  for (const p of a.masterplan.programs) a.answers[`oc-${p.id}`] = { value: 4 };
  a.answers['qw-gov-pionirs'] = { value: 5 };
  out.expanded = set.expandedSet(a).groups.map((g) => [g.id, (g.children ?? []).map((c) => c.id)]);

  const form = set.surveyForm(a, 'layanan-publik');
  out.form = [form.id, form.groups.map((g) => g.id)];
  const formSet = api.loadSet(form);
  const respondent = (level) => {
    const r = { setId: form.id, setVersion: form.version, region, answers: {} };
    for (const g of form.groups) for (const i of g.indicators) r.answers[i.id] = level;
    return formSet.exportJson(r, '2026-09-01T08:00:00Z');
  };
  const files = [
    { name: 'r1.json', text: respondent(4) },
    { name: 'r2.json', text: respondent(3) },
    { name: 'r3.json', text: respondent(5).replace('Bappeda', 'Orang lain') }, // altered after export
  ];
  const agg = set.aggregateSurvey(a, 'layanan-publik', files);
  out.aggregation = [agg.aggregation.value, agg.aggregation.respondents, agg.aggregation.files.map((f) => f.accepted)];
  out.refused = agg.aggregation.problems.map((p) => [p.code, p.message.en.includes('r3.json')]);
  const report = set.score(agg.assessment);
  out.overall = report.overall.value;
  out.dimensions = report.groups.filter((g) => g.depth === 1).map((g) => [g.id, g.score.value]);
  out.pillars = report.tags.map((t) => [t.tag, t.score.value]);
  try {
    set.importPrograms(a, 'pilar;program\nX;Y');
    out.noColumns = 'no error';
  } catch (err) {
    out.noColumns = String(err.message);
  }
  return out;
}

test('ten programs from a CSV, Outcome answered, survey files aggregated: the indices', async () => {
  const { page, record, close } = await open(browser, server.url, 'embed.html');
  try {
    const out = await page.evaluate(story);
    assert.equal(out.imported, 10);
    assert.deepEqual(out.rows, [[12, 'pilar', 'unknown-pillar']]);
    assert.deepEqual(out.expanded, [
      ['baseline', []],
      ['output', ['out-kebijakan', 'out-kelembagaan', 'out-anggaran']],
      ['outcome', ['outcome.governance', 'outcome.economy', 'outcome.society']],
      ['impact', ['impact.governance']],
      ['quick-win', ['quick-win.governance', 'quick-win.economy', 'quick-win.society']],
    ]);
    assert.deepEqual(out.form, ['smart-city-evaluasi.survei.layanan-publik', ['gov-pionirs', 'gov-mal-pelayanan-publik']]);
    assert.deepEqual(out.aggregation, [3.5, 2, [true, true, false]]);
    assert.deepEqual(out.refused, [
      ['file-refused', true],
      ['few-respondents', false],
    ]);
    // Baseline and Output unanswered (0); Outcome 4; Impact 3.5; Quick Win: governance 5,
    // economy 0, society 0 -> 5/3. Index = (30*4 + 20*3.5 + 20*5/3) / 100.
    assert.ok(Math.abs(out.overall - (30 * 4 + 20 * 3.5 + (20 * 5) / 3) / 100) < 1e-12, String(out.overall));
    assert.deepEqual(
      out.dimensions.map(([id]) => id),
      ['baseline', 'output', 'outcome', 'impact', 'quick-win'],
    );
    assert.deepEqual(out.pillars, [['governance', 3.5]]);
    assert.match(out.noColumns, /^swanilai: .*subdimensi/);
    assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
  } finally {
    await close();
  }
});
