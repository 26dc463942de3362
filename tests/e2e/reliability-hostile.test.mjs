// Hostile files meet the widget (tests/hostile/cases.json, the same corpus the engine is held
// to natively and in wasm):
//   - importing each hostile assessment or export file lists its problems (every code the
//     corpus expects) with the file's integrity, and leaves the official's answers as they were;
//   - a set full of HTML, script and right-to-left payloads renders them as text (no element,
//     no dialog), and so do an imported assessment's notes and region;
//   - a refused set shows the widget's error state with the first problem;
//   - integrity: an exported file imports as intact, the same file with one answer changed is
//     flagged as changed (integrity, not authenticity: see docs/GUARANTEES.md).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser, startServer, WWW_ROOT } from './helpers.mjs';
import { assessment, downloadJson, HOSTILE_DIR, importText, open, pick, ready, widgetPage } from './reliability-helpers.mjs';

const cases = JSON.parse(await readFile(path.join(HOSTILE_DIR, 'cases.json'), 'utf8')).cases;

/** Elements no payload may create inside the widget. */
const FORBIDDEN_TAGS = ['script', 'img', 'iframe', 'marquee', 'style', 'a', 'b', 'u', 'object', 'embed', 'form'];

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

/** Opens the widget for the corpus file `set` at /hostile/<set>, on a page of its own. */
function openSet(set, key = 'e2e') {
  return open(browser, server.url, 'reliability.html', {
    pages: { 'reliability.html': widgetPage({ src: `./hostile/${set}`, storageKey: key }) },
    files: { [`hostile/${set}`]: path.join(HOSTILE_DIR, set) },
  });
}

/** Tag names of forbidden elements anywhere in the widget's shadow root. */
function forbiddenElements(page) {
  return page.evaluate((tags) => {
    const root = document.querySelector('swanilai-assessment').shadowRoot;
    return tags.flatMap((t) => [...root.querySelectorAll(t)].map((e) => e.outerHTML.slice(0, 80)));
  }, FORBIDDEN_TAGS);
}

/** Removes the import notice (cancelling a pending import, or dismissing a report). */
async function closeImportNotice(page) {
  const notice = page.locator('[data-swn="import"]').first();
  const cancel = notice.locator('[data-act="import-cancel"]');
  if (await cancel.count()) await cancel.click();
  else await notice.locator('[data-act="dismiss"]').click();
  await page.locator('[data-swn="import"]').first().waitFor({ state: 'detached', timeout: 5_000 });
}

test('importing each hostile file lists its problems and keeps the current answers', { timeout: 300_000 }, async (t) => {
  const { page, record, close } = await openSet('base-set.json', 'hostile-import');
  try {
    await ready(page);
    await pick(page, 0, 3);
    await pick(page, 1, 'true');
    await page.locator('[data-i="0"][data-f="notes"]').first().fill('Perbup 12/2024');
    const before = await assessment(page);
    assert.equal(before.answers['tk-01'].value, 3);

    const files = cases.filter((c) => (c.kind === 'assessment' || c.kind === 'import') && c.file);
    assert.ok(files.length >= 20, `${files.length} importable cases`);
    for (const c of files) {
      const text = await readFile(path.join(HOSTILE_DIR, c.file), 'utf8');
      await importText(page, c.file, text);
      const notice = page.locator('[data-swn="import"]').first();
      await notice.waitFor({ timeout: 10_000 });
      const shown = (await notice.textContent()) ?? '';
      const codes = await notice.locator('li[data-code]').evaluateAll((lis) => lis.map((li) => li.dataset.code));
      const want = [...(c.problems ?? []), ...(c.includes ?? [])].map((p) => p.code);
      for (const code of new Set(want)) {
        assert.ok(codes.includes(code), `${c.name}: the notice lists ${code}:\n${shown}`);
      }
      assert.doesNotMatch(shown, /\[[a-z-]+\]/, `${c.name}: no bare codes in the text`);
      const integrity = await notice.locator('[data-integrity]').getAttribute('data-integrity');
      assert.equal(integrity, c.integrity ?? 'unchecked', `${c.name}: integrity`);
      await closeImportNotice(page);
      assert.deepEqual(await assessment(page), before, `${c.name}: the answers are untouched`);
    }
    t.diagnostic(`${files.length} hostile files imported; answers intact after each`);
    assert.deepEqual(await forbiddenElements(page), []);
    assert.equal(record.dialogs, 0);
    assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
  } finally {
    await close();
  }
});

test('HTML, script and right-to-left payloads in a set and an assessment stay text', { timeout: 120_000 }, async () => {
  for (const c of cases.filter((x) => x.kind === 'set' && x.widget)) {
    const set = JSON.parse(await readFile(path.join(HOSTILE_DIR, c.file), 'utf8'));
    const { page, record, close } = await openSet(c.file, `payload-${c.name}`);
    try {
      await ready(page);
      const title = await page.locator('.swn-title').first().textContent();
      assert.equal(title, set.title.id, `${c.name}: the title is shown as its text`);
      const group = await page.locator('.swn-tab-title').first().textContent();
      assert.equal(group, typeof set.groups[0].title === 'string' ? set.groups[0].title : set.groups[0].title.id);
      await pick(page, 0, 2);
      await page.locator('[data-act="lang"]').first().click();
      assert.equal(
        await page.locator('.swn-title').first().textContent(),
        set.title.en ?? set.title.id,
        `${c.name}: the English title too`,
      );
      if (c.name === 'set-html-and-script-text') {
        // A hostile assessment on top: confirmed, its payloads land in inputs as text.
        const hostile = await readFile(path.join(HOSTILE_DIR, 'assessment-html-and-script-text.json'), 'utf8');
        const doc = JSON.parse(hostile);
        doc.setId = set.id;
        await importText(page, 'hostile.json', JSON.stringify(doc));
        await page.locator('[data-act="import-confirm"]').first().click();
        await ready(page);
        assert.equal(await page.locator('[data-region="name"]').first().inputValue(), doc.region.name);
        // The links that are not web addresses are kept as text in the notes, each on a line.
        const { notes, links } = doc.answers['tk-01'];
        const web = links.filter((l) => /^https?:\/\/[^\s/]/i.test(l));
        const moved = links.filter((l) => !web.includes(l));
        assert.ok(moved.length > 0, 'the file has links that are not web addresses');
        assert.equal(await page.locator('[data-i="0"][data-f="notes"]').first().inputValue(), [notes, ...moved].join('\n'));
        assert.equal(await page.locator('[data-i="0"][data-f="links"]').first().inputValue(), web.join('\n'));
      }
      assert.deepEqual(await forbiddenElements(page), [], `${c.name}: no element from a payload`);
      assert.equal(record.dialogs, 0, `${c.name}: no dialog`);
      assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
    } finally {
      await close();
    }
  }
});

test('a refused set shows the error state with its first problem', { timeout: 120_000 }, async () => {
  for (const name of ['set-weights-sum-to-infinity', 'set-json-nesting-1000-deep', 'set-wrong-types']) {
    const c = cases.find((x) => x.name === name);
    const { page, record, close } = await openSet(c.file, `refused-${name}`);
    try {
      await page.locator('swanilai-assessment[data-state="error"]').first().waitFor({ state: 'attached', timeout: 30_000 });
      const alert = (await page.locator('swanilai-assessment [role="alert"]').first().textContent()) ?? '';
      const first = c.problems[0];
      assert.ok(alert.includes(first.path), `${name}: the alert names ${first.path}: ${alert}`);
      // The element logs the refusal (console.error); nothing else goes wrong.
      assert.deepEqual(record.pageErrors, []);
      assert.ok(
        record.consoleErrors.every((m) => m.includes('swanilai')),
        JSON.stringify(record.consoleErrors),
      );
    } finally {
      await close();
    }
  }
});

test('an exported file imports as intact; the same file with one answer changed is flagged', { timeout: 120_000 }, async () => {
  const { page, record, close } = await openSet('base-set.json', 'integrity');
  try {
    await ready(page);
    await pick(page, 0, 4);
    await pick(page, 1, 'false');
    const exported = await downloadJson(page);
    const doc = JSON.parse(exported);
    assert.match(doc.sha256, /^[0-9a-f]{64}$/);
    assert.equal(doc.content.assessment.answers['tk-01'].value, 4);

    await importText(page, 'utuh.json', exported);
    await page.locator('[data-swn="import"] [data-integrity="intact"]').first().waitFor({ timeout: 10_000 });
    await closeImportNotice(page);

    // Someone raises an answer in the file and leaves the hash as it was.
    const tampered = exported.replace('"tk-01":{"value":4', '"tk-01":{"value":5');
    assert.notEqual(tampered, exported);
    await importText(page, 'diubah.json', tampered);
    const notice = page.locator('[data-swn="import"]').first();
    await notice.locator('[data-integrity="mismatch"]').waitFor({ timeout: 10_000 });
    assert.equal(await notice.locator('li[data-code="integrity-mismatch"]').count(), 1);
    // Nothing is replaced before the official confirms.
    assert.equal((await assessment(page)).answers['tk-01'].value, 4);
    await closeImportNotice(page);
    assert.equal((await assessment(page)).answers['tk-01'].value, 4);
    assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
  } finally {
    await close();
  }
});
