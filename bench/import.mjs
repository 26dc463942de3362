#!/usr/bin/env node
// Huge imports and the main thread: how long the page is blocked by importing a file with far
// more answers than the set has indicators, and by every edit after it, and how much memory
// the page process takes at its peak.
//
//   source scripts/env.sh && bash scripts/build.sh   # once
//   node bench/import.mjs [--answers 1000000] [--edits 40] [--set spbe-2020] [--www DIR]
//
// In headless Chromium on the demo page for --set (www/<set>.html, or index.html), it:
//   1. imports a bare assessment with --answers answers (ids a0, a1, ...: about 12 MB for a
//      million), waits for the import notice, and confirms the import when one is offered;
//   2. then makes --edits answer changes (the first level indicator's radios, alternately),
//      one frame apart;
//   3. does the same with the largest file the set accepts (2n + 100 answers), confirmed.
// Long tasks (PerformanceObserver 'longtask', > 50 ms) are recorded throughout; per edit, the
// time from the click to the end of the work the page deferred to a 0 ms timeout. The page
// process's peak resident memory is its VmHWM (/proc, the renderer found through CDP
// SystemInfo.getProcessInfo), reset once the file is in the page so that it measures the
// import and the edits; the JS heap and the wasm memory are read after each phase.
//
// It prints numbers and asserts nothing: a timing assertion would fail on a busy machine.
// --www DIR serves another build's www/ (e.g. /work/main/www, to compare with main).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { launchBrowser, startServer } from '../tests/e2e/helpers.mjs';

const REPO = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

function args(argv) {
  const o = { answers: 1_000_000, edits: 40, set: 'spbe-2020', www: path.join(REPO, 'www') };
  const keys = { '--answers': 'answers', '--edits': 'edits', '--set': 'set', '--www': 'www' };
  for (let i = 0; i < argv.length; i += 2) {
    const key = keys[argv[i]];
    if (!key) throw new Error(`unknown argument ${argv[i]}`);
    const v = argv[i + 1];
    o[key] = key === 'set' ? v : key === 'www' ? path.resolve(v) : Number(v);
  }
  return o;
}

/** A bare assessment of `setId` with `n` answers to indicators it does not have. */
function hugeAssessment(setId, version, n) {
  const parts = new Array(n);
  for (let k = 0; k < n; k++) parts[k] = `"a${k}":${(k % 5) + 1}`;
  return `{"setId":"${setId}","setVersion":"${version}","answers":{${parts.join(',')}}}`;
}

/** Runs in the page before anything else: long tasks and the wasm memories. */
function instrument() {
  window.__longTasks = [];
  try {
    new PerformanceObserver((l) => window.__longTasks.push(...l.getEntries().map((e) => e.duration))).observe({
      type: 'longtask',
      buffered: true,
    });
  } catch {}
  window.__memories = [];
  const keep = (r) => {
    const inst = r.instance ?? r;
    for (const v of Object.values(inst.exports ?? {})) if (v instanceof WebAssembly.Memory) window.__memories.push(v);
    return r;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const f = WebAssembly[name];
    WebAssembly[name] = (...a) => f.apply(WebAssembly, a).then(keep);
  }
}

/** `edits` changes of indicator 0's level, alternately two values; per edit click -> settled. */
async function editLoop(page, edits) {
  return page.evaluate(async (edits) => {
    const root = document.querySelector('swanilai-assessment').shadowRoot;
    const radios = [...root.querySelectorAll('[data-i="0"][data-f="pick"]')];
    const [lo, hi] = [radios[0], radios[radios.length - 1]];
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const times = [];
    for (let k = 0; k < edits; k++) {
      const t0 = performance.now();
      (k % 2 ? lo : hi).click();
      await new Promise((r) => setTimeout(r, 0));
      times.push(performance.now() - t0);
      await frame();
    }
    // Let deferred work (autosave, advice) run so that its long tasks are counted.
    await new Promise((r) => setTimeout(r, 1500));
    return times;
  }, edits);
}

/** The renderers' peak resident memory (VmHWM); with `reset`, the peak is reset to now first. */
async function rendererPeak(cdp, reset = false) {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  let peak = 0;
  for (const p of processInfo.filter((x) => x.type === 'renderer')) {
    try {
      // "5" resets the peak resident set size to the current one (Linux >= 4.0, as root).
      if (reset) writeFileSync(`/proc/${p.id}/clear_refs`, '5');
      const status = readFileSync(`/proc/${p.id}/status`, 'utf8');
      peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)[1]) * 1024);
    } catch {}
  }
  return peak;
}

const mb = (b) => `${(b / 2 ** 20).toFixed(1)} MiB`;
const ms = (x) => `${x.toFixed(0)} ms`;

async function phase(page, cdp, pageCdp, label, text, edits) {
  // The file is made in the page (a File from the text), so that only the widget's own work
  // is measured: Playwright's setInputFiles decodes a 12 MB buffer in the page, a long task
  // of its own.
  await page.evaluate((t) => {
    window.__file = new File([t], 'import.json', { type: 'application/json' });
  }, text);
  await page.waitForTimeout(300);
  await pageCdp.send('HeapProfiler.collectGarbage');
  const before = await rendererPeak(cdp, true);
  await page.evaluate(() => (window.__longTasks.length = 0));
  const t0 = Date.now();
  await page.evaluate(() => {
    const input = document.querySelector('swanilai-assessment').shadowRoot.querySelector('input[data-act="import"]');
    const dt = new DataTransfer();
    dt.items.add(window.__file);
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  const notice = page.locator('[data-swn="import"]').first();
  await notice.waitFor({ timeout: 120_000 });
  const opened = Date.now() - t0;
  const codes = await notice.locator('li[data-code]').evaluateAll((l) => [...new Set(l.map((x) => x.dataset.code))]);
  const confirm = page.locator('[data-act="import-confirm"]');
  let confirmed = false;
  if (await confirm.count()) {
    await confirm.first().click();
    confirmed = true;
    await page.waitForTimeout(500);
  } else {
    await notice.locator('[data-act="dismiss"]').first().click();
  }
  const importTasks = await page.evaluate(() => window.__longTasks.splice(0));
  const times = await editLoop(page, edits);
  const editTasks = await page.evaluate(() => window.__longTasks.splice(0));
  const mem = await page.evaluate(() => ({
    heap: performance.memory?.usedJSHeapSize ?? 0,
    wasm: window.__memories.reduce((s, m) => s + m.buffer.byteLength, 0),
  }));
  const peak = await rendererPeak(cdp);
  return { label, bytes: text.length, opened, codes, confirmed, importTasks, times, editTasks, mem, peak, before };
}

function report(r) {
  const max = (xs) => (xs.length ? Math.max(...xs) : 0);
  console.log(`\n${r.label}: ${mb(r.bytes)} of JSON`);
  console.log(
    `  notice after ${ms(r.opened)}; problems listed: ${r.codes.join(', ') || 'none'}; ${r.confirmed ? 'confirmed' : 'nothing offered'}`,
  );
  console.log(`  long tasks while importing: ${r.importTasks.length}, longest ${ms(max(r.importTasks))}`);
  const sorted = [...r.times].sort((a, b) => a - b);
  console.log(
    `  ${r.times.length} edits after it: click -> settled median ${ms(sorted[sorted.length >> 1])}, longest ${ms(max(r.times))}; long tasks ${r.editTasks.length}, longest ${ms(max(r.editTasks))}`,
  );
  console.log(
    `  JS heap ${mb(r.mem.heap)}, wasm memory ${mb(r.mem.wasm)}; page process ${mb(r.before)} with the file in memory, peak ${mb(r.peak)} while importing and editing`,
  );
}

const o = args(process.argv.slice(2));
const setFile = JSON.parse(readFileSync(path.join(REPO, 'sets', `${o.set}.json`), 'utf8'));
const count = (g) => (g.indicators?.length ?? 0) + (g.children ?? []).reduce((s, c) => s + count(c), 0);
const n = setFile.groups.reduce((s, g) => s + count(g), 0);
const server = await startServer({ root: o.www, port: 0 });
const browser = await launchBrowser({ args: ['--enable-precise-memory-info'] });
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(instrument);
  const cdp = await browser.newBrowserCDPSession();
  const pageCdp = await context.newCDPSession(page);
  await page.goto(`${server.url}${o.set}.html`);
  await page.locator('swanilai-assessment[data-state="ready"]').waitFor({ state: 'attached', timeout: 60_000 });
  await page.waitForTimeout(1000);
  console.log(`set ${o.set}: ${n} indicators; www ${o.www}`);
  const base = await rendererPeak(cdp);
  console.log(`page process peak before any import: ${mb(base)}`);
  const huge = await phase(page, cdp, pageCdp, `${o.answers}-answers`, hugeAssessment(setFile.id, setFile.version, o.answers), o.edits);
  report(huge);
  const most = 2 * n + 100;
  const largest = await phase(page, cdp, pageCdp, `${most}-answers`, hugeAssessment(setFile.id, setFile.version, most), o.edits);
  report(largest);
  if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
