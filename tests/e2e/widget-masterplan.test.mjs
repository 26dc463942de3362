// The smart city evaluation built from the region's masterplan, in the widget on its demo
// page: an official enters ten programs across three pillars in the "Program masterplan"
// panel, sees the generated Outcome, Quick Win and Impact indicators grouped by pillar, answers
// Outcome for each, has three respondents answer one sub-dimension's impact survey through
// its link and imports their three files at once, and reads the achievement index and the six
// pillar indices, checked against the CLI's scoring of the exported assessment (and the
// aggregation against the CLI's). A CSV of programs imports with its problems listed by row. Removing a program with answers asks
// first and keeps its answer (orphaned, as the engine reports); the program list survives a
// reload; the panel passes axe-core in both languages and fits a phone.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertClean,
  axeCheck,
  download,
  engineReport,
  engineSurvey,
  formatNumber,
  formatViolations,
  horizontalOverflow,
  launchBrowser,
  openTab,
  openWidget,
  readSet,
  saveKey,
  savedDoc,
  startServer,
  waitForSwn,
  WWW_ROOT,
} from './helpers.mjs';

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

const PAGE = 'smart-city-evaluasi.html';
const SET_ID = 'smart-city-evaluasi';
const TAB = { outcome: 2, impact: 3, quickWin: 4 };

/** Ten programs across three pillars: [name, unit, sub-dimension, quick win, surveyed]. */
export const PROGRAMS = [
  ['Mal Pelayanan Publik', 'DPMPTSP', 'layanan-publik', true, true],
  ['Pionirs Disdukcapil', 'Disdukcapil', 'layanan-publik', false, true],
  ['E-Kinerja ASN', 'BKPSDM', 'birokrasi', false, false],
  ['Satu Data Banjar', 'Diskominfo', 'kebijakan-publik', true, false],
  ['Pasar Digital UMKM', 'Disperindag', 'industri', false, true],
  ['QRIS Retribusi', 'Bapenda', 'transaksi', true, false],
  ['Kartu Banjar Sejahtera', 'Dinsos', 'kesejahteraan', false, false],
  ['Bank Sampah Digital', 'DLH', 'sampah-limbah', false, true],
  ['PJU Tenaga Surya', 'Dishub', 'energi', true, false],
  ['Sungai Bersih Martapura', 'DLH', 'proteksi-lingkungan', false, false],
];

/** Adds one program through the panel's "add" form. */
export async function addProgram(page, [name, unit, sub, quickWin, survey]) {
  await page.locator('[data-mp="new-name"]').fill(name);
  await page.locator('[data-mp="new-unit"]').fill(unit);
  await page.locator('[data-mp="new-sub"]').selectOption(sub);
  await page.locator('[data-mp="new-qw"]').setChecked(quickWin);
  await page.locator('[data-mp="new-survey"]').setChecked(survey);
  await page.locator('[data-mp="add"]').click();
}

/** Opens the panel (closed on a fresh page). */
export async function openPanel(page) {
  const toggle = page.locator('[data-mp="toggle"]');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.locator('[data-mp="new-name"]').waitFor();
}

/** The ids of the cards in the open tab, grouped under their pillar's heading. */
async function cardsByPillar(page) {
  return page.evaluate(() => {
    const root = document.querySelector('swanilai-assessment').shadowRoot;
    const out = {};
    let pillar = null;
    for (const el of root.querySelectorAll('#swn-panel .swn-group-title, #swn-panel article.swn-ind')) {
      if (el.matches('.swn-group-title')) pillar = el.textContent.trim();
      else {
        if (!out[pillar]) out[pillar] = [];
        out[pillar].push(el.getAttribute('data-ind'));
      }
    }
    return out;
  });
}

/**
 * One respondent: opens the survey link in a fresh context (a phone of their own), answers
 * every statement with `levels` in order, and exports; resolves to the exported file's text.
 */
async function answerSurvey(href, levels) {
  const { page, record, close } = await openWidget(browser, href, { contextOptions: { viewport: { width: 360, height: 740 } } });
  assert.match(await page.locator('.swn-title').textContent(), /Survei dampak: Pelayanan publik/);
  // The demo page's steps are the official's, not the respondent's.
  assert.equal(await page.locator('[data-langkah]').count(), 0);
  assert.match(await page.locator('[data-responden]').textContent(), /Ekspor JSON/);
  assert.equal(await page.locator('h1').textContent(), 'Survei dampak smart city');
  // A respondent sees the statements and the export, not the coordinator's results or tools.
  assert.equal(await page.locator('[data-swn="results"]').isVisible(), false);
  assert.equal(await page.locator('[data-act="import"]').isVisible(), false);
  assert.equal(await page.locator('[data-act="reset"]').isVisible(), false);
  assert.equal(await page.locator('[data-act="export-json"]').isVisible(), true);
  let k = 0;
  const tabs = await page.locator('[role="tab"]').count();
  for (let t = 0; t < tabs; t++) {
    await openTab(page, t);
    for (const card of await page.locator('article.swn-ind').all()) {
      await card.locator(`input[data-f="pick"][value="${levels[k++]}"]`).check();
    }
  }
  assert.equal(k, levels.length, 'every statement answered');
  const { text } = await download(page, page.locator('[data-act="export-json"]'));
  assertClean(record);
  await close();
  return text;
}

test('ten programs entered in the panel become the Outcome, Quick Win and Impact indicators, scored as the CLI does', async () => {
  const set = await readSet(SET_ID);
  const { page, record, close } = await openWidget(browser, `${server.url}${PAGE}`);
  // Closed on the first screen: one toggle, no form.
  assert.equal(await page.locator('[data-mp="toggle"]').getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('[data-mp="new-name"]').count(), 0);
  // The empty Outcome tab says where its indicators come from, and opens the panel.
  await openTab(page, TAB.outcome);
  assert.match(await page.locator('.swn-mp-hint').textContent(), /belum ada program/);
  await page.locator('[data-mp="open"]').click();
  assert.equal(await page.locator('[data-mp="toggle"]').getAttribute('aria-expanded'), 'true');
  assert.equal(
    await page.evaluate(() => document.querySelector('swanilai-assessment').shadowRoot.activeElement?.getAttribute('data-mp')),
    'new-name',
  );
  await page.locator('[data-mp="doc"]').fill('Perbup Banjar 25/2019, Masterplan Smart City 2019-2028');

  // What is typed in the "add" form but not added yet comes back after a reload.
  await page.locator('[data-mp="new-name"]').fill('Program setengah jadi');
  await page.locator('[data-mp="new-sub"]').selectOption('birokrasi');
  await page.reload({ waitUntil: 'load' });
  await page.locator('swanilai-assessment[data-state="ready"]').waitFor({ state: 'attached' });
  await openPanel(page);
  assert.equal(await page.locator('[data-mp="new-name"]').inputValue(), 'Program setengah jadi');
  assert.equal(await page.locator('[data-mp="new-sub"]').inputValue(), 'birokrasi');
  await page.locator('[data-mp="new-name"]').fill('');
  // A program without a name or a sub-dimension is refused, saying why, nothing typed lost.
  await page.locator('[data-mp="new-unit"]').fill('Diskominfo');
  await page.locator('[data-mp="add"]').click();
  assert.match(await page.locator('#swn-mp-error').textContent(), /Isi nama program/);
  assert.equal(await page.locator('[data-mp="new-name"]').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('[data-mp="new-unit"]').inputValue(), 'Diskominfo');

  for (const p of PROGRAMS) await addProgram(page, p);
  assert.equal(await page.locator('fieldset[data-program]').count(), 10);
  assert.equal(await page.locator('[data-mp="toggle"]').textContent(), 'Program masterplan (10 program)');
  // Grouped by pillar in the template's order.
  const pillars = await page.locator('.swn-mp-pillar').allTextContents();
  assert.deepEqual(pillars, ['Smart Governance', 'Smart Economy', 'Smart Environment']);

  const a0 = await page.evaluate(() => document.querySelector('swanilai-assessment').widget.assessment());
  const programs = a0.masterplan.programs;
  assert.equal(programs.length, 10);
  assert.equal(a0.masterplan.document, 'Perbup Banjar 25/2019, Masterplan Smart City 2019-2028');
  assert.deepEqual(
    programs.map((p) => [p.name, p.unit, p.subdimension, !!p.quickWin, !!p.survey]),
    PROGRAMS,
  );
  assert.equal(new Set(programs.map((p) => p.id)).size, 10);

  // Outcome: one per program, grouped by pillar; Quick Win: per quick-win program; Impact:
  // per surveyed sub-dimension.
  await openTab(page, TAB.outcome);
  assert.equal(await page.locator('.swn-mp-hint').count(), 0);
  const outcome = await cardsByPillar(page);
  assert.deepEqual(Object.keys(outcome), ['Smart Governance', 'Smart Economy', 'Smart Environment']);
  assert.deepEqual(
    Object.values(outcome).flat(),
    programs.map((p) => `oc-${p.id}`),
  );
  await openTab(page, TAB.quickWin);
  assert.deepEqual(
    Object.values(await cardsByPillar(page)).flat(),
    programs.filter((p) => p.quickWin).map((p) => `qw-${p.id}`),
  );
  await openTab(page, TAB.impact);
  assert.deepEqual(Object.values(await cardsByPillar(page)).flat(), ['im-layanan-publik', 'im-industri', 'im-sampah-limbah']);

  // Outcome answered for each program.
  await openTab(page, TAB.outcome);
  for (const [k, p] of programs.entries()) {
    await page.locator(`article[data-ind="oc-${p.id}"] input[data-f="pick"][value="${(k % 5) + 1}"]`).check();
  }
  // Three respondents answer the survey of Pelayanan publik through its link, each on their
  // own device (a fresh browser context), and export their answers.
  const href = await page.locator('[data-mp="survey-link"][data-pid="layanan-publik"]').getAttribute('href');
  assert.match(href, /smart-city-evaluasi\.html#survei=/);
  const files = [];
  for (const [k, levels] of [
    [5, 4, 4, 3, 5, 4],
    [4, 4, 3, 2, 4, 4],
    [2, 3, 3, 4, 3, 5],
  ].entries()) {
    files.push({ name: `responden-${k + 1}.json`, text: await answerSurvey(href, levels) });
  }
  const before = await page.evaluate(() => document.querySelector('swanilai-assessment').widget.assessment());
  const expected = await engineSurvey(set, before, 'layanan-publik', files);
  await page
    .locator('[data-mp="survey-files"][data-pid="layanan-publik"]')
    .setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text, 'utf8') })));
  const result = page.locator('[data-mp="survey-result"][data-pid="layanan-publik"]');
  await result.waitFor();
  assert.equal(await result.locator('[data-respondents]').getAttribute('data-respondents'), '3');
  assert.equal(expected.aggregation.respondents, 3);
  const said = await result.textContent();
  assert.ok(said.includes(`3 responden; nilai Impact ${formatNumber(expected.aggregation.value, 2, 'id')}`), said);
  // Fewer than the form's minimum: said, and still counted.
  assert.match(await result.locator('[data-few]').textContent(), /hanya 3 responden.*50/);
  const after = await page.evaluate(() => document.querySelector('swanilai-assessment').widget.assessment());
  assert.equal(after.answers['im-layanan-publik'].value, expected.aggregation.value);
  // The other two surveyed sub-dimensions: their results typed in.
  await openTab(page, TAB.impact);
  for (const [id, text] of [
    ['im-industri', '3,5'],
    ['im-sampah-limbah', '2,75'],
  ]) {
    await page.locator(`article[data-ind="${id}"] [data-f="num"]`).fill(text);
  }

  const exported = JSON.parse((await download(page, page.locator('[data-act="export-json"]'))).text).content;
  assert.equal(exported.assessment.masterplan.programs.length, 10);
  const report = await engineReport(set, exported.assessment);
  await waitForSwn(page, 'overall', formatNumber(report.overall.shown, 2, 'id'));
  const shownTags = Object.fromEntries(report.tags.map((t) => [t.tag, t.score.shown]));
  assert.deepEqual(Object.keys(shownTags).sort(), ['economy', 'environment', 'governance']);
  const rows = await page
    .locator('[data-swn="pillars"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-pillar'), tr.querySelector('[data-swn="pillar-index"]').textContent]));
  assert.equal(rows.length, 6);
  for (const [pillar, text] of rows) {
    const want = shownTags[pillar] === undefined ? '–' : formatNumber(shownTags[pillar], 2, 'id');
    assert.equal(text, want, `pillar ${pillar}`);
  }

  // Text that is not a number yet, typed in a generated Impact field, is kept as typed.
  await openTab(page, TAB.impact);
  await page.locator('article[data-ind="im-sampah-limbah"] [data-f="num"]').fill('2,7x');
  // The program list is saved: after a reload the panel and the form hold it.
  await page.waitForTimeout(1200);
  const saved = await savedDoc(page, saveKey(SET_ID));
  assert.equal(saved.assessment.masterplan.programs.length, 10);
  await page.reload({ waitUntil: 'load' });
  await page.locator('swanilai-assessment[data-state="ready"]').waitFor({ state: 'attached' });
  await waitForSwn(page, 'overall', formatNumber(report.overall.shown, 2, 'id'));
  await openTab(page, TAB.outcome);
  assert.deepEqual(
    Object.values(await cardsByPillar(page)).flat(),
    programs.map((p) => `oc-${p.id}`),
  );
  await openTab(page, TAB.impact);
  assert.equal(await page.locator('article[data-ind="im-sampah-limbah"] [data-f="num"]').inputValue(), '2,7x');
  assert.equal(await page.locator('[data-swn="notices"]').textContent(), '', 'no notice of dropped text');
  assertClean(record);
  await close();
});

test('removing a program with an answer asks first and keeps the answer, orphaned', async () => {
  const { page, record, close } = await openWidget(browser, `${server.url}${PAGE}`);
  await openPanel(page);
  await addProgram(page, PROGRAMS[0]);
  await addProgram(page, PROGRAMS[2]);
  const [first, second] = (await page.evaluate(() => document.querySelector('swanilai-assessment').widget.assessment())).masterplan
    .programs;
  // Without an answer: removed at once.
  await page.locator(`[data-mp="remove"][data-pid="${second.id}"]`).click();
  assert.equal(await page.locator('fieldset[data-program]').count(), 1);
  // With one: asked, and "Batal" keeps it.
  await openTab(page, TAB.outcome);
  await page.locator(`article[data-ind="oc-${first.id}"] input[data-f="pick"][value="4"]`).check();
  await page.locator(`[data-mp="remove"][data-pid="${first.id}"]`).click();
  assert.match(await page.locator(`#swn-mp-ask-${first.id}`).textContent(), /sudah punya jawaban/);
  await page.locator(`[data-mp="remove-no"][data-pid="${first.id}"]`).click();
  assert.equal(await page.locator('fieldset[data-program]').count(), 1);
  await page.locator(`[data-mp="remove"][data-pid="${first.id}"]`).click();
  await page.locator(`[data-mp="remove-yes"][data-pid="${first.id}"]`).click();
  assert.equal(await page.locator('fieldset[data-program]').count(), 0);
  const a = await page.evaluate(() => document.querySelector('swanilai-assessment').widget.assessment());
  assert.equal(a.answers[`oc-${first.id}`].value, 4, 'the answer is kept');
  const report = await page.evaluate(() => document.querySelector('swanilai-assessment').widget.report());
  assert.ok(
    report.problems.some((p) => p.code === 'orphaned-answer' && p.path.includes(`oc-${first.id}`)),
    JSON.stringify(report.problems.map((p) => p.code)),
  );
  // A new program of the same name does not take the orphaned answer.
  await addProgram(page, PROGRAMS[0]);
  const again = (await page.evaluate(() => document.querySelector('swanilai-assessment').widget.assessment())).masterplan.programs[0];
  assert.notEqual(again.id, first.id);
  assertClean(record);
  await close();
});

test('the panel: axe-core finds nothing in either language, it fits a phone, the keyboard reaches it', async () => {
  for (const viewport of [
    { width: 360, height: 740 },
    { width: 1366, height: 768 },
  ]) {
    const { page, record, close } = await openWidget(browser, `${server.url}${PAGE}`, { contextOptions: { viewport } });
    await openPanel(page);
    await addProgram(page, PROGRAMS[0]);
    await addProgram(page, PROGRAMS[4]);
    // Removal asked: the question is on screen too.
    await openTab(page, TAB.outcome);
    const id = (await page.evaluate(() => document.querySelector('swanilai-assessment').widget.assessment())).masterplan.programs[0].id;
    await page.locator(`article[data-ind="oc-${id}"] input[data-f="pick"][value="2"]`).check();
    await page.locator(`[data-mp="remove"][data-pid="${id}"]`).click();
    for (const lang of ['id', 'en']) {
      if (lang === 'en') {
        await page.locator('[data-act="lang"]').click();
        assert.equal(await page.locator('[data-mp="toggle"]').textContent(), 'Masterplan programs (2 programs)');
      }
      const { violations, shadowChecked } = await axeCheck(page);
      assert.equal(violations.length, 0, `${lang} ${viewport.width}px:\n  ${formatViolations(violations)}`);
      assert.ok(shadowChecked > 0);
    }
    const o = await horizontalOverflow(page);
    assert.ok(o.scrollWidth <= o.width && o.offenders.length === 0, `${viewport.width}px: ${o.offenders.join(', ')}`);
    // The keyboard: from the name field, Tab reaches the unit field, and Enter on "add" adds.
    await page.locator('[data-mp="remove-no"]').click();
    await page.locator('[data-mp="new-name"]').focus();
    await page.keyboard.type('Smart Parking');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Dishub');
    await page.locator('[data-mp="new-sub"]').selectOption('transportasi');
    await page.locator('[data-mp="add"]').focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('fieldset[data-program]').count(), 3);
    // Enter in the name field adds too (the sub-dimension chosen last stays chosen).
    await page.keyboard.type('Bus Sekolah Gratis');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('fieldset[data-program]').count(), 4);
    assert.equal(
      await page.evaluate(() => document.querySelector('swanilai-assessment').shadowRoot.activeElement?.getAttribute('data-mp')),
      'new-name',
    );
    // The survey form a respondent opens from the link: axe-core, both languages, fits.
    const href = await page.locator('[data-mp="survey-link"][data-pid="layanan-publik"]').getAttribute('href');
    const r = await openWidget(browser, href, { contextOptions: { viewport } });
    for (const lang of ['id', 'en']) {
      if (lang === 'en') await r.page.locator('[data-act="lang"]').click();
      const { violations } = await axeCheck(r.page);
      assert.equal(violations.length, 0, `survey ${lang} ${viewport.width}px:\n  ${formatViolations(violations)}`);
    }
    const ro = await horizontalOverflow(r.page);
    assert.ok(ro.scrollWidth <= ro.width && ro.offenders.length === 0, `survey ${viewport.width}px: ${ro.offenders.join(', ')}`);
    assertClean(r.record);
    await r.close();
    assertClean(record);
    await close();
  }
});

test('a CSV of programs imports with its problems listed by row; replacing a list asks first', async () => {
  const { page, record, close } = await openWidget(browser, `${server.url}${PAGE}`);
  await openPanel(page);
  const csv = [
    'pilar;subdimensi;program;opd;quick_win;survei',
    'Smart Governance;Pelayanan publik;Mal Pelayanan Publik;DPMPTSP;ya;ya',
    'Smart Galaxy;Pelayanan publik;Program Antariksa;Bappeda;;',
    'pemerintahan;birokrasi;E-Kinerja ASN;BKPSDM;tidak;tidak',
    'Smart Economy;Wajah kota;Pasar Digital;Disperindag;;',
    'Smart Economy;transaksi;;Bapenda;;',
    'Smart Governance;Pelayanan publik;Mal Pelayanan Publik;DPMPTSP;;',
    'lingkungan;energi;PJU Tenaga Surya;Dishub;ya;',
  ].join('\n');
  const choose = (text, name = 'program.csv') =>
    page.locator('[data-mp="csv"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await choose(csv);
  const report = page.locator('[data-mp="csv-report"]');
  await report.waitFor();
  assert.match(await report.locator('.swn-notice-head').textContent(), /^3 program diimpor dari program\.csv; 4 masalah/);
  const rows = await report.locator('li[data-row]').evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-row'), li.textContent]));
  assert.deepEqual(
    rows.map(([row]) => row),
    ['3', '5', '6', '7'],
  );
  assert.match(rows[0][1], /^Baris 3, kolom pilar: .*Smart Galaxy/);
  assert.match(rows[1][1], /^Baris 5, kolom subdimensi: /);
  assert.match(rows[2][1], /^Baris 6, kolom program: /);
  assert.match(rows[3][1], /^Baris 7, kolom program: .*baris 2/);
  // The good rows are the list now, in the form too.
  const a = await page.evaluate(() => document.querySelector('swanilai-assessment').widget.assessment());
  assert.deepEqual(
    a.masterplan.programs.map((p) => [p.pillar, p.subdimension, p.name, p.unit, !!p.quickWin, !!p.survey]),
    [
      ['governance', 'layanan-publik', 'Mal Pelayanan Publik', 'DPMPTSP', true, true],
      ['governance', 'birokrasi', 'E-Kinerja ASN', 'BKPSDM', false, false],
      ['environment', 'energi', 'PJU Tenaga Surya', 'Dishub', true, false],
    ],
  );
  assert.equal(await page.locator('fieldset[data-program]').count(), 3);
  await openTab(page, TAB.outcome);
  assert.equal(await page.locator('#swn-panel article.swn-ind').count(), 3);
  // In English the same problems are listed by row.
  await page.locator('[data-act="lang"]').click();
  assert.match(await page.locator('li[data-row="3"]').textContent(), /^Row 3, column pilar: /);
  await page.locator('[data-act="lang"]').click();

  // A second file would replace the list: asked first; "Batal" keeps the list.
  await page.locator(`article[data-ind="oc-${a.masterplan.programs[0].id}"] input[data-f="pick"][value="3"]`).check();
  const second = ['program;pilar;subdimensi', 'Satu Data Banjar;Smart Governance;Kebijakan publik'].join('\n');
  await choose(second, 'baru.csv');
  await page.locator('[data-mp="csv-yes"]').waitFor();
  assert.match(await report.locator('.swn-notice-head').textContent(), /^3 program sekarang → 1 program dari baru\.csv/);
  await page.locator('[data-mp="csv-no"]').click();
  let now = await page.evaluate(() => document.querySelector('swanilai-assessment').widget.assessment());
  assert.equal(now.masterplan.programs.length, 3);
  await choose(second, 'baru.csv');
  await page.locator('[data-mp="csv-yes"]').click();
  now = await page.evaluate(() => document.querySelector('swanilai-assessment').widget.assessment());
  assert.deepEqual(
    now.masterplan.programs.map((p) => p.name),
    ['Satu Data Banjar'],
  );
  // The replaced program's answer stays in the file (orphaned, not scored).
  assert.equal(now.answers[`oc-${a.masterplan.programs[0].id}`].value, 3);
  // A file without the required columns is refused as a whole, saying why.
  await choose('nama,keterangan\nx,y', 'salah.csv');
  await page.locator('[data-mp="csv-report"] .swn-warn').waitFor();
  assert.match(await page.locator('[data-mp="csv-report"] .swn-notice-head').textContent(), /Berkas tidak dapat diimpor: salah\.csv/);
  now = await page.evaluate(() => document.querySelector('swanilai-assessment').widget.assessment());
  assert.equal(now.masterplan.programs.length, 1);
  // The demo page's sample file (linked from its steps) imports whole: one program per pillar
  // and more.
  const sample = await (await fetch(`${server.url}contoh-program-masterplan.csv`)).text();
  await choose(sample, 'contoh-program-masterplan.csv');
  await page.locator('[data-mp="csv-yes"]').click();
  assert.equal(
    await page.locator('[data-mp="csv-report"] .swn-notice-head').textContent(),
    '8 program diimpor dari contoh-program-masterplan.csv.',
  );
  assert.equal(await page.locator('[data-mp="csv-report"] li[data-row]').count(), 0);
  assert.equal(await page.locator('.swn-mp-pillar').count(), 6);
  assertClean(record);
  await close();
});

test('unticking quick win or surveyed on an answered program keeps the answer and says so', async () => {
  const { page, record, close } = await openWidget(browser, `${server.url}${PAGE}`);
  await openPanel(page);
  await addProgram(page, PROGRAMS[0]); // a quick win, surveyed, in layanan-publik
  const widget = () => page.evaluate(() => document.querySelector('swanilai-assessment').widget.assessment());
  const [p] = (await widget()).masterplan.programs;
  await openTab(page, TAB.quickWin);
  await page.locator(`article[data-ind="qw-${p.id}"] input[data-f="pick"][value="4"]`).check();
  await openTab(page, TAB.impact);
  await page.locator('article[data-ind="im-layanan-publik"] input[data-f="num"]').fill('3,5');
  await page.locator('article[data-ind="im-layanan-publik"] input[data-f="num"]').blur();
  await openPanel(page);
  const focused = () =>
    page.evaluate(() => document.querySelector('swanilai-assessment').shadowRoot.activeElement?.getAttribute('data-mp'));
  assert.equal(await page.locator('[data-kept]').count(), 0, 'nothing to say while both are ticked');

  await page.locator(`[data-mp="qw"][data-pid="${p.id}"]`).uncheck();
  assert.match(await page.locator('[data-kept="qw"]').textContent(), /tetap tersimpan tetapi tidak dinilai/);
  assert.equal(await focused(), 'qw', 'the focus stays on the box');
  await page.locator(`[data-mp="survey"][data-pid="${p.id}"]`).uncheck();
  assert.match(await page.locator('[data-kept="impact"]').textContent(), /Impact sub-dimensi ini tetap tersimpan/);
  const a = await widget();
  assert.equal(a.answers[`qw-${p.id}`].value, 4, 'the Quick Win answer is kept');
  assert.equal(a.answers['im-layanan-publik'].value, 3.5, 'the Impact answer is kept');

  await page.locator(`[data-mp="qw"][data-pid="${p.id}"]`).check();
  await page.locator(`[data-mp="survey"][data-pid="${p.id}"]`).check();
  assert.equal(await page.locator('[data-kept]').count(), 0, 'ticked again: used again');
  const report = await page.evaluate(() => document.querySelector('swanilai-assessment').widget.report());
  assert.ok(
    report.indicators.some((i) => i.id === `qw-${p.id}`),
    'the Quick Win indicator is scored again',
  );
  assert.ok(!report.problems.some((x) => x.code === 'orphaned-answer'), JSON.stringify(report.problems.map((x) => x.code)));
  assertClean(record);
  await close();
});
