// Bidirectional text: a right-to-left override in a set's text or in what the official types
// stays inside that text on screen and in print (each piece isolated: <bdi>, dir=auto,
// unicode-bidi: isolate), and download names carry no direction controls.

import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { download, launchBrowser, startServer, WWW_ROOT } from './helpers.mjs';
import { HOSTILE_DIR, open, ready, widgetPage } from './reliability-helpers.mjs';

const RLO = '\u202E';
// Direction controls that must never reach a file name: LRM, RLM, ALM, embeddings, overrides,
// isolates.
const BIDI_CONTROLS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/;

let server;
let browser;
let setFile;

before(async () => {
  server = await startServer({ root: WWW_ROOT, port: 0 });
  browser = await launchBrowser();
  // The corpus's base set with an override in its first indicator's title (never closed), and
  // evidence required there so that a badge follows the title.
  const set = JSON.parse(await readFile(path.join(HOSTILE_DIR, 'base-set.json'), 'utf8'));
  const ind = set.groups[0].indicators[0];
  ind.title = { id: `${RLO}Kebijakan internal`, en: `${RLO}Internal policy` };
  ind.evidence = 'required';
  setFile = path.join(await mkdtemp(path.join(os.tmpdir(), 'swanilai-bidi-')), 'set.json');
  await writeFile(setFile, JSON.stringify(set));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function openSet() {
  return open(browser, server.url, 'bidi.html', {
    pages: { 'bidi.html': widgetPage({ src: './bidi-set.json', storageKey: 'bidi' }) },
    files: { 'bidi-set.json': setFile },
  });
}

/** The box of the first occurrence of `text` in `selector`'s text (across its text nodes). */
function boxOf(page, selector, text) {
  return page.evaluate(
    ([sel, t]) => {
      const root = document.querySelector('swanilai-assessment').shadowRoot;
      const el = root.querySelector(sel);
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const nodes = [];
      let all = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push([n, all.length]);
        all += n.data;
      }
      const at = all.indexOf(t);
      if (at < 0) return null;
      const place = (k) => {
        const [n, start] = nodes.findLast(([, s]) => s <= k);
        return [n, k - start];
      };
      const range = document.createRange();
      range.setStart(...place(at));
      range.setEnd(...place(at + t.length - 1));
      range.setEnd(range.endContainer, range.endOffset + 1);
      const r = range.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top };
    },
    [selector, text],
  );
}

test("an override in the set's text does not move the badge into the title", { timeout: 60_000 }, async () => {
  const { page, record, close } = await openSet();
  try {
    await ready(page);
    const title = await boxOf(page, '#swn-t-0', 'Kebijakan internal');
    const badge = await page.locator('#swn-t-0 .swn-badge').first().boundingBox();
    assert.ok(title && badge, 'title and badge drawn');
    assert.ok(badge.x >= title.right - 1, `the badge (x ${badge.x}) after the title (right ${title.right})`);
    const number = await boxOf(page, '#swn-t-0', '1.');
    assert.ok(number.right <= title.left + 1, 'the number before the title');
    assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
  } finally {
    await close();
  }
});

test("an override in the region's name stays in the name on screen and in print", { timeout: 60_000 }, async () => {
  const { page, record, close } = await openSet();
  try {
    await ready(page);
    for (const f of ['name', 'period', 'assessor']) {
      assert.equal(await page.locator(`[data-region="${f}"]`).first().getAttribute('dir'), 'auto', `${f}: its own direction`);
    }
    await page.locator('[data-region="name"]').first().fill(`${RLO}Kabupaten Banjar`);
    await page.locator('[data-region="period"]').first().fill('2026');
    await page.locator('[data-i="0"][data-f="notes"]').first().fill(`${RLO}SK 12/2024`);
    assert.equal(await page.locator('[data-i="0"][data-f="notes"]').first().getAttribute('dir'), 'auto');
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const heading = '[data-swn="print"] h3';
    await page.locator(heading).first().waitFor();
    const name = await boxOf(page, heading, 'Kabupaten Banjar');
    const period = await boxOf(page, heading, '2026');
    const dash = await boxOf(page, heading, '—');
    assert.ok(name && period && dash, 'the heading names the region and the period');
    assert.ok(period.left >= name.right - 1, `the period (${period.left}) after the name (${name.right}), not inside it`);
    assert.ok(dash.right <= name.left + 1, 'the dash before the name');
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });

    // Download names: no direction control, whatever the region's name holds.
    await page.locator('[data-region="name"]').first().fill(`Kota \u2067${RLO}Baru\u202C\u2069 \u200F`);
    const json = await download(page, page.locator('[data-act="export-json"]'));
    assert.doesNotMatch(json.filename, BIDI_CONTROLS);
    assert.match(json.filename, /^uji-tahan-kota-baru-2026\.json$/);
    assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
  } finally {
    await close();
  }
});
