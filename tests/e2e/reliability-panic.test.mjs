// A panic in the WebAssembly module is not a silent death: the Rust message reaches the
// console, every mounted widget shows its error state (data-state="error" and a role=alert
// text), and the answers saved before it come back on reload. The panic comes from the
// test-only export `__swanilaiPanicForTests` (src/web/mod.rs).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startServer, WWW_ROOT } from './helpers.mjs';
import { assessment, open, pick, picked, ready, SPBE_KEY, SPBE_PAGE } from './reliability-helpers.mjs';

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

test('a panic logs its message, shows the error state, and saved answers survive a reload', { timeout: 90_000 }, async () => {
  const { page, record, close } = await open(browser, server.url, SPBE_PAGE);
  try {
    await ready(page);
    await pick(page, 0, 4);
    await pick(page, 1, 2);
    // Answers are saved right after their event; the panic comes after that save.
    await page.waitForFunction(
      (k) => JSON.parse(localStorage.getItem(k) ?? 'null')?.assessment?.answers?.['spbe-02']?.value === 2,
      SPBE_KEY,
      { timeout: 5_000 },
    );

    // The same module instance the widget runs in (pkg/index.js imports ./swanilai.js).
    const thrown = await page.evaluate(async () => {
      const wasm = await import('./pkg/swanilai.js');
      try {
        wasm.__swanilaiPanicForTests();
        return 'returned';
      } catch (err) {
        return `${err?.name}: ${err?.message}`;
      }
    });
    assert.match(thrown, /RuntimeError|unreachable/i, 'the panic aborts the call with a JS error');

    const host = page.locator('swanilai-assessment').first();
    await page.locator('swanilai-assessment[data-state="error"]').first().waitFor({ state: 'attached', timeout: 5_000 });
    const alert = host.locator('[role="alert"]').first();
    await alert.waitFor({ state: 'visible', timeout: 5_000 });
    const text = (await alert.textContent()) ?? '';
    assert.match(text, /kesalahan internal/, 'the alert says what happened (Indonesian)');
    assert.match(text, /internal error/, 'and in English');
    assert.ok(
      record.consoleErrors.some((m) => m.includes('deliberate panic for tests') && m.includes('swanilai: internal error')),
      `the Rust panic message is logged: ${JSON.stringify(record.consoleErrors)}`,
    );

    // Nothing was lost: the answers given before the panic come back.
    await page.reload({ waitUntil: 'load' });
    await ready(page);
    assert.ok(await picked(page, 0, 4), 'spbe-01 survives');
    assert.ok(await picked(page, 1, 2), 'spbe-02 survives');
    const a = await assessment(page);
    assert.equal(a.answers['spbe-01'].value, 4);
    assert.equal(await host.getAttribute('data-state'), 'ready');
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await close();
  }
});
