// The demo page (www/index.html, built by scripts/build.sh) renders the widget with a
// score, in headless Chromium, with no console error, failed request or off-origin request.
// A screenshot goes to test-results/demo.png (also when the test fails).
//
// SWANILAI_WWW=<dir> serves another directory instead of www/ (for working on the harness).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClean, launchBrowser, openPage, problems, screenshot, startServer, WWW_ROOT } from './helpers.mjs';

const root = process.env.SWANILAI_WWW || WWW_ROOT;
let server;
let browser;

before(async () => {
  server = await startServer({ root, port: 0 });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('demo page shows the widget with an overall score and a clean console', { timeout: 90_000 }, async (t) => {
  const { page, record, response, close } = await openPage(browser, server.url);
  try {
    assert.ok(response?.ok(), `GET ${server.url} (served from ${root}): HTTP ${response?.status()}`);
    const widget = page.locator('swanilai-assessment[data-state="ready"]').first();
    try {
      await widget.waitFor({ state: 'attached', timeout: 30_000 });
    } catch (err) {
      const state = await page
        .locator('swanilai-assessment')
        .first()
        .getAttribute('data-state', { timeout: 1_000 })
        .catch(() => 'no <swanilai-assessment> element');
      assert.fail(
        `widget not ready within 30 s (data-state: ${state}); ${err.message.split('\n')[0]}\n  ` +
          (problems(record).join('\n  ') || 'no console errors or failed requests recorded'),
      );
    }

    // Playwright's CSS selectors pierce open shadow roots.
    const overall = page.locator('[data-swn="overall"]').first();
    await overall.waitFor({ state: 'visible', timeout: 10_000 });
    const text = ((await overall.textContent()) ?? '').trim();
    t.diagnostic(`overall score shown: ${JSON.stringify(text)}`);
    assert.match(text, /^\d+([.,]\d+)?$/, `[data-swn="overall"] should show a score, got ${JSON.stringify(text)}`);

    assertClean(record);
  } finally {
    const file = await screenshot(page, 'demo.png').catch((err) => `not saved: ${err.message}`);
    t.diagnostic(`screenshot: ${file}`);
    await close();
  }
});
