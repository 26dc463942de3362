// (d) Embedding mistakes and hostile pages a portal may bring: an `undefined` option, a
// relative `base` without its slash, a mistyped set id, the API used before `init()`, page
// CSS that would leak into the shadow root (root font size, inherited text properties), and
// the layout the official works in: a sticky score bar that never covers the focused
// control, the questions first on a phone, and a printout with every advice title.
// Also: misuse told in words (a .wasm that does not load, `mount(null)`, a set with errors, a
// storage key in use for the element), a `lang` set while the element loads, and the layout
// following the widget's own width, not the window's.
// Each page is written into a staged copy of tests/embed/plain/ (the package at /swanilai/).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assertClean, launchBrowser, openPage, startServer } from './helpers.mjs';
import { EMBED_DIR, PKG_DIR, assertBuilt, waitForWidget } from './embed-helpers.mjs';

let browser;
let server;
let root;
// One staged site for the file (as stageSite() makes it); each test writes its own page.
before(async () => {
  await assertBuilt();
  root = await mkdtemp(path.join(tmpdir(), 'swanilai-robust-'));
  await cp(path.join(EMBED_DIR, 'plain'), root, { recursive: true });
  await cp(PKG_DIR, path.join(root, 'swanilai'), { recursive: true });
  server = await startServer({ root, port: 0 });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (root && process.env.SWANILAI_KEEP_TMP !== '1') await rm(root, { recursive: true, force: true });
});

/** Writes `<name>.html` with `css` in a <style> and `script` as its module; opens it. */
async function pageWith(name, { css = '', script, body = '<div id="penilaian"></div>', viewport }) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="./favicon.svg">
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${css}</style></head>
<body><h1>A portal page</h1>${body}<script type="module">${script}</script></body></html>`;
  await writeFile(path.join(root, `${name}.html`), html);
  const contextOptions = viewport ? { viewport } : {};
  return openPage(browser, `${server.url}${name}.html`, { contextOptions });
}

const MOUNT = (opts) => `
  import { mount } from './swanilai/index.js';
  window.swanilaiWidget = await mount(document.getElementById('penilaian'), ${opts});`;

/** What `evaluate` returns for a value computed inside the shadow root of `#penilaian`. */
const inShadow = (page, fn, arg) =>
  page.evaluate(
    ([src, a]) => new Function('root', 'arg', `return (${src})(root, arg)`)(document.querySelector('#penilaian').shadowRoot, a),
    [fn.toString(), arg],
  );

test('stylesheet: undefined, null or "" keeps the default stylesheet', { timeout: 90_000 }, async () => {
  for (const value of ['undefined', 'null', "''"]) {
    const { page, record, close } = await pageWith('sheet', { script: MOUNT(`{ set: 'spbe-2020', stylesheet: ${value} }`) });
    try {
      await waitForWidget(page, record, '#penilaian');
      const got = await inShadow(page, (r) => ({
        href: r.querySelector('link[rel="stylesheet"]')?.href ?? null,
        minHeight: getComputedStyle(r.querySelector('.swn-btn')).minHeight,
      }));
      assert.match(got.href ?? '', /\/swanilai\/swanilai\.css$/, `stylesheet ${value}: the default is linked`);
      assert.equal(got.minHeight, '44px', `stylesheet ${value}: the widget is styled`);
      assertClean(record);
    } finally {
      await close();
    }
  }
});

test('getSet resolves a relative base against the page, with or without its trailing slash', { timeout: 90_000 }, async () => {
  const { page, record, close } = await pageWith('base', {
    script: `
      import { getSet } from './swanilai/index.js';
      const out = [];
      for (const base of ['/swanilai/sets/', '/swanilai/sets', 'swanilai/sets', new URL('swanilai/sets', location.href)]) {
        try { out.push((await getSet('smart-city-evaluasi', { base })).id); } catch (e) { out.push(String(e.message)); }
      }
      window.__out = out;`,
  });
  try {
    const out = await page.waitForFunction(() => window.__out).then((h) => h.jsonValue());
    assert.deepEqual(out, Array(4).fill('smart-city-evaluasi'));
    assertClean(record);
  } finally {
    await close();
  }
});

test('an unknown set id is named with the known ids, in mount() and in the element', { timeout: 90_000 }, async () => {
  const { page, close } = await pageWith('unknown', {
    script: `
      import { mount } from './swanilai/index.js';
      import './swanilai/element.js';
      window.__err = await mount(document.getElementById('penilaian'), { set: 'spbe-2021' })
        .then(() => 'mounted', (e) => e.message);`,
    body: '<div id="penilaian"></div><swanilai-assessment set="spbe-2021"></swanilai-assessment>',
  });
  try {
    const err = await page.waitForFunction(() => window.__err).then((h) => h.jsonValue());
    assert.match(err, /^swanilai: unknown built-in set "spbe-2021"/);
    for (const id of ['gm100sc-kesiapan', 'pemdi-2026', 'smart-city-evaluasi', 'spbe-2020'])
      assert.ok(err.includes(id), `${err} lists ${id}`);
    assert.doesNotMatch(err, /JSON|syntax/i);
    await page.locator('swanilai-assessment[data-state="error"]').waitFor({ state: 'attached' });
    const shown = await page.locator('swanilai-assessment [role="alert"]').innerText();
    assert.equal(shown, err, 'the element shows the message once prefixed');
  } finally {
    await close();
  }
});

test('the synchronous API before init() throws a clear Error, and works after it', { timeout: 90_000 }, async () => {
  const { page, record, close } = await pageWith('early', {
    script: `
      import init, { version, builtinSets, loadSet, openExport } from './swanilai/index.js';
      const calls = { version, builtinSets, loadSet: () => loadSet('{}'), openExport: () => openExport('{}') };
      const before = {};
      for (const [k, f] of Object.entries(calls)) { try { f(); before[k] = 'no error'; } catch (e) { before[k] = e.message; } }
      await init();
      window.__out = { before, version: version(), sets: builtinSets().length };`,
  });
  try {
    const out = await page.waitForFunction(() => window.__out).then((h) => h.jsonValue());
    for (const [k, msg] of Object.entries(out.before)) assert.equal(msg, 'swanilai: call `await init()` first', k);
    assert.match(out.version, /^\d+\.\d+\.\d+/);
    assert.equal(out.sets, 4);
    assertClean(record);
  } finally {
    await close();
  }
});

// Computed styles that page CSS must not change.
const probe = (r) => {
  const cs = (sel) => getComputedStyle(r.querySelector(sel));
  const pick = (sel, ...props) => Object.fromEntries(props.map((p) => [`${sel} ${p}`, cs(sel)[p]]));
  return {
    ...pick('.swn-title', 'fontSize', 'textAlign', 'letterSpacing', 'textTransform', 'color', 'fontFamily', 'lineHeight'),
    ...pick('.swn-mini', 'color', 'fontFamily', 'letterSpacing', 'textTransform'),
    ...pick('.swn-btn', 'paddingLeft', 'fontSize', 'textTransform', 'letterSpacing'),
    ...pick('.swn-desc', 'textAlign', 'marginBottom', 'wordSpacing', 'fontStyle'),
    ...pick('.swn-tab-count', 'fontSize'),
    ...pick('.swn-body', 'gridTemplateColumns'),
    ...pick('.swn-opt input', 'width'),
    ...pick('.swn-table td', 'paddingLeft'),
  };
};

test('page CSS (root font size, inherited text properties) does not reach into the widget', { timeout: 90_000 }, async () => {
  const results = [];
  for (const css of [
    '',
    'html { font-size: 10px } body { text-align: center; letter-spacing: .2em; word-spacing: 1em; text-transform: uppercase; font-style: italic; line-height: 3 }',
    // A CMS theme's rules for every element reach the host element itself, where they beat
    // the widget's :host rules.
    '* { color: red; font-family: serif; letter-spacing: 3px; text-transform: uppercase; text-align: right; line-height: 3; font-style: italic; word-spacing: 1em }',
  ]) {
    const { page, record, close } = await pageWith('leak', {
      css,
      script: MOUNT(`{ set: 'spbe-2020', lang: 'en' }`),
      viewport: { width: 1280, height: 720 },
    });
    try {
      await waitForWidget(page, record, '#penilaian');
      results.push(await inShadow(page, probe));
      assertClean(record);
    } finally {
      await close();
    }
  }
  assert.deepEqual(results[1], results[0], 'the same computed styles on a hostile page as on a neutral one');
  assert.deepEqual(results[2], results[0], 'the same computed styles under a theme for `*` as on a neutral page');
  assert.equal(results[0]['.swn-title fontSize'], '24px');
  assert.equal(results[0]['.swn-btn paddingLeft'], '14.4px');
  assert.equal(results[0]['.swn-opt input width'], '20px');
});

test('theming through --swn-* still reaches the widget', { timeout: 90_000 }, async () => {
  const { page, record, close } = await pageWith('theme', {
    css: '#penilaian { --swn-accent: rgb(0, 87, 61); --swn-font: monospace; --swn-radius: 0px }',
    script: MOUNT(`{ set: 'spbe-2020' }`),
  });
  try {
    await waitForWidget(page, record, '#penilaian');
    const got = await inShadow(page, (r) => {
      const b = getComputedStyle(r.querySelector('.swn-tools .swn-btn'));
      return { color: b.color, radius: b.borderTopLeftRadius, font: getComputedStyle(r.querySelector('.swn-desc')).fontFamily };
    });
    assert.deepEqual(got, { color: 'rgb(0, 87, 61)', radius: '0px', font: 'monospace' });
    // `all: initial` on the host must not undo a page that hides a part holding the widget.
    await page.evaluate(() => (document.body.style.visibility = 'hidden'));
    assert.equal(await inShadow(page, (r) => getComputedStyle(r.querySelector('.swn-btn')).visibility), 'hidden');
    assertClean(record);
  } finally {
    await close();
  }
});

/** The sticky bar's bottom edge and `sel`'s top edge, in the viewport. */
const edges = (page, sel) =>
  inShadow(
    page,
    (r, s) => ({
      sticky: r.querySelector('.swn-sticky').getBoundingClientRect().bottom,
      top: (s ? r.querySelector(s) : r.activeElement).getBoundingClientRect().top,
    }),
    sel,
  );

test('the sticky score bar covers neither a control focused backwards nor a card reached from advice', { timeout: 90_000 }, async () => {
  const { page, record, close } = await pageWith('sticky', {
    script: MOUNT(`{ set: 'spbe-2020', lang: 'en' }`),
    viewport: { width: 1280, height: 720 },
  });
  try {
    await waitForWidget(page, record, '#penilaian');
    // Focus a control far down the form, then tab backwards across several cards.
    await inShadow(page, (r) => [...r.querySelectorAll('.swn-ind input[type="radio"]')].at(-1).focus());
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Shift+Tab');
      const e = await edges(page);
      if (e.top < 300) assert.ok(e.top >= e.sticky, `Shift+Tab ${i + 1}: focused top ${e.top} under the sticky bar (bottom ${e.sticky})`);
    }
    // An advice link scrolls its card into view below the bar.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    // (The last one on screen: an empty assessment's list of indicators to answer shows its
    // first few, the rest print.)
    const goto = page.locator('#penilaian .swn-advice .swn-goto:visible').last();
    await goto.click();
    const id = await inShadow(page, (r) => r.activeElement.closest('.swn-ind').id);
    const e = await edges(page, `#${id}`);
    assert.ok(e.top >= e.sticky, `card top ${e.top} is below the sticky bar (bottom ${e.sticky})`);
    assertClean(record);
  } finally {
    await close();
  }
});

test('on a phone the questions come before the detailed results, and the radar labels stay readable', { timeout: 90_000 }, async () => {
  const { page, record, close } = await pageWith('phone', {
    script: MOUNT(`{ set: 'spbe-2020', lang: 'en' }`),
    viewport: { width: 360, height: 740 },
  });
  try {
    await waitForWidget(page, record, '#penilaian');
    const got = await inShadow(page, (r) => {
      const top = (s) => r.querySelector(s).getBoundingClientRect().top + scrollY;
      const radar = r.querySelector('.swn-radar');
      const label = radar.querySelector('.swn-axis-label');
      return {
        tabs: top('.swn-tabs'),
        card: top('.swn-ind'),
        results: top('.swn-results'),
        sticky: getComputedStyle(r.querySelector('.swn-sticky')).display,
        labelPx: label.getBoundingClientRect().height,
        scale: radar.getBoundingClientRect().width / radar.viewBox.baseVal.width,
        labelSize: parseFloat(getComputedStyle(label).fontSize),
        pageWidth: document.documentElement.scrollWidth,
        columns: getComputedStyle(r.querySelector('.swn-body')).gridTemplateColumns.split(' ').length,
        padding: getComputedStyle(r.querySelector('.swn')).paddingLeft,
      };
    });
    assert.equal(got.columns, 1, 'one column');
    assert.equal(got.padding, '4px', 'the phone rules apply');
    assert.ok(got.card < got.results, `the first card (${got.card}) before the results (${got.results})`);
    // Title, toolbar and region form stay above; the first question was 2.5 screens down.
    assert.ok(got.card < 1.6 * 740, `the first question within 1.6 screens (at ${got.card})`);
    assert.notEqual(got.sticky, 'none', 'the sticky summary shows the score');
    assert.ok(got.scale * got.labelSize >= 11, `radar labels ${(got.scale * got.labelSize).toFixed(1)}px`);
    assert.ok(got.pageWidth <= 360, `no horizontal scroll (${got.pageWidth}px)`);
    assertClean(record);
  } finally {
    await close();
  }
});

test('the printout names every advice step, without the screen-only buttons', { timeout: 90_000 }, async () => {
  const { page, record, close } = await pageWith('print', { script: MOUNT(`{ set: 'spbe-2020', lang: 'en' }`) });
  try {
    await waitForWidget(page, record, '#penilaian');
    await page.emulateMedia({ media: 'print' });
    const got = await inShadow(page, (r) => {
      const titles = [...r.querySelectorAll('.swn-advice .swn-goto')];
      const more = r.querySelector('.swn-advice .swn-more');
      const cs = titles[0] && getComputedStyle(titles[0]);
      return {
        titles: titles.length,
        shown: titles.filter((b) => b.getClientRects().length > 0 && b.textContent.trim()).length,
        underline: cs?.textDecorationLine,
        color: cs?.color,
        fg: getComputedStyle(r.querySelector('.swn-advice')).color,
        more: more ? getComputedStyle(more).display : 'none',
      };
    });
    assert.ok(got.titles > 0, 'the advice has steps');
    assert.equal(got.shown, got.titles, 'every step shows its indicator title');
    assert.equal(got.underline, 'none', 'titles print as plain text');
    assert.equal(got.color, got.fg, 'in the text colour');
    assert.equal(got.more, 'none', '"Show all N steps" is a screen-only button');
    assertClean(record);
  } finally {
    await close();
  }
});

test('a .wasm that does not load (a server answering with its HTML page) rejects naming the URL and the fix; init() then retries', {
  timeout: 90_000,
}, async () => {
  // A server with no file at the .wasm URL that answers with the app's index.html (a
  // single-page app's fallback route).
  const { page, record, close } = await pageWith('wasm-html', {
    script: `
      import init, { version } from './swanilai/index.js';
      const url = new URL('./index.html', location.href).href;
      const err = await init(url).then(() => null, (e) => e);
      await init();
      window.__out = { url, message: err?.message, cause: err?.cause?.name, causeMessage: err?.cause?.message, version: version() };`,
  });
  try {
    const out = await page.waitForFunction(() => window.__out).then((h) => h.jsonValue());
    assert.ok(out.message?.startsWith(`swanilai: could not load the WebAssembly module from ${out.url}: `), out.message);
    assert.ok(out.message.includes(out.causeMessage), `the browser's message is kept: ${out.message}`);
    assert.match(out.causeMessage, /magic word/);
    assert.match(
      out.message,
      /That is not the \.wasm file \(the server answered with something else, such as an HTML page\): serve swanilai_bg\.wasm beside index\.js, or pass its URL as wasmUrl$/,
    );
    assert.equal(out.cause, 'CompileError', 'the original error is the cause');
    assert.match(out.version, /^\d+\.\d+\.\d+/, 'the next init() loads the module');
    assertClean(record);
  } finally {
    await close();
  }
});

test("the layout follows the widget's width, not the window's, and never collapses it", { timeout: 90_000 }, async (t) => {
  const { page, record, close } = await pageWith('widths', {
    viewport: { width: 1366, height: 800 },
    body: `
      <div class="host" id="full"></div>
      <div style="width: 480px"><div class="host" id="column"></div></div>
      <div style="display: flex"><nav style="width: 200px; flex: none">Menu</nav><div class="host" id="flex"></div></div>
      <div style="width: 1000px"><div class="host" id="big" style="font-size: 24px"></div></div>
      <div><div class="host" id="inline" style="display: inline-block"></div></div>`,
    script: `
      import { mount } from './swanilai/index.js';
      await Promise.all([...document.querySelectorAll('.host')].map((el) => mount(el, { set: 'spbe-2020', lang: 'en', storageKey: el.id })));`,
  });
  try {
    const got = {};
    for (const id of ['full', 'column', 'flex', 'big', 'inline']) {
      await waitForWidget(page, record, `#${id}`);
      got[id] = await page.evaluate((id) => {
        const host = document.getElementById(id);
        return {
          width: Math.round(host.getBoundingClientRect().width),
          columns: getComputedStyle(host.shadowRoot.querySelector('.swn-body')).gridTemplateColumns.split(' ').length,
        };
      }, id);
    }
    t.diagnostic(JSON.stringify(got));
    const body = 1366 - 16; // the body's default 8px margins
    assert.deepEqual(got.full, { width: body, columns: 2 }, 'full width: the form beside the results');
    assert.deepEqual(got.column, { width: 480, columns: 1 }, 'a 480px column in a wide window: one column');
    assert.deepEqual(got.flex, { width: body - 200, columns: 2 }, 'a flex item beside a 200px sidebar fills the rest');
    assert.deepEqual(got.big, { width: 1000, columns: 1 }, 'a 24px host font: the breakpoints are in its em');
    assert.deepEqual(got.inline, { width: body, columns: 2 }, 'an inline-block takes the width it is given');
    assertClean(record);
  } finally {
    await close();
  }
});

test('a lang attribute set while the element is still loading applies once it is ready', { timeout: 90_000 }, async () => {
  const { page, record, close } = await pageWith('lang-loading', {
    script: `
      import './swanilai/element.js';
      const el = document.createElement('swanilai-assessment');
      el.setAttribute('set', 'spbe-2020');
      el.setAttribute('lang', 'id');
      // Once the mount has started (and read lang), before it is done.
      new MutationObserver((_, o) => {
        if (el.getAttribute('data-state') !== 'loading') return;
        o.disconnect();
        window.__loading = el.widget === null;
        el.setAttribute('lang', 'en');
      }).observe(el, { attributes: true });
      document.body.append(el);`,
    body: '',
  });
  try {
    await waitForWidget(page, record, 'swanilai-assessment');
    assert.equal(await page.evaluate(() => window.__loading), true, 'lang changed while there was no widget yet');
    const got = await page.evaluate(() => {
      const el = document.querySelector('swanilai-assessment');
      return { lang: el.shadowRoot.querySelector('.swn').lang, widget: el.widget.assessment().setId, attr: el.getAttribute('lang') };
    });
    assert.deepEqual(got, { lang: 'en', widget: 'spbe-2020', attr: 'en' });
    assertClean(record);
  } finally {
    await close();
  }
});

test('a set with errors is reported by its first error (not a warning before it) and their count; the element lists them', {
  timeout: 90_000,
}, async () => {
  const set = {
    id: 'uji',
    version: '1',
    title: 'Uji',
    predicates: [{ min: 0, max: 5, label: 'P' }],
    groups: [
      {
        id: 'g',
        title: 'G',
        indicators: [
          { id: 'a', title: 'A', wieght: 2, answer: { kind: 'yes_no' } }, // a warning, listed first
          { id: 'b', title: 'B', weight: -1, answer: { kind: 'yes_no' } },
          { id: 'a', title: 'C', answer: { kind: 'level', levels: [] } },
        ],
      },
    ],
  };
  await writeFile(path.join(root, 'bad-set.json'), JSON.stringify(set));
  const { page, close } = await pageWith('bad-set', {
    script: `
      import { mount } from './swanilai/index.js';
      import './swanilai/element.js';
      const set = await (await fetch('./bad-set.json')).text();
      const err = await mount(document.getElementById('penilaian'), { set }).then(() => null, (e) => e);
      window.__out = { message: err?.message, problems: err?.problems?.length };`,
    body: '<div id="penilaian"></div><swanilai-assessment src="./bad-set.json"></swanilai-assessment>',
  });
  try {
    const out = await page.waitForFunction(() => window.__out).then((h) => h.jsonValue());
    assert.equal(
      out.message,
      'swanilai: invalid indicator set (3 errors): groups[0].indicators[1].weight: weight must be greater than 0, got -1',
    );
    assert.equal(out.problems, 4, 'the error carries every problem, the warning too');
    await page.locator('swanilai-assessment[data-state="error"]').waitFor({ state: 'attached' });
    const alert = page.locator('swanilai-assessment [role="alert"]');
    assert.ok((await alert.innerText()).startsWith(out.message), await alert.innerText());
    assert.deepEqual(await alert.locator('li').allInnerTexts(), [
      'groups[0].indicators[1].weight: weight must be greater than 0, got -1',
      'groups[0].indicators[2].id: id `a` is already used at groups[0].indicators[0]',
      'groups[0].indicators[2].answer: indicator `a` offers no levels',
    ]);
  } finally {
    await close();
  }
});

test('mount() without an element rejects with an Error that says so', { timeout: 90_000 }, async () => {
  const { page, record, close } = await pageWith('no-element', {
    script: `
      import { mount } from './swanilai/index.js';
      const err = await mount(document.querySelector('#not-there'), { set: 'spbe-2020' }).then(() => null, (e) => e);
      window.__out = { type: err?.constructor.name, message: err?.message };`,
  });
  try {
    const out = await page.waitForFunction(() => window.__out).then((h) => h.jsonValue());
    assert.deepEqual(out, {
      type: 'Error',
      message: 'swanilai: mount needs an element, not null: pass the element to draw into (check the selector that found it)',
    });
    assertClean(record);
  } finally {
    await close();
  }
});

test('the element names its storage-key attribute when a key is in use or has a colon', { timeout: 90_000 }, async () => {
  const { page, close } = await pageWith('element-keys', {
    script: `import './swanilai/element.js';`,
    // The same explicit key twice (elements without one number their keys, so they never clash).
    body: `<swanilai-assessment set="spbe-2020" storage-key="sama"></swanilai-assessment><swanilai-assessment set="spbe-2020" storage-key="sama"></swanilai-assessment>
      <swanilai-assessment set="smart-city-evaluasi" storage-key="a:b"></swanilai-assessment>`,
  });
  try {
    const errors = page.locator('swanilai-assessment[data-state="error"]');
    await page.waitForFunction(() => document.querySelectorAll('swanilai-assessment[data-state="error"]').length === 2);
    const texts = await errors.locator('[role="alert"]').allInnerTexts();
    assert.equal(texts.length, 2, texts.join('\n'));
    assert.match(texts[0], /already saves under `swanilai:spbe-2020:sama`: give each widget its own storage-key attribute$/);
    assert.equal(texts[1], 'swanilai: storage-key attribute `a:b` must not contain `:`: choose a key without it');
  } finally {
    await close();
  }
});

test('languages: the API takes id, en and tags starting with them and names any other; the element falls back', {
  timeout: 90_000,
}, async () => {
  const { page, record, close } = await pageWith('langs', {
    body: '<div id="penilaian"></div><swanilai-assessment id="fr" set="spbe-2020" storage-key="fr" lang="fr-FR"></swanilai-assessment><swanilai-assessment id="us" set="spbe-2020" storage-key="us" lang="en-US"></swanilai-assessment>',
    script: `
      import { mount } from './swanilai/index.js';
      import './swanilai/element.js';
      const el = document.getElementById('penilaian');
      window.refused = await mount(el, { set: 'spbe-2020', lang: 'fr' }).then(() => 'mounted', (e) => e.message);
      const w = await mount(el, { set: 'spbe-2020', lang: 'en-GB' });
      window.first = el.shadowRoot.querySelector('.swn').lang;
      try { w.setLocale('ms'); window.setFr = 'accepted'; } catch (e) { window.setFr = e.message; }
      w.setLocale('ID');
      window.after = el.shadowRoot.querySelector('.swn').lang;`,
  });
  try {
    await page.locator('#us[data-state="ready"]').waitFor({ state: 'attached', timeout: 20_000 });
    await page.locator('#fr[data-state="ready"]').waitFor({ state: 'attached', timeout: 20_000 });
    await page.waitForFunction(() => window.after !== undefined);
    const got = await page.evaluate(() => ({
      refused: window.refused,
      first: window.first,
      setFr: window.setFr,
      after: window.after,
      fr: document.getElementById('fr').shadowRoot.querySelector('.swn').lang,
      us: document.getElementById('us').shadowRoot.querySelector('.swn').lang,
    }));
    assert.deepEqual(got, {
      refused: 'swanilai: lang `fr` is not supported: use `id` or `en` (or a tag starting with one, such as `en-GB`)',
      first: 'en',
      setFr: 'swanilai: lang `ms` is not supported: use `id` or `en` (or a tag starting with one, such as `en-GB`)',
      after: 'id',
      fr: 'id',
      us: 'en',
    });
    assertClean(record);
  } finally {
    await close();
  }
});

test('every error a developer can meet starts with swanilai: and says what to do', { timeout: 90_000 }, async () => {
  const { page, record, close } = await pageWith('errors', {
    body: '<div id="penilaian"></div><div id="second"></div>',
    script: `
      import init, { getSet, mount, version } from './swanilai/index.js';
      const out = [];
      const thrown = async (name, f) => {
        try {
          await f();
          out.push([name, null]);
        } catch (e) {
          out.push([name, e instanceof Error ? e.message : 'not an Error: ' + String(e)]);
        }
      };
      await thrown('before init', () => version());
      await init();
      const host = document.getElementById('penilaian');
      const w = await mount(host, { set: 'spbe-2020', storageKey: 'errors' });
      await thrown('unknown event', () => w.on('scroe', () => {}));
      await thrown('callback', () => w.on('score', 'not a function'));
      await thrown('lang', () => w.setLocale('fr'));
      await thrown('same key', () => mount(document.getElementById('second'), { set: 'spbe-2020', storageKey: 'errors' }));
      await thrown('colon', () => mount(document.getElementById('second'), { set: 'spbe-2020', storageKey: 'a:b' }));
      await thrown('no element', () => mount(null));
      await thrown('unknown set', () => getSet('spbe-2021'));
      w.destroy();
      await thrown('destroyed', () => w.report());
      window.__out = out;`,
  });
  try {
    const out = Object.fromEntries(await page.waitForFunction(() => window.__out).then((h) => h.jsonValue()));
    const set = 'spbe-2020';
    assert.deepEqual(out, {
      'before init': 'swanilai: call `await init()` first',
      'unknown event': 'swanilai: unknown event `scroe`: use change, score or export',
      callback: 'swanilai: the `score` callback is not a function: pass a function',
      lang: 'swanilai: lang `fr` is not supported: use `id` or `en` (or a tag starting with one, such as `en-GB`)',
      'same key': `swanilai: another widget on this page already saves under \`swanilai:${set}:errors\`: give each widget its own storageKey`,
      colon: 'swanilai: storageKey `a:b` must not contain `:`: choose a key without it',
      'no element': 'swanilai: mount needs an element, not null: pass the element to draw into (check the selector that found it)',
      'unknown set': 'swanilai: unknown built-in set "spbe-2021" (built-in: gm100sc-kesiapan, pemdi-2026, smart-city-evaluasi, spbe-2020)',
      destroyed: 'swanilai: the widget was destroyed: mount a new one with mount() to go on',
    });
    assertClean(record);
  } finally {
    await close();
  }
});
