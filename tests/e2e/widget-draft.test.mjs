// Text that a number field rejects is never saved as an answer, but it is not thrown away
// either: it stays in its field, with its error, when the card is drawn again (another tab,
// the other language, a reload) until the official corrects or clears it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertClean,
  card,
  launchBrowser,
  openTab,
  openWidget,
  savedDoc,
  saveKey,
  seedSave,
  startServer,
  waitReady,
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

/** The field, its error text and its aria-invalid, as the screen shows them now. */
async function field(page, id) {
  const c = card(page, id);
  const input = c.locator('[data-f="num"]');
  return {
    value: await input.inputValue(),
    error: ((await c.locator('[data-err]').textContent()) ?? '').trim(),
    invalid: await input.getAttribute('aria-invalid'),
    score: ((await c.locator('[data-score]').textContent()) ?? '').trim(),
  };
}

const SET = 'gm100sc-kesiapan';
const KEY = saveKey(SET);

/** Reloads the page and waits for the widget. */
async function reload(page, record) {
  await page.reload({ waitUntil: 'load' });
  await waitReady(page, record);
}

/** Waits until the save holds a `drafts` list (`present`) or none. */
async function waitForDrafts(page, present) {
  await page.waitForFunction(([k, want]) => (localStorage.getItem(k) ?? '').includes('"drafts"') === want, [KEY, present]);
}

/** Removes this file's save, so that the next test starts empty. */
async function forget(page) {
  await page.evaluate((k) => localStorage.removeItem(k), KEY).catch(() => {});
}

async function roundTrip(page) {
  await openTab(page, 1);
  assert.equal(await card(page, 'str-tk-02').count(), 0, 'the card left the screen');
  await openTab(page, 0);
}

test('rejected number text stays, with its error, across tab and language switches until corrected or cleared', {
  timeout: 90_000,
}, async () => {
  const { page, close } = await openWidget(browser, `${server.url}index.html`);
  try {
    const input = () => card(page, 'str-tk-02').locator('[data-f="num"]');

    await input().fill('3,5x');
    let f = await field(page, 'str-tk-02');
    assert.deepEqual([f.value, f.error, f.invalid], ['3,5x', 'Bukan angka yang sah.', 'true']);
    assert.match(f.score, /belum dijawab/i, 'nothing was saved as an answer');

    await roundTrip(page);
    f = await field(page, 'str-tk-02');
    assert.deepEqual([f.value, f.error, f.invalid], ['3,5x', 'Bukan angka yang sah.', 'true'], 'after a tab switch');

    await page.locator('[data-act="lang"]').click();
    await page.locator('.swn[lang="en"]').waitFor();
    f = await field(page, 'str-tk-02');
    assert.deepEqual([f.value, f.error, f.invalid], ['3,5x', 'Not a valid number.', 'true'], 'in English');
    await page.locator('[data-act="lang"]').click();
    await page.locator('.swn[lang="id"]').waitFor();

    // Corrected: saved, and the error and the kept text are gone.
    await input().fill('3,5');
    f = await field(page, 'str-tk-02');
    assert.deepEqual([f.value, f.error, f.invalid], ['3,5', '', 'false']);
    await roundTrip(page);
    f = await field(page, 'str-tk-02');
    assert.deepEqual([f.value, f.error], ['3,5', '']);
    assert.match(f.score, /3,50/);

    // Out of the scale: kept the same way, while the saved answer stays 3,5.
    await input().fill('99');
    await roundTrip(page);
    f = await field(page, 'str-tk-02');
    assert.equal(f.value, '99');
    assert.match(f.error, /99/);
    assert.match(f.error, /\. Yang dinilai tetap jawaban sebelumnya: 3,5\.$/, 'the error says which answer still counts');
    assert.match(f.score, /3,50/, 'the saved answer is still 3,5');

    // Clearing the answer clears the kept text and its error too.
    await card(page, 'str-tk-02').locator('[data-act="clear"]').click();
    f = await field(page, 'str-tk-02');
    assert.deepEqual([f.value, f.error], ['', '']);
    await roundTrip(page);
    f = await field(page, 'str-tk-02');
    assert.deepEqual([f.value, f.error, f.invalid], ['', '', null]);

    // Kept text keeps the meaning it was typed with: "1.500" in Indonesian is 1500 (off the
    // 0-5 scale), and stays so in English, where "1.500" would read as 1.5.
    await input().fill('1.500');
    f = await field(page, 'str-tk-02');
    assert.match(f.error, /sampai 5, bukan 1\.500\./);
    await page.locator('[data-act="lang"]').click();
    await page.locator('.swn[lang="en"]').waitFor();
    f = await field(page, 'str-tk-02');
    assert.equal(f.value, '1.500');
    assert.match(f.error, /from 0 to 5, got 1,500\./);
    assert.match(f.score, /not answered/i, 'and it is still not saved');
  } finally {
    await close();
  }
});

test('typing that ends in a refused number scores the answer from before the typing, never a prefix of it', {
  timeout: 90_000,
}, async () => {
  const { page, record, close } = await openWidget(browser, `${server.url}index.html`);
  try {
    const input = () => card(page, 'str-tk-02').locator('[data-f="num"]');
    // Key by key: "1" is a valid answer on the way to "12", which is off the 0-5 scale.
    await input().pressSequentially('12');
    let f = await field(page, 'str-tk-02');
    assert.equal(f.value, '12');
    assert.match(f.error, /sampai 5, bukan 12\.$/, 'no answer counted before the typing');
    assert.match(f.score, /belum dijawab/i, 'the "1" typed on the way is not scored');
    await input().press('Tab');

    await input().fill('3,5');
    await input().press('Tab');
    f = await field(page, 'str-tk-02');
    assert.match(f.score, /3,50/);
    // Typing again: "4" scores while typing, "45" is refused and 3,5 (not 4) counts again.
    await input().selectText();
    await input().pressSequentially('4');
    assert.match((await field(page, 'str-tk-02')).score, /4,00/, 'a valid number scores as it is typed');
    await input().pressSequentially('5');
    f = await field(page, 'str-tk-02');
    assert.equal(f.value, '45');
    assert.match(f.error, /\. Yang dinilai tetap jawaban sebelumnya: 3,5\.$/);
    assert.match(f.score, /3,50/, 'the answer from before the typing');
    await input().press('Tab');
    await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? '{}').assessment?.answers?.['str-tk-02']?.value === 3.5, KEY);

    // Typing that ends where it began fires no `change`; a cleared answer is not brought back
    // by a later refusal all the same.
    await input().fill('3');
    await input().press('Tab');
    await input().focus();
    await input().pressSequentially('0'); // "30": refused, 3 counts
    await input().press('Backspace'); // "3" again
    await input().press('Tab');
    await card(page, 'str-tk-02').locator('[data-act="clear"]').click();
    await input().pressSequentially('9');
    f = await field(page, 'str-tk-02');
    assert.match(f.score, /belum dijawab/i, 'the cleared answer stays cleared');
    await input().press('Tab');
    await input().fill('3,5');
    await input().press('Tab');
    await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? '{}').assessment?.answers?.['str-tk-02']?.value === 3.5, KEY);
    await input().fill('45');
    await input().press('Tab');
    await reload(page, record);
    f = await field(page, 'str-tk-02');
    assert.equal(f.value, '45');
    assert.match(f.score, /3,50/, 'and after a reload');
    assertClean(record);
  } finally {
    await forget(page);
    await close();
  }
});

test('rejected number text is saved beside the answers and comes back after a reload', { timeout: 90_000 }, async () => {
  const { page, record, close } = await openWidget(browser, `${server.url}index.html`);
  try {
    const input = () => card(page, 'str-tk-02').locator('[data-f="num"]');
    await input().fill('3,5');
    await input().blur(); // left the field: 3,5 is its answer now
    await input().fill('1.500'); // Indonesian: 1500, off the 0-5 scale
    await waitForDrafts(page, true);
    let s = await savedDoc(page, KEY);
    assert.deepEqual(s.drafts, [{ indicator: 'str-tk-02', text: '1.500', lang: 'id' }]);
    assert.equal(s.assessment.answers['str-tk-02'].value, 3.5, 'the answer stays the last valid one');

    await reload(page, record);
    let f = await field(page, 'str-tk-02');
    assert.equal(f.value, '1.500');
    assert.match(f.error, /sampai 5, bukan 1\.500\./, 'read as it was typed, in Indonesian');
    assert.equal(f.invalid, 'true');
    assert.match(f.score, /3,50/, 'the saved answer is still 3,5');

    // Corrected: the draft leaves the save too, and does not come back.
    await input().fill('4');
    await waitForDrafts(page, false);
    s = await savedDoc(page, KEY);
    assert.equal(s.drafts, undefined);
    assert.equal(s.assessment.answers['str-tk-02'].value, 4);
    await reload(page, record);
    f = await field(page, 'str-tk-02');
    assert.deepEqual([f.value, f.error, f.invalid], ['4', '', null]);
  } finally {
    await forget(page);
    await close();
  }
});

test('saved drafts that no longer apply are dropped when the widget starts, and listed in a notice', { timeout: 90_000 }, async () => {
  const { page, close } = await openWidget(browser, `${server.url}index.html`);
  try {
    const drafts = [
      { indicator: 'str-tk-02', text: '7', lang: 'id' }, // still off the 0-5 scale: kept
      { indicator: 'str-ang-01', text: '1,5', lang: 'id' }, // a valid number now: dropped
      { indicator: 'str-sdm-01', text: 'x', lang: 'id' }, // a level, no number field: dropped
      { indicator: 'no-such-indicator', text: 'x', lang: 'en' }, // not in the set: dropped
    ];
    await seedSave(page, SET, { setId: SET, setVersion: '1', answers: {} }, undefined, { drafts });
    const f = await field(page, 'str-tk-02');
    assert.equal(f.value, '7');
    assert.match(f.error, /7/);
    assert.equal(await card(page, 'str-ang-01').locator('[data-f="num"]').inputValue(), '');
    // What was dropped is listed, so the official can type it again.
    const notice = page.locator('[data-swn="notices"] .swn-notice', { hasText: 'Teks angka' });
    assert.deepEqual(
      (await notice.locator('li').allTextContents()).map((t) => t.trim()),
      ['str-ang-01: 1,5', 'str-sdm-01: x', 'no-such-indicator: x'],
    );

    // The next save keeps only the draft that still applies.
    await card(page, 'str-sdm-01').locator('input[value="2"]').check();
    await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).rev > 1, KEY);
    const s = await savedDoc(page, KEY);
    assert.deepEqual(s.drafts, [drafts[0]]);
  } finally {
    await forget(page);
    await close();
  }
});

test('a reset takes rejected number text with it, and its undo brings the text back', { timeout: 90_000 }, async () => {
  const { page, close } = await openWidget(browser, `${server.url}index.html`);
  const savedDrafts = async () => (await savedDoc(page, KEY))?.drafts;
  try {
    const input = () => card(page, 'str-tk-02').locator('[data-f="num"]');
    await input().fill('3,5x');
    await waitForDrafts(page, true);

    page.once('dialog', (d) => d.accept());
    await page.locator('[data-act="reset"]').click();
    await page.locator('[data-act="undo-reset"]').waitFor();
    let f = await field(page, 'str-tk-02');
    assert.deepEqual([f.value, f.error], ['', ''], 'the reset empties the field');
    assert.equal(await savedDrafts(), undefined, 'and the save');

    await page.locator('[data-act="undo-reset"]').click();
    await page.locator('[data-act="reset"]').waitFor();
    f = await field(page, 'str-tk-02');
    assert.deepEqual([f.value, f.error, f.invalid], ['3,5x', 'Bukan angka yang sah.', 'true'], 'undone');
    assert.deepEqual(await savedDrafts(), [{ indicator: 'str-tk-02', text: '3,5x', lang: 'id' }]);
  } finally {
    await forget(page);
    await close();
  }
});

test('a huge paste into a number field is not saved, and answers given after it still are', { timeout: 120_000 }, async () => {
  const { page, record, close } = await openWidget(browser, `${server.url}index.html`);
  try {
    // Six megabytes: with every save carrying it, localStorage (about 5 MB) filled up.
    await card(page, 'str-tk-02').locator('[data-f="num"]').fill('x'.repeat(6_000_000));
    await card(page, 'str-sdm-01').locator('input[value="2"]').check();
    await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? '{}').assessment?.answers?.['str-sdm-01'], KEY);
    const s = await savedDoc(page, KEY);
    assert.equal(s.assessment.answers['str-sdm-01'].value, 2);
    assert.equal(s.drafts, undefined, 'the pasted text is not saved');
    assert.equal(
      await page
        .locator('[data-swn="notices"]')
        .textContent()
        .then((t) => /penuh/i.test(t ?? '')),
      false,
      'no storage-full notice',
    );
    const f = await field(page, 'str-tk-02');
    assert.equal(f.value.length, 6_000_000, 'the text stays on screen');
    assert.equal(f.invalid, 'true');

    await reload(page, record);
    assert.ok(await card(page, 'str-sdm-01').locator('input[value="2"]').isChecked(), 'the answer survives a reload');
  } finally {
    await forget(page);
    await close();
  }
});

test('a number field bounded on one side shows that bound, in words, beside it and in its error', { timeout: 90_000 }, async () => {
  const { page, record, close } = await openWidget(browser, `${server.url}smart-city-evaluasi.html`);
  try {
    await openTab(page, 1); // output
    const c = card(page, 'out-klb-03'); // Smart City Forum meetings: at least 0, no maximum
    assert.equal((await c.locator('.swn-range').textContent())?.trim(), '(paling kecil 0)');
    await c.locator('[data-f="num"]').fill('-3');
    assert.equal(((await c.locator('[data-err]').textContent()) ?? '').trim(), 'Nilai harus paling kecil 0, bukan -3.');
    await page.locator('[data-act="lang"]').click();
    await page.locator('.swn[lang="en"]').waitFor();
    assert.equal((await card(page, 'out-klb-03').locator('.swn-range').textContent())?.trim(), '(at least 0)');
    assertClean(record);
  } finally {
    await close();
  }
});
