// Shared setup for the embedding tests (embed-*.test.mjs, package.test.mjs): the built
// package in pkg/ staged into a temp site or packed with `npm pack`, a recorder for the
// widget's events, and "answer one indicator, expect a score event".
//
// The pages under tests/embed/ expose the widget they mounted as `window.swanilaiWidget`
// (the custom element exposes its own as `element.widget`), so the recorder can register
// `on()` callbacks beside the DOM listeners.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { access, cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { problems, REPO_ROOT } from './helpers.mjs';

export const PKG_DIR = path.join(REPO_ROOT, 'pkg');
export const EMBED_DIR = path.join(REPO_ROOT, 'tests', 'embed');
export const BIN = path.join(REPO_ROOT, 'node_modules', '.bin');

const exec = promisify(execFile);

/** Fails early, with the fix, when scripts/build.sh has not built the package. */
export async function assertBuilt() {
  for (const f of ['package.json', 'index.js', 'element.js', 'swanilai.js', 'swanilai_bg.wasm', 'types.d.ts']) {
    await access(path.join(PKG_DIR, f)).catch(() => assert.fail(`pkg/${f} is missing: build the package first (bash scripts/build.sh)`));
  }
}

/** Runs a command; rejects with its output when it fails. Resolves to its stdout. */
export async function run(cmd, args, { cwd = REPO_ROOT, env = {}, timeout = 180_000 } = {}) {
  try {
    const { stdout } = await exec(cmd, args, {
      cwd,
      env: { ...process.env, ...env },
      timeout,
      maxBuffer: 32 * 1024 * 1024,
    });
    return stdout;
  } catch (err) {
    throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) failed:\n${err.stdout ?? ''}${err.stderr ?? err.message}`);
  }
}

/** A fresh temp dir, removed when the test file ends (kept with SWANILAI_KEEP_TMP=1). */
export async function tempDir(t, prefix) {
  const dir = await mkdtemp(path.join(tmpdir(), `swanilai-${prefix}-`));
  t.after(() => (process.env.SWANILAI_KEEP_TMP === '1' ? undefined : rm(dir, { recursive: true, force: true })));
  return dir;
}

/**
 * A site to serve: a copy of tests/embed/<fixture>/ with the built package copied in at
 * `<pkgAt>/`, as a portal that hosts the package's files itself would have it.
 */
export async function stageSite(t, fixture, { pkgAt = 'swanilai' } = {}) {
  await assertBuilt();
  const dir = await tempDir(t, fixture);
  await cp(path.join(EMBED_DIR, fixture), dir, { recursive: true });
  await cp(PKG_DIR, path.join(dir, pkgAt), { recursive: true });
  return dir;
}

/** `npm pack pkg/` into `dest`; resolves to the tarball's path. */
export async function packPackage(dest) {
  await assertBuilt();
  const out = await run('npm', ['pack', PKG_DIR, '--pack-destination', dest, '--json', '--ignore-scripts']);
  const [{ filename }] = JSON.parse(out);
  return path.join(dest, filename);
}

/** The files `npm pack` would put in the package (from `npm pack --dry-run --json`). */
export async function packedFiles() {
  await assertBuilt();
  const out = await run('npm', ['pack', PKG_DIR, '--dry-run', '--json', '--ignore-scripts']);
  const [{ files }] = JSON.parse(out);
  return files.map((f) => f.path).sort();
}

/** Every file under `dir`, relative, sorted. */
export async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)))
    .sort();
}

/** Waits until the widget in `host` (a CSS selector) is ready; fails with what the page logged. */
export async function waitForWidget(page, record, host, timeout = 30_000) {
  try {
    await page.locator(`${host}[data-state="ready"]`).waitFor({ state: 'attached', timeout });
  } catch (err) {
    const state = await page
      .locator(host)
      .getAttribute('data-state', { timeout: 1_000 })
      .catch(() => `no ${host} element`);
    assert.fail(
      `widget ${host} not ready within ${timeout / 1000} s (data-state: ${state}); ${err.message.split('\n')[0]}\n  ` +
        (problems(record).join('\n  ') || 'no console errors or failed requests recorded'),
    );
  }
  // Playwright's CSS selectors pierce open shadow roots.
  const overall = page.locator(`${host} [data-swn="overall"]`);
  await overall.waitFor({ state: 'visible', timeout: 10_000 });
}

/**
 * Records the widget's events in `window.__swn` as `[source, name, detail]`, from both the
 * `on()` callbacks and the host's DOM CustomEvents.
 */
export async function recordEvents(page, host) {
  await page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const widget = el.widget ?? window.swanilaiWidget;
    if (!widget) throw new Error(`no widget handle for ${sel}`);
    window.__swn ??= [];
    for (const name of ['change', 'score', 'export']) {
      widget.on(name, (detail) => window.__swn.push(['on', name, detail, sel]));
      el.addEventListener(name, (e) => window.__swn.push(['dom', name, e.detail, sel]));
    }
  }, host);
}

/**
 * Answers the first indicator of `host` with its first option and waits for a `score` event
 * both from `on('score')` and as a DOM CustomEvent. Resolves to the on() detail.
 */
export async function answerOneAndExpectScore(page, host) {
  await recordEvents(page, host);
  await page.locator(`${host} input[type="radio"][data-f="pick"]`).first().check();
  const handle = await page.waitForFunction(
    (sel) => {
      const got = (window.__swn ?? []).filter((e) => e[3] === sel);
      const on = got.find((e) => e[0] === 'on' && e[1] === 'score');
      const dom = got.find((e) => e[0] === 'dom' && e[1] === 'score');
      const change = got.find((e) => e[0] === 'on' && e[1] === 'change');
      return on && dom && change ? { on: on[2], dom: dom[2], change: change[2] } : null;
    },
    host,
    { timeout: 10_000 },
  );
  const { on, dom, change } = await handle.jsonValue();
  assert.deepEqual(dom, on, 'the DOM event carries the same detail as the on() callback');
  assert.equal(on.answered, 1, `one indicator answered: ${JSON.stringify(on)}`);
  assert.ok(on.total > 1, `the set has indicators: ${JSON.stringify(on)}`);
  assert.equal(typeof on.overall.shown, 'number', `a score is shown: ${JSON.stringify(on)}`);
  assert.equal(typeof change.indicator, 'string');
  assert.ok(change.answer && 'value' in change.answer, `the change carries the answer: ${JSON.stringify(change)}`);
  return on;
}

/** The URLs the page fetched (resource timing), e.g. to see where the .wasm came from. */
export async function fetchedUrls(page) {
  return page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
}

/** Fails when the server recorded a CSP violation report. */
export async function assertNoCspReports(server, page) {
  // Reports are POSTed by the browser as violations happen; give them a moment to arrive.
  await page.waitForTimeout(250);
  assert.deepEqual(server.reports, [], `CSP violations:\n${JSON.stringify(server.reports, null, 2)}`);
}
