// Export and import: the JSON and CSV downloads happen and say what the screen says; last
// year's export, imported, fills the compare panel with deltas; a file edited after export is
// flagged; importing asks before it replaces anything.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertAnswersShown,
  assertClean,
  card,
  chooseFile,
  download,
  enterAnswers,
  entryValues,
  engineScore,
  formatDelta,
  formatNumber,
  indicatorsOf,
  launchBrowser,
  openTab,
  openWidget,
  readSet,
  savedDoc,
  saveKey,
  startServer,
  storageKeys,
  swn,
  waitForSaved,
  waitForSwn,
  waitReady,
  widgetAssessment,
  WWW_ROOT,
} from './helpers.mjs';
import { assertNoFormula, csvNumber, readCsvReport } from './csv-helpers.mjs';

let server;
let browser;
let set;

before(async () => {
  server = await startServer({ root: WWW_ROOT, port: 0 });
  browser = await launchBrowser();
  set = await readSet('gm100sc-kesiapan');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const REGION = { name: 'Kabupaten Banjar', code: '63.03', period: '2026', assessor: 'Siti Rahmawati' };

// This year's answers (helpers: enterAnswers), one of every kind the set has.
const NOW = [
  {
    tab: 0,
    id: 'str-sdm-01',
    pick: '4',
    value: 4,
    notes: 'RPJMD 2021–2026, misi ke-3',
    links: ['https://banjarkab.go.id/rpjmd', 'https://jdih.banjarkab.go.id/perbup-12'],
  },
  { tab: 0, id: 'str-ang-01', num: '0,8', value: 0.8 },
  { tab: 0, id: 'str-ang-04', select: 'sedang', value: 'sedang', notes: 'Peta kapasitas fiskal, "PMK 84/2023"' },
  { tab: 0, id: 'str-tk-02', num: '3,5', value: 3.5, notes: "ok,=cmd|' /C calc'!A0,\n@SUM(1+1)" },
  { tab: 1, id: 'inf-fis-03', num: '62,5', value: 62.5 },
  { tab: 2, id: 'sup-kel-01', pick: 'true', value: true, notes: 'SK Bupati 188.45/2025' },
  { tab: 2, id: 'sup-kel-02', pick: 'false', value: false },
];

// Last year's: the same indicators, answered lower.
const LAST_YEAR = [
  { tab: 0, id: 'str-sdm-01', pick: '2', value: 2 },
  { tab: 0, id: 'str-ang-01', num: '0,3', value: 0.3 },
  { tab: 0, id: 'str-ang-04', select: 'rendah', value: 'rendah' },
  { tab: 0, id: 'str-tk-02', num: '1,5', value: 1.5 },
  { tab: 1, id: 'inf-fis-03', num: '40', value: 40 },
  { tab: 2, id: 'sup-kel-01', pick: 'false', value: false },
  { tab: 2, id: 'sup-kel-02', pick: 'false', value: false },
];

test('JSON and CSV exports download and match the screen', { timeout: 90_000 }, async () => {
  const want = await engineScore(set, entryValues(NOW));
  const { page, record, close } = await openWidget(browser, `${server.url}index.html`);
  try {
    await enterAnswers(page, REGION, NOW);
    await waitForSwn(page, 'overall', want.text('id'));
    const overall = await swn(page, 'overall');
    const predicate = await swn(page, 'predicate');
    const inds = indicatorsOf(set);

    // What the screen says per answered indicator: its score line and its answer's label.
    const screen = {};
    for (const e of NOW) {
      await openTab(page, e.tab);
      const c = card(page, e.id);
      const i = inds.findIndex((x) => x.id === e.id);
      const scoreLine = (await c.locator(`[data-score="${i}"]`).innerText()).trim();
      let answer;
      if (e.pick !== undefined) answer = (await c.locator('label:has(input:checked) .swn-opt-title').innerText()).trim();
      if (e.select !== undefined) answer = (await c.locator('select option:checked').innerText()).trim();
      if (e.num !== undefined) {
        const unit = (await c.locator('.swn-unit').innerText()).trim();
        answer =
          inds[i].answer.kind === 'score' ? scoreLine.replace(/^Skor: /, '') : `${e.num}${unit === '%' || !unit ? unit : ` ${unit}`}`;
      }
      screen[e.id] = { i, score: scoreLine.replace(/^Skor: /, ''), answer };
    }

    // JSON: assessment + report + SHA-256.
    const json = await download(page, page.locator('[data-act="export-json"]'));
    assert.equal(json.filename, 'gm100sc-kesiapan-kabupaten-banjar-2026.json');
    const doc = JSON.parse(json.text);
    assert.equal(doc.format, 'swanilai-export/1');
    assert.match(doc.sha256, /^[0-9a-f]{64}$/);
    const { assessment, report } = doc.content;
    assert.equal(formatNumber(report.overall.shown, 2, 'id'), overall, 'overall score in the JSON = on screen');
    assert.equal(report.overall.predicate.label.id, predicate, 'predicate in the JSON = on screen');
    assert.deepEqual(assessment.region, REGION);
    assert.equal(assessment.setId, set.id);
    assert.equal(assessment.setVersion, set.version);
    for (const e of NOW) {
      assert.deepEqual(assessment.answers[e.id].value, e.value, `${e.id} in the JSON`);
      assert.equal(assessment.answers[e.id].notes ?? '', e.notes ?? '', `${e.id} notes in the JSON`);
      const row = report.indicators[screen[e.id].i];
      assert.equal(row.id, e.id);
      assert.equal(formatNumber(row.score.shown, 2, 'id'), screen[e.id].score, `${e.id} score in the JSON = on screen`);
    }

    // CSV: a report read back by csv-parse. In Indonesian it is separated by `;` with decimal
    // commas, as Excel with Indonesian regional settings reads it: the particulars, one row
    // per indicator in the set's order, then the summary; numbers as numbers.
    const csv = await download(page, page.locator('[data-act="export-csv"]'));
    assert.equal(csv.filename, 'gm100sc-kesiapan-kabupaten-banjar-2026.csv');
    // The set's own words (terms) name the group column, the evidence columns and the index.
    const group = set.terms?.group?.id ?? 'Kelompok';
    const evidence = (set.terms?.evidence?.id ?? 'Bukti').replace(/^[A-Z]/, (c) => c.toLowerCase());
    assertNoFormula(csv.text);
    const rep = readCsvReport(csv.text, 'id');
    assert.equal(rep.particulars['Id set'], set.id);
    assert.equal(rep.particulars['Versi set'], set.version);
    assert.equal(rep.particulars['Set indikator'], set.title.id ?? set.title);
    assert.deepEqual(
      [rep.particulars.Wilayah, rep.particulars['Kode wilayah'], rep.particulars.Periode, rep.particulars.Penilai],
      [REGION.name, REGION.code, REGION.period, REGION.assessor],
    );
    assert.ok(Math.abs(Date.parse(rep.particulars['Waktu ekspor']) - Date.now()) < 120_000, 'the export time');
    assert.deepEqual(Object.keys(rep.indicators[0]), [
      'No.',
      group,
      'Id indikator',
      'Indikator',
      'Jawaban',
      'Nilai jawaban',
      'Satuan',
      'Skor',
      'Bobot (%)',
      `Catatan ${evidence}`,
      `Tautan ${evidence}`,
    ]);
    assert.deepEqual(
      rep.indicators.map((r) => r['Id indikator']),
      inds.map((x) => x.id),
    );
    assert.deepEqual(
      rep.indicators.map((r) => csvNumber(r['No.'], 'id')),
      inds.map((_, k) => k + 1),
    );
    for (const e of NOW) {
      const r = rep.indicators[screen[e.id].i];
      const ind = inds[screen[e.id].i];
      assert.equal(r.Indikator, ind.title.id);
      assert.equal(r.Skor, screen[e.id].score, `${e.id}: score in the CSV = on screen`);
      if (e.num !== undefined) {
        assert.equal(csvNumber(r['Nilai jawaban'], 'id'), e.value, `${e.id}: the answer as a number`);
        assert.ok(screen[e.id].answer.startsWith(r['Nilai jawaban']), `${e.id}: the number on screen`);
        const unit = ind.answer.kind === 'percent' ? '%' : (ind.answer.unit?.id ?? '');
        assert.equal(r.Satuan, unit, `${e.id}: the unit in its own column`);
      } else if (typeof e.value === 'number') {
        // A level: its number, and its label in words.
        assert.equal(csvNumber(r['Nilai jawaban'], 'id'), e.value, `${e.id}: the level as a number`);
        assert.ok(r.Jawaban !== '' && screen[e.id].answer.endsWith(r.Jawaban), `${e.id}: the level's label`);
      } else {
        assert.equal(r['Nilai jawaban'], '');
        assert.equal(r.Jawaban, screen[e.id].answer, `${e.id}: answer in the CSV = on screen`);
      }
      assert.equal(r[`Catatan ${evidence}`].replaceAll("'", ''), (e.notes ?? '').replaceAll("'", ''), `${e.id}: notes`);
      assert.equal(r[`Tautan ${evidence}`], (e.links ?? []).join('\n'), `${e.id}: links, one per line`);
    }
    const weights = rep.indicators.reduce((s, r) => s + csvNumber(r['Bobot (%)'], 'id'), 0);
    assert.ok(Math.abs(weights - 100) < 0.5, `weights add up to 100%, got ${weights}`);
    const unanswered = rep.indicators.filter((r) => !NOW.some((e) => e.id === r['Id indikator']));
    assert.ok(
      unanswered.every((r) => r.Jawaban === '' && r['Nilai jawaban'] === '' && r.Skor === '0,00'),
      'unanswered rows: no answer, score 0,00',
    );
    // The summary: a row per group, then the whole, with its predicate and score as on screen.
    assert.equal(rep.summary.length, report.groups.length + 1);
    assert.deepEqual(
      rep.summary.slice(0, -1).map((r) => r['Id kelompok']),
      report.groups.map((g) => g.id),
    );
    const whole = rep.summary.at(-1);
    assert.equal(whole[group], set.terms?.index?.id ?? 'Nilai keseluruhan');
    assert.equal(whole.Predikat, report.overall.predicate.label.id);
    assert.equal(whole.Skor, overall);
    assert.equal(csvNumber(whole['Indikator terjawab'], 'id'), NOW.length);
    assert.equal(csvNumber(whole['Jumlah indikator'], 'id'), inds.length);

    // The exported file is intact when opened. Missing evidence is listed as worth checking
    // (not as a problem of the file), under the indicator's number and title.
    await chooseFile(page, 'import', json.filename, json.text);
    await page.locator('[data-swn="import"] [data-integrity="intact"]').waitFor();
    const own = await page.locator('[data-swn="import"]').innerText();
    assert.match(own, /Perlu diperiksa/);
    assert.doesNotMatch(own, /Masalah pada berkas|answers\./);
    // Named by number and title, never by its id in backticks (issue 20).
    assert.match(own, /\nindikator “\d+\. [^”\n]+” wajib disertai bukti/);
    assert.doesNotMatch(own, /`/);
    assert.match(await page.locator('[data-swn="status"]').textContent(), /^Sidik SHA-256 cocok: berkas utuh\. Perlu diperiksa: \d+\.$/);
    await page.locator('[data-act="import-cancel"]').click();
    assertClean(record);
  } finally {
    await close();
  }
});

test("importing last year's export shows the change per group and overall", { timeout: 90_000 }, async () => {
  const last = await engineScore(set, entryValues(LAST_YEAR));
  const now = await engineScore(set, entryValues(NOW));
  const { page, record, close } = await openWidget(browser, `${server.url}index.html`);
  try {
    // Last year's file: answer, export, then answer this year over it.
    await enterAnswers(page, { ...REGION, period: '2025' }, LAST_YEAR);
    await waitForSwn(page, 'overall', last.text('id'));
    const file = await download(page, page.locator('[data-act="export-json"]'));
    assert.equal(file.filename, 'gm100sc-kesiapan-kabupaten-banjar-2025.json');
    await enterAnswers(page, REGION, NOW);
    await waitForSwn(page, 'overall', now.text('id'));

    assert.match(await swn(page, 'compare'), /Impor berkas ekspor tahun lalu/, 'the panel explains itself before');
    await chooseFile(page, 'import-prev', file.filename, file.text);
    await page.locator('[data-swn="compare"] table').waitFor();
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('[data-swn="compare"]').isVisible(), true, 'the comparison prints');
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.locator('[data-swn="import"] [data-integrity="intact"]').count(), 1);
    assert.equal(
      await page.locator('[data-swn="import"] .swn-notice-head').innerText(),
      'Impor tahun lalu: gm100sc-kesiapan-kabupaten-banjar-2025.json',
      'the notice names the file and what it was opened for',
    );

    const delta = formatDelta(now.shown - last.shown, 2, 'id');
    assert.equal(await swn(page, 'delta'), delta, 'overall change');
    assert.ok(delta.startsWith('+'), `this year is better: ${delta}`);
    const table = await page
      .locator('[data-swn="compare"] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
    assert.deepEqual(table[0], [set.terms?.index?.id ?? 'Nilai keseluruhan', last.text('id'), now.text('id'), delta]);
    const groups = now.groups.map((g, k) => [
      g.title.id,
      formatNumber(last.groups[k].shown, 2, 'id'),
      formatNumber(g.shown, 2, 'id'),
      formatDelta(g.shown - last.groups[k].shown, 2, 'id'),
    ]);
    assert.deepEqual(table.slice(1), groups, 'one row per group: last year, now, change');
    assert.ok(groups.filter((g) => g[3].startsWith('+')).length >= 3, 'several groups moved');

    // Comparing replaces nothing.
    assert.deepEqual((await widgetAssessment(page)).region, REGION);
    assert.equal(await swn(page, 'overall'), now.text('id'));

    // Last year's file is kept for the next session: after a reload the comparison is there.
    await page.reload({ waitUntil: 'load' });
    await waitReady(page, record);
    await page.locator('[data-swn="compare"] table').waitFor();
    assert.equal(await swn(page, 'delta'), delta, 'the same comparison after a reload');
    assertClean(record);
  } finally {
    await close();
  }
});

test('a file changed after export is flagged, whether imported or compared', { timeout: 90_000 }, async () => {
  const { page, record, close } = await openWidget(browser, `${server.url}index.html`);
  try {
    await enterAnswers(page, REGION, NOW);
    const file = await download(page, page.locator('[data-act="export-json"]'));
    const doc = JSON.parse(file.text);
    // Someone raises an answer in the file and leaves the hash as it was.
    doc.content.assessment.answers['str-sdm-01'].value = 5;
    const tampered = JSON.stringify(doc, null, 2);

    await chooseFile(page, 'import-prev', 'tampered.json', tampered);
    const flag = page.locator('[data-swn="import"] [data-integrity="mismatch"]');
    await flag.waitFor();
    assert.match(await flag.innerText(), /tidak cocok dengan sidik SHA-256/);
    assert.equal(await page.locator('[data-swn="import"] li[data-code="integrity-mismatch"]').count(), 1, 'the problem is listed');
    // Last year's altered file is not used unasked: the official cancels, nothing is compared.
    await page.locator('[data-act="previous-cancel"]').click();
    assert.equal(await page.locator('[data-swn="compare"] table').count(), 0);

    await chooseFile(page, 'import', 'tampered.json', tampered);
    await flag.waitFor();
    assert.equal(await page.locator('[data-act="import-confirm"]').count(), 1, 'still asks, with the warning');
    await page.locator('[data-act="import-cancel"]').click();
    assert.equal((await widgetAssessment(page)).answers['str-sdm-01'].value, 4, 'nothing replaced');

    // The untouched file is intact (the verdict is about the edit, not the re-serialisation).
    await chooseFile(page, 'import', 'asli.json', JSON.stringify(JSON.parse(file.text), null, 2));
    await page.locator('[data-swn="import"] [data-integrity="intact"]').waitFor();
    await page.locator('[data-act="import-cancel"]').click();
    assertClean(record);
  } finally {
    await close();
  }
});

test('an import read only in part lists what it leaves out, and its file is kept once used', { timeout: 90_000 }, async () => {
  const { page, record, close } = await openWidget(browser, `${server.url}index.html`);
  const key = saveKey(set.id);
  try {
    const text = JSON.stringify({
      setId: set.id,
      setVersion: set.version,
      region: 'Kabupaten Banjar',
      answers: { 'str-sdm-01': { value: 4, notes: 7, links: 'https://example.org/sk.pdf' } },
    });
    await chooseFile(page, 'import', 'sebagian.json', text);
    await page.locator('[data-act="import-confirm"]').waitFor();
    const codes = await page.locator('[data-swn="import"] li').evaluateAll((li) => li.map((e) => e.dataset.code));
    assert.deepEqual(codes.slice(0, 3), ['wrong-type', 'wrong-type', 'wrong-type'], 'region, notes and links are listed');
    const kept = async () => (await storageKeys(page)).filter((k) => k.startsWith(`${key}:import:`));
    assert.deepEqual(await kept(), [], 'nothing is kept before the official confirms');
    await page.locator('[data-act="import-confirm"]').click();
    await page.locator('[data-act="import-confirm"]').waitFor({ state: 'detached' });
    assert.equal((await widgetAssessment(page)).answers['str-sdm-01'].value, 4, 'what could be read is used');
    const keys = await kept();
    assert.equal(keys.length, 1, JSON.stringify(await storageKeys(page)));
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), keys[0]), text, 'the file as it was');
    assertClean(record);
  } finally {
    await close();
  }
});

test('import asks first: cancel replaces nothing, confirm replaces and keeps a backup', { timeout: 90_000 }, async () => {
  const { page, record, close } = await openWidget(browser, `${server.url}index.html`);
  const key = saveKey(set.id);
  try {
    await enterAnswers(page, { ...REGION, period: '2025' }, LAST_YEAR);
    const file = await download(page, page.locator('[data-act="export-json"]'));
    await enterAnswers(page, REGION, NOW);
    const now = await engineScore(set, entryValues(NOW));
    await waitForSwn(page, 'overall', now.text('id'));
    const mine = await widgetAssessment(page);

    // A file that is not JSON: its problem is listed, nothing is offered, nothing replaced.
    await chooseFile(page, 'import', 'rusak.json', '{"format": "swanilai-export/1", ');
    await page.locator('[data-swn="import"]').waitFor();
    assert.equal(await page.locator('[data-act="import-confirm"]').count(), 0);
    let told = await page.locator('[data-swn="import"]').innerText();
    assert.match(told, /Masalah pada berkas/);
    // It says the file is damaged (not that it is another kind of file), and no SHA-256 line.
    assert.match(told, /Berkas ini rusak atau terpotong sehingga tidak dapat dibaca; jawaban Anda tidak diubah\./);
    assert.doesNotMatch(told, /CSV/);
    assert.doesNotMatch(told, /SHA-256/);
    await page.locator('[data-swn="import"] [data-act="dismiss"]').click();
    // The same file again: the same words, changed so that screen readers say them again.
    const said = await page.locator('[data-swn="status"]').textContent();
    await chooseFile(page, 'import', 'rusak.json', '{"format": "swanilai-export/1", ');
    await page.locator('[data-swn="import"]').waitFor();
    const again = await page.locator('[data-swn="status"]').textContent();
    assert.notEqual(again, said);
    assert.equal(again.trim(), said.trim());
    await page.locator('[data-swn="import"] [data-act="dismiss"]').click();

    // The CSV export is not an import file either.
    const csv = await download(page, page.locator('[data-act="export-csv"]'));
    await chooseFile(page, 'import', csv.filename, csv.text);
    await page.locator('[data-swn="import"]').waitFor();
    told = await page.locator('[data-swn="import"]').innerText();
    assert.match(told, /bukan penilaian untuk set ini\. Pilih berkas \.json yang dibuat dengan tombol “Ekspor JSON”/);
    assert.match(told, /berkas CSV tidak dapat diimpor/);
    assert.equal(await page.locator('[data-act="import-confirm"]').count(), 0);
    await page.locator('[data-swn="import"] [data-act="dismiss"]').click();

    // An intact export of another set: intact, and still not this set's file.
    const other = await page.evaluate(async () => {
      const m = await import('./pkg/index.js');
      const spbe = await m.getSet('spbe-2020');
      return spbe.exportJson(spbe.newAssessment(), '2026-01-05T08:00:00Z');
    });
    await chooseFile(page, 'import', 'spbe.json', other);
    await page.locator('[data-swn="import"] [data-integrity="intact"]').waitFor();
    told = await page.locator('[data-swn="import"]').innerText();
    assert.match(told, /bukan penilaian untuk set ini/);
    assert.doesNotMatch(told, /SHA-256|setId/, 'no "intact" above a refusal, no field names');
    assert.match(
      told,
      /penilaian ini untuk “Evaluasi SPBE \(PermenPANRB 59\/2020\)” \(spbe-2020\), bukan “Cek Kesiapan Gerakan Menuju 100 Smart City” \(gm100sc-kesiapan\)/,
    );
    // Screen readers hear the refusal, not the file's integrity.
    assert.match(await page.locator('[data-swn="status"]').textContent(), /^Berkas ini bukan penilaian untuk set ini\./);
    assert.equal(await page.locator('[data-swn="import"] li[data-code="set-mismatch"]').count(), 1);
    assert.equal(await page.locator('[data-act="import-confirm"]').count(), 0);
    await page.locator('[data-swn="import"] [data-act="dismiss"]').click();

    // Cancel.
    await chooseFile(page, 'import', file.filename, file.text);
    await page.locator('[data-act="import-confirm"]').waitFor();
    assert.deepEqual(await widgetAssessment(page), mine, 'nothing replaced while the question is open');
    await waitForSaved(page, key, mine.answers);
    await page.locator('[data-act="import-cancel"]').click();
    assert.equal(await page.locator('[data-swn="import"]').count(), 0, 'the question goes');
    assert.deepEqual(await widgetAssessment(page), mine, 'cancel replaces nothing');
    assert.equal(await swn(page, 'overall'), now.text('id'));

    // Confirm.
    await chooseFile(page, 'import', file.filename, file.text);
    await page.locator('[data-act="import-confirm"]').click();
    const last = await engineScore(set, entryValues(LAST_YEAR));
    await waitForSwn(page, 'overall', last.text('id'));
    const imported = await widgetAssessment(page);
    assert.deepEqual(imported.region, { ...REGION, period: '2025' });
    assert.deepEqual(imported.answers, JSON.parse(file.text).content.assessment.answers);
    await assertAnswersShown(page, { ...REGION, period: '2025' }, LAST_YEAR, 'after import');
    assert.match(await page.locator('[data-swn="notices"]').innerText(), /Berkas diimpor\./);
    assert.deepEqual((await savedDoc(page, key)).assessment.answers, imported.answers, 'the import is saved');
    const backups = (await storageKeys(page)).filter((k) => k.startsWith(`${key}:backup:`));
    assert.equal(backups.length, 1);
    assert.deepEqual((await savedDoc(page, backups[0])).assessment.answers, mine.answers, 'the replaced answers are backed up');
    assertClean(record);
  } finally {
    await close();
  }
});
