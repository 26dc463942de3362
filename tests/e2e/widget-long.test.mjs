// A long tab is drawn in parts: a set with 250 indicators in one group shows 100 cards, says
// how many of how many are shown, and draws the next 100 on request with focus on the first
// new one; answering still rescores at once.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { assertClean, launchBrowser, openPage, startServer, WWW_ROOT } from './helpers.mjs';

let browser;
let server;
let root;

function longSet(n) {
  const level = (k) => ({ label: { id: `Tingkat ${k}`, en: `Level ${k}` } });
  return {
    id: 'panjang',
    version: '1',
    title: { id: 'Set panjang', en: 'Long set' },
    source: 'test',
    scale: { min: 0, max: 5, decimals: 2 },
    predicates: [
      { min: 0, max: 2.5, label: { id: 'Rendah', en: 'Low' } },
      { min: 2.5, max: 5, label: { id: 'Tinggi', en: 'High' } },
    ],
    unanswered: 'zero',
    groups: [
      {
        id: 'g',
        title: { id: 'Semua', en: 'All' },
        weight: 1,
        indicators: Array.from({ length: n }, (_, i) => ({
          id: `i${i + 1}`,
          title: { id: `Indikator ${i + 1}`, en: `Indicator ${i + 1}` },
          weight: 1,
          evidence: 'none',
          answer: { kind: 'level', levels: [1, 2, 3, 4, 5].map(level) },
        })),
      },
    ],
  };
}

before(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'swanilai-long-'));
  await cp(path.join(WWW_ROOT, 'pkg'), path.join(root, 'pkg'), { recursive: true });
  await writeFile(path.join(root, 'long.json'), JSON.stringify(longSet(250)));
  await writeFile(
    path.join(root, 'index.html'),
    `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Panjang</title>
<link rel="icon" href="data:,"><script type="module" src="./pkg/element.js"></script></head>
<body><main><swanilai-assessment src="./long.json" storage-key="long"></swanilai-assessment></main></body></html>`,
  );
  server = await startServer({ root, port: 0 });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

test('a 250-indicator tab is drawn 100 cards at a time', { timeout: 90_000 }, async () => {
  const { page, record, close } = await openPage(browser, `${server.url}index.html`);
  try {
    await page.locator('swanilai-assessment[data-state="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
    const cards = page.locator('article.swn-ind');
    assert.equal(await cards.count(), 100);
    assert.equal((await page.locator('.swn-more-cards span').innerText()).trim(), '100 dari 250 indikator ditampilkan');

    await page.locator('[data-act="more"]').click();
    assert.equal(await cards.count(), 200);
    const focusedCard = await page.evaluate(() => {
      const root = document.querySelector('swanilai-assessment').shadowRoot;
      return root.activeElement?.closest('article')?.id ?? null;
    });
    assert.equal(focusedCard, 'swn-i-100', 'focus moves to the first newly drawn indicator');

    // The last part: 50 more, and the button goes away.
    await page.locator('[data-act="more"]').click();
    assert.equal(await cards.count(), 250);
    assert.equal(await page.locator('[data-act="more"]').count(), 0);

    // Answering the 201st indicator (level 5) rescores: 5 / 250 = 0.02.
    await page.locator('#swn-i-200 input[value="5"]').check();
    await page.locator('[data-swn="overall"]').filter({ hasText: '0,02' }).waitFor({ timeout: 5_000 });
    assertClean(record);
  } finally {
    await close();
  }
});
