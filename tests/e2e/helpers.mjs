// Shared helpers for the end-to-end browser tests (node --test tests/e2e/).
//
// Browsers: playwright-core driving Debian's /usr/bin/chromium (never `npx playwright
// install`: nothing but the package registries is reachable). Every page gets its own
// browser.newContext() (which @axe-core/playwright also requires), and openPage() records
// what a clean page must not have: console errors, uncaught page errors, failed requests
// (network failures and HTTP >= 400) and requests to any origin other than the page's.

import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export { startServer, CSP_POLICY, CSP_REPORT_PATH } from '../../scripts/serve.mjs';

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
  const add = (label, items) => items.forEach((item) => out.push(`${label}: ${item}`));
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
