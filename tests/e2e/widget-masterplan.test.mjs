// The smart city evaluation built from the region's masterplan, in the widget on its demo
// page: an official enters ten programs across three pillars in the "Program masterplan"
// panel, sees the generated Outcome, Quick Win and Impact indicators grouped by pillar, answers
// Outcome for each, and reads the achievement index and the six pillar indices, checked
// against the CLI's scoring of the exported assessment. Removing a program with answers asks
// first and keeps its answer (orphaned, as the engine reports); the program list survives a
// reload; the panel passes axe-core in both languages and fits a phone.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertClean,
  axeCheck,
  download,
  engineReport,
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

test('ten programs entered in the panel become the Outcome, Quick Win and Impact indicators, scored as the CLI does', async () => {
  const set = await readSet(SET_ID);
  const { page, record, close } = await openWidget(browser, `${server.url}${PAGE}`);
  // Closed on the first screen: one toggle, no form.
  assert.equal(await page.locator('[data-mp="toggle"]').getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('[data-mp="new-name"]').count(), 0);
  await openPanel(page);
  await page.locator('[data-mp="doc"]').fill('Perbup Banjar 25/2019, Masterplan Smart City 2019-2028');

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

  // Outcome answered for each program, the Impact results typed in.
  await openTab(page, TAB.outcome);
  for (const [k, p] of programs.entries()) {
    await page.locator(`article[data-ind="oc-${p.id}"] input[data-f="pick"][value="${(k % 5) + 1}"]`).check();
  }
  await openTab(page, TAB.impact);
  for (const [id, text] of [
    ['im-layanan-publik', '4,2'],
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
    assert.equal(
      await page.evaluate(() => document.querySelector('swanilai-assessment').shadowRoot.activeElement?.getAttribute('data-mp')),
      'new-name',
    );
    assertClean(record);
    await close();
  }
});
