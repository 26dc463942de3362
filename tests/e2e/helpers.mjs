// Shared helpers for the end-to-end browser tests (node --test tests/e2e/).
//
// Browsers: playwright-core driving Debian's /usr/bin/chromium (never `npx playwright
// install`: nothing but the package registries is reachable). Every page gets its own
// browser.newContext() (which @axe-core/playwright also requires), and openPage() records
// what a clean page must not have: console errors, uncaught page errors, failed requests
// (network failures and HTTP >= 400) and requests to any origin other than the page's.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';

export { startServer, CSP_POLICY, CSP_REPORT_PATH } from '../../scripts/serve.mjs';

const execFileAsync = promisify(execFile);

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WWW_ROOT = path.join(REPO_ROOT, 'www');
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Flags that keep headless Chromium from stalling on a machine with no internet access
// (background updaters, sync, QUIC probes) and let it run as root in a container.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Launches headless Chromium. Extra launch options are merged in; `args` are appended.
 * @param {import('playwright-core').LaunchOptions} [options]
 */
export async function launchBrowser(options = {}) {
  const { args = [], ...rest } = options;
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    timeout: 60_000,
    ...rest,
    args: [...CHROMIUM_ARGS, ...args],
  });
}

/**
 * Opens `url` in a fresh context and page, recording problems as they happen.
 *
 * Returns { page, context, record, response, close }. `record` keeps growing while the page
 * lives; pass it to assertClean() when the test is done with the page.
 *
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {{contextOptions?: import('playwright-core').BrowserContextOptions,
 *          waitUntil?: 'load'|'domcontentloaded'|'networkidle'|'commit', timeout?: number}} [options]
 */
export async function openPage(browser, url, { contextOptions = {}, waitUntil = 'load', timeout = 30_000 } = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const record = {
    url,
    origin,
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    offOriginRequests: [],
  };

  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    const where = loc?.url ? ` (${loc.url}:${loc.lineNumber}:${loc.columnNumber})` : '';
    record.consoleErrors.push(`${msg.text()}${where}`);
  });
  page.on('pageerror', (err) => {
    record.pageErrors.push(err?.stack || String(err));
  });
  page.on('requestfailed', (req) => {
    record.failedRequests.push(`${req.method()} ${req.url()}: ${req.failure()?.errorText ?? 'failed'}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) {
      record.failedRequests.push(`${res.request().method()} ${res.url()}: HTTP ${res.status()} ${res.statusText()}`);
    }
  });
  page.on('request', (req) => {
    const u = req.url();
    if (/^(data|blob|about):/.test(u)) return;
    let reqOrigin;
    try {
      reqOrigin = new URL(u).origin;
    } catch {
      reqOrigin = u;
    }
    if (reqOrigin !== origin) record.offOriginRequests.push(`${req.method()} ${u} (${req.resourceType()})`);
  });

  let response = null;
  try {
    response = await page.goto(url, { waitUntil, timeout });
  } catch (err) {
    await context.close().catch(() => {});
    throw err;
  }
  return { page, context, record, response, close: () => context.close() };
}

/** The problems in a record, one line each (empty when clean). */
export function problems(record) {
  const out = [];
  const add = (label, items) => {
    for (const item of items) out.push(`${label}: ${item}`);
  };
  add('console error', record.consoleErrors);
  add('page error', record.pageErrors);
  add('failed request', record.failedRequests);
  add('off-origin request', record.offOriginRequests);
  return out;
}

/**
 * Fails, listing every problem, if the page logged a console error, threw, had a request
 * fail or contacted another origin.
 */
export function assertClean(record, message = `page ${record.url} is not clean`) {
  const list = problems(record);
  if (list.length > 0) {
    assert.fail(`${message}:\n  ${list.join('\n  ')}`);
  }
}

/** Saves a full-page screenshot to test-results/<name> and returns its path. */
export async function screenshot(page, name) {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// ---------------------------------------------------------------------------------------
// The widget (<swanilai-assessment>) and the demo portal: shared by tests/e2e/widget-*.test.mjs.
// Playwright's CSS selectors pierce open shadow roots, so `[data-swn="overall"]` finds the
// widget's score; page.evaluate() code walks `host.shadowRoot` itself.

/** Every page of the demo portal; `set` is the built-in set its widget shows (null: none). */
export const DEMO_PAGES = [
  { file: 'index.html', set: 'gm100sc-kesiapan' },
  { file: 'gm100sc-kesiapan.html', set: 'gm100sc-kesiapan' },
  { file: 'smart-city-evaluasi.html', set: 'smart-city-evaluasi' },
  { file: 'pemdi-2026.html', set: 'pemdi-2026' },
  { file: 'spbe-2020.html', set: 'spbe-2020' },
  { file: 'embed.html', set: null },
];

/** The WCAG 2.1 A and AA rule tags the issue asks axe-core for. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** A built-in indicator set's JSON (the source in sets/, which the build copies to www/pkg/sets/). */
export async function readSet(id) {
  return JSON.parse(await readFile(path.join(REPO_ROOT, 'sets', `${id}.json`), 'utf8'));
}

/**
 * Waits until the page's widget is ready (`data-state="ready"`), failing with what the page
 * recorded if it is not.
 */
export async function waitReady(page, record, timeout = 30_000) {
  try {
    await page.locator('swanilai-assessment[data-state="ready"]').first().waitFor({ state: 'attached', timeout });
    await page.locator('[data-swn="overall"]').first().waitFor({ state: 'attached', timeout: 5_000 });
  } catch (err) {
    const state = await page
      .locator('swanilai-assessment')
      .first()
      .getAttribute('data-state', { timeout: 1_000 })
      .catch(() => 'no <swanilai-assessment> element');
    assert.fail(
      `widget not ready (data-state: ${state}); ${err.message.split('\n')[0]}\n  ` +
        (problems(record).join('\n  ') || 'no console errors or failed requests recorded'),
    );
  }
}

/** openPage() for a page with the widget, resolved once the widget is ready. */
export async function openWidget(browser, url, options = {}) {
  const opened = await openPage(browser, url, options);
  try {
    await waitReady(opened.page, opened.record);
  } catch (err) {
    await opened.close().catch(() => {});
    throw err;
  }
  return opened;
}

/** The localStorage key the demo pages' widgets autosave under (`region` attribute as key). */
export function saveKey(setId, key = 'Kabupaten Banjar') {
  return `swanilai:${setId}:${key}`;
}

/**
 * Writes a saved assessment (format `swanilai-save/1`, src/autosave/mod.rs) the way an earlier
 * session would have left it, then reloads so the widget restores it. `extra` adds fields to
 * the saved document (e.g. `drafts`).
 */
export async function seedSave(page, setId, assessment, key, extra = {}) {
  const text = JSON.stringify({
    format: 'swanilai-save/1',
    rev: 1,
    writer: 'seed',
    savedAt: '2026-01-05T08:00:00Z',
    assessment,
    ...extra,
  });
  await page.evaluate(([k, t]) => localStorage.setItem(k, t), [saveKey(setId, key), text]);
  await page.reload({ waitUntil: 'load' });
  await page.locator('swanilai-assessment[data-state="ready"]').first().waitFor({ state: 'attached' });
}

// ---------- the engine's expected scores (the CLI; the tests do not score on their own) ----------
// The scoring itself is tested natively (tests/vectors, with the independent Python oracle);
// the browser tests check that the widget shows what the engine computes for the same answers,
// asking the command-line build of the same engine.

let cliPath = null;

/** The path of the `swanilai` CLI, built (debug, as `cargo test` leaves it) on first use. */
async function cli() {
  cliPath ??= (async () => {
    const meta = JSON.parse(
      (await execFileAsync('cargo', ['metadata', '--no-deps', '--format-version', '1'], { cwd: REPO_ROOT, maxBuffer: 16 << 20 })).stdout,
    );
    const bin = meta.packages.flatMap((p) => p.targets).find((t) => t.kind.includes('bin') && t.name === 'swanilai');
    const features = bin?.['required-features'] ?? [];
    const args = [
      'build',
      '--quiet',
      '--bin',
      'swanilai',
      '--message-format=json',
      ...(features.length ? ['--features', features.join(',')] : []),
    ];
    const { stdout } = await execFileAsync('cargo', args, { cwd: REPO_ROOT, maxBuffer: 64 << 20 });
    const built = stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l))
      .find((m) => m.reason === 'compiler-artifact' && m.target?.name === 'swanilai' && m.executable);
    if (!built) throw new Error('cargo build --bin swanilai named no executable');
    return built.executable;
  })();
  return cliPath;
}

/** Runs the CLI with `files` ({ name: JSON value }) written to a temp dir; resolves to its parsed stdout. */
async function runCli(args, files) {
  const dir = await mkdtemp(path.join(tmpdir(), 'swanilai-cli-'));
  try {
    for (const [name, value] of Object.entries(files)) await writeFile(path.join(dir, name), JSON.stringify(value));
    const { stdout } = await execFileAsync(await cli(), args, { cwd: dir, maxBuffer: 64 << 20 });
    return JSON.parse(stdout);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The first screen `swanilai prerender ...args` prints (HTML text). */
export async function prerendered(args) {
  const { stdout } = await execFileAsync(await cli(), ['prerender', ...args], { maxBuffer: 16 << 20 });
  return stdout;
}

/** The engine's full report (`swanilai score --format json`) of an assessment on `set`. */
export async function engineReport(set, assessment) {
  return runCli(['score', '--set', 'set.json', 'a.json', '--format', 'json'], { 'set.json': set, 'a.json': assessment });
}

/**
 * The engine's aggregation of impact survey files (`swanilai survey aggregate`, which exits 1
 * when it refuses a file): `{ aggregation, assessment }`. `files`: [{ name, text }].
 */
export async function engineSurvey(set, assessment, subdimension, files) {
  const given = Object.fromEntries(files.map((f) => [f.name, JSON.parse(f.text)]));
  const args = ['survey', 'aggregate', '--set', 'set.json', '--subdimension', subdimension, 'a.json', ...files.map((f) => f.name)];
  try {
    return await runCli(args, { 'set.json': set, 'a.json': assessment, ...given });
  } catch (err) {
    if (err.code === 1 && err.stdout) return JSON.parse(err.stdout);
    throw err;
  }
}

/** The engine's check before submitting (`swanilai check`, which exits 1 when something blocks). */
export async function engineCheck(set, assessment) {
  try {
    return await runCli(['check', '--set', 'set.json', 'a.json'], { 'set.json': set, 'a.json': assessment });
  } catch (err) {
    if (err.code === 1 && err.stdout) return JSON.parse(err.stdout);
    throw err;
  }
}

/**
 * The engine's score of `values` ({ indicatorId: value }) on `set` (`swanilai score`): { value,
 * shown, predicate: {id, en} | null, text(lang), groups } where text(lang) is the score as the
 * widget prints it and groups are the top-level groups: { id, title: {id, en}, shown }.
 */
export async function engineScore(set, values) {
  const answers = Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { value }]));
  const assessment = { setId: set.id, setVersion: set.version, answers };
  const report = await runCli(['score', '--set', 'set.json', 'a.json', '--format', 'json'], { 'set.json': set, 'a.json': assessment });
  const decimals = set.scale?.decimals ?? 2;
  const label = (score) => (score.predicate ? { id: score.predicate.label.id, en: score.predicate.label.en } : null);
  const { value, shown } = report.overall;
  return {
    value,
    shown,
    predicate: label(report.overall),
    text: (lang) => (shown === null || shown === undefined ? '–' : formatNumber(shown, decimals, lang)),
    groups: set.groups.map((g) => {
      const score = report.groups.find((r) => r.id === g.id)?.score;
      return { id: g.id, title: { id: textOf(g.title, 'id'), en: textOf(g.title, 'en') }, shown: score?.shown ?? null };
    }),
  };
}

/** A shown (already rounded) number as the widget prints it: `3,48` in Indonesian, `3.48` in English. */
export function formatNumber(x, decimals, lang) {
  const [int, frac] = Math.abs(x).toFixed(decimals).split('.');
  const group = lang === 'en' ? ',' : '.';
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = x < 0 && Math.abs(x) >= 0.5 * 10 ** -decimals ? '-' : '';
  return sign + grouped + (frac ? (lang === 'en' ? '.' : ',') + frac : '');
}

/** The change between two shown numbers as the compare panel prints it: `+0,12`, `-0,50`, `0,00`. */
export function formatDelta(x, decimals, lang) {
  const text = formatNumber(x, decimals, lang);
  return x > 0 && /[1-9]/.test(text) ? `+${text}` : text;
}

const textOf = (t, lang) => (typeof t === 'string' ? t : lang === 'en' ? (t.en ?? t.id) : t.id);

/** Every indicator of a set in document order (a group's indicators before its children). */
export function indicatorsOf(set) {
  const out = [];
  const walk = (g) => {
    for (const ind of g.indicators ?? []) out.push(ind);
    for (const c of g.children ?? []) walk(c);
  };
  set.groups.forEach(walk);
  return out;
}

// ---------- the UI strings (src/view/) ----------

/**
 * Every fixed UI string of the widget as [{ key, id, en }], read from the `STRINGS` table in
 * src/view/strings.rs, plus the literal words of the Indonesian-only `format!` sentences of
 * src/view/*.rs (key `format`, `en` empty).
 */
export async function uiStrings() {
  const dir = path.join(REPO_ROOT, 'src', 'view');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.rs')).sort();
  const src = (await Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')))).join('\n');
  const table = src.indexOf('const STRINGS');
  const body = src.slice(table, src.indexOf('\n];\n', table));
  const lit = String.raw`"((?:[^"\\]|\\.)*)"`;
  const re = new RegExp(String.raw`\(\s*Ui::(\w+)\s*,\s*${lit}\s*,\s*${lit}\s*,?\s*\)`, 'g');
  // Rust string escapes as JSON ones (`\u{a0}` is Rust only).
  const unescaped = (s) => JSON.parse(`"${s.replace(/\\u\{([0-9a-fA-F]+)\}/g, (_, h) => String.fromCodePoint(parseInt(h, 16)))}"`);
  const out = [...body.matchAll(re)].map((m) => ({ key: m[1], id: unescaped(m[2]), en: unescaped(m[3]) }));
  for (const m of src.matchAll(/Lang::Id\s*=>\s*format!\(\s*"((?:[^"\\]|\\.)*)"/g)) {
    for (const piece of unescaped(m[1]).split(/\{[^}]*\}/)) {
      const words = piece.replace(/[():≥.]/g, ' ').trim();
      if (words.length >= 4) out.push({ key: 'format', id: words, en: '' });
    }
  }
  return out;
}

/**
 * The text a person meets in the widget's shadow root: every non-blank text node that is
 * rendered (closed <details> are opened first, so their help counts), every <option>, the
 * SVG <title>, and aria-label values. Returns trimmed strings in document order.
 */
export async function widgetTexts(page) {
  return page.evaluate(() => {
    const root = document.querySelector('swanilai-assessment')?.shadowRoot;
    if (!root) return [];
    for (const d of root.querySelectorAll('details')) d.open = true;
    const out = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = n.textContent.replace(/\s+/g, ' ').trim();
      const el = n.parentElement;
      if (!t || !el || el.closest('style')) continue;
      const shown = el.closest('option, svg') || el.checkVisibility({ visibilityProperty: true });
      if (shown) out.push(t);
    }
    for (const e of root.querySelectorAll('[aria-label]')) out.push(e.getAttribute('aria-label').trim());
    return out;
  });
}

// ---------- keyboard and focus ----------

/**
 * The focused element, looking through shadow roots: { inWidget, tag, attrs, text,
 * focusVisible, indicator (a description of its focus ring, or null), inViewport }.
 */
export async function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const ring = (e) => {
      const cs = getComputedStyle(e);
      if (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) {
        return `outline ${cs.outlineWidth} ${cs.outlineStyle} ${cs.outlineColor}`;
      }
      return cs.boxShadow && cs.boxShadow !== 'none' ? `box-shadow ${cs.boxShadow}` : null;
    };
    let indicator = ring(el);
    // A visually hidden control (the file inputs) shows its focus on the label around it.
    if (!indicator && parseFloat(getComputedStyle(el).opacity) === 0) {
      const label = el.closest('label');
      const r = label && ring(label);
      indicator = r ? `label: ${r}` : null;
    }
    const box = el.getBoundingClientRect();
    const root = el.getRootNode();
    return {
      inWidget: root instanceof ShadowRoot && root.host.localName === 'swanilai-assessment',
      tag: el.tagName.toLowerCase(),
      attrs: Object.fromEntries(el.getAttributeNames().map((n) => [n, el.getAttribute(n)])),
      text: (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60),
      focusVisible: el.matches(':focus-visible'),
      indicator,
      inViewport: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight,
    };
  });
}

/** A short description of a focused() result for messages. */
export function describe(f) {
  if (!f) return 'nothing (body)';
  const a = Object.entries(f.attrs)
    .filter(([k]) => /^(data-|role|type|id|name|value|href)/.test(k))
    .map(([k, v]) => `${k}="${v}"`)
    .join(' ');
  return `<${f.tag} ${a}>${f.text ? ` "${f.text}"` : ''}`;
}

/** Fails unless the focused element shows a focus ring (outline >= 2px or a box-shadow) on screen. */
export function assertFocusVisible(f, where = '') {
  assert.ok(f, `nothing is focused${where}`);
  assert.ok(f.indicator, `no visible focus indicator on ${describe(f)}${where}`);
  assert.ok(f.inViewport, `focused element is off screen: ${describe(f)}${where}`);
}

/**
 * Presses `key` (Tab or Shift+Tab) until the focused element matches `want`
 * (a predicate on focused()), checking on every stop that focus is visible. Returns the
 * element reached; fails after `max` presses.
 */
export async function pressUntil(page, key, want, { max = 150, label = 'target' } = {}) {
  const seen = [];
  for (let n = 0; n < max; n++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    seen.push(describe(f));
    assertFocusVisible(f, ` (after ${n + 1} × ${key} looking for ${label})`);
    if (want(f)) return f;
  }
  assert.fail(`${label} not reached with ${max} × ${key}; focus went through:\n  ${seen.slice(-15).join('\n  ')}`);
}

/** A focused() predicate: the control with data-i=`i` and data-f=`f` (and value, if given). */
export const control = (i, f, value) => (el) =>
  el?.attrs['data-i'] === String(i) && el.attrs['data-f'] === f && (value === undefined || el.attrs.value === value);

/** A focused() predicate: the element with attribute `name` (= `value`, if given). */
export const withAttr = (name, value) => (el) => el?.attrs[name] !== undefined && (value === undefined || el.attrs[name] === value);

// ---------- widget state ----------

/** The card of indicator `id`. */
export const card = (page, id) => page.locator(`article.swn-ind[data-ind="${id}"]`);

/** Clicks tab `k` (0-based) and waits for its panel. */
export async function openTab(page, k) {
  const tab = page.locator(`[role="tab"][data-tab="${k}"]`);
  await tab.click();
  assert.equal(await tab.getAttribute('aria-selected'), 'true');
}

/**
 * Fills the region ({ name, code, period, assessor }) and answers through the form, tab by
 * tab. Each entry: { tab, id, pick (radio value) | select (option id) | num (text typed),
 * notes?, links?: [] }.
 */
export async function enterAnswers(page, region, entries) {
  for (const [key, text] of Object.entries(region)) await page.locator(`[data-region="${key}"]`).fill(text);
  for (const tab of [...new Set(entries.map((e) => e.tab))]) {
    await openTab(page, tab);
    for (const e of entries.filter((x) => x.tab === tab)) {
      const c = card(page, e.id);
      if (e.pick !== undefined) await c.locator(`input[data-f="pick"][value="${e.pick}"]`).check();
      if (e.select !== undefined) await c.locator('select[data-f="pick"]').selectOption(e.select);
      if (e.num !== undefined) await c.locator('[data-f="num"]').fill(e.num);
      if (e.notes !== undefined) await c.locator('[data-f="notes"]').fill(e.notes);
      if (e.links !== undefined) await c.locator('[data-f="links"]').fill(e.links.join('\n'));
    }
  }
}

/** Checks that the form shows the region and every entry's answer, notes and links (see enterAnswers). */
export async function assertAnswersShown(page, region, entries, when) {
  for (const [key, text] of Object.entries(region)) {
    assert.equal(await page.locator(`[data-region="${key}"]`).inputValue(), text, `${when}: region ${key}`);
  }
  for (const tab of [...new Set(entries.map((e) => e.tab))]) {
    await openTab(page, tab);
    for (const e of entries.filter((x) => x.tab === tab)) {
      const c = card(page, e.id);
      if (e.pick !== undefined) {
        assert.ok(await c.locator(`input[data-f="pick"][value="${e.pick}"]`).isChecked(), `${when}: ${e.id} = ${e.pick}`);
      }
      if (e.select !== undefined) assert.equal(await c.locator('select[data-f="pick"]').inputValue(), e.select, `${when}: ${e.id}`);
      if (e.num !== undefined) assert.equal(await c.locator('[data-f="num"]').inputValue(), e.num, `${when}: ${e.id}`);
      assert.equal(await c.locator('[data-f="notes"]').inputValue(), e.notes ?? '', `${when}: ${e.id} notes`);
      assert.equal(await c.locator('[data-f="links"]').inputValue(), (e.links ?? []).join('\n'), `${when}: ${e.id} links`);
    }
  }
}

/** The scorer's values ({ id: value }) of enterAnswers() entries. */
export const entryValues = (entries) => Object.fromEntries(entries.map((e) => [e.id, e.value]));

/** The text of `[data-swn=<name>]` in the widget, trimmed. */
export async function swn(page, name) {
  return ((await page.locator(`[data-swn="${name}"]`).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until `[data-swn=<name>]` reads `text` (a string, or a RegExp), failing with what it read. */
export async function waitForSwn(page, name, text, timeout = 5_000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await swn(page, name);
    if (typeof text === 'string' ? last === text : text.test(last)) return last;
    if (Date.now() > deadline) assert.fail(`[data-swn=${name}] reads ${JSON.stringify(last)}, expected ${text}`);
    await page.waitForTimeout(50);
  }
}

/** The widget's assessment as it stands (through the element's JS API). */
export async function widgetAssessment(page) {
  return page.evaluate(() => document.querySelector('swanilai-assessment').widget.assessment());
}

/** The saved (autosave) document under `key`, parsed, or null. */
export async function savedDoc(page, key) {
  const text = await page.evaluate((k) => localStorage.getItem(k), key);
  return text === null ? null : JSON.parse(text);
}

/**
 * Waits until the saved document under `key` holds `answers` (saves of typed text are
 * debounced), failing with what it holds.
 */
export async function waitForSaved(page, key, answers, timeout = 3_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const saved = (await savedDoc(page, key))?.assessment?.answers;
    try {
      assert.deepEqual(saved, answers);
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
    await page.waitForTimeout(100);
  }
}

/** Every localStorage key. */
export async function storageKeys(page) {
  return page.evaluate(() => Object.keys(localStorage));
}

/** Clicks `locator` and returns the download it starts: { filename, text }. */
export async function download(page, locator) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), locator.click()]);
  const file = await dl.path();
  return { filename: dl.suggestedFilename(), text: await readFile(file, 'utf8') };
}

/** Gives the widget's file input `act` (import | import-prev) a file with `text`. */
export async function chooseFile(page, act, name, text) {
  await page.locator(`input[data-act="${act}"]`).setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text, 'utf8'),
  });
}

// ---------- axe-core ----------

/**
 * Runs axe-core with the WCAG 2.1 A/AA tags on the page (open shadow roots included):
 * { violations, shadowChecked } where shadowChecked counts the checks passed inside shadow
 * roots (axe names those nodes by a list of selectors, one per shadow root), which shows
 * the widget was looked at and not skipped.
 */
export async function axeCheck(page) {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const shadowChecked = result.passes.reduce((n, rule) => n + rule.nodes.filter((node) => Array.isArray(node.target[0])).length, 0);
  return { violations: result.violations, shadowChecked };
}

/** Violations as readable lines: rule, impact, help, and up to five offending nodes. */
export function formatViolations(violations) {
  return violations
    .map((v) =>
      [
        `${v.id} (${v.impact}): ${v.help} [${v.nodes.length} node(s)]`,
        ...v.nodes.slice(0, 5).map((n) => `    ${JSON.stringify(n.target)}: ${n.failureSummary?.split('\n').slice(1, 3).join(' ').trim()}`),
      ].join('\n'),
    )
    .join('\n  ');
}

/**
 * Elements (shadow roots included) that stick out past the viewport's right edge. An element
 * inside a box that scrolls sideways and itself fits (a toolbar row on a phone) is scrolled
 * to, not pushed out of the page, so it does not count.
 */
export async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const out = [];
    const width = document.documentElement.clientWidth;
    const parentOf = (el) => el.parentElement ?? el.getRootNode().host ?? null;
    const inScroller = (el) => {
      for (let p = parentOf(el); p && p !== document.documentElement; p = parentOf(p)) {
        const ox = getComputedStyle(p).overflowX;
        if ((ox === 'auto' || ox === 'scroll') && p.getBoundingClientRect().right <= width + 0.5) return true;
      }
      return false;
    };
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        const b = el.getBoundingClientRect();
        if (b.width > 0 && b.right > width + 0.5 && el.checkVisibility() && !inScroller(el)) {
          out.push(`<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> right=${Math.round(b.right)}`);
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return { scrollWidth: document.documentElement.scrollWidth, width, offenders: out.slice(0, 10) };
  });
}
