// Shared by tests/e2e/reliability-*.test.mjs: pages with faults injected before any script
// runs (a broken localStorage, routes serving test pages and hostile files), and small
// accessors for the widget's state. Playwright's CSS selectors pierce the open shadow root.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from './helpers.mjs';

export const HOSTILE_DIR = path.join(REPO_ROOT, 'tests', 'hostile');

/** The demo's SPBE page and the key its widget autosaves under (`region` is the storage key). */
export const SPBE_PAGE = 'spbe-2020.html';
export const SPBE_KEY = 'swanilai:spbe-2020:Kabupaten Banjar';

/**
 * A fresh context and page. Before navigating: `init` scripts run in every page of the context
 * before its own scripts (to break localStorage), `pages` maps paths to HTML served on the
 * same origin (test pages that need no file in www/), `files` maps paths to files on disk.
 * Records console errors and uncaught errors; `dialogs` counts alert/confirm/prompt boxes.
 */
export async function open(browser, base, file, { init = [], pages = {}, files = {}, context } = {}) {
  const ctx = context ?? (await browser.newContext({ acceptDownloads: true }));
  for (const script of init) await ctx.addInitScript(script);
  for (const [p, html] of Object.entries(pages)) {
    await ctx.route(new URL(p, base).href, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  }
  for (const [p, disk] of Object.entries(files)) {
    await ctx.route(new URL(p, base).href, async (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: await readFile(disk) }),
    );
  }
  const page = await ctx.newPage();
  const record = { consoleErrors: [], pageErrors: [], dialogs: 0 };
  page.on('console', (msg) => {
    if (msg.type() === 'error') record.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => record.pageErrors.push(String(err?.stack ?? err)));
  page.on('dialog', (d) => {
    record.dialogs += 1;
    d.dismiss().catch(() => {});
  });
  await page.goto(new URL(file, base).href, { waitUntil: 'load' });
  return { page, context: ctx, record, close: () => (context ? page.close() : ctx.close()) };
}

/** Waits for the widget to be ready with a score on screen. */
export async function ready(page, timeout = 30_000) {
  await page.locator('swanilai-assessment[data-state="ready"]').first().waitFor({ state: 'attached', timeout });
  await page.locator('[data-swn="overall"]').first().waitFor({ state: 'attached', timeout: 10_000 });
}

/** The widget's current assessment (`widget.assessment()`). */
export function assessment(page) {
  return page.evaluate(() => document.querySelector('swanilai-assessment').widget.assessment());
}

/** Answers indicator `i` (a level or yes/no radio) with `value`. */
export async function pick(page, i, value) {
  await page.locator(`[data-i="${i}"][data-f="pick"][value="${value}"]`).first().check();
}

/** Whether indicator `i`'s radio for `value` is checked. */
export function picked(page, i, value) {
  return page.locator(`[data-i="${i}"][data-f="pick"][value="${value}"]`).first().isChecked();
}

/** The texts of the notices above the form. */
export function notices(page) {
  return page.locator('[data-swn="notices"] .swn-notice').allTextContents();
}

/** Fails unless one notice contains `needle`. */
export async function assertNotice(page, needle, what) {
  const all = await notices(page);
  assert.ok(
    all.some((t) => t.includes(needle)),
    `${what}: expected a notice containing ${JSON.stringify(needle)}, got ${JSON.stringify(all)}`,
  );
}

/** Every localStorage entry whose key starts with `prefix`, as { key: text }. */
export function stored(page, prefix) {
  return page.evaluate((p) => {
    const out = {};
    for (let k = 0; k < localStorage.length; k++) {
      const key = localStorage.key(k);
      if (key.startsWith(p)) out[key] = localStorage.getItem(key);
    }
    return out;
  }, prefix);
}

/** A saved document as an earlier session would have left it (src/autosave/mod.rs). */
export function saveText(assessment, { rev = 1, writer = 'earlier-session' } = {}) {
  return JSON.stringify({ format: 'swanilai-save/1', rev, writer, savedAt: '2026-01-05T08:00:00Z', assessment });
}

/** Clicks "Ekspor JSON" and returns the downloaded file's text. */
export async function downloadJson(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 15_000 }),
    page.locator('[data-act="export-json"]').first().click(),
  ]);
  const file = await download.path();
  return readFile(file, 'utf8');
}

/** Imports `text` through the widget's "Impor" file input, as a file named `name`. */
export async function importText(page, name, text) {
  await page
    .locator('input[data-act="import"]')
    .first()
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** A page with just the widget, for a set served at `src` (through `open(..., { files })`). */
export function widgetPage({ src, storageKey = 'e2e', lang = 'id' }) {
  return `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <title>swanilai reliability test</title>
  <script type="module" src="./pkg/element.js"></script>
</head>
<body>
  <main><swanilai-assessment src="${src}" lang="${lang}" storage-key="${storageKey}"></swanilai-assessment></main>
</body>
</html>
`;
}
