// No lost work when storage misbehaves, in Chromium on the demo's SPBE page:
//   - corrupted saved data: the widget starts, explains, and keeps the text under a backup key;
//   - a save read only in part: the same, under another key, with what was left out listed;
//   - storage full (setItem throws QuotaExceededError): saved answers still load, it warns,
//     keeps working in memory, and export still works;
//   - storage full, nothing new answered: the 400 ms tick neither reads nor writes storage;
//   - storage disabled (the localStorage getter throws): it warns, works, exports;
//   - a set version changed since the save: answers carried over by id, orphaned answers
//     listed and still in widget.assessment() and in the next save;
//   - two tabs editing one assessment: the later save does not silently erase the other's
//     answers; the widget asks, and both choices work (the discarded side kept as a backup).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startServer, WWW_ROOT } from './helpers.mjs';
import {
  assertNotice,
  assessment,
  downloadJson,
  open,
  pick,
  picked,
  ready,
  saveText,
  SPBE_KEY,
  SPBE_PAGE,
  stored,
} from './reliability-helpers.mjs';

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

/** Breaks localStorage.setItem the way a full quota does (every key, every time). */
const STORAGE_FULL = () => {
  Storage.prototype.setItem = function setItem() {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
};

/** Disables localStorage the way privacy settings and sandboxed frames do. */
const STORAGE_DISABLED = () => {
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    },
  });
};

const SPBE_VERSION = '2020.1';

/** Waits until the autosave holds `value` for indicator `id` (saving runs right after the answer's event). */
async function waitSaved(page, id, value) {
  await page.waitForFunction(
    ([k, i, v]) => {
      try {
        return JSON.parse(localStorage.getItem(k)).assessment.answers[i].value === v;
      } catch {
        return false;
      }
    },
    [SPBE_KEY, id, value],
    { timeout: 5_000 },
  );
}

test('corrupted saved data: the widget starts, explains, and keeps the text under a backup key', { timeout: 90_000 }, async () => {
  const { page, record, close } = await open(browser, server.url, SPBE_PAGE);
  try {
    await ready(page);
    const corrupt = '{"format":"swanilai-save/1","rev":3,"assessment":{"setId":"spbe-2020","answers":{"spbe-01":{"value":3,';
    await page.evaluate(([k, t]) => localStorage.setItem(k, t), [SPBE_KEY, corrupt]);
    await page.reload({ waitUntil: 'load' });
    await ready(page);
    await assertNotice(page, 'Data tersimpan rusak', 'after a corrupted save');
    const backups = await stored(page, `${SPBE_KEY}:corrupt:`);
    assert.deepEqual(Object.values(backups), [corrupt], `the corrupted text under ${SPBE_KEY}:corrupt:<ms>`);

    // It works: an answer scores and is saved over the broken text (which stays in the backup).
    await pick(page, 0, 3);
    // The save runs right after the answer's event: wait for it to replace the broken text.
    await waitSaved(page, 'spbe-01', 3);
    const saved = JSON.parse((await stored(page, SPBE_KEY))[SPBE_KEY]);
    assert.equal(saved.assessment.answers['spbe-01'].value, 3);
    assert.deepEqual(Object.values(await stored(page, `${SPBE_KEY}:corrupt:`)), [corrupt]);
    assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
  } finally {
    await close();
  }
});

test('a save read only in part is kept whole under a backup key and told before anything is saved over it', {
  timeout: 90_000,
}, async () => {
  const { page, record, close } = await open(browser, server.url, SPBE_PAGE);
  try {
    await ready(page);
    // Region as a string, notes as a number, links as a string, a value that is an object:
    // each field is left out when read, and the next autosave would erase it for good.
    const damaged = JSON.stringify({
      format: 'swanilai-save/1',
      rev: 4,
      writer: 'wZ',
      assessment: {
        setId: 'spbe-2020',
        setVersion: SPBE_VERSION,
        region: 'Kabupaten Banjar',
        answers: {
          'spbe-01': { value: 3, notes: 7 },
          'spbe-02': { value: 4, links: 'https://example.org/sk.pdf' },
          'spbe-03': { value: { level: 2 }, notes: 'SK 12' },
        },
      },
    });
    await page.evaluate(([k, t]) => localStorage.setItem(k, t), [SPBE_KEY, damaged]);
    await page.reload({ waitUntil: 'load' });
    await ready(page);
    const notice = page.locator('[data-swn="damaged"]');
    await notice.waitFor({ timeout: 10_000 });
    const items = (await notice.locator('li').allTextContents()).map((t) => t.trim());
    assert.equal(items.length, 4, items.join('\n'));
    assert.match(items[0], /^region: /, 'the region, by its path');
    assert.match(items[1], /^1\. .+: /, 'an answer, by its indicator');
    assert.deepEqual(Object.values(await stored(page, `${SPBE_KEY}:damaged:`)), [damaged], 'the original text is kept');
    assert.equal((await assessment(page)).answers['spbe-01'].value, 3, 'what could be read is loaded');

    // The next autosave writes over the stored save: the original stays in its backup.
    await pick(page, 4, 1);
    await waitSaved(page, 'spbe-05', 1);
    assert.deepEqual(Object.values(await stored(page, `${SPBE_KEY}:damaged:`)), [damaged]);
    assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
  } finally {
    await close();
  }
});

test('storage full: the 400 ms tick leaves storage alone until there is something new to save', { timeout: 90_000 }, async () => {
  // Every storage call counted; the page's timers run on Playwright's clock, moved by hand.
  const COUNTING_FULL = () => {
    window.__storageCalls = 0;
    const { getItem } = Storage.prototype;
    Storage.prototype.getItem = function counted(...args) {
      window.__storageCalls += 1;
      return getItem.apply(this, args);
    };
    Storage.prototype.setItem = function setItem() {
      window.__storageCalls += 1;
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  };
  const ctx = await browser.newContext({ acceptDownloads: true });
  await ctx.clock.install();
  const { page, record, close } = await open(browser, server.url, SPBE_PAGE, { init: [COUNTING_FULL], context: ctx });
  const calls = () => page.evaluate(() => window.__storageCalls);
  try {
    await ready(page);
    await pick(page, 0, 3);
    await page.clock.runFor(1_000);
    await assertNotice(page, 'Penyimpanan peramban penuh', 'with a full storage');
    const tried = await calls();
    assert.ok(tried > 0, 'the answer was tried in storage');
    // Ten ticks with nothing new: no read and no write of the save.
    await page.clock.runFor(4_000);
    assert.equal(await calls(), tried, 'storage calls while nothing changed');
    // A new answer is tried again (so the count above could have moved).
    await pick(page, 1, 2);
    await page.clock.runFor(1_000);
    assert.ok((await calls()) > tried, 'a new answer is tried');
    assert.equal((await assessment(page)).answers['spbe-02'].value, 2);
    assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
  } finally {
    await close();
    await ctx.close();
  }
});

test('storage full: saved answers load, the widget warns, works in memory and exports', { timeout: 90_000 }, async () => {
  const { page, context, record, close } = await open(browser, server.url, SPBE_PAGE);
  try {
    await ready(page);
    const earlier = { setId: 'spbe-2020', setVersion: SPBE_VERSION, answers: { 'spbe-01': { value: 4, notes: 'Perbup 12/2024' } } };
    await page.evaluate(([k, t]) => localStorage.setItem(k, t), [SPBE_KEY, saveText(earlier)]);
    await context.addInitScript(STORAGE_FULL);
    await page.reload({ waitUntil: 'load' });
    await ready(page);

    assert.ok(await picked(page, 0, 4), 'the answer saved before the storage filled up is restored');
    await assertNotice(page, 'Penyimpanan peramban penuh', 'with a full storage');

    await pick(page, 1, 2);
    const a = await assessment(page);
    assert.equal(a.answers['spbe-01'].value, 4);
    assert.equal(a.answers['spbe-02'].value, 2, 'the new answer is kept in memory');
    // Nothing could be written: the earlier save is untouched.
    const saved = JSON.parse((await stored(page, SPBE_KEY))[SPBE_KEY]);
    assert.deepEqual(Object.keys(saved.assessment.answers), ['spbe-01']);

    const file = JSON.parse(await downloadJson(page));
    assert.equal(file.content.assessment.answers['spbe-02'].value, 2, 'the export holds the unsaved answer');
    assert.equal(file.content.assessment.answers['spbe-01'].notes, 'Perbup 12/2024');
    assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);

    // The notice is far above the question just answered: a warning stays in view, was read
    // out, leads to the notice, and leaving the page asks first.
    // Closing the notice does not make the changes saved: the warning stays, leaving the page
    // still asks, and the warning brings the notice back.
    await page.locator('[data-blocking] [data-act="dismiss"]').click();
    assert.equal(await page.locator('[data-blocking]').count(), 0, 'the notice is closed');
    await pick(page, 2, 3);
    assert.equal(await page.locator('[data-blocking]').count(), 0, 'and stays closed after the next answer');
    assert.equal(await unloadGuards(page), 1);
    await assertUnsavedWarning(page, record, 'Penyimpanan peramban penuh');
  } finally {
    await close();
  }
});

/**
 * Checks the "changes are not saved" warning: shown in the sticky bar, said by the status
 * region, a click focuses a button of the notice `notice` names, and closing the page asks.
 */
async function assertUnsavedWarning(page, record, notice) {
  const warning = page.locator('.swn-unsaved');
  assert.ok(await warning.isVisible(), 'the warning is on screen');
  // Every announcement says so while it lasts (a later score announcement replaces the notice's).
  assert.match((await page.locator('[data-swn="status"]').textContent()) ?? '', /belum tersimpan/);
  await warning.click();
  const focusedIn = await page.evaluate(() => {
    const root = document.querySelector('swanilai-assessment').shadowRoot;
    return root.activeElement?.closest('[data-blocking]')?.textContent ?? null;
  });
  assert.match(focusedIn ?? '(focus elsewhere)', new RegExp(notice), 'focus moved into the notice saying why');
  // Leaving asks first: a beforeunload listener is attached and cancels the event (which is
  // what makes the browser ask). Checked with a dispatched event: closing a page with a real
  // dialog crashed headless Chromium now and then.
  assert.equal(await unloadGuards(page), 1, 'a beforeunload listener');
  const cancelled = await page.evaluate(() => !window.dispatchEvent(new Event('beforeunload', { cancelable: true })));
  assert.ok(cancelled, 'it asks before the page closes');
  assert.equal(record.dialogs, 0);
}

test('storage disabled: the widget warns, works in memory and exports', { timeout: 90_000 }, async () => {
  const { page, record, close } = await open(browser, server.url, SPBE_PAGE, { init: [STORAGE_DISABLED] });
  try {
    await ready(page);
    await assertNotice(page, 'Penyimpanan peramban tidak tersedia', 'with storage disabled');
    await pick(page, 0, 5);
    await pick(page, 1, 3);
    const a = await assessment(page);
    assert.equal(a.answers['spbe-01'].value, 5);
    const file = JSON.parse(await downloadJson(page));
    assert.equal(file.content.assessment.answers['spbe-02'].value, 3);
    assert.equal(typeof file.sha256, 'string');
    assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
    await assertUnsavedWarning(page, record, 'Penyimpanan peramban tidak tersedia');
    assert.equal(await page.locator('.swn-saved').textContent(), '', 'never saved: no "saved" time');
  } finally {
    await close();
  }
});

test('a set version changed since the save: answers carried over by id, orphans listed and kept', { timeout: 90_000 }, async () => {
  const { page, record, close } = await open(browser, server.url, SPBE_PAGE);
  try {
    await ready(page);
    const old = {
      setId: 'spbe-2020',
      setVersion: '2019.9',
      answers: {
        'spbe-01': { value: 3, notes: 'SK 2019' },
        'spbe-02': 5,
        'spbe-99-dihapus': { value: 2, notes: 'indikator lama', links: ['https://contoh.go.id/lama'] },
      },
    };
    await page.evaluate(([k, t]) => localStorage.setItem(k, t), [SPBE_KEY, saveText(old)]);
    await page.reload({ waitUntil: 'load' });
    await ready(page);

    await assertNotice(page, 'versi set lain', 'after a save of another version');
    await assertNotice(page, 'spbe-99-dihapus', 'the orphaned answer is listed');
    assert.ok(await picked(page, 0, 3), 'spbe-01 carried over by id');
    assert.ok(await picked(page, 1, 5), 'spbe-02 carried over by id');
    let a = await assessment(page);
    assert.equal(a.setVersion, SPBE_VERSION);
    assert.deepEqual(a.answers['spbe-99-dihapus'], old.answers['spbe-99-dihapus'], 'the orphan is in widget.assessment()');

    // The next save keeps it too.
    await pick(page, 2, 4);
    await waitSaved(page, 'spbe-03', 4);
    // The sticky bar says when this page last saved.
    await page.waitForFunction(() =>
      /^Tersimpan otomatis \d{2}\.\d{2}$/.test(
        document.querySelector('swanilai-assessment').shadowRoot.querySelector('.swn-saved').textContent,
      ),
    );
    const saved = JSON.parse((await stored(page, SPBE_KEY))[SPBE_KEY]);
    assert.equal(saved.assessment.answers['spbe-03'].value, 4);
    assert.deepEqual(saved.assessment.answers['spbe-99-dihapus'], old.answers['spbe-99-dihapus']);
    a = await assessment(page);
    assert.ok('spbe-99-dihapus' in a.answers);
    assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
  } finally {
    await close();
  }
});

/** Two pages of one context (two tabs) on the SPBE page, both with an empty assessment. */
async function twoTabs() {
  const context = await browser.newContext({ acceptDownloads: true });
  const a = await open(browser, server.url, SPBE_PAGE, { context });
  await ready(a.page);
  const b = await open(browser, server.url, SPBE_PAGE, { context });
  await ready(b.page);
  return { context, a, b };
}

/** How many `beforeunload` listeners the window has (through the DevTools protocol). */
async function unloadGuards(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    return listeners.filter((l) => l.type === 'beforeunload').length;
  } finally {
    await cdp.detach();
  }
}

const otherTab = (page) => page.locator('[data-swn="other-tab"]').first();

test('two tabs: the later save asks instead of erasing; "load that version" works', { timeout: 120_000 }, async () => {
  const { context, a, b } = await twoTabs();
  try {
    assert.equal(await unloadGuards(b.page), 0, 'nothing unsaved: leaving the page is not held up');
    await pick(a.page, 0, 3); // tab A saves first
    await otherTab(b.page).waitFor({ timeout: 10_000 }); // tab B hears of it at once
    await pick(b.page, 1, 4); // tab B edits anyway: its save must not erase A's answer
    const saved = JSON.parse((await stored(b.page, SPBE_KEY))[SPBE_KEY]);
    assert.equal(saved.assessment.answers['spbe-01']?.value, 3, "A's answer is still saved");
    assert.equal(saved.assessment.answers['spbe-02'], undefined, 'B did not overwrite silently');
    // Until the official chooses, B's work is kept under a backup key (closing the tab now
    // loses nothing) and a warning stays in view.
    await b.page.waitForFunction((k) => Object.keys(localStorage).some((x) => x.startsWith(`${k}:unsaved:`)), SPBE_KEY);
    const pending = Object.values(await stored(b.page, `${SPBE_KEY}:unsaved:`)).map((t) => JSON.parse(t));
    assert.ok(
      pending.some((d) => d.assessment.answers['spbe-02']?.value === 4),
      JSON.stringify(pending),
    );
    assert.ok(await b.page.locator('.swn-unsaved').isVisible(), 'B warns that its changes are not saved');
    assert.equal(await unloadGuards(b.page), 1, 'and asks before its page closes');

    await b.page.locator('[data-act="other-load"]').first().click();
    await b.page.waitForFunction(() => !document.querySelector('swanilai-assessment').shadowRoot.querySelector('[data-swn="other-tab"]'));
    assert.ok(await picked(b.page, 0, 3), "B now shows A's answer");
    assert.equal(await unloadGuards(b.page), 0, 'resolved: the question before closing is gone');
    assert.equal(await b.page.locator('.swn-unsaved').isVisible(), false);
    const mine = await assessment(b.page);
    assert.equal(mine.answers['spbe-01'].value, 3);
    // B's own edit was not thrown away: it is kept under a backup key.
    const backups = Object.values(await stored(b.page, `${SPBE_KEY}:backup:`)).map((t) => JSON.parse(t));
    assert.ok(
      backups.some((d) => d.assessment?.answers?.['spbe-02']?.value === 4),
      `B's discarded answer kept as a backup: ${JSON.stringify(backups)}`,
    );
    assert.deepEqual(Object.keys(await stored(b.page, `${SPBE_KEY}:unsaved:`)), [], 'settled: no closed-tab offer later');
    assert.deepEqual([...a.record.pageErrors, ...a.record.consoleErrors, ...b.record.pageErrors, ...b.record.consoleErrors], []);
  } finally {
    await context.close();
  }
});

test('two tabs: "keep this version" saves mine, keeps theirs as a backup, and the other tab is asked', { timeout: 120_000 }, async () => {
  const { context, a, b } = await twoTabs();
  try {
    await pick(a.page, 0, 2);
    await otherTab(b.page).waitFor({ timeout: 10_000 });
    await pick(b.page, 1, 5);
    await b.page.locator('[data-act="other-keep"]').first().click();

    const saved = JSON.parse((await stored(b.page, SPBE_KEY))[SPBE_KEY]);
    assert.equal(saved.assessment.answers['spbe-02']?.value, 5, "B's version is saved");
    const backups = Object.values(await stored(b.page, `${SPBE_KEY}:backup:`)).map((t) => JSON.parse(t));
    assert.ok(
      backups.some((d) => d.assessment?.answers?.['spbe-01']?.value === 2),
      `A's overwritten answer kept as a backup: ${JSON.stringify(backups)}`,
    );
    // Now A is the one behind: it is asked in turn before its next save.
    await otherTab(a.page).waitFor({ timeout: 10_000 });
    await pick(a.page, 2, 1);
    const still = JSON.parse((await stored(a.page, SPBE_KEY))[SPBE_KEY]);
    assert.equal(still.assessment.answers['spbe-03'], undefined, "A did not overwrite B's save silently");
    await a.page.locator('[data-act="other-keep"]').first().click();
    const last = JSON.parse((await stored(a.page, SPBE_KEY))[SPBE_KEY]);
    assert.equal(last.assessment.answers['spbe-03']?.value, 1);
    assert.deepEqual([...a.record.pageErrors, ...a.record.consoleErrors, ...b.record.pageErrors, ...b.record.consoleErrors], []);
  } finally {
    await context.close();
  }
});

test('two tabs: "combine both" keeps the answers and notes of each, and this tab\'s where both changed one', {
  timeout: 120_000,
}, async () => {
  const { context, a, b } = await twoTabs();
  try {
    await pick(a.page, 0, 3); // A answers indicator 1 and 3
    await pick(a.page, 2, 2);
    await otherTab(b.page).waitFor({ timeout: 10_000 });
    await pick(b.page, 1, 4); // B answers indicator 2, and indicator 3 differently
    await pick(b.page, 2, 5);
    await b.page.locator('[data-i="1"][data-f="notes"]').first().fill('SK Arsitektur SPBE');
    await b.page.locator('[data-act="other-merge"]').first().click();
    await b.page.waitForFunction(() => !document.querySelector('swanilai-assessment').shadowRoot.querySelector('[data-swn="other-tab"]'));

    const both = await assessment(b.page);
    assert.equal(both.answers['spbe-01']?.value, 3, "A's answer");
    assert.equal(both.answers['spbe-02']?.value, 4, "B's answer");
    assert.equal(both.answers['spbe-02']?.notes, 'SK Arsitektur SPBE', "B's note");
    assert.equal(both.answers['spbe-03']?.value, 5, "changed in both: this tab's");
    assert.ok(await picked(b.page, 0, 3), "the form shows A's answer");
    const told = await b.page.locator('[data-swn="notices"]').innerText();
    assert.match(told, /sudah digabungkan\. Untuk yang berikut kedua tab berbeda/);
    // Screen readers hear it too, once the redrawn live region has been seen (the next tick).
    await b.page.waitForFunction(() =>
      /sudah digabungkan\.[\s\S]*3\. /.test(
        document.querySelector('swanilai-assessment').shadowRoot.querySelector('[data-swn="status"]').textContent,
      ),
    );
    assert.match(told, /\n3\. [^\n]+/, 'names the indicator changed in both');
    // In the language of the moment.
    await b.page.locator('[data-act="lang"]').click();
    await b.page.locator('.swn[lang="en"]').waitFor();
    const legend = `3. ${(await b.page.locator('#swn-t-2 > :is(span, bdi):not(.swn-num):not(.swn-badge)').innerText()).trim()}`;
    const inEnglish = await b.page.locator('[data-swn="notices"]').innerText();
    assert.match(inEnglish, /this tab's answers were kept/);
    assert.ok(inEnglish.includes(legend.replace(/\s+$/, '')), `${legend} in:\n${inEnglish}`);
    await b.page.locator('[data-act="lang"]').click();
    await b.page.locator('.swn[lang="id"]').waitFor();
    const saved = JSON.parse((await stored(b.page, SPBE_KEY))[SPBE_KEY]);
    assert.deepEqual(saved.assessment.answers, both.answers, 'the combined answers are saved');
    assert.equal(await b.page.locator('.swn-unsaved').isVisible(), false);
    // A is now behind and is asked in turn; combining there changes nothing of B's.
    await pick(a.page, 3, 1);
    await otherTab(a.page).waitFor({ timeout: 10_000 });
    await a.page.locator('[data-act="other-merge"]').first().click();
    const all = await assessment(a.page);
    assert.deepEqual(
      [1, 2, 3, 4].map((k) => all.answers[`spbe-0${k}`]?.value),
      [3, 4, 5, 1],
      "A keeps B's answers and adds its own",
    );
    assert.deepEqual([...a.record.pageErrors, ...a.record.consoleErrors, ...b.record.pageErrors, ...b.record.consoleErrors], []);
  } finally {
    await context.close();
  }
});

test('two tabs: combining keeps an answer the other tab cleared on purpose cleared', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  try {
    const a = await open(browser, server.url, SPBE_PAGE, { context });
    await ready(a.page);
    await pick(a.page, 0, 3);
    await pick(a.page, 1, 4);
    await a.page.waitForFunction(
      (k) => JSON.parse(localStorage.getItem(k) ?? '{}').assessment?.answers?.['spbe-02']?.value === 4,
      SPBE_KEY,
    );
    // B opens after A saved: it starts from A's save, and clears spbe-01.
    const b = await open(browser, server.url, SPBE_PAGE, { context });
    await ready(b.page);
    // B read A's save as its own starting point: no other tab to ask about, so its clearing
    // is saved over A's save at once (a notice would hold the save back).
    assert.equal(await otherTab(b.page).count(), 0, "B opened on A's save: not told of another tab");
    await b.page.locator('[data-i="0"][data-act="clear"]').first().click();
    await b.page.waitForFunction(
      (k) => JSON.parse(localStorage.getItem(k) ?? '{}').assessment?.answers?.['spbe-01']?.value === undefined,
      SPBE_KEY,
    );
    assert.equal(await otherTab(b.page).count(), 0, 'B saved without being asked');
    // A answers another indicator, is told, and combines: spbe-01 stays cleared.
    await otherTab(a.page).waitFor({ timeout: 10_000 });
    await pick(a.page, 2, 2);
    await a.page.locator('[data-act="other-merge"]').first().click();
    const all = await assessment(a.page);
    assert.deepEqual(
      [1, 2, 3].map((k) => all.answers[`spbe-0${k}`]?.value),
      [undefined, 4, 2],
    );
    assert.doesNotMatch(await a.page.locator('[data-swn="notices"]').innerText(), /kedua tab berbeda/, 'nothing differed');
    assert.deepEqual([...a.record.pageErrors, ...a.record.consoleErrors, ...b.record.pageErrors, ...b.record.consoleErrors], []);
  } finally {
    await context.close();
  }
});

test("two tabs: a tab that restored a closed tab's work over a newer save did not start from it, so combining with it loses nothing", {
  timeout: 120_000,
}, async () => {
  const context = await browser.newContext();
  try {
    const a = await open(browser, server.url, SPBE_PAGE, { context });
    await ready(a.page);
    await pick(a.page, 0, 3); // rev 1
    await a.page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? '{}').rev === 1, SPBE_KEY);
    // D opens on rev 1 with a closed tab's waiting copy to offer.
    const d = await open(browser, server.url, SPBE_PAGE, { context });
    await d.page.evaluate(
      (k) =>
        localStorage.setItem(
          `${k}:unsaved:wX`,
          JSON.stringify({
            format: 'swanilai-save/1',
            rev: 1,
            writer: 'wX',
            assessment: { setId: 'spbe-2020', setVersion: '2020.1', answers: { 'spbe-05': { value: 2 } } },
          }),
        ),
      SPBE_KEY,
    );
    await d.page.reload({ waitUntil: 'load' });
    await ready(d.page);
    await pick(a.page, 3, 1); // A: spbe-04, rev 2, which D never loads
    await otherTab(d.page).waitFor({ timeout: 10_000 });
    await d.page.locator('[data-act="left-restore"]').click(); // D writes over rev 2 (kept as a backup)
    await d.page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? '{}').rev === 3, SPBE_KEY);
    await otherTab(a.page).waitFor({ timeout: 10_000 });
    await a.page.locator('[data-act="other-merge"]').first().click();
    const all = await assessment(a.page);
    assert.deepEqual(
      [1, 4, 5].map((k) => all.answers[`spbe-0${k}`]?.value),
      [3, 1, 2],
      "A's answer D never saw is kept, D's restored one added",
    );
    assert.match(await a.page.locator('[data-swn="notices"]').innerText(), /kedua tab berbeda[\s\S]*\n4\. /, 'and listed as differing');
    assert.deepEqual([...a.record.pageErrors, ...a.record.consoleErrors, ...d.record.pageErrors, ...d.record.consoleErrors], []);
  } finally {
    await context.close();
  }
});

/**
 * Tab A saves three answers (revs 1..3), the saved key is lost, and tab C starts a new history:
 * it answers spbe-05 with each of `values` in turn (revs 1..n).
 */
async function startedOver(values) {
  const context = await browser.newContext();
  const a = await open(browser, server.url, SPBE_PAGE, { context });
  await ready(a.page);
  await pick(a.page, 0, 3);
  await pick(a.page, 1, 4);
  await pick(a.page, 2, 2);
  await a.page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? '{}').rev === 3, SPBE_KEY);
  await a.page.evaluate((k) => localStorage.removeItem(k), SPBE_KEY);
  const c = await open(browser, server.url, SPBE_PAGE, { context });
  await ready(c.page);
  for (const v of values) await pick(c.page, 4, v);
  await c.page.waitForFunction(([k, n]) => JSON.parse(localStorage.getItem(k) ?? '{}').rev === n, [SPBE_KEY, values.length]);
  return { context, a, c };
}

test('two tabs: a save history started over (the saved key was lost) is not taken for one that started from this tab', {
  timeout: 120_000,
}, async () => {
  const { context, a, c } = await startedOver([1, 2, 3, 4]); // C's revs 1..4 overlap A's
  try {
    await otherTab(a.page).waitFor({ timeout: 10_000 });
    await a.page.locator('[data-act="other-merge"]').first().click();
    const all = await assessment(a.page);
    assert.deepEqual(
      [1, 2, 3, 5].map((k) => all.answers[`spbe-0${k}`]?.value),
      [3, 4, 2, 4],
      "A's answers are kept, C's added",
    );
    assert.deepEqual([...a.record.pageErrors, ...a.record.consoleErrors, ...c.record.pageErrors, ...c.record.consoleErrors], []);
  } finally {
    await context.close();
  }
});

test('two tabs: a save from a history started over with fewer saves is not written over unasked', { timeout: 120_000 }, async () => {
  const { context, a, c } = await startedOver([4]); // C saves once: rev 1, below A's 3
  try {
    await otherTab(a.page).waitFor({ timeout: 10_000 });
    await pick(a.page, 3, 1);
    await a.page.waitForTimeout(1_000); // past the 400 ms tick that would save
    const kept = JSON.parse((await stored(a.page, SPBE_KEY))[SPBE_KEY]);
    assert.equal(kept.assessment.answers['spbe-05']?.value, 4, "C's save is not written over while A is asked");
    await a.page.locator('[data-act="other-merge"]').first().click();
    const all = await assessment(a.page);
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((k) => all.answers[`spbe-0${k}`]?.value),
      [3, 4, 2, 1, 4],
    );
    assert.deepEqual([...a.record.pageErrors, ...a.record.consoleErrors, ...c.record.pageErrors, ...c.record.consoleErrors], []);
  } finally {
    await context.close();
  }
});

test('two tabs: combining after the other tab kept its own version loses nothing of this tab, and keeps the other save as a backup', {
  timeout: 120_000,
}, async () => {
  const { context, a, b } = await twoTabs();
  try {
    await pick(a.page, 0, 3); // A saves spbe-01
    await otherTab(b.page).waitFor({ timeout: 10_000 });
    await pick(b.page, 1, 4); // B answers spbe-02 and keeps its own version (without spbe-01)
    await b.page.locator('[data-act="other-keep"]').first().click();
    await otherTab(a.page).waitFor({ timeout: 10_000 });
    await pick(a.page, 2, 2); // A answers spbe-03, then combines
    await a.page.locator('[data-act="other-merge"]').first().click();
    const all = await assessment(a.page);
    assert.deepEqual(
      [1, 2, 3].map((k) => all.answers[`spbe-0${k}`]?.value),
      [3, 4, 2],
      'every answer of both tabs',
    );
    assert.match(
      await a.page.locator('[data-swn="notices"]').innerText(),
      /kedua tab berbeda[\s\S]*\n1\. /,
      'spbe-01 is listed: the other tab had emptied it',
    );
    const backups = Object.values(await stored(a.page, `${SPBE_KEY}:backup:`)).map((t) => JSON.parse(t));
    assert.ok(
      backups.some((d) => d.assessment?.answers?.['spbe-02']?.value === 4 && !d.assessment.answers['spbe-01']),
      `the save the merge replaced is kept as a backup: ${JSON.stringify(backups)}`,
    );
    assert.deepEqual([...a.record.pageErrors, ...a.record.consoleErrors, ...b.record.pageErrors, ...b.record.consoleErrors], []);
  } finally {
    await context.close();
  }
});

test('two tabs: replacing the answers while the other tab saved keeps its save and asks the other tab', { timeout: 120_000 }, async () => {
  const { context, a, b } = await twoTabs();
  try {
    await pick(a.page, 0, 3);
    await otherTab(b.page).waitFor({ timeout: 10_000 });
    await b.page.evaluate(() =>
      document.querySelector('swanilai-assessment').widget.setAssessment({ setId: 'spbe-2020', answers: { 'spbe-02': { value: 4 } } }),
    );
    const saved = JSON.parse((await stored(b.page, SPBE_KEY))[SPBE_KEY]);
    assert.equal(saved.assessment.answers['spbe-02']?.value, 4, 'the replacement is saved');
    const backups = Object.values(await stored(b.page, `${SPBE_KEY}:backup:`)).map((t) => JSON.parse(t));
    assert.ok(
      backups.some((d) => d.assessment?.answers?.['spbe-01']?.value === 3),
      "A's save is kept as a backup",
    );
    // A is behind now: it is asked instead of overwriting the replacement.
    await otherTab(a.page).waitFor({ timeout: 10_000 });
    await pick(a.page, 2, 1);
    const still = JSON.parse((await stored(a.page, SPBE_KEY))[SPBE_KEY]);
    assert.equal(still.assessment.answers['spbe-03'], undefined, 'A did not overwrite it silently');
    assert.deepEqual([...a.record.pageErrors, ...a.record.consoleErrors, ...b.record.pageErrors, ...b.record.consoleErrors], []);
  } finally {
    await context.close();
  }
});

test('two tabs: work of a tab closed before it could save is offered on the next visit, and restoring it adds it', {
  timeout: 120_000,
}, async () => {
  const { context, a, b } = await twoTabs();
  try {
    await pick(a.page, 0, 3); // A saves
    await otherTab(b.page).waitFor({ timeout: 10_000 });
    await pick(b.page, 0, 5); // B changes the same answer, adds another, and is closed
    await pick(b.page, 1, 4);
    await b.page.waitForFunction((k) => Object.keys(localStorage).some((x) => x.startsWith(`${k}:unsaved:`)), SPBE_KEY);
    await b.page.close();

    await a.page.reload({ waitUntil: 'load' });
    await ready(a.page);
    const left = a.page.locator('[data-swn="left"]');
    await left.waitFor({ timeout: 10_000 });
    assert.match(await left.innerText(), /tab atau jendela lain yang belum tersimpan/);
    await a.page.locator('[data-act="left-restore"]').click();
    const all = await assessment(a.page);
    assert.equal(all.answers['spbe-01']?.value, 3, 'what was saved here is kept where they differ');
    assert.equal(all.answers['spbe-02']?.value, 4, "the closed tab's new answer is added");
    assert.match(
      await a.page.locator('[data-swn="notices"]').innerText(),
      /kedua tab berbeda[\s\S]*\n1\. /,
      'the differing answer is listed',
    );
    assert.deepEqual(Object.keys(await stored(a.page, `${SPBE_KEY}:unsaved:`)), [], 'settled: not offered again');
    const closed = Object.values(await stored(a.page, `${SPBE_KEY}:closed:`)).map((t) => JSON.parse(t));
    assert.ok(
      closed.some((d) => d.assessment?.answers?.['spbe-01']?.value === 5),
      "the closed tab's copy stays as a backup",
    );
    await a.page.reload({ waitUntil: 'load' });
    await ready(a.page);
    assert.equal(await left.count(), 0, 'no offer after a reload');
    assert.equal((await assessment(a.page)).answers['spbe-02']?.value, 4, 'and the restored answer was saved');
    assert.deepEqual([...a.record.pageErrors, ...a.record.consoleErrors], []);
  } finally {
    await context.close();
  }
});

test('two tabs closed while waiting: one copy each, both kept when ignored, and restoring while a third tab saved asks that tab', {
  timeout: 120_000,
}, async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const tab = async () => {
    const t = await open(browser, server.url, SPBE_PAGE, { context });
    await ready(t.page);
    return t;
  };
  try {
    const [a, b, c] = [await tab(), await tab(), await tab()];
    await pick(a.page, 0, 3); // A saves; B and C wait, each with edits of its own
    await otherTab(b.page).waitFor({ timeout: 10_000 });
    await otherTab(c.page).waitFor({ timeout: 10_000 });
    for (const v of [1, 2, 4]) await pick(b.page, 1, v); // several edits: still one copy
    await pick(c.page, 2, 5);
    // Each waiting tab writes its copy a moment after its edit: wait for both copies with the
    // last edits in them (the count alone can be reached while B's copy still has its first).
    await a.page.waitForFunction((k) => {
      const copies = Object.keys(localStorage)
        .filter((x) => x.startsWith(`${k}:unsaved:`))
        .map((x) => JSON.parse(localStorage.getItem(x)).assessment.answers);
      return copies.length === 2 && copies.some((x) => x['spbe-02']?.value === 4) && copies.some((x) => x['spbe-03']?.value === 5);
    }, SPBE_KEY);
    const waiting = Object.values(await stored(a.page, `${SPBE_KEY}:unsaved:`)).map((t) => JSON.parse(t).assessment.answers);
    assert.ok(waiting.some((x) => x['spbe-02']?.value === 4) && waiting.some((x) => x['spbe-03']?.value === 5), JSON.stringify(waiting));
    await b.page.close();
    await c.page.close();

    // Ignored: both copies are kept under `closed`, none lost to the other.
    const d = await tab();
    await d.page.locator('[data-act="left-drop"]').click();
    const closed = Object.values(await stored(d.page, `${SPBE_KEY}:closed:`)).map((t) => JSON.parse(t).assessment.answers);
    assert.equal(closed.length, 2, 'one kept copy per closed tab');
    assert.deepEqual(Object.keys(await stored(d.page, `${SPBE_KEY}:unsaved:`)), []);

    // Restoring while another tab has saved since: that save is kept and that tab is asked.
    await d.page.evaluate(
      ([k, text]) => localStorage.setItem(`${k}:unsaved:wX`, text),
      [
        SPBE_KEY,
        JSON.stringify({
          format: 'swanilai-save/1',
          rev: 1,
          writer: 'wX',
          assessment: { setId: 'spbe-2020', setVersion: SPBE_VERSION, answers: { 'spbe-05': { value: 2 } } },
        }),
      ],
    );
    await d.page.reload({ waitUntil: 'load' });
    await ready(d.page);
    await pick(a.page, 3, 1); // A saves again after D loaded
    await otherTab(d.page).waitFor({ timeout: 10_000 });
    await d.page.locator('[data-act="left-restore"]').click();
    const saved = JSON.parse((await stored(d.page, SPBE_KEY))[SPBE_KEY]);
    assert.equal(saved.assessment.answers['spbe-05']?.value, 2, 'the restored answer is saved');
    const backups = Object.values(await stored(d.page, `${SPBE_KEY}:backup:`)).map((t) => JSON.parse(t));
    assert.ok(
      backups.some((x) => x.assessment?.answers?.['spbe-04']?.value === 1),
      "A's newer save is kept as a backup",
    );
    await otherTab(a.page).waitFor({ timeout: 10_000 });
    assert.deepEqual([...a.record.pageErrors, ...a.record.consoleErrors, ...d.record.pageErrors, ...d.record.consoleErrors], []);
  } finally {
    await context.close();
  }
});

test('a stored save that turned unreadable while the widget was open is kept before the next save replaces it', {
  timeout: 90_000,
}, async () => {
  const { page, record, close } = await open(browser, server.url, SPBE_PAGE);
  try {
    await ready(page);
    await pick(page, 0, 3);
    await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? '{}').rev === 1, SPBE_KEY);
    const damaged = '{"format": "swanilai-save/1", "rev": 2, "assessment": {"answers": ';
    await page.evaluate(([k, t]) => localStorage.setItem(k, t), [SPBE_KEY, damaged]);
    await pick(page, 1, 4);
    await page.waitForFunction((k) => {
      try {
        return JSON.parse(localStorage.getItem(k)).rev === 2;
      } catch {
        return false; // still the damaged text
      }
    }, SPBE_KEY);
    assert.deepEqual(Object.values(await stored(page, `${SPBE_KEY}:corrupt:`)), [damaged]);
    assert.equal((await assessment(page)).answers['spbe-02']?.value, 4);
    // Kept once: the next save finds this tab's own again.
    await pick(page, 2, 2);
    await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).rev === 3, SPBE_KEY);
    assert.equal(Object.keys(await stored(page, `${SPBE_KEY}:corrupt:`)).length, 1);
    assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
  } finally {
    await close();
  }
});

test('backups are bounded: each kind keeps only its newest three copies', { timeout: 90_000 }, async () => {
  const { page, record, close } = await open(browser, server.url, SPBE_PAGE);
  try {
    await ready(page);
    await page.evaluate((k) => {
      for (const stamp of [1, 2, 3, 4]) localStorage.setItem(`${k}:backup:${stamp}`, `old ${stamp}`);
      localStorage.setItem(`${k}:corrupt:1`, 'another kind');
    }, SPBE_KEY);
    // Replacing the answers keeps the replaced ones as a backup.
    await page.evaluate(() =>
      document.querySelector('swanilai-assessment').widget.setAssessment({ setId: 'spbe-2020', answers: { 'spbe-01': 2 } }),
    );
    const kept = await stored(page, `${SPBE_KEY}:backup:`);
    const stamps = Object.keys(kept)
      .map((k) => Number(k.split(':').pop()))
      .sort((x, y) => x - y);
    assert.equal(stamps.length, 3, JSON.stringify(kept));
    assert.deepEqual(stamps.slice(0, 2), [3, 4], 'the two oldest went');
    assert.ok(stamps[2] > 1e12, 'the new copy is stamped with the time');
    assert.deepEqual(Object.values(await stored(page, `${SPBE_KEY}:corrupt:`)), ['another kind'], 'other kinds are not touched');
    assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
  } finally {
    await close();
  }
});
