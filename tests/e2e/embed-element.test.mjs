// (c) The custom element: one <script type="module"> for the package's element.js and one
// <swanilai-assessment> tag, under the strict CSP a portal would send
// (script-src 'self' 'wasm-unsafe-eval'; style-src 'self'). The widget renders, answering
// one indicator fires `score` (on the element's widget and as a DOM CustomEvent), theming
// through --swn-* custom properties reaches into the shadow root, `lang` switches the
// language, removing the element destroys the widget, and nothing leaves the origin.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assertClean, launchBrowser, openPage, screenshot, startServer } from './helpers.mjs';
import { answerOneAndExpectScore, assertNoCspReports, fetchedUrls, stageSite, waitForWidget } from './embed-helpers.mjs';

const HOST = 'swanilai-assessment';
let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('<swanilai-assessment> renders under a strict CSP and fires score on an answer', { timeout: 90_000 }, async (t) => {
  const root = await stageSite(t, 'element');
  const server = await startServer({ root, port: 0, csp: true });
  t.after(() => server.close());
  const { page, record, response, close } = await openPage(browser, `${server.url}index.html`);
  try {
    assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self' 'wasm-unsafe-eval'/);
    await waitForWidget(page, record, HOST);
    const detail = await answerOneAndExpectScore(page, HOST);
    t.diagnostic(`score event: ${JSON.stringify(detail)}`);

    // The portal's theme reaches the shadow root: the checked option is outlined in its accent.
    const outline = await page
      .locator(`${HOST} .swn-opt:has(input:checked)`)
      .first()
      .evaluate((el) => getComputedStyle(el).outlineColor);
    assert.equal(outline, 'rgb(0, 87, 61)', 'the --swn-accent set by the page');

    // Attributes: the region prefills the form; lang switches the language in place.
    assert.equal(await page.locator(`${HOST} input[data-region="name"]`).inputValue(), 'Kabupaten Banjar');
    await page.locator(HOST).evaluate((el) => el.setAttribute('lang', 'en'));
    await page.locator(`${HOST} .swn[lang="en"]`).waitFor({ state: 'attached', timeout: 5_000 });

    // Without storage-key, the key comes from the region; a name with `:` (which storage keys
    // reserve) still mounts, under a key that escapes it.
    const named = 'Dinas Kominfo: Kab. Banjar';
    await page.evaluate((name) => {
      const el = document.createElement('swanilai-assessment');
      el.id = 'second';
      el.setAttribute('region', name);
      document.body.append(el);
    }, named);
    await page.locator('#second[data-state="ready"]').waitFor({ state: 'attached', timeout: 10_000 });
    assert.equal(await page.locator('#second input[data-region="name"]').inputValue(), named);
    await page.locator('#second input[data-region="period"]').fill('2026');
    await page.waitForFunction(() => Object.keys(localStorage).includes('swanilai:gm100sc-kesiapan:Dinas Kominfo%3A Kab. Banjar'), null, {
      timeout: 5_000,
    });
    await page.locator('#second').evaluate((el) => el.remove());

    const urls = await fetchedUrls(page);
    assert.ok(urls.includes(`${server.origin}/swanilai/swanilai_bg.wasm`), `the .wasm beside the package:\n${urls.join('\n')}`);

    // Removing the element destroys its widget: no listener or timer is left behind.
    const left = await page.locator(HOST).evaluate((el) => {
      const w = el.widget;
      el.remove();
      return w.listenerCount;
    });
    assert.equal(left, 0, 'listeners left after the element was removed');

    await assertNoCspReports(server, page);
    assertClean(record);
  } finally {
    await screenshot(page, 'embed-element.png').catch(() => {});
    await close();
  }
});

/**
 * Loads the element fixture (strict CSP) with index.js held back until everything else the
 * first screen needs has been requested; `head` is added to the page's head. Resolves to
 * whether the hold ended that way, and every path requested under the package.
 */
async function loadHoldingIndex(t, head = '') {
  const root = await stageSite(t, 'element');
  if (head) {
    const file = path.join(root, 'index.html');
    const html = await readFile(file, 'utf8');
    await writeFile(file, html.replace('</head>', `${head}\n</head>`));
  }
  const server = await startServer({ root, port: 0, csp: true });
  t.after(() => server.close());
  const context = await browser.newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const want = ['swanilai.js', 'swanilai_bg.wasm', 'swanilai.css', 'sets/gm100sc-kesiapan.json'];
  const requested = [];
  let allAsked;
  const asked = new Promise((resolve) => (allAsked = resolve));
  page.on('request', (req) => {
    const p = new URL(req.url()).pathname.replace(/^\/swanilai\//, '');
    requested.push(p);
    if (want.every((w) => requested.includes(w))) allAsked(true);
  });
  let held = null;
  await page.route('**/swanilai/index.js', async (route) => {
    held = await Promise.race([asked, new Promise((resolve) => setTimeout(() => resolve(false), 10_000))]);
    await route.continue();
  });
  await page.goto(`${server.url}index.html`);
  await page.locator(`${HOST}[data-state="ready"]`).waitFor({ state: 'attached', timeout: 30_000 });
  await assertNoCspReports(server, page);
  assert.deepEqual(errors, []);
  return { held, requested, want };
}

test('element.js asks for the API, the .wasm, the set and the stylesheet at once', { timeout: 90_000 }, async (t) => {
  // Had element.js left the .wasm, the set or the stylesheet to index.js (a round trip later
  // on every line), they would never be asked for and the hold would run out.
  const { held, requested, want } = await loadHoldingIndex(t);
  assert.equal(held, true, `requested while index.js was held back: ${requested.join(', ')}`);
  // The preloads were the downloads: each file was fetched once.
  for (const w of want) assert.equal(requested.filter((p) => p === w).length, 1, `${w} requests: ${requested.join(', ')}`);
});

test('the preload links docs/FIRST-SCREEN.md offers a page are each the one download', { timeout: 90_000 }, async (t) => {
  // The lines as the doc gives them (for the fixture's set and folder): a link whose mode did
  // not match the element's fetch would download its file twice.
  const doc = await readFile(path.join(import.meta.dirname, '..', '..', 'docs', 'FIRST-SCREEN.md'), 'utf8');
  const block = /```html\n([\s\S]*?)```/.exec(doc.slice(doc.indexOf('## What a page can add')))?.[1];
  assert.ok(block, 'docs/FIRST-SCREEN.md: the html block under "What a page can add"');
  const links = block
    .split('\n')
    .filter((l) => l.startsWith('<link'))
    .map((l) => l.replace('spbe-2020', 'gm100sc-kesiapan'));
  assert.equal(links.length, 5, block);
  const { held, requested, want } = await loadHoldingIndex(t, links.join('\n'));
  assert.equal(held, true, `requested while index.js was held back: ${requested.join(', ')}`);
  for (const w of [...want, 'index.js', 'element.js']) {
    assert.equal(requested.filter((p) => p === w).length, 1, `${w} requests: ${requested.join(', ')}`);
  }
});

test('two elements of one set without a storage-key each keep their own answers', { timeout: 90_000 }, async (t) => {
  const root = await stageSite(t, 'element');
  const server = await startServer({ root, port: 0, csp: true });
  t.after(() => server.close());
  const { page, record, close } = await openPage(browser, `${server.url}two.html`);
  try {
    await waitForWidget(page, record, '#first');
    await waitForWidget(page, record, '#second');
    // The first element keeps the key a page with one element always used; the second is
    // numbered after it in document order.
    const pick = (host) => page.locator(`${host} input[type="radio"][data-f="pick"]`);
    await pick('#second').first().check();
    const keys = ['swanilai:spbe-2020:default', 'swanilai:spbe-2020:default-2'];
    await page.waitForFunction((k) => /"value"/.test(localStorage.getItem(k) ?? ''), keys[1], { timeout: 5_000 });
    const saved = await page.evaluate((ks) => ks.map((k) => localStorage.getItem(k)), keys);
    assert.doesNotMatch(saved[0] ?? '', /"value"/, `nothing answered under ${keys[0]}: ${saved[0]}`);

    // On the next visit each element finds its own answers again.
    await page.reload();
    await waitForWidget(page, record, '#first');
    await waitForWidget(page, record, '#second');
    assert.equal(await pick('#second').first().isChecked(), true, 'the second element got its answer back');
    assert.equal(await pick('#first').first().isChecked(), false, "the first element did not get the second's answer");
    await assertNoCspReports(server, page);
    assertClean(record);
  } finally {
    await close();
  }
});

test('two elements with the same storage-key: the second says so, naming the key', { timeout: 90_000 }, async (t) => {
  const root = await stageSite(t, 'element');
  const server = await startServer({ root, port: 0, csp: true });
  t.after(() => server.close());
  const { page, record, close } = await openPage(browser, `${server.url}same-key.html`);
  try {
    await page.waitForFunction(
      () => [...document.querySelectorAll('swanilai-assessment')].every((el) => /ready|error/.test(el.dataset.state ?? '')),
      null,
      { timeout: 30_000 },
    );
    const states = await page.evaluate(() =>
      [...document.querySelectorAll('swanilai-assessment')].map((el) => [
        el.dataset.state,
        el.shadowRoot?.querySelector('[role="alert"]')?.textContent ?? '',
      ]),
    );
    assert.deepEqual(states.map((s) => s[0]).sort(), ['error', 'ready'], JSON.stringify(states));
    const [, message] = states.find((s) => s[0] === 'error');
    assert.match(
      message,
      /^swanilai: another widget on this page already saves under `swanilai:spbe-2020:kominfo`: give each widget its own storage-key attribute/,
    );
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await close();
  }
});
