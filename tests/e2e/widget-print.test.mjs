// Printing: the print button fills the print section with every indicator and its answer and
// opens the browser's print dialog; the print stylesheet shows that section and the results,
// and hides the form, tabs and toolbar. Checked with print media emulated (headless Chromium
// has no dialog: window.print is replaced by a recorder), and a PDF is rendered as well.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { card, indicatorsOf, launchBrowser, openWidget, readSet, seedSave, startServer, WWW_ROOT } from './helpers.mjs';

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

test('the print button fills the print section; print media shows it and hides the form', { timeout: 90_000 }, async () => {
  const set = await readSet('gm100sc-kesiapan');
  const total = set.groups.flatMap(function all(g) {
    return [...(g.indicators ?? []), ...(g.children ?? []).flatMap(all)];
  }).length;
  const { page, close } = await openWidget(browser, `${server.url}index.html`);
  try {
    // Every level indicator at level 1: a long plan (unanswered indicators are to answer,
    // never plan steps).
    const answers = {};
    for (const ind of indicatorsOf(set)) if (ind.answer.kind === 'level') answers[ind.id] = { value: 1 };
    await seedSave(page, set.id, { setId: set.id, setVersion: set.version, answers });
    await page.locator('[data-region="name"]').fill('Kabupaten Banjar');
    await page.locator('[data-region="period"]').fill('2026');
    const c = card(page, 'str-tk-02');
    await c.locator('[data-f="num"]').fill('3,5');
    await c.locator('[data-f="notes"]').fill('Perbup No. 12 Tahun 2025');

    await page.evaluate(() => {
      window.__printed = 0;
      window.print = () => {
        window.__printed += 1;
        // What the page holds while the browser prints: the advice plan, step by step.
        const root = document.querySelector('swanilai-assessment').shadowRoot;
        window.__planSteps = root.querySelectorAll('#swn-plan-list > li').length;
      };
    });
    await page.locator('[data-act="print"]').click();
    assert.equal(await page.evaluate(() => window.__printed), 1, 'the print dialog was asked for once');

    const print = page.locator('[data-swn="print"]');
    assert.equal(await print.locator('tbody tr').count(), total, 'one row per indicator');
    assert.match(await print.locator('h3').innerText(), /Kabupaten Banjar 2026/);
    const row = print.locator('tbody tr').filter({ hasText: 'Perbup No. 12 Tahun 2025' });
    assert.equal(await row.count(), 1, 'the indicator answered on screen, with its note');
    assert.match(await row.innerText(), /3,50/);

    assert.equal(await print.isVisible(), false, 'the print section is hidden on screen');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await print.isVisible(), true, 'and shown in print');
    for (const hidden of ['.swn-tabs', '.swn-toolbar', '.swn-panel']) {
      assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is hidden in print`);
    }
    assert.equal(await page.locator('[data-swn="overall"]').first().isVisible(), true, 'the score is printed');
    assert.equal(await page.locator('[data-swn="compare"]').isVisible(), false, 'no comparison (and no hint) without last year');

    // Printed without `beforeprint` (as a PDF of the page is): the plan is still whole on paper.
    const plan = page.locator('#swn-plan-list > li');
    const all = await plan.count();
    assert.ok(all > 5, `a plan of ${all} steps`);
    assert.equal(await page.locator('#swn-plan-list > li:visible').count(), all, 'every step is visible in print media');

    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.subarray(0, 5).toString() === '%PDF-' && pdf.length > 10_000, `a PDF of ${pdf.length} bytes`);

    // The plan to the next predicate prints whole, from the print button and from the
    // browser's own print command (beforeprint and afterprint), and afterwards the screen shows
    // the first few steps again.
    await page.emulateMedia({ media: 'screen' });
    const steps = () => page.locator('#swn-plan-list > li:visible').count();
    const onScreen = await steps();
    assert.ok(onScreen > 0, 'a long plan');
    const fromButton = await page.evaluate(() => window.__planSteps);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const printed = await steps();
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    assert.ok(printed > onScreen, `every step on paper (${printed}, ${onScreen} on screen)`);
    assert.equal(fromButton, printed, 'the print button prints every step too');
    assert.equal(await steps(), onScreen, 'the screen shows the first few again');
  } finally {
    await close();
  }
});
