// Last year's file is never replaced or used behind the official's back, in Chromium on the
// demo's SPBE page:
//   - importing last year's file when one is kept asks first, naming both files' regions and
//     periods; cancel keeps the first, confirming keeps the first under `:previous-backup:`;
//   - the file's integrity (intact, unchecked, altered) is stored with it and shown beside the
//     comparison after a reload;
//   - an altered file is used only after the official confirms with the warning shown;
//   - a stored last-year entry read only in part (or not at all) is kept under a backup key
//     and told when the widget opens;
//   - what the page gives (`assessment` option, `setAssessment`, `setPrevious`) read only in
//     part is kept under `:import:` and told; so is another tab's save read only in part,
//     under `:damaged:`, before this tab loads it;
//   - the smart city Baseline is proposed from last year's file, marked until confirmed.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startServer, WWW_ROOT } from './helpers.mjs';
import { open, pick, ready, SPBE_KEY, SPBE_PAGE, stored } from './reliability-helpers.mjs';

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

const VERSION = '2020.1';

/** An assessment of spbe-2020 for `period` with spbe-01 answered `value`. */
const year = (period, value) => ({
  setId: 'spbe-2020',
  setVersion: VERSION,
  region: { name: 'Kabupaten Banjar', code: '6303', period, assessor: 'Siti' },
  answers: { 'spbe-01': { value } },
});

/** Last year's file as the widget's export writes it (with its SHA-256). */
async function exported(page, a) {
  return page.evaluate(async (doc) => {
    const swn = await import('./pkg/index.js');
    await swn.default();
    const set = await swn.getSet('spbe-2020');
    return set.exportJson(doc, '2026-01-05T08:00:00Z');
  }, a);
}

/** Chooses `text` as last year's file named `name`. */
async function importPrevious(page, name, text) {
  await page
    .locator('input[data-act="import-prev"]')
    .first()
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

const source = (page) => page.locator('[data-swn="compare"] [data-swn="previous-source"]');

test("importing last year's file twice asks first; cancel keeps the first, confirming backs it up", { timeout: 90_000 }, async () => {
  const { page, record, close } = await open(browser, server.url, SPBE_PAGE);
  try {
    await ready(page);
    await pick(page, 0, 4);
    const first = await exported(page, year('2025', 3));
    const second = JSON.stringify(year('2024', 2));
    // Nothing kept yet, an intact file: used at once, no question.
    await importPrevious(page, 'banjar-2025.json', first);
    await source(page).waitFor();
    assert.equal(await page.locator('[data-act="previous-confirm"]').count(), 0, 'no question for the first file');
    assert.match(await source(page).innerText(), /banjar-2025\.json: Kabupaten Banjar, 2025 → /);
    assert.equal(await source(page).getAttribute('data-integrity'), 'intact');
    const firstStored = await page.evaluate((k) => localStorage.getItem(`${k}:previous`), SPBE_KEY);
    assert.ok(firstStored, 'kept for the next session');

    // The second file: the question names both, and cancelling changes nothing.
    await importPrevious(page, 'banjar-2024.json', second);
    const ask = page.locator('[data-swn="import"] [data-swn="previous-ask"]');
    await ask.waitFor();
    const notice = await page.locator('[data-swn="import"]').innerText();
    assert.match(notice, /Berkas tahun lalu sudah tersimpan/);
    assert.match(notice, /Tersimpan sekarang: Kabupaten Banjar, 2025 \(banjar-2025\.json\)/);
    assert.match(notice, /Berkas ini: Kabupaten Banjar, 2024 \(banjar-2024\.json\)/);
    assert.equal(await page.locator('[data-swn="import"] [data-act="dismiss"]').count(), 0, 'answered, not dismissed');
    await page.locator('[data-act="previous-cancel"]').click();
    await page.locator('[data-swn="import"]').waitFor({ state: 'detached' });
    assert.equal(await page.evaluate((k) => localStorage.getItem(`${k}:previous`), SPBE_KEY), firstStored, 'the first stays');
    assert.match(await source(page).innerText(), /banjar-2025\.json/);
    assert.deepEqual(await stored(page, `${SPBE_KEY}:previous-backup:`), {}, 'nothing to back up');

    // Again, confirmed: the second is used and the first is kept under its own backup key.
    await importPrevious(page, 'banjar-2024.json', second);
    await page.locator('[data-act="previous-confirm"]').click();
    await page.locator('[data-act="previous-confirm"]').waitFor({ state: 'detached' });
    assert.match(await source(page).innerText(), /banjar-2024\.json: Kabupaten Banjar, 2024 → /);
    assert.equal(await source(page).getAttribute('data-integrity'), 'unchecked');
    assert.deepEqual(Object.values(await stored(page, `${SPBE_KEY}:previous-backup:`)), [firstStored]);
    const backup = JSON.parse(firstStored);
    assert.equal(backup.assessment.region.period, '2025');
    assert.equal(backup.integrity, 'intact');

    // After a reload the comparison still says which file and that it had no hash.
    await page.reload({ waitUntil: 'load' });
    await ready(page);
    await source(page).waitFor();
    assert.equal(await source(page).getAttribute('data-integrity'), 'unchecked');
    assert.match(await source(page).innerText(), /banjar-2024\.json.*tanpa sidik SHA-256/s);
    assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
  } finally {
    await close();
  }
});

test("last year's file that a full storage cannot keep is told, and the kept one stays", { timeout: 90_000 }, async () => {
  const { page, record, close } = await open(browser, server.url, SPBE_PAGE);
  try {
    await ready(page);
    const first = await exported(page, year('2025', 3));
    await importPrevious(page, 'banjar-2025.json', first);
    await source(page).waitFor();
    const firstStored = await page.evaluate((k) => localStorage.getItem(`${k}:previous`), SPBE_KEY);
    // The storage fills up; the next file is confirmed but cannot be kept for a reload.
    await page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await importPrevious(page, 'banjar-2024.json', JSON.stringify(year('2024', 2)));
    await page.locator('[data-act="previous-confirm"]').click();
    await page.locator('[data-act="previous-confirm"]').waitFor({ state: 'detached' });
    assert.match(await source(page).innerText(), /banjar-2024\.json/, 'used in this page');
    const notices = await page.locator('[data-swn="notices"]').innerText();
    assert.match(notices, /Berkas tahun lalu ini dipakai untuk perbandingan di halaman ini saja: penyimpanan peramban penuh/);
    assert.equal(await page.evaluate((k) => localStorage.getItem(`${k}:previous`), SPBE_KEY), firstStored, 'the kept one stays');
    assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
  } finally {
    await close();
  }
});

test('an altered file is used only after the official confirms, and stays marked after reloads', { timeout: 90_000 }, async () => {
  const { page, record, close } = await open(browser, server.url, SPBE_PAGE);
  try {
    await ready(page);
    const doc = JSON.parse(await exported(page, year('2025', 3)));
    doc.content.assessment.answers['spbe-01'].value = 5; // raised, the hash left as it was
    await importPrevious(page, 'diubah.json', JSON.stringify(doc));
    const ask = page.locator('[data-swn="import"] [data-swn="previous-ask"]');
    await ask.waitFor();
    assert.match(await ask.innerText(), /tidak cocok dengan sidik SHA-256/);
    assert.equal(await page.locator('[data-swn="import"] [data-integrity="mismatch"]').count(), 1, 'the warning is shown');
    assert.equal(await page.evaluate((k) => localStorage.getItem(`${k}:previous`), SPBE_KEY), null, 'nothing kept before the answer');
    assert.equal(await page.locator('[data-swn="compare"] table').count(), 0, 'nothing compared either');
    await page.locator('[data-act="previous-confirm"]').click();
    await source(page).waitFor();
    assert.equal(await source(page).getAttribute('data-integrity'), 'mismatch');
    assert.match(await source(page).getAttribute('class'), /swn-warn/);

    await page.reload({ waitUntil: 'load' });
    await ready(page);
    await source(page).waitFor();
    assert.equal(await source(page).getAttribute('data-integrity'), 'mismatch', 'after a reload');
    assert.match(await source(page).innerText(), /diubah\.json.*Peringatan: isi berkas tidak cocok/s);
    assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
  } finally {
    await close();
  }
});

test("a stored last year's entry read only in part, or not at all, is kept and told when the widget opens", {
  timeout: 90_000,
}, async () => {
  const { page, record, close } = await open(browser, server.url, SPBE_PAGE);
  try {
    await ready(page);
    const damaged = JSON.stringify({
      format: 'swanilai-save/1',
      rev: 0,
      writer: 'previous',
      integrity: 'intact',
      file: 'banjar-2025.json',
      assessment: { setId: 'spbe-2020', setVersion: VERSION, region: 'Banjar', answers: { 'spbe-01': { value: 3, notes: 7 } } },
    });
    await page.evaluate(([k, t]) => localStorage.setItem(`${k}:previous`, t), [SPBE_KEY, damaged]);
    await page.reload({ waitUntil: 'load' });
    await ready(page);
    const notice = page.locator('[data-swn="previous-damaged"]');
    await notice.waitFor();
    const items = (await notice.locator('li').allTextContents()).map((t) => t.trim());
    assert.equal(items.length, 2, items.join('\n'));
    assert.deepEqual(Object.values(await stored(page, `${SPBE_KEY}:previous-damaged:`)), [damaged], 'the original text is kept');
    await source(page).waitFor();
    assert.equal(await source(page).getAttribute('data-integrity'), 'mismatch', 'what is left is not the checked file');
    // Told once: the entry was written again with what could be read, and says so still.
    await page.reload({ waitUntil: 'load' });
    await ready(page);
    await source(page).waitFor();
    assert.equal(await page.locator('[data-swn="previous-damaged"]').count(), 0);
    assert.equal(await source(page).getAttribute('data-integrity'), 'mismatch');

    await page.evaluate((k) => localStorage.setItem(`${k}:previous`, '{"format": "swanilai-save/1", '), SPBE_KEY);
    await page.reload({ waitUntil: 'load' });
    await ready(page);
    await page.locator('[data-swn="previous-corrupt"]').waitFor();
    assert.deepEqual(Object.values(await stored(page, `${SPBE_KEY}:previous-corrupt:`)), ['{"format": "swanilai-save/1", ']);
    assert.equal(await source(page).count(), 0, 'nothing to compare with');
    assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
  } finally {
    await close();
  }
});

test('what the page gives, read only in part, is kept under :import: and told', { timeout: 90_000 }, async () => {
  const { page, record, close } = await open(browser, server.url, SPBE_PAGE);
  try {
    await ready(page);
    const part = { ...year('2026', 2), region: 'Kabupaten Banjar' };
    part.answers['spbe-02'] = { value: 3, links: 'https://example.org/sk.pdf' };
    await page.evaluate((a) => document.querySelector('swanilai-assessment').widget.setAssessment(a), part);
    const notice = page.locator('[data-swn="given-damaged"]');
    await notice.waitFor();
    assert.equal(await notice.locator('li').count(), 2);
    const kept = Object.values(await stored(page, `${SPBE_KEY}:import:`));
    assert.equal(kept.length, 1);
    assert.deepEqual(JSON.parse(kept[0]), part, 'the text as the page gave it');

    const lastYear = { ...year('2025', 3), answers: { 'spbe-01': { value: 3, notes: 7 } } };
    await page.evaluate((a) => document.querySelector('swanilai-assessment').widget.setPrevious(a), lastYear);
    await page.locator('[data-swn="given-previous-damaged"]').waitFor();
    const both = Object.values(await stored(page, `${SPBE_KEY}:import:`)).map((t) => JSON.parse(t));
    assert.deepEqual(
      both.find((t) => t.region?.period === '2025'),
      lastYear,
    );
    // setPrevious replaces what was kept: that is backed up too.
    await page.evaluate((a) => document.querySelector('swanilai-assessment').widget.setPrevious(a), year('2024', 1));
    assert.equal(Object.keys(await stored(page, `${SPBE_KEY}:previous-backup:`)).length, 1);
    assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
  } finally {
    await close();
  }
});

test('the mount option `assessment` read only in part is kept under :import: and told', { timeout: 60_000 }, async () => {
  const PAGE = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>given</title></head>
<body><div id="a"></div></body></html>`;
  const { page, record, close } = await open(browser, server.url, 'given.html', { pages: { 'given.html': PAGE } });
  try {
    const given = { ...year('2026', 2), answers: { 'spbe-01': { value: 2, notes: 7 } } };
    const r = await page.evaluate(async (a) => {
      const swn = await import('./pkg/index.js');
      await swn.default();
      const host = document.getElementById('a');
      const w = await swn.mount(host, { set: 'spbe-2020', storageKey: 'given', assessment: a });
      const notice = host.shadowRoot.querySelector('[data-swn="given-damaged"]');
      const kept = Object.keys(localStorage).filter((k) => k.startsWith('swanilai:spbe-2020:given:import:'));
      return {
        value: w.assessment().answers['spbe-01'].value,
        notice: notice?.textContent ?? '',
        kept: kept.map((k) => localStorage.getItem(k)),
      };
    }, given);
    assert.equal(r.value, 2, 'what could be read is used');
    assert.match(r.notice, /diberikan halaman ini/);
    assert.deepEqual(
      r.kept.map((t) => JSON.parse(t)),
      [given],
    );
    assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
  } finally {
    await close();
  }
});

test("the smart city Baseline is proposed from last year's file, follows this year's answers, and is the official's once changed", {
  timeout: 120_000,
}, async () => {
  const { page, record, close } = await open(browser, server.url, 'smart-city-evaluasi.html');
  const KEY = 'swanilai:smart-city-evaluasi:Kabupaten Banjar';
  try {
    await ready(page);
    const set = await page.evaluate(async () => {
      const swn = await import('./pkg/index.js');
      await swn.default();
      const s = await swn.getSet('smart-city-evaluasi');
      return { id: s.id, version: s.version };
    });
    const doc = (period, level) => ({
      setId: set.id,
      setVersion: set.version,
      region: { name: 'Kabupaten Banjar', period },
      answers: { 'out-kbj-03': level, 'out-klb-02': level },
    });
    /** What the engine proposes for the widget's answers now. */
    const expected = (last) =>
      page.evaluate(async (prev) => {
        const swn = await import('./pkg/index.js');
        const s = await swn.getSet('smart-city-evaluasi');
        const now = document.querySelector('swanilai-assessment').widget.assessment();
        for (const id of ['bl-01', 'bl-02']) delete now.answers[id];
        delete now.carried;
        return Object.fromEntries(s.fillFromPrevious(prev, now).filled.map((f) => [f.indicator, f.value]));
      }, last);
    const values = async () => {
      const a = await page.evaluate(() => document.querySelector('swanilai-assessment').widget.assessment());
      return { 'bl-01': a.answers['bl-01']?.value, 'bl-02': a.answers['bl-02']?.value, carried: a.carried ?? {} };
    };
    // This year: two Output answers at level 4 (tab 1).
    await page.evaluate((a) => document.querySelector('swanilai-assessment').widget.setAssessment(a), doc('2026', 4));
    const last = doc('2025', 2);
    await importPrevious(page, 'banjar-2025.json', JSON.stringify(last));
    const proposed = page.locator('[data-swn="compare"] [data-swn="proposed"] li');
    await proposed.first().waitFor();
    assert.equal(await proposed.count(), 2);
    assert.match(await proposed.first().innerText(), /diusulkan dari berkas tahun lalu \(2025\)/);
    let want = await expected(last);
    let got = await values();
    assert.equal(got['bl-01'], want['bl-01'], "last year's index");
    assert.equal(got['bl-02'], want['bl-02'], 'the change, without the Baseline');
    assert.ok(want['bl-02'] > 0, `this year is better: ${want['bl-02']}`);
    assert.deepEqual(got.carried['bl-02'], { from: '2025', value: true });
    assert.equal(await page.locator('[data-i="1"][data-f="num"]').inputValue(), String(want['bl-02']).replace('.', ','));

    // An Output answer changes: the proposed change follows it.
    await page.locator('[data-tab="1"]').click();
    await page.locator('[data-i="6"][data-f="pick"][value="1"]').check();
    want = await expected(last);
    await page.waitForFunction(
      (w) => document.querySelector('swanilai-assessment').widget.assessment().answers['bl-02'].value === w,
      want['bl-02'],
    );
    // "Right" keeps it as it is; the next change of this year's answers leaves it alone.
    await page.locator('[data-swn="proposed"] [data-act="baseline-keep"][data-i="1"]').click();
    const kept = (await values())['bl-02'];
    assert.equal((await values()).carried['bl-02'], undefined, 'no longer marked');
    await page.locator('[data-i="6"][data-f="pick"][value="5"]').check();
    assert.equal((await values())['bl-02'], kept, 'confirmed: it stays');
    // Typed by the official: theirs (the mark goes); saved and so after a reload.
    await page.locator('[data-tab="0"]').click();
    await page.locator('[data-i="0"][data-f="num"]').fill('3,5');
    got = await values();
    assert.equal(got['bl-01'], 3.5);
    assert.equal(got.carried['bl-01'], undefined);
    assert.equal(await proposed.count(), 0, 'nothing proposed is left');
    assert.equal(await page.locator('article[data-ind="bl-01"] .swn-proposed-mark').count(), 0, 'typed: the card mark goes');
    await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).assessment.answers['bl-01'].value === 3.5, KEY);
    await page.reload({ waitUntil: 'load' });
    await ready(page);
    assert.equal((await values())['bl-01'], 3.5, 'an answer the official gave is never replaced');
    assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
  } finally {
    await close();
  }
});

test('a proposed Baseline answer can be cleared, and stays marked across reloads until then', { timeout: 90_000 }, async () => {
  const { page, record, close } = await open(browser, server.url, 'smart-city-evaluasi.html');
  try {
    await ready(page);
    const last = { setId: 'smart-city-evaluasi', region: { period: '2025' }, answers: { 'out-kbj-03': 3 } };
    await importPrevious(page, 'lalu.json', JSON.stringify(last));
    const proposed = page.locator('[data-swn="proposed"] li');
    await proposed.first().waitFor();
    // On the card too, beside the number: the mark the widget adds, and the one the card is
    // drawn with after a reload.
    const mark = page.locator('article[data-ind="bl-01"] .swn-proposed-mark');
    assert.equal(await mark.innerText(), 'diusulkan dari berkas tahun lalu (2025)');
    assert.equal(await page.locator('[data-i="0"][data-f="num"]').getAttribute('data-proposed'), '');
    await page.reload({ waitUntil: 'load' });
    await ready(page);
    await proposed.first().waitFor();
    assert.equal(await mark.innerText(), 'diusulkan dari berkas tahun lalu (2025)', 'marked on the card after a reload');
    const a = await page.evaluate(() => document.querySelector('swanilai-assessment').widget.assessment());
    assert.equal(a.carried['bl-01'].value, true, 'still marked after a reload');
    await page.locator('[data-swn="proposed"] [data-act="baseline-drop"][data-i="0"]').click();
    assert.equal(await mark.count(), 0, 'cleared: no mark');
    const b = await page.evaluate(() => document.querySelector('swanilai-assessment').widget.assessment());
    assert.equal(b.answers['bl-01']?.value, undefined, 'cleared');
    assert.equal(b.carried?.['bl-01'], undefined);
    assert.equal(await page.locator('[data-i="0"][data-f="num"]').inputValue(), '');
    assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
  } finally {
    await close();
  }
});

test("another tab's save read only in part is kept under :damaged: and told before this tab loads it", { timeout: 90_000 }, async () => {
  const { page, record, close } = await open(browser, server.url, SPBE_PAGE);
  try {
    await ready(page);
    await pick(page, 0, 3);
    await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? 'null')?.rev >= 1, SPBE_KEY);
    // Another tab, of a version that writes notes as a number, saved meanwhile.
    const theirs = JSON.stringify({
      format: 'swanilai-save/1',
      rev: 9,
      writer: 'newer-tab',
      savedAt: '2026-03-01T08:00:00Z',
      assessment: { setId: 'spbe-2020', setVersion: VERSION, answers: { 'spbe-02': { value: 4, notes: 7 } } },
    });
    await page.evaluate(([k, t]) => localStorage.setItem(k, t), [SPBE_KEY, theirs]);
    await pick(page, 2, 2);
    await page.locator('[data-act="other-load"]').click();
    const notice = page.locator('[data-swn="damaged"]');
    await notice.waitFor();
    assert.equal(await notice.locator('li').count(), 1, await notice.innerText());
    assert.deepEqual(Object.values(await stored(page, `${SPBE_KEY}:damaged:`)), [theirs], 'kept as it was');
    assert.equal(
      (await page.evaluate(() => document.querySelector('swanilai-assessment').widget.assessment())).answers['spbe-02'].value,
      4,
    );
    assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
  } finally {
    await close();
  }
});
