// (a) A plain HTML page with an inline <script type="module"> that imports the package's
// files from the portal's own server and calls mount(): the widget renders, answering one
// indicator fires `score` (on() callback and DOM CustomEvent), the .wasm comes from beside
// the package (`new URL(..., import.meta.url)`), and nothing leaves the origin.
// A second page passes its own .wasm URL, and calls init() again after loading.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { assertClean, launchBrowser, openPage, screenshot, startServer } from './helpers.mjs';
import { answerOneAndExpectScore, fetchedUrls, stageSite, waitForWidget } from './embed-helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function serve(t, root) {
  const server = await startServer({ root, port: 0 });
  t.after(() => server.close());
  return server;
}

test('a plain page mounts the widget and gets a score event on an answer', { timeout: 90_000 }, async (t) => {
  const root = await stageSite(t, 'plain');
  const server = await serve(t, root);
  const { page, record, close } = await openPage(browser, `${server.url}index.html`);
  try {
    await waitForWidget(page, record, '#penilaian');
    const detail = await answerOneAndExpectScore(page, '#penilaian');
    t.diagnostic(`score event: ${JSON.stringify(detail)}`);

    const urls = await fetchedUrls(page);
    assert.ok(urls.includes(`${server.origin}/swanilai/swanilai_bg.wasm`), `the .wasm beside the package:\n${urls.join('\n')}`);
    assert.ok(urls.includes(`${server.origin}/swanilai/sets/spbe-2020.json`), 'the built-in set beside the package');
    assert.ok(urls.includes(`${server.origin}/swanilai/swanilai.css`), 'the stylesheet beside the package');
    assertClean(record);
  } finally {
    await screenshot(page, 'embed-plain.png').catch(() => {});
    await close();
  }
});

test('a host-provided .wasm URL is used instead of the default, and init() twice is harmless', { timeout: 90_000 }, async (t) => {
  const root = await stageSite(t, 'plain');
  // Only the host's copy exists: a request for the default would fail the page.
  await mkdir(path.join(root, 'engine'));
  await copyFile(path.join(root, 'swanilai', 'swanilai_bg.wasm'), path.join(root, 'engine', 'swanilai-engine.wasm'));
  await rm(path.join(root, 'swanilai', 'swanilai_bg.wasm'));
  const server = await serve(t, root);
  const { page, record, close } = await openPage(browser, `${server.url}wasm-url.html`);
  try {
    await waitForWidget(page, record, '#penilaian');
    await page.locator('body[data-init-again="done"]').waitFor({ state: 'attached', timeout: 10_000 });
    await answerOneAndExpectScore(page, '#penilaian');
    const wasm = (await fetchedUrls(page)).filter((u) => u.endsWith('.wasm'));
    assert.deepEqual(wasm, [`${server.origin}/engine/swanilai-engine.wasm`], 'one .wasm request, to the host URL');
    assertClean(record);
  } finally {
    await close();
  }
});

test('navigator.language as lang: an English or Indonesian browser gets its language, another is refused by name', {
  timeout: 90_000,
}, async (t) => {
  const root = await stageSite(t, 'plain');
  const server = await serve(t, root);
  for (const [locale, want] of [
    ['en-GB', 'en'],
    ['id-ID', 'id'],
    ['en-US', 'en'],
  ]) {
    const { page, record, close } = await openPage(browser, `${server.url}browser-lang.html`, { contextOptions: { locale } });
    try {
      assert.equal(await page.evaluate(() => navigator.language), locale);
      await waitForWidget(page, record, '#penilaian');
      assert.equal(await page.locator('body').getAttribute('data-lang'), 'mounted');
      await page.locator(`#penilaian .swn[lang="${want}"]`).waitFor({ state: 'attached', timeout: 5_000 });
      assertClean(record);
    } finally {
      await close();
    }
  }
  const { page, close } = await openPage(browser, `${server.url}browser-lang.html`, { contextOptions: { locale: 'fr-FR' } });
  try {
    await page.waitForFunction(() => document.body.dataset.lang, null, { timeout: 30_000 });
    assert.match(await page.locator('body').getAttribute('data-lang'), /^swanilai: lang `fr-FR` is not supported: use `id` or `en`/);
  } finally {
    await close();
  }
});
