// Links are links only when they are web addresses, in Chromium on the demo's SPBE page:
//   - typed: a line that is not an http(s) address is never stored in `links`; it waits in
//     the field with a message, and moves into the notes as text when the field is left (or
//     the page goes away first);
//   - imported: each such link is listed, moved into the notes, and the file kept under
//     `:import:` once used;
//   - a save of an earlier version holding one: moved into the notes, told, the save kept
//     under `:damaged:`.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startServer, WWW_ROOT } from './helpers.mjs';
import { assessment, importText, open, ready, saveText, SPBE_KEY, SPBE_PAGE, stored } from './reliability-helpers.mjs';

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

const WEB = 'https://jdih.banjarkab.go.id/perbup-12.pdf';
const NOT_WEB = 'www.banjarkab.go.id/sk-12';

/** The saved answers' spbe-01 entry. */
const savedAnswer = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k))?.assessment?.answers?.['spbe-01'], SPBE_KEY);

test('a typed line that is not a web address waits in the field, then moves into the notes', { timeout: 90_000 }, async () => {
  const { page, record, close } = await open(browser, server.url, SPBE_PAGE);
  try {
    await ready(page);
    const notes = page.locator('[data-i="0"][data-f="notes"]').first();
    const links = page.locator('[data-i="0"][data-f="links"]').first();
    await notes.fill('Perbup 12/2025');
    await links.fill(`${WEB}\n${NOT_WEB}`);
    const msg = page.locator('[data-i="0"][data-f="links"] ~ [data-link-msg]').first();
    await msg.waitFor();
    assert.match(await msg.innerText(), /“www\.banjarkab\.go\.id\/sk-12” bukan alamat web/);
    assert.deepEqual((await assessment(page)).answers['spbe-01'].links, [WEB], 'never stored as a link');
    assert.equal(await links.inputValue(), `${WEB}\n${NOT_WEB}`, 'what was typed stays in the field');

    // Leaving the field: the line moves into the notes, the field keeps the link.
    await links.blur();
    await page.waitForFunction(() =>
      document.querySelector('swanilai-assessment').widget.assessment().answers['spbe-01'].notes.includes('\n'),
    );
    const a = (await assessment(page)).answers['spbe-01'];
    assert.equal(a.notes, `Perbup 12/2025\n${NOT_WEB}`);
    assert.deepEqual(a.links, [WEB]);
    assert.equal(await notes.inputValue(), `Perbup 12/2025\n${NOT_WEB}`);
    assert.equal(await links.inputValue(), WEB);
    assert.match(await msg.innerText(), /disimpan di catatan sebagai teks/);
    await page.waitForFunction(
      (k) => JSON.parse(localStorage.getItem(k))?.assessment?.answers?.['spbe-01']?.notes?.includes('sk-12'),
      SPBE_KEY,
    );
    assert.deepEqual((await savedAnswer(page)).links, [WEB]);

    // Typed and the page closed before the field is left: nothing is lost.
    await links.fill(`${WEB}\nC:\\arsip\\sk-13.pdf`);
    await page.reload({ waitUntil: 'load' });
    await ready(page);
    const back = (await assessment(page)).answers['spbe-01'];
    assert.equal(back.notes, `Perbup 12/2025\n${NOT_WEB}\nC:\\arsip\\sk-13.pdf`);
    assert.deepEqual(back.links, [WEB]);
    assert.equal(await page.locator('[data-swn="damaged"]').count(), 0, 'a save of this version needs no repair');
    assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
  } finally {
    await close();
  }
});

test('an evidence item link that is not a web address moves into its notes when the field is left', { timeout: 90_000 }, async () => {
  const { page, record, close } = await open(browser, server.url, 'pemdi-2026.html');
  try {
    await ready(page);
    await page.locator('[data-i="0"][data-f="pick"]').first().check();
    const field = page.locator('[data-i="0"][data-f="item-links"]').first();
    const item = await field.getAttribute('data-item');
    await page
      .locator(`[data-i="0"][data-f="item-links"][data-item="${item}"]`)
      .evaluate((e) => e.closest('details')?.setAttribute('open', ''));
    await field.fill(`${NOT_WEB}\n${WEB}`);
    const id = await page.evaluate(() => Object.keys(document.querySelector('swanilai-assessment').widget.assessment().answers)[0]);
    const ev = async () => (await assessment(page)).answers[id].evidence[item];
    assert.deepEqual((await ev()).links, [WEB]);
    await field.blur();
    await page.waitForFunction(
      ([i, it]) => document.querySelector('swanilai-assessment').widget.assessment().answers[i].evidence[it].notes !== '',
      [id, item],
    );
    assert.equal((await ev()).notes, NOT_WEB);
    assert.equal(await page.locator(`[data-i="0"][data-f="item-notes"][data-item="${item}"]`).inputValue(), NOT_WEB);
    assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
  } finally {
    await close();
  }
});

test('an imported file or an older save with such links: moved into the notes, listed, the original kept', {
  timeout: 90_000,
}, async () => {
  const { page, record, close } = await open(browser, server.url, SPBE_PAGE);
  try {
    await ready(page);
    const doc = {
      setId: 'spbe-2020',
      setVersion: '2020.1',
      answers: { 'spbe-01': { value: 2, notes: 'SK', links: ['javascript:alert(1)', WEB] } },
    };
    const text = JSON.stringify(doc);
    await importText(page, 'lama.json', text);
    const li = page.locator('[data-swn="import"] li[data-code="link-not-web"]');
    await li.waitFor();
    assert.match(await li.innerText(), /javascript:alert\(1\).*catatan sebagai teks/);
    await page.locator('[data-act="import-confirm"]').click();
    await page.locator('[data-act="import-confirm"]').waitFor({ state: 'detached' });
    const a = (await assessment(page)).answers['spbe-01'];
    assert.equal(a.notes, 'SK\njavascript:alert(1)');
    assert.deepEqual(a.links, [WEB]);
    assert.deepEqual(Object.values(await stored(page, `${SPBE_KEY}:import:`)), [text]);

    // A save written before this version, holding the link in `links`.
    const old = saveText({ ...doc, answers: { 'spbe-01': { value: 2, links: [NOT_WEB] } } }, { rev: 40 });
    await page.evaluate(([k, t]) => localStorage.setItem(k, t), [SPBE_KEY, old]);
    await page.reload({ waitUntil: 'load' });
    await ready(page);
    await page.locator('[data-swn="damaged"] li').first().waitFor();
    assert.match(await page.locator('[data-swn="damaged"]').innerText(), /sk-12.*catatan sebagai teks/s);
    assert.deepEqual(Object.values(await stored(page, `${SPBE_KEY}:damaged:`)), [old]);
    const b = (await assessment(page)).answers['spbe-01'];
    assert.equal(b.notes, NOT_WEB);
    assert.deepEqual(b.links ?? [], [], 'no link left');
    assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
  } finally {
    await close();
  }
});
