// The JS API guards against the mistakes an embedding page makes, without losing answers:
//   - mounting twice into one host (a framework effect that runs twice) leaves one widget;
//   - two widgets saving under one storage key is refused, naming the key;
//   - setAssessment() with another set's assessment replaces nothing;
//   - on() takes a function, and the same one once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startServer, WWW_ROOT } from './helpers.mjs';
import { open } from './reliability-helpers.mjs';

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

const PAGE = `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>guard</title></head>
<body><div id="a"></div><div id="b"></div></body></html>`;

/** A blank page on the server's origin with the package imported as `window.swn`. */
async function blank() {
  const opened = await open(browser, server.url, 'guard.html', { pages: { 'guard.html': PAGE } });
  await opened.page.evaluate(async () => {
    window.swn = await import('./pkg/index.js');
    await window.swn.default();
  });
  return opened;
}

test('mounting twice into one host leaves one live widget; the first handle is destroyed', { timeout: 60_000 }, async () => {
  const { page, record, close } = await blank();
  try {
    const r = await page.evaluate(async () => {
      const host = document.getElementById('a');
      // A loaded set, so that nothing is downloaded: the mounts finish in the order called
      // (with downloads, the later one to finish is the one that stays).
      const opts = { set: await swn.getSet('spbe-2020'), storageKey: 'guard-twice' };
      const [w1, w2] = await Promise.all([swn.mount(host, opts), swn.mount(host, opts)]);
      const changes = [0, 0];
      try {
        w1.on('change', () => (changes[0] += 1));
      } catch {
        // destroyed: it cannot listen any more
      }
      w2.on('change', () => (changes[1] += 1));
      host.shadowRoot.querySelector('[data-i="0"][data-f="pick"][value="3"]').click();
      let firstUse = null;
      try {
        w1.assessment();
      } catch (e) {
        firstUse = String(e.message);
      }
      const counts = [w1.listenerCount, w2.listenerCount];
      w1.destroy(); // a no-op now: it must not empty the host that w2 draws into
      return {
        changes,
        counts,
        firstUse,
        cards: host.shadowRoot.querySelectorAll('article.swn-ind').length,
        answer: w2.assessment().answers['spbe-01']?.value,
      };
    });
    assert.deepEqual(r.changes, [0, 1], 'only the second widget hears the click');
    assert.equal(r.counts[0], 0, 'the first widget holds no listeners');
    assert.ok(r.counts[1] > 0);
    assert.equal(r.firstUse, 'swanilai: the widget was destroyed: mount a new one with mount() to go on');
    assert.ok(r.cards > 0, "the first handle's destroy() left the second widget drawn");
    assert.equal(r.answer, 3);
    assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
  } finally {
    await close();
  }
});

test('two widgets saving under one storage key, or a key with a colon: the mount is refused, naming the key', {
  timeout: 60_000,
}, async () => {
  const { page, close } = await blank();
  try {
    const r = await page.evaluate(async () => {
      const a = await swn.mount(document.getElementById('a'), { set: 'smart-city-evaluasi' });
      let error = null;
      try {
        await swn.mount(document.getElementById('b'), { set: 'smart-city-evaluasi' });
      } catch (e) {
        error = String(e.message);
      }
      // A key with `:` could reach into another widget's backups: refused.
      let colon = null;
      try {
        await swn.mount(document.getElementById('b'), { set: 'smart-city-evaluasi', storageKey: 'x:previous' });
      } catch (e) {
        colon = String(e.message);
      }
      // With its own key it mounts; after the first is destroyed its key is free again.
      const b = await swn.mount(document.getElementById('b'), { set: 'smart-city-evaluasi', storageKey: 'second' });
      a.destroy();
      const again = await swn.mount(document.getElementById('a'), { set: 'smart-city-evaluasi' });
      return { error, colon, b: b.listenerCount > 0, again: again.listenerCount > 0 };
    });
    assert.equal(r.colon, 'swanilai: storageKey `x:previous` must not contain `:`: choose a key without it');
    assert.match(r.error ?? '', /swanilai:smart-city-evaluasi:default/);
    assert.match(r.error ?? '', /storageKey/);
    assert.ok(r.b && r.again);
  } finally {
    await close();
  }
});

test("setAssessment() with another set's assessment replaces nothing and says why", { timeout: 60_000 }, async () => {
  const { page, close } = await blank();
  try {
    const r = await page.evaluate(async () => {
      const w = await swn.mount(document.getElementById('a'), { set: 'spbe-2020', storageKey: 'guard-set' });
      w.setAssessment({ setId: 'spbe-2020', answers: { 'spbe-01': 4 } });
      const problems = w.setAssessment({ setId: 'gm100sc-kesiapan', answers: { 'str-tk-02': 3 } });
      return { codes: problems.map((p) => p.code), a: w.assessment() };
    });
    assert.ok(r.codes.includes('set-mismatch'), JSON.stringify(r.codes));
    assert.equal(r.a.setId, 'spbe-2020');
    assert.deepEqual(Object.keys(r.a.answers), ['spbe-01'], 'the answers are unchanged');
  } finally {
    await close();
  }
});

test('on() refuses a non-function and registers the same function once', { timeout: 60_000 }, async () => {
  const { page, close } = await blank();
  try {
    const r = await page.evaluate(async () => {
      const host = document.getElementById('a');
      const w = await swn.mount(host, { set: 'spbe-2020', storageKey: 'guard-on' });
      let refused = null;
      try {
        w.on('score', null);
      } catch (e) {
        refused = String(e.message);
      }
      let calls = 0;
      const f = () => (calls += 1);
      w.on('change', f);
      w.on('change', f);
      host.shadowRoot.querySelector('[data-i="0"][data-f="pick"][value="2"]').click();
      const once = calls;
      w.off('change', f);
      host.shadowRoot.querySelector('[data-i="0"][data-f="pick"][value="3"]').click();
      return { refused, once, after: calls };
    });
    assert.match(r.refused ?? '', /not a function/);
    assert.equal(r.once, 1);
    assert.equal(r.after, 1, 'off() removed it');
  } finally {
    await close();
  }
});
