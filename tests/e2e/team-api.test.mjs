// The team-work functions of the JS API, as a coordinator's page calls them: cut two shares,
// fill them as the units would, merge them back with one planted conflict and resolve it;
// refuse a damaged file naming it; throw for an unknown unit; carry last year's evidence
// forward and settle it. The rules themselves are the vectors' (tests/vectors/merge-*.json).

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
  const set = await api.getSet('spbe-2020');
  const base = {
    setId: 'spbe-2020',
    setVersion: set.version,
    region: { name: 'Kabupaten Banjar', code: '6303', period: '2026', assessor: 'Koordinator SPBE' },
    units: [
      { id: 'bappeda', name: 'Bappeda' },
      { id: 'bkpsdm', name: 'BKPSDM' },
    ],
    assignments: { 'spbe-01': { unit: 'bappeda', target: 3, due: '2026-06-30' }, 'spbe-05': { unit: 'bkpsdm' } },
    answers: { 'spbe-01': { value: 2, notes: 'Perbup 12/2024' } },
  };
  const out = {};
  const cut = (unit) => JSON.parse(set.cutShare(base, unit, 'Koordinator SPBE', '2026-03-01T08:00:00Z')).content.assessment;
  const bappeda = cut('bappeda');
  out.bappedaIds = Object.keys(bappeda.answers);
  out.bappedaShare = { unit: bappeda.share.unit, assignedBy: bappeda.share.assignedBy };
  bappeda.answers['spbe-01'] = { value: 3, notes: 'Perbup 12/2024' };
  bappeda.updatedAt = '2026-03-05T09:00:00Z';
  const bkpsdm = cut('bkpsdm');
  bkpsdm.answers['spbe-05'] = 2;
  bkpsdm.answers['spbe-01'] = 5; // Bappeda's: the planted conflict
  bkpsdm.updatedAt = '2026-03-06T10:00:00Z';
  const files = [
    { name: 'bappeda.json', text: JSON.stringify(bappeda) },
    { name: 'bkpsdm.json', text: JSON.stringify(bkpsdm) },
  ];
  const merged = set.mergeShares(base, files, null, '2026-04-01T00:00:00Z');
  out.unresolved = merged.unresolved;
  out.conflict = merged.conflicts.map((c) => [c.indicator, c.reason, c.sides.map((s) => s.unit)]);
  out.kept = merged.result.answers['spbe-01'].value;
  out.taken = merged.result.changedBy['spbe-05'];
  const resolved = set.mergeShares(base, files, { 'spbe-01': 'bappeda' }, '2026-04-01T00:00:00Z');
  out.resolved = [resolved.unresolved, resolved.result.answers['spbe-01'].value, resolved.result.changedBy['spbe-01']];

  const damaged = set
    .cutShare(base, 'bkpsdm', 'Koordinator SPBE', '2026-03-01T08:00:00Z')
    .replace('"assignedBy":"Koordinator SPBE"', '"assignedBy":"Orang lain"');
  const refused = set.mergeShares(base, [{ name: 'rusak.json', text: damaged }], null, '2026-04-01T00:00:00Z');
  out.refused = refused.files.map((f) => [
    f.file,
    f.accepted,
    f.problems.map((p) => p.code),
    f.problems[0]?.message.en.includes('rusak.json'),
  ]);

  try {
    set.cutShare(base, 'inspektorat', 'Koordinator SPBE', '2026-03-01T08:00:00Z');
    out.unknownUnit = 'no error';
  } catch (err) {
    out.unknownUnit = String(err.message);
  }

  try {
    set.mergeShares({ ...base, setId: 'smart-city-evaluasi' }, files, null, '2026-04-01T00:00:00Z');
    out.otherSet = 'no error';
  } catch (err) {
    out.otherSet = String(err.message);
  }

  const progress = set.progress(resolved.result, '2026-07-01');
  out.progress = progress.units.map((u) => [u.unit ?? null, u.indicators, u.answered, u.overdue]);

  const last = {
    ...base,
    region: { ...base.region, period: '2025' },
    answers: { 'spbe-01': { value: 3, notes: 'SK 2025', links: ['https://jdih.example/1'] } },
  };
  const now = { ...base, answers: {} };
  const carried = set.carryForward(last, now);
  out.carried = [carried.carried, carried.assessment.answers['spbe-01'].notes, carried.assessment.carried['spbe-01']];
  const kept = set.settleCarried(carried.assessment, 'spbe-01', null, true);
  out.keep = [kept.answers['spbe-01'].notes, kept.carried ?? null];
  const dropped = set.settleCarried(carried.assessment, 'spbe-01', null, false);
  out.drop = [dropped.answers['spbe-01'] ?? null, dropped.carried ?? null];
  return out;
}

test('a coordinator cuts shares, merges them back, resolves a conflict, carries evidence forward', async () => {
  const { page, record, close } = await open(browser, server.url, 'embed.html');
  try {
    const out = await page.evaluate(story);
    assert.deepEqual(out.bappedaIds, ['spbe-01'], 'a share holds its unit’s indicators only');
    assert.deepEqual(out.bappedaShare, { unit: 'bappeda', assignedBy: 'Koordinator SPBE' });
    assert.equal(out.unresolved, 1);
    assert.deepEqual(out.conflict, [['spbe-01', 'outside-share', ['bappeda', 'bkpsdm']]]);
    assert.equal(out.kept, 2, 'nothing overwritten while unresolved');
    assert.deepEqual(out.taken, { unit: 'bkpsdm', at: '2026-03-06T10:00:00Z' });
    assert.deepEqual(out.resolved, [0, 3, { unit: 'bappeda', at: '2026-03-05T09:00:00Z' }]);
    assert.deepEqual(out.refused, [['rusak.json', false, ['integrity-mismatch'], true]]);
    assert.match(out.unknownUnit, /^swanilai: .*inspektorat/);
    assert.match(out.otherSet, /^swanilai: the base is an assessment of set `smart-city-evaluasi`, not `spbe-2020`: call this/);
    assert.deepEqual(out.progress, [
      ['bappeda', 1, 1, []],
      ['bkpsdm', 1, 1, []],
      [null, 45, 0, []],
    ]);
    assert.deepEqual(out.carried, [1, 'SK 2025', { from: '2025', notes: true }]);
    assert.deepEqual(out.keep, ['SK 2025', null]);
    assert.deepEqual(out.drop, [null, null]);
    assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
  } finally {
    await close();
  }
});
