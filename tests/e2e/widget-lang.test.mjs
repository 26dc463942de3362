// Switching language changes every visible string: with answers, flags, advice, an import
// notice and the compare panel on screen, every text node of the widget is read in
// Bahasa Indonesia, the language button is pressed, and no Indonesian UI string (the list in
// src/view/) nor Indonesian set text (titles, help, levels, options, units: the built-in
// sets carry English too) may remain; numbers turn from 3,48 to 3.48. Switching back gives
// the Indonesian screen again, string for string.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertClean,
  assertFocusVisible,
  card,
  chooseFile,
  describe,
  download,
  enterAnswers,
  entryValues,
  engineScore,
  focused,
  launchBrowser,
  openTab,
  openWidget,
  readSet,
  startServer,
  swn,
  uiStrings,
  waitForSwn,
  widgetTexts,
  WWW_ROOT,
} from './helpers.mjs';
import { open, pick, ready, SPBE_PAGE } from './reliability-helpers.mjs';

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

const REGION = { name: 'Kabupaten Banjar', code: '63.03', period: '2026', assessor: 'Siti Rahmawati' };
const LAST_YEAR = [
  { tab: 2, id: 'sup-reg-01', pick: '2', value: 2 },
  { tab: 2, id: 'sup-kel-04', select: 'tahunan', value: 'tahunan' },
];
const NOW = [
  { tab: 2, id: 'sup-reg-01', pick: '4', value: 4 },
  { tab: 2, id: 'sup-kel-01', pick: 'true', value: true },
  { tab: 2, id: 'sup-kel-02', pick: 'false', value: false, notes: 'Belum ada SK' },
  { tab: 2, id: 'sup-kel-04', select: 'tahunan', value: 'tahunan' },
  { tab: 0, id: 'str-tk-02', num: '3,48', value: 3.48 },
  { tab: 0, id: 'str-ang-01', num: '0,8', value: 0.8 },
];

/** Every string a set shows, as [{ id, en }] where the two differ. */
function setTexts(set) {
  const out = [];
  const visit = (v) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      if (typeof v.id === 'string' && typeof v.en === 'string' && Object.keys(v).length === 2) {
        if (v.id !== v.en) out.push(v);
      } else Object.values(v).forEach(visit);
    }
  };
  visit(set);
  return out;
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whether `text` holds `phrase` as whole words (letters or digits may not touch it). */
const holds = (text, phrase) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])`, 'u').test(text);

test('switching language changes every visible string, and numbers with it', { timeout: 120_000 }, async (t) => {
  const set = await readSet('gm100sc-kesiapan');
  const ui = await uiStrings();
  assert.ok(ui.length > 60, `read ${ui.length} UI strings from src/view/`);
  const { page, record, close } = await openWidget(browser, `${server.url}index.html`);
  try {
    // A busy screen: last year's file for the compare panel and its notice, answers with a
    // flag for missing evidence, advice.
    await enterAnswers(page, { ...REGION, period: '2025' }, LAST_YEAR);
    const file = await download(page, page.locator('[data-act="export-json"]'));
    await enterAnswers(page, REGION, NOW);
    await chooseFile(page, 'import-prev', file.filename, file.text);
    await page.locator('[data-swn="compare"] table').waitFor();
    const want = await engineScore(set, entryValues(NOW));
    await waitForSwn(page, 'overall', want.text('id'));
    await openTab(page, 2);
    assert.ok(await page.locator('[data-flag="22"]').isVisible(), 'a missing-evidence flag is on screen');

    // The status region holds the last announcement, which a redraw does not repeat.
    const idStatus = await swn(page, 'status');
    const idTexts = await widgetTexts(page);
    // Pillar names come from the set's `tags` (docs/FORMAT.md), in the widget's language.
    for (const name of ['Kesiapan', 'Smart Governance', 'Smart Environment']) {
      assert.ok(idTexts.includes(name), `the score per tag names ${JSON.stringify(name)}`);
    }
    assert.match(want.text('id'), /^\d+,\d\d$/);
    assert.equal(await card(page, 'str-tk-02').count(), 0, 'tab 3 is shown');

    // Switch with the widget's own button (by keyboard: focus it, press Enter).
    await page.locator('[data-act="lang"]').focus();
    await page.keyboard.press('Enter');
    await waitForSwn(page, 'overall', want.text('en'));
    const f = await focused(page);
    assert.equal(f?.attrs['data-act'], 'lang', `focus stays on the language button, got ${describe(f)}`);
    assertFocusVisible(f, ' after switching language');
    assert.equal(await page.locator('swanilai-assessment').getAttribute('lang'), 'en');
    assert.equal(await page.locator('[data-swn="predicate"]').innerText(), want.predicate.en);
    assert.equal(await page.locator('.swn[lang="en"]').count(), 1, 'the widget declares its language');

    const enTexts = await widgetTexts(page);
    for (const name of ['Readiness', 'Smart Governance', 'Smart Environment']) {
      assert.ok(enTexts.includes(name), `the score per tag names ${JSON.stringify(name)} in English`);
    }
    const enUi = new Set(ui.map((s) => s.en));
    const enSet = new Set(setTexts(set).map((s) => s.en));
    const idUi = ui.filter((s) => s.id !== s.en && !enUi.has(s.id));
    const idSet = setTexts(set).filter((s) => !enSet.has(s.id));
    const left = [];
    for (const text of enTexts) {
      if (enUi.has(text) || enSet.has(text)) continue;
      for (const s of [...idUi, ...idSet]) {
        const hit = text.toLowerCase() === s.id.toLowerCase() || (s.id.length >= 4 && holds(text, s.id));
        if (hit) left.push(`${JSON.stringify(text)} holds Indonesian ${JSON.stringify(s.id)}${s.key ? ` (Ui::${s.key})` : ''}`);
      }
    }
    assert.deepEqual(left, [], `Indonesian strings left after switching to English:\n  ${left.join('\n  ')}`);
    assert.ok(!enTexts.some((s) => /\d,\d\d\b/.test(s) && !/\d,\d{3}\b/.test(s)), 'no decimal commas in English');
    t.diagnostic(`${idTexts.length} strings in Indonesian, ${enTexts.length} in English, none left over`);

    // Numbers everywhere, and typed answers, follow the language.
    await openTab(page, 0);
    assert.equal(await card(page, 'str-tk-02').locator('[data-f="num"]').inputValue(), '3.48');
    assert.match(await card(page, 'str-tk-02').locator('[data-score]').innerText(), /^Score: 3\.48$/);
    assert.match(await swn(page, 'completeness'), /^6 of 79 indicators answered \(\d+% of the weight\)$/);
    assert.match(await swn(page, 'delta'), /^\+\d\.\d\d$/);

    // And back: the Indonesian screen, string for string.
    await openTab(page, 2);
    await page.locator('[data-act="lang"]').click();
    await waitForSwn(page, 'overall', want.text('id'));
    const back = await widgetTexts(page);
    assert.deepEqual(
      back,
      idTexts.filter((s) => s !== idStatus),
    );
    assert.equal(await page.locator('swanilai-assessment').getAttribute('lang'), 'id');
    assertClean(record);
  } finally {
    await close();
  }
});

test('an announcement waiting for the next tick is dropped when the language is switched first, not spoken in the old one', {
  timeout: 90_000,
}, async () => {
  // The page's timers run on Playwright's clock: the tick comes only when it is moved.
  const context = await browser.newContext();
  await context.clock.install();
  const { page, record, close } = await open(browser, server.url, SPBE_PAGE, {
    init: [
      () => {
        window.confirm = () => true;
      },
    ],
    context,
  });
  const status = () => page.locator('[data-swn="status"]').textContent();
  try {
    await ready(page);
    for (const switchFirst of [false, true]) {
      await pick(page, 0, 3);
      await page.clock.runFor(1_000);
      await page.locator('[data-act="reset"]').click(); // redraws, then announces (next tick)
      if (switchFirst) await page.locator('[data-act="lang"]').click();
      await page.clock.runFor(1_000);
      if (switchFirst) {
        await page.locator('.swn[lang="en"]').waitFor();
        assert.doesNotMatch(await status(), /Jawaban dikosongkan/, 'not in Indonesian in the English screen');
        assert.match(
          await page.locator('[data-swn="notices"]').innerText(),
          /Answers cleared\. A backup was kept\./,
          'the notice says it, in English',
        );
      } else {
        assert.match(await status(), /^Jawaban dikosongkan\. Cadangan disimpan\./, 'without a switch it is heard at the tick');
      }
    }
    assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
  } finally {
    await close();
    await context.close();
  }
});
