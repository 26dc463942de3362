// The first screen served as HTML (`swanilai prerender`, a declarative shadow root inside
// <swanilai-assessment>), under the strict CSP. Before the module loads, its radio buttons and
// fields work as plain HTML; the markup is what the widget draws itself (compared node by node,
// in both languages, for SPBE and Pemdi with its data dukung items and external indicators);
// when the widget takes over, what the official chose and typed is kept as her answers and
// saved (winning over a stored draft for those fields, the draft keeping the rest), and the
// focus, the caret, the scroll position and the first question's place stay; a page served
// before the set changed answers the indicators the official chose, found by id.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { assertNoCspReports, stageSite } from './embed-helpers.mjs';
import { indicatorsOf, launchBrowser, prerendered, readSet, saveKey, startServer } from './helpers.mjs';

const HOST = 'swanilai-assessment';
const REGION = 'Kabupaten Banjar';
let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** A portal's page: the element script, and the element holding the served first screen. */
const page = (setId, lang, fragment) => `<!doctype html>
<html lang="id">
<head>
  <meta charset="utf-8">
  <title>prerender</title>
  <script type="module" src="/swanilai/element.js"></script>
</head>
<body>
  <h1>Portal</h1>
  <${HOST} set="${setId}" lang="${lang}" region="${REGION}">${fragment}</${HOST}>
</body>
</html>
`;

/** Serves pages for (set, lang) pairs; resolves to the server. */
async function site(t, pairs) {
  const root = await stageSite(t, 'element');
  for (const [setId, lang] of pairs) {
    const fragment = await prerendered(['--set', setId, '--lang', lang, '--region', REGION, '--stylesheet', '/swanilai/swanilai.css']);
    await writeFile(`${root}/${setId}-${lang}.html`, page(setId, lang, fragment));
  }
  const server = await startServer({ root, port: 0, csp: true });
  t.after(() => server.close());
  return server;
}

/** Opens `url` with the .wasm held back until `release()` is called; `errors` collects the
 * page's errors, console errors and failed requests. */
async function openHeld(url, contextOptions = {}) {
  let release;
  const gate = new Promise((r) => {
    release = r;
  });
  const context = await browser.newContext(contextOptions);
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  p.on('requestfailed', (r) => errors.push(`${r.url()}: ${r.failure()?.errorText}`));
  await p.route('**/swanilai_bg.wasm', async (route) => {
    await gate;
    await route.continue();
  });
  await p.goto(url, { waitUntil: 'load' });
  return { page: p, errors, release, close: () => context.close() };
}

/**
 * The element's drawing as a comparable tree: tags, attributes, text and control values; the
 * parts the widget fills in later (results, notices, sheets, the sticky score) left empty.
 */
const tree = (host) =>
  host.shadowRoot
    ? (() => {
        const LATER = ['results', 'advice', 'check', 'compare', 'sheet', 'print', 'notices', 'status'];
        const walk = (n) => {
          if (n.nodeType === 3) return n.data;
          const attrs = [...n.attributes]
            .filter((a) => a.name !== 'style' && a.name !== 'selected' && !(n.tagName === 'INPUT' && a.name === 'value'))
            .map((a) => `${a.name}=${a.value}`)
            .sort();
          const out = { tag: n.tagName, attrs };
          if ('value' in n && /^(INPUT|SELECT|TEXTAREA)$/.test(n.tagName)) out.value = n.value;
          if (n.tagName === 'INPUT') out.checked = n.checked;
          const empty = LATER.includes(n.getAttribute('data-swn')) || n.hasAttribute('data-mini') || n.hasAttribute('data-saved');
          out.children = empty || n.tagName === 'TEXTAREA' ? [] : [...n.childNodes].map(walk);
          return out;
        };
        return walk(host.shadowRoot.querySelector('.swn'));
      })()
    : null;

for (const setId of ['spbe-2020', 'pemdi-2026']) {
  test(`${setId}: the served first screen is what the widget draws, in both languages`, { timeout: 120_000 }, async (t) => {
    const server = await site(t, [
      [setId, 'id'],
      [setId, 'en'],
    ]);
    for (const lang of ['id', 'en']) {
      const { page: p, errors, release, close } = await openHeld(`${server.url}${setId}-${lang}.html`);
      try {
        const served = await p.locator(HOST).evaluate(tree);
        assert.ok(served, 'a shadow root from the served HTML, before any module');
        assert.equal(await p.locator(HOST).getAttribute('data-state'), null, 'not dimmed as loading');
        release();
        await p.locator(`${HOST}[data-state="ready"]`).waitFor({ state: 'attached', timeout: 30_000 });
        await p.locator(`${HOST} [data-swn="overall"]`).waitFor({ state: 'attached', timeout: 10_000 });
        const drawn = await p.locator(HOST).evaluate(tree);
        assert.deepEqual(served, drawn, `${setId} ${lang}: served and drawn differ`);
        await assertNoCspReports(server, p);
        assert.deepEqual(errors, []);
      } finally {
        await close();
      }
    }
  });
}

test('before the module loads the form works as HTML; the widget takes over what was done', { timeout: 120_000 }, async (t) => {
  const server = await site(t, [['spbe-2020', 'id']]);
  const set = await readSet('spbe-2020');
  const [first, second, third] = indicatorsOf(set).map((i) => i.id);
  const url = `${server.url}spbe-2020-id.html`;
  // An earlier session's draft: levels for the first two indicators, the period.
  const key = saveKey('spbe-2020', REGION);
  const draft = JSON.stringify({
    format: 'swanilai-save/1',
    rev: 1,
    writer: 'seed',
    savedAt: '2026-01-05T08:00:00Z',
    assessment: {
      setId: set.id,
      setVersion: set.version,
      region: { name: REGION, period: '2025' },
      answers: { [first]: { value: 2 }, [second]: { value: 4 } },
    },
  });
  const seed = await openHeld(url, { viewport: { width: 1366, height: 768 } });
  await seed.page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, draft]);
  const state = await seed.page.context().storageState();
  await seed.close();
  const held = await openHeld(url, { viewport: { width: 1366, height: 768 }, storageState: state });
  t.after(() => held.close());
  const q = held.page;
  // Plain HTML: choose levels, type a code and notes, put the caret inside the assessor's
  // name, scroll a little.
  const radio = q.locator(`${HOST} [data-i="0"][data-f="pick"][value="3"]`);
  await radio.check();
  await q.locator(`${HOST} [data-i="2"][data-f="pick"][value="5"]`).check();
  await q.locator(`${HOST} [data-region="code"]`).fill('63.03');
  await q.locator(`${HOST} [data-i="0"][data-f="notes"]`).fill('SK Bupati 12/2025');
  const assessor = q.locator(`${HOST} [data-region="assessor"]`);
  await assessor.fill('Siti Aminah');
  await assessor.evaluate((el) => el.setSelectionRange(4, 4));
  await q.evaluate(() => window.scrollTo(0, 120));
  const place = () =>
    q.locator(HOST).evaluate((host) => ({
      y: host.shadowRoot.querySelector('[data-i="0"][data-f="pick"]').getBoundingClientRect().y,
      scroll: window.scrollY,
    }));
  const beforeTakeover = await place();
  assert.equal(await q.locator(HOST).getAttribute('data-state'), null);
  // Where things are the moment the widget has taken over.
  await q.locator(HOST).evaluate((host) => {
    new MutationObserver((_, obs) => {
      if (host.dataset.state !== 'ready') return;
      obs.disconnect();
      window.__takeover = {
        y: host.shadowRoot.querySelector('[data-i="0"][data-f="pick"]').getBoundingClientRect().y,
        scroll: window.scrollY,
      };
    }).observe(host, { attributes: true });
  });
  held.release();
  await q.locator(`${HOST}[data-state="ready"]`).waitFor({ state: 'attached', timeout: 30_000 });
  await q.waitForFunction((h) => document.querySelector(h).widget, HOST, { timeout: 10_000 });
  const a = await q.locator(HOST).evaluate((el) => el.widget.assessment());
  assert.equal(a.answers[first].value, 3, 'the level chosen before the takeover wins over the draft');
  assert.equal(a.answers[first].notes, 'SK Bupati 12/2025');
  assert.equal(a.answers[second].value, 4, 'the draft keeps what was not touched');
  assert.equal(a.answers[third].value, 5);
  assert.deepEqual(
    { name: a.region.name, code: a.region.code, period: a.region.period, assessor: a.region.assessor },
    { name: REGION, code: '63.03', period: '2025', assessor: 'Siti Aminah' },
  );
  // The widget shows them, the focus and caret stayed, nothing moved.
  assert.equal(await radio.isChecked(), true);
  const focus = await q.locator(HOST).evaluate((host) => {
    const el = host.shadowRoot.activeElement;
    return { key: el?.getAttribute('data-region'), at: [el?.selectionStart, el?.selectionEnd] };
  });
  assert.deepEqual(focus, { key: 'assessor', at: [4, 4] });
  assert.deepEqual(await q.evaluate(() => window.__takeover), beforeTakeover, 'the first question and the page stay where they were');
  // Saved: a reload finds them.
  await q.waitForFunction(
    ([k, id]) => {
      const s = JSON.parse(localStorage.getItem(k) ?? '{}');
      return s.assessment?.answers?.[id]?.value === 3 && s.assessment?.region?.code === '63.03';
    },
    [key, first],
    { timeout: 5_000 },
  );
  assert.deepEqual(await place(), beforeTakeover, 'nor after the first save');
  // The served link is the widget's: the stylesheet is fetched once.
  const css = await q.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/swanilai.css')).length);
  assert.equal(css, 1, 'swanilai.css requests');
  await assertNoCspReports(server, q);
  assert.deepEqual(held.errors, []);
});

test('a page served before the set changed answers the indicator the official chose, by id', { timeout: 120_000 }, async (t) => {
  // The served screen was made from an older order of the set: its first two indicators swapped.
  const set = await readSet('spbe-2020');
  const stale = structuredClone(set);
  const first = (function find(gs) {
    for (const g of gs) {
      if (g.indicators?.length >= 2) return g;
      const hit = find(g.children ?? []);
      if (hit) return hit;
    }
    return null;
  })(stale.groups);
  [first.indicators[0], first.indicators[1]] = [first.indicators[1], first.indicators[0]];
  const root = await stageSite(t, 'element');
  await writeFile(`${root}/set.json`, JSON.stringify(set));
  await writeFile(`${root}/stale.json`, JSON.stringify(stale));
  const fragment = await prerendered(['--set', `${root}/stale.json`, '--region', REGION, '--stylesheet', '/swanilai/swanilai.css']);
  await writeFile(`${root}/stale.html`, page('spbe-2020', 'id', fragment).replace('set="spbe-2020"', 'src="/set.json"'));
  const server = await startServer({ root, port: 0, csp: true });
  t.after(() => server.close());
  const held = await openHeld(`${server.url}stale.html`);
  t.after(() => held.close());
  const q = held.page;
  const shownFirst = await q.locator(`${HOST} #swn-i-0`).getAttribute('data-ind');
  assert.equal(shownFirst, first.indicators[0].id, 'the served screen shows the older order');
  await q.locator(`${HOST} [data-i="0"][data-f="pick"][value="4"]`).check();
  held.release();
  await q.waitForFunction((h) => document.querySelector(h).widget, HOST, { timeout: 30_000 });
  const a = await q.locator(HOST).evaluate((el) => el.widget.assessment());
  assert.deepEqual(
    Object.entries(a.answers).map(([id, x]) => [id, x.value]),
    [[shownFirst, 4]],
  );
  assert.equal(
    await q.locator(`${HOST} #swn-i-0`).getAttribute('data-ind'),
    first.indicators[1].id,
    'the widget draws the set as it is now',
  );
  assert.deepEqual(held.errors, []);
});

test('a number typed in a page served in English keeps its value in an Indonesian widget', { timeout: 120_000 }, async (t) => {
  // A count with no upper bound, first on the first screen; the page was pre-rendered in
  // English, the element asks for Indonesian (its own `lang`).
  const set = await readSet('smart-city-evaluasi');
  const count = indicatorsOf(set).find((i) => i.id === 'bl-02');
  count.answer = {
    kind: 'number',
    unit: { id: 'layanan', en: 'services' },
    min: 0,
    better: 'higher',
    mapping: { bands: [100, 500, 1000, 2000, 5000].map((limit, k) => ({ limit, score: k + 1 })) },
  };
  const root = await stageSite(t, 'element');
  await writeFile(`${root}/set.json`, JSON.stringify(set));
  const fragment = await prerendered([
    '--set',
    `${root}/set.json`,
    '--lang',
    'en',
    '--region',
    REGION,
    '--stylesheet',
    '/swanilai/swanilai.css',
  ]);
  await writeFile(`${root}/en.html`, page('x', 'id', fragment).replace('set="x"', 'src="/set.json"'));
  const server = await startServer({ root, port: 0, csp: true });
  t.after(() => server.close());
  const held = await openHeld(`${server.url}en.html`);
  t.after(() => held.close());
  const q = held.page;
  const i = indicatorsOf(set).indexOf(count);
  await q.locator(`${HOST} [data-i="${i}"][data-f="num"]`).fill('1,250');
  held.release();
  await q.waitForFunction((h) => document.querySelector(h).widget, HOST, { timeout: 30_000 });
  const a = await q.locator(HOST).evaluate((el) => el.widget.assessment());
  assert.equal(a.answers['bl-02']?.value, 1250, 'English 1,250 is one thousand two hundred and fifty');
  assert.deepEqual(held.errors, []);
});

test('what was done in a served screen for an indicator the set no longer has is listed, not dropped', { timeout: 120_000 }, async (t) => {
  // The served screen was made from an older version whose first indicator the set has since
  // dropped (here: renamed).
  const set = await readSet('spbe-2020');
  const stale = structuredClone(set);
  const gone = indicatorsOf(stale)[0];
  gone.id = 'spbe-lama-01';
  const root = await stageSite(t, 'element');
  await writeFile(`${root}/set.json`, JSON.stringify(set));
  await writeFile(`${root}/stale.json`, JSON.stringify(stale));
  const fragment = await prerendered(['--set', `${root}/stale.json`, '--region', REGION, '--stylesheet', '/swanilai/swanilai.css']);
  await writeFile(`${root}/stale.html`, page('spbe-2020', 'id', fragment).replace('set="spbe-2020"', 'src="/set.json"'));
  const server = await startServer({ root, port: 0, csp: true });
  t.after(() => server.close());
  const held = await openHeld(`${server.url}stale.html`);
  t.after(() => held.close());
  const q = held.page;
  await q.locator(`${HOST} [data-i="0"][data-f="pick"][value="3"]`).check();
  await q.locator(`${HOST} [data-i="0"][data-f="notes"]`).fill('SK Bupati 7/2025 halaman 4');
  held.release();
  await q.waitForFunction((h) => document.querySelector(h).widget, HOST, { timeout: 30_000 });
  const a = await q.locator(HOST).evaluate((el) => el.widget.assessment());
  assert.deepEqual(Object.keys(a.answers), [], 'nothing answered in its place');
  const notices = await q.locator(`${HOST} [data-swn="notices"]`).innerText();
  assert.match(notices, /tidak ada di versi set yang sekarang/);
  assert.match(notices, /spbe-lama-01: 3/);
  assert.match(notices, /spbe-lama-01: SK Bupati 7\/2025 halaman 4/);
  assert.deepEqual(held.errors, []);
});

test('a page served in English stays English when the element names no language', { timeout: 120_000 }, async (t) => {
  const root = await stageSite(t, 'element');
  const fragment = await prerendered(['--set', 'spbe-2020', '--lang', 'en', '--region', REGION, '--stylesheet', '/swanilai/swanilai.css']);
  await writeFile(`${root}/en.html`, page('spbe-2020', 'en', fragment).replace(' lang="en"', ''));
  const server = await startServer({ root, port: 0, csp: true });
  t.after(() => server.close());
  const held = await openHeld(`${server.url}en.html`);
  t.after(() => held.close());
  const q = held.page;
  assert.equal(await q.locator(HOST).getAttribute('lang'), null, 'the element names no language');
  held.release();
  await q.waitForFunction((h) => document.querySelector(h).widget, HOST, { timeout: 30_000 });
  assert.equal(await q.locator(`${HOST} .swn`).getAttribute('lang'), 'en', 'the widget took over in English');
  assert.match(await q.locator(`${HOST} .swn-head`).innerText(), /Export JSON/, 'its words are English');
  assert.deepEqual(held.errors, []);
});

test('choices made in a screen served from another version of the set are used and listed', { timeout: 120_000 }, async (t) => {
  // The same indicators and levels, but the page was made from an older version, whose level
  // criteria may have said something else.
  const set = await readSet('spbe-2020');
  const older = structuredClone(set);
  older.version = `${set.version}-lama`;
  const root = await stageSite(t, 'element');
  await writeFile(`${root}/set.json`, JSON.stringify(set));
  await writeFile(`${root}/older.json`, JSON.stringify(older));
  const fragment = await prerendered(['--set', `${root}/older.json`, '--region', REGION, '--stylesheet', '/swanilai/swanilai.css']);
  await writeFile(`${root}/older.html`, page('spbe-2020', 'id', fragment).replace('set="spbe-2020"', 'src="/set.json"'));
  const server = await startServer({ root, port: 0, csp: true });
  t.after(() => server.close());
  const held = await openHeld(`${server.url}older.html`);
  t.after(() => held.close());
  const q = held.page;
  const first = indicatorsOf(set)[0];
  await q.locator(`${HOST} [data-i="0"][data-f="pick"][value="3"]`).check();
  held.release();
  await q.waitForFunction((h) => document.querySelector(h).widget, HOST, { timeout: 30_000 });
  const a = await q.locator(HOST).evaluate((el) => el.widget.assessment());
  assert.equal(a.answers[first.id]?.value, 3, 'the choice is used as the answer');
  const notices = await q.locator(`${HOST} [data-swn="notices"]`).innerText();
  assert.match(notices, /versi set yang lain/);
  assert.ok(notices.includes(`${older.version} → ${set.version}`), notices);
  assert.ok(notices.includes(`${first.id}: 3`), notices);
  assert.deepEqual(held.errors, []);
});

test('a screen served from the version in use brings no version notice', { timeout: 120_000 }, async (t) => {
  const server = await site(t, [['spbe-2020', 'id']]);
  const held = await openHeld(`${server.url}spbe-2020-id.html`);
  t.after(() => held.close());
  const q = held.page;
  await q.locator(`${HOST} [data-i="0"][data-f="pick"][value="2"]`).check();
  held.release();
  await q.waitForFunction((h) => document.querySelector(h).widget, HOST, { timeout: 30_000 });
  const notices = await q.locator(`${HOST} [data-swn="notices"]`).innerText();
  assert.doesNotMatch(notices, /versi set yang lain/);
  assert.deepEqual(held.errors, []);
});
