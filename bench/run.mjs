#!/usr/bin/env node
// swanilai vs SurveyJS, side by side in one run, in headless Chromium on 127.0.0.1.
//
//   source scripts/env.sh && flock /tmp/swanilai-build.lock bash scripts/build.sh   # once
//   node bench/run.mjs [--reps 5] [--changes 200] [--sets a,b,...] [--render-cap 120]
//                      [--rescore-cap 60] [--no-native] [--no-check] [--quick]
//                      [--out BENCHMARKS.md] [--json target/bench/results.json] [--pkg DIR]
//                      [--tools swanilai,surveyjs] [--native-from DIR] [--report-only JSON]
//
// For each set (default gm100sc-kesiapan, spbe-2020, synth-1000, synth-10000) and each of
// `--reps` repetitions, it loads the swanilai page and the equivalent SurveyJS page
// (bench/pages.mjs, bench/convert.mjs), alternating which goes first, each in a fresh browser
// context (empty cache and storage), and measures:
//
// - transfer: the encoded (gzip, as served) body bytes of the document and of every
//   resource the page fetched (PerformanceResourceTiming.encodedBodySize);
// - interactive: from navigation start to the first painted frame in which the first
//   indicator's first input (radio, select or text input) is in the DOM and enabled. The
//   same init script detects it on both pages: a MutationObserver on the document and on
//   every shadow root (attachShadow is wrapped), then requestAnimationFrame + a message
//   (the frame after the DOM change was painted);
// - rescore: `--changes` answer changes on the first level indicator of page 1 (click its
//   level-5 radio, then its level-1 radio, alternately); per change, the time from the click
//   to the overall score's text on screen changing (MutationObserver callback), to the end
//   of the work the page deferred to a 0 ms timeout (a 0 ms timeout queued after the click
//   fires), and to the next painted frame. Changes are one frame apart, so layout and paint
//   of one change are not billed to the next; long tasks (> 50 ms) while answering are
//   recorded too;
// - memory after render: the JS heap after a forced GC (CDP HeapProfiler.collectGarbage +
//   Runtime.getHeapUsage) and the wasm linear memory (the page's WebAssembly.Memory exports,
//   captured by wrapping WebAssembly.instantiate*: nothing in the product is exposed for it);
//   also the number of DOM nodes (CDP Performance.getMetrics).
//
// A page that is not interactive within --render-cap seconds is reported as "did not finish"
// and not retried in later repetitions; a rescoring loop stops after --rescore-cap seconds.
// Before measuring, bench/check.mjs proves the SurveyJS conversion scores exactly like
// swanilai, and the synthetic sets are validated with the swanilai CLI. Afterwards the native
// criterion bench runs (`cargo bench --bench score -- --warm-up-time 1 --measurement-time 3`).
//
// --pkg DIR measures another build of the package instead of pkg/ (to try a change).
// --native-from DIR runs the criterion bench in another checkout (when this work tree does
// not build). --report-only JSON rewrites the report from an earlier run's --json file
// without loading any page (the native bench runs again unless --no-native).
//
// Prints a Markdown report and writes it to --out (default BENCHMARKS.md at the repo root),
// with the raw numbers as JSON in --json.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from '../scripts/serve.mjs';
import { packageSizes } from '../scripts/size.mjs';
import { launchBrowser } from '../tests/e2e/helpers.mjs';
import { checkAll } from './check.mjs';
import { toSurveyJS } from './convert.mjs';
import { CLI, REPO, buildSite, loadSet } from './pages.mjs';

const DEFAULT_SETS = ['gm100sc-kesiapan', 'spbe-2020', 'synth-1000', 'synth-10000'];
const BUILTIN_SETS = new Set(['gm100sc-kesiapan', 'spbe-2020', 'smart-city-evaluasi']);

// ---------- options ----------

function parseArgs(argv) {
  const o = {
    reps: 5,
    changes: 200,
    sets: DEFAULT_SETS,
    tools: ['swanilai', 'surveyjs'],
    renderCap: 120,
    rescoreCap: 60,
    native: true,
    check: true,
    out: path.join(REPO, 'BENCHMARKS.md'),
    json: path.join(REPO, 'target', 'bench', 'results.json'),
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const int = () => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive integer`);
      return n;
    };
    switch (flag) {
      case '--reps':
        o.reps = int();
        break;
      case '--changes':
        o.changes = int();
        break;
      case '--sets':
        o.sets = value().split(',').filter(Boolean);
        break;
      case '--render-cap':
        o.renderCap = int();
        break;
      case '--rescore-cap':
        o.rescoreCap = int();
        break;
      case '--no-native':
        o.native = false;
        break;
      case '--no-check':
        o.check = false;
        break;
      case '--out':
        o.out = path.resolve(value());
        break;
      case '--json':
        o.json = path.resolve(value());
        break;
      case '--pkg':
        o.pkg = path.resolve(value());
        break;
      case '--tools':
        o.tools = value().split(',').filter(Boolean);
        break;
      case '--native-from':
        o.nativeFrom = path.resolve(value());
        break;
      case '--report-only':
        o.reportOnly = path.resolve(value());
        break;
      case '--quick':
        Object.assign(o, { reps: 1, changes: 20, sets: ['spbe-2020', 'synth-1000'], renderCap: 60, rescoreCap: 20 });
        break;
      case '-h':
      case '--help':
        o.help = true;
        break;
      default:
        throw new Error(`unknown argument: ${argv[i]}`);
    }
  }
  for (const t of o.tools) if (!TOOLS[t]) throw new Error(`unknown tool ${t} (swanilai, surveyjs)`);
  for (const s of o.sets) {
    if (!BUILTIN_SETS.has(s) && !/^synth-\d+$/.test(s)) throw new Error(`unknown set ${s} (a built-in id or synth-N)`);
  }
  return o;
}

// ---------- the two tools: where the same things are on each page ----------

export const TOOLS = {
  swanilai: {
    label: 'swanilai',
    first: '[data-i="0"][data-f=pick], [data-i="0"][data-f=num]',
    score: '[data-swn=overall]',
    radio: (i, level) => `[data-i="${i}"][data-f=pick][value="${level}"]`,
  },
  surveyjs: {
    label: 'SurveyJS',
    first: '[data-name="q0"] input, [data-name="q0"] select',
    score: '[data-name="skor_0"] .sd-expression',
    radio: (i, level) => `[data-name="q${i}"] input[value="${level}"]`,
  },
};

// Runs in the page before any of its scripts (page.addInitScript): the same on both pages.
export function instrument({ first }) {
  const B = { memories: [], roots: [], interactive: null, painted: null };
  window.__bench = B;
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const orig = WebAssembly[name];
    if (typeof orig !== 'function') continue;
    WebAssembly[name] = function (...args) {
      return orig.apply(this, args).then((r) => {
        const inst = r instanceof WebAssembly.Instance ? r : r.instance;
        for (const v of Object.values(inst?.exports ?? {})) if (v instanceof WebAssembly.Memory) B.memories.push(v);
        return r;
      });
    };
  }
  B.q = (sel) => {
    const el = document.querySelector(sel);
    if (el) return el;
    for (const r of B.roots) {
      const hit = r.querySelector(sel);
      if (hit) return hit;
    }
    return null;
  };
  // Resolves with performance.now() once the frame after now has been painted.
  B.afterPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now());
        ch.port2.postMessage(0);
      }),
    );
  const OPTS = { childList: true, subtree: true, attributes: true, characterData: true };
  const check = () => {
    if (B.interactive !== null) return;
    const el = B.q(first);
    if (!el?.isConnected || el.disabled) return;
    B.interactive = performance.now();
    mo.disconnect();
    B.afterPaint().then((t) => (B.painted = t));
  };
  const mo = new MutationObserver(check);
  B.observeAll = (observer, opts = OPTS) => {
    observer.observe(document, opts);
    for (const r of B.roots) observer.observe(r, opts);
  };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    B.roots.push(root);
    if (B.interactive === null) mo.observe(root, OPTS);
    return root;
  };
  mo.observe(document, OPTS);
}

// Runs in the page: `changes` clicks alternating two radios, timing each to the score text
// changing (MutationObserver) and to the next painted frame.
export async function rescoreLoop({ hi, lo, score, changes, capMs, timeoutMs }) {
  const B = window.__bench;
  const text = () => B.q(score)?.textContent ?? null;
  const updates = [];
  const works = [];
  const frames = [];
  // Long tasks (> 50 ms) while answering: work a widget defers out of the click (timers,
  // idle callbacks) still blocks the next input if it runs long.
  const longTasks = [];
  let po = null;
  try {
    po = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
    po.observe({ type: 'longtask' });
  } catch {
    po = null;
  }
  const start = performance.now();
  let capped = false;
  for (let k = 0; k < changes; k++) {
    const sel = k % 2 === 0 ? hi : lo;
    const input = B.q(sel);
    if (!input) return { error: `no element ${sel} at change ${k}`, updates, works, frames };
    const before = text();
    let done;
    const changed = new Promise((resolve) => (done = resolve));
    const mo = new MutationObserver(() => {
      if (text() !== before) done(performance.now());
    });
    B.observeAll(mo, { childList: true, subtree: true, characterData: true });
    const timer = setTimeout(() => done(null), timeoutMs);
    const t0 = performance.now();
    input.click();
    // A 0 ms timeout queued right after the click runs after any 0 ms timeout the page queued
    // while handling it (work deferred "until after the event"), and before the next frame
    // when there is time: click -> this is the page's whole synchronous work for the change.
    const settled = new Promise((resolve) => setTimeout(() => resolve(performance.now()), 0));
    const t1 = await changed;
    mo.disconnect();
    clearTimeout(timer);
    if (t1 === null) return { error: `the score did not change within ${timeoutMs} ms of change ${k}`, updates, works, frames };
    const tw = await settled;
    const t2 = await B.afterPaint();
    updates.push(t1 - t0);
    works.push(Math.max(tw, t1) - t0);
    frames.push(t2 - t0);
    if (performance.now() - start > capMs && k + 1 < changes) {
      capped = true;
      break;
    }
  }
  // Let timers that an answer scheduled run, so their long tasks are counted.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  po?.disconnect();
  return {
    updates,
    works,
    frames,
    capped,
    final: text(),
    longTasks: longTasks.length,
    longestTask: longTasks.length ? Math.max(...longTasks) : 0,
  };
}

// ---------- one page load ----------

async function measure(browser, origin, tool, name, info, opts) {
  const T = TOOLS[tool];
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript(instrument, { first: T.first });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const out = { tool, set: name };
  try {
    await page.goto(`${origin}/${tool}/${name}.html`, { waitUntil: 'commit', timeout: 30_000 });
    try {
      await page.waitForFunction(() => window.__bench?.painted != null, null, {
        timeout: opts.renderCap * 1000,
        polling: 50,
      });
    } catch {
      out.dnf = `not interactive within ${opts.renderCap} s`;
      return out;
    }
    const t = await page.evaluate(() => ({ interactive: __bench.interactive, painted: __bench.painted }));
    out.interactiveDom = t.interactive;
    out.interactive = t.painted;
    // Let the page settle (swanilai computes advice after a pause; fonts, late fetches).
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    out.transfer = await page.evaluate(() => {
      const list = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
      return list.map((e) => ({ url: new URL(e.name).pathname, bytes: e.encodedBodySize, raw: e.decodedBodySize }));
    });
    out.bytes = out.transfer.reduce((s, e) => s + e.bytes, 0);
    await cdp.send('HeapProfiler.collectGarbage');
    out.heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    out.wasm = await page.evaluate(() => __bench.memories.reduce((s, m) => s + m.buffer.byteLength, 0));
    const { metrics } = await cdp.send('Performance.getMetrics');
    out.nodes = metrics.find((m) => m.name === 'Nodes')?.value ?? null;
    const r = await page.evaluate(rescoreLoop, {
      hi: T.radio(info.probe, 5),
      lo: T.radio(info.probe, 1),
      score: T.score,
      changes: opts.changes,
      capMs: opts.rescoreCap * 1000,
      timeoutMs: Math.min(30_000, opts.rescoreCap * 1000),
    });
    Object.assign(out, r);
  } finally {
    out.errors = errors.filter((e) => !/favicon/.test(e));
    await context.close().catch(() => {});
  }
  return out;
}

// The first-screen section (bench/firstscreen.mjs writes it between these markers) survives
// a rewrite of the report.
function writeReport(file, md) {
  let kept = '';
  try {
    const old = readFileSync(file, 'utf8');
    const a = old.indexOf('<!-- firstscreen -->');
    const b = old.indexOf('<!-- /firstscreen -->');
    if (a >= 0 && b > a) kept = `\n${old.slice(a, b + '<!-- /firstscreen -->'.length)}\n`;
  } catch {
    // no report yet
  }
  writeFileSync(file, md.replace(/\n*$/, '\n') + kept);
}

// ---------- statistics and formatting ----------

const median = (xs) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (xs) => (xs.length ? { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length } : null);

function num(x) {
  if (x == null) return '–';
  const a = Math.abs(x);
  const d = a === 0 ? 0 : a < 1 ? 3 : a < 10 ? 2 : a < 100 ? 1 : 0;
  return x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}
const cell = (s) => (s ? (s.n > 1 ? `${num(s.median)} (${num(s.min)}–${num(s.max)})` : num(s.median)) : '–');
const ratio = (a, b) => (a && b && b.median > 0 ? `${num(a.median / b.median)}` : '–');

const KIB = 1024;
const MIB = 1024 * 1024;
const METRICS = [
  { key: 'bytes', label: 'transfer, KiB (gzip as served)', scale: KIB },
  { key: 'interactive', label: 'first interactive, ms', scale: 1 },
  { key: 'update', label: 'rescore: click → score text, ms (median of changes)', scale: 1 },
  { key: 'work', label: 'rescore: click → deferred work done, ms (median of changes)', scale: 1 },
  { key: 'frame', label: 'rescore: click → next frame, ms (median of changes)', scale: 1 },
  { key: 'longest', label: 'rescore: longest task while answering, ms (0: none over 50 ms)', scale: 1 },
  { key: 'heap', label: 'JS heap after render, MiB', scale: MIB },
  { key: 'wasm', label: 'wasm memory after render, MiB', scale: MIB },
  { key: 'nodes', label: 'DOM nodes after render', scale: 1 },
];

/** Per (set, tool): the per-run values of each metric. */
function summarise(runs) {
  const by = {};
  for (const r of runs) {
    const k = `${r.set}|${r.tool}`;
    by[k] ??= { runs: [], dnf: [], errors: [], capped: 0, changes: [] };
    const s = by[k];
    s.runs.push(r);
    if (r.dnf) s.dnf.push(r.dnf);
    if (r.error) s.errors.push(r.error);
    if (r.capped) s.capped++;
    if (r.updates) s.changes.push(r.updates.length);
    s.errors.push(...(r.errors ?? []));
  }
  for (const s of Object.values(by)) {
    const ok = s.runs.filter((r) => !r.dnf);
    const per = (f) => ok.map(f).filter((x) => x != null && Number.isFinite(x));
    s.bytes = stats(per((r) => r.bytes));
    s.interactive = stats(per((r) => r.interactive));
    s.update = stats(per((r) => (r.updates?.length ? median(r.updates) : null)));
    s.work = stats(per((r) => (r.works?.length ? median(r.works) : null)));
    s.frame = stats(per((r) => (r.frames?.length ? median(r.frames) : null)));
    s.longest = stats(per((r) => (r.updates?.length ? r.longestTask : null)));
    s.heap = stats(per((r) => r.heap));
    s.wasm = stats(per((r) => r.wasm));
    s.nodes = stats(per((r) => r.nodes));
    s.updateP95 = stats(per((r) => (r.updates?.length ? [...r.updates].sort((a, b) => a - b)[Math.floor(r.updates.length * 0.95)] : null)));
  }
  return by;
}

function scaled(s, k) {
  return s ? { median: s.median / k, min: s.min / k, max: s.max / k, n: s.n } : null;
}

// ---------- environment ----------

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  const memKb = Number(/^MemTotal:\s*(\d+)/m.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0);
  return {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpu: model,
    ramGiB: Math.round((memKb / 1024 / 1024) * 10) / 10,
    kernel: os.release(),
    node: process.version,
  };
}

function gitDescribe(dir = REPO) {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return 'unknown';
  }
}

const pkgVersion = (dir) => JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;

function run(cmd, args, { quiet = false, cwd = REPO } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      if (!quiet) process.stderr.write(d);
    });
    child.stderr.on('data', (d) => !quiet && process.stderr.write(d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

/** Criterion's `name  time: [lo est hi]` lines, and the bench's own summary lines. */
export function parseCriterion(text) {
  const rows = [];
  const notes = [];
  let name = null;
  const toNs = (v, u) => Number(v) * { ps: 1e-3, ns: 1, µs: 1e3, us: 1e3, ms: 1e6, s: 1e9 }[u];
  for (const line of text.split('\n')) {
    const m = /^(\S.*?)\s+time:\s+\[([\d.]+) (\S+) ([\d.]+) (\S+) ([\d.]+) (\S+)\]/.exec(line);
    const t = /^\s+time:\s+\[([\d.]+) (\S+) ([\d.]+) (\S+) ([\d.]+) (\S+)\]/.exec(line);
    if (m) {
      rows.push({ name: m[1].trim(), lo: toNs(m[2], m[3]), est: toNs(m[4], m[5]), hi: toNs(m[6], m[7]) });
    } else if (t && name) {
      rows.push({ name, lo: toNs(t[1], t[2]), est: toNs(t[3], t[4]), hi: toNs(t[5], t[6]) });
    } else if (/^\S/.test(line) && !/^(Benchmarking|Found|Gnuplot|Warning|WARNING|Running)/.test(line)) {
      if (/ per indicator|indicators:|scoring time/.test(line)) notes.push(line);
      else name = line.trim().split(/\s+/)[0];
    } else if (/^\s+\d+ indicators:/.test(line)) {
      notes.push(line);
    }
  }
  return { rows, notes };
}

const fmtNs = (ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(1)} ns`);

// ---------- the report ----------

function report({ opts, env, summary, info, native, started, seconds, sizes, checks }) {
  const L = [];
  const sets = opts.sets;
  L.push('# Benchmarks: swanilai vs SurveyJS');
  L.push('');
  L.push(
    `Generated by \`node bench/run.mjs${opts.argv.length ? ` ${opts.argv.join(' ')}` : ''}\` on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC (took ${Math.round(seconds / 60)} min). Do not edit by hand: run it again.`,
  );
  L.push('');
  L.push('| | |');
  L.push('|---|---|');
  L.push(`| machine | ${env.machine.nproc} CPUs, ${env.machine.cpu}, ${env.machine.ramGiB} GiB RAM, Linux ${env.machine.kernel} |`);
  L.push(
    `| load average at start / end | ${env.loadStart.map((x) => x.toFixed(2)).join(' ')} / ${env.loadEnd.map((x) => x.toFixed(2)).join(' ')} |`,
  );
  L.push(`| browser | ${env.browser} (headless, 127.0.0.1, no throttling) |`);
  L.push(`| Node | ${env.machine.node} |`);
  L.push(`| source | commit ${env.commit} (pkg/ built ${env.pkgBuilt}) |`);
  L.push(
    `| swanilai | ${env.swanilai} (pkg/ as built; engine + widget ${num(sizes.codeGzip / KIB)} KiB gzip -9, of which wasm ${num(sizes.code.find((f) => f.file.endsWith('.wasm')).gzip / KIB)} KiB) |`,
  );
  L.push(`| SurveyJS | survey-core ${env.surveyCore} + survey-js-ui ${env.surveyUi} (min.js bundles, survey-core.fontless.min.css) |`);
  L.push(
    `| repetitions | ${opts.reps} page loads per tool and set, alternating which tool goes first; ${opts.changes} answer changes per load |`,
  );
  L.push(`| caps | first render ${opts.renderCap} s, rescoring loop ${opts.rescoreCap} s |`);
  L.push(`| scoring equivalence | ${checks} |`);
  L.push('');
  L.push(
    'Each cell: median over the page loads (min–max). For the rescoring rows, each load first takes the median of its answer changes. Ratio = swanilai / SurveyJS (below 1: swanilai is smaller or faster). Timings come from performance.now(), which Chromium coarsens to 0.1 ms on pages that are not cross-origin isolated: sub-millisecond medians are multiples of 0.1 ms.',
  );
  L.push('');
  L.push('| set (indicators) | metric | swanilai | SurveyJS | swanilai / SurveyJS |');
  L.push('|---|---|---|---|---|');
  for (const name of sets) {
    const a = summary[`${name}|swanilai`];
    const b = summary[`${name}|surveyjs`];
    const head = `${name} (${info[name].indicators.toLocaleString('en-US')})`;
    const dnf = (s) => (s?.dnf.length ? `did not finish in ${opts.renderCap} s (${s.dnf.length} of ${s.runs.length} loads)` : null);
    for (const m of METRICS) {
      const sa = scaled(a?.[m.key], m.scale);
      const sb = scaled(b?.[m.key], m.scale);
      const ca = (sa ? cell(sa) : dnf(a)) ?? '–';
      const cb = (sb ? cell(sb) : dnf(b)) ?? '–';
      L.push(`| ${head} | ${m.label} | ${ca} | ${cb} | ${ratio(sa, sb)} |`);
    }
  }
  L.push('');
  const notes = [];
  for (const [k, s] of Object.entries(summary)) {
    const [set, tool] = k.split('|');
    if (s.capped)
      notes.push(
        `${TOOLS[tool].label} ${set}: the rescoring loop hit the ${opts.rescoreCap} s cap in ${s.capped} of ${s.runs.length} loads (changes done per load: ${s.changes.join(', ')}); its rescoring rows are the medians of the changes done.`,
      );
    if (s.dnf.length)
      notes.push(
        `${TOOLS[tool].label} ${set}: ${s.dnf.join('; ')} (${s.dnf.length} of ${s.runs.length} loads; later repetitions were skipped).`,
      );
    const errs = [...new Set(s.errors)];
    if (errs.length) notes.push(`${TOOLS[tool].label} ${set}: errors: ${errs.slice(0, 3).join(' | ')}`);
    const finals = [...new Set(s.runs.map((r) => r.final).filter(Boolean))];
    if (finals.length) s.final = finals;
  }
  for (const name of sets) {
    const fa = summary[`${name}|swanilai`]?.final;
    const fb = summary[`${name}|surveyjs`]?.final;
    if (fa && fb) notes.push(`${name}: overall score shown after the last change: swanilai ${fa.join(', ')}, SurveyJS ${fb.join(', ')}.`);
  }
  if (notes.length) {
    L.push('Notes:');
    L.push('');
    for (const n of notes) L.push(`- ${n}`);
    L.push('');
  }

  // Targets from the issue.
  L.push('## Targets (issue 6)');
  L.push('');
  L.push('| target | measured | verdict |');
  L.push('|---|---|---|');
  const builtins = sets.filter((s) => BUILTIN_SETS.has(s));
  const verdict = (ok) => (ok ? 'met' : '**missed**');
  for (const name of builtins) {
    const a = summary[`${name}|swanilai`];
    const b = summary[`${name}|surveyjs`];
    if (a?.bytes && b?.bytes) {
      const r = a.bytes.median / b.bytes.median;
      L.push(
        `| ${name}: transfer ≤ 1/5 of SurveyJS | ${num(a.bytes.median / KIB)} vs ${num(b.bytes.median / KIB)} KiB = ${num(r)} (${r <= 0.2 ? `${num(0.2 / r)}× under the limit` : `${num(r / 0.2)}× the limit`}) | ${verdict(r <= 0.2)} |`,
      );
    }
    if (a?.interactive && b?.interactive) {
      const r = a.interactive.median / b.interactive.median;
      L.push(
        `| ${name}: first interactive ≤ 1/2 of SurveyJS | ${num(a.interactive.median)} vs ${num(b.interactive.median)} ms = ${num(r)} | ${verdict(r <= 0.5)} |`,
      );
    }
    if (a?.update) {
      L.push(
        `| ${name}: rescore < 1 ms median | click → score text ${num(a.update.median)} ms; → deferred work done ${num(a.work?.median)} ms; → next frame ${num(a.frame?.median)} ms | ${verdict(a.update.median < 1)}${a.work && a.work.median >= 1 ? ' for the score text; **missed** counting the deferred work' : ''} |`,
      );
    }
  }
  const s1k = summary['synth-1000|swanilai'];
  if (s1k?.update) {
    L.push(
      `| synth-1000: rescore < 5 ms median | click → score text ${num(s1k.update.median)} ms; → deferred work done ${num(s1k.work?.median)} ms; → next frame ${num(s1k.frame?.median)} ms | ${verdict(s1k.update.median < 5)}${s1k.work && s1k.work.median >= 5 ? ' for the score text; **missed** counting the deferred work' : ''} |`,
    );
  }
  const s10k = summary['synth-10000|swanilai'];
  if (s10k) {
    const usable = s10k.interactive && s10k.frame && s10k.frame.median < 100 && !s10k.capped;
    L.push(
      `| synth-10000: renders and stays usable (taken as: click → next frame < 100 ms, the limit for a response to feel instant) | ${s10k.interactive ? `interactive in ${num(s10k.interactive.median)} ms, rescore ${num(s10k.update?.median)} ms (to next frame ${num(s10k.frame?.median)} ms)` : s10k.dnf.join('; ')} | ${verdict(usable)} |`,
    );
  }
  L.push('');

  // Transfer breakdown, from the first load of each.
  L.push('## What each page downloaded (first load, encoded bytes)');
  L.push('');
  L.push('| set | tool | file | KiB (as served) | KiB (decoded) |');
  L.push('|---|---|---|---|---|');
  for (const name of sets) {
    for (const tool of ['swanilai', 'surveyjs']) {
      const r = summary[`${name}|${tool}`]?.runs.find((x) => x.transfer);
      for (const e of r?.transfer ?? []) {
        L.push(`| ${name} | ${TOOLS[tool].label} | \`${e.url}\` | ${num(e.bytes / KIB)} | ${num(e.raw / KIB)} |`);
      }
    }
  }
  L.push('');

  L.push('## Native engine (criterion)');
  L.push('');
  if (!native) {
    L.push('Not run (`--no-native`).');
  } else if (native.error) {
    L.push(`Failed: ${native.error}`);
  } else {
    L.push(
      `\`cargo bench --bench score -- --warm-up-time 1 --measurement-time 3\`${native.commit ? ` at ${native.commit}` : ''} (synthetic sets of tests/common/synth.rs; criterion's lower bound, estimate and upper bound):`,
    );
    L.push('');
    L.push('| benchmark | time (estimate) | interval |');
    L.push('|---|---|---|');
    for (const r of native.rows) L.push(`| ${r.name} | ${fmtNs(r.est)} | ${fmtNs(r.lo)} – ${fmtNs(r.hi)} |`);
    if (native.notes.length) {
      L.push('');
      L.push('```');
      for (const n of native.notes) L.push(n);
      L.push('```');
    }
  }
  L.push('');
  L.push('## How it is measured');
  L.push('');
  L.push(
    'See the header of `bench/run.mjs`. In short: both pages are minimal HTML documents served by `scripts/serve.mjs` (gzip), each load in a fresh browser context; "first interactive" is navigation start → the first painted frame in which the first indicator\'s input exists and is enabled; "rescore" clicks the level-5 and level-1 radios of the first level indicator of page 1 alternately and times each click until the overall score\'s text changes (MutationObserver), until the work the page deferred to a 0 ms timeout is done (a 0 ms timeout queued after the click fires) and until the next frame, and records long tasks (> 50 ms) meanwhile; memory is read through CDP after a forced GC, wasm memory from the module\'s exported `WebAssembly.Memory`. The SurveyJS questionnaire is made by `bench/convert.mjs` (same questions, choices and pages; the score as SurveyJS `calculatedValues`), and `bench/check.mjs` proves it scores exactly like swanilai before anything is timed. Synthetic sets come from `bench/synth.mjs` (shown with 6 decimals so one change of 10,000 is visible).',
  );
  L.push('');
  return L.join('\n');
}

// ---------- main ----------

async function nativeBench(opts, log) {
  const cwd = opts.nativeFrom ?? REPO;
  log(`cargo bench --bench score -- --warm-up-time 1 --measurement-time 3 (in ${cwd})`);
  try {
    const out = await run('cargo', ['bench', '--bench', 'score', '--', '--warm-up-time', '1', '--measurement-time', '3'], { cwd });
    return { ...parseCriterion(out), commit: gitDescribe(cwd) };
  } catch (err) {
    return { error: err.message };
  }
}

/** Rewrites the report from a results JSON (see --json). */
async function reportOnly(opts, log) {
  const saved = JSON.parse(readFileSync(opts.reportOnly, 'utf8'));
  const o = { ...saved.opts, native: opts.native, nativeFrom: opts.nativeFrom, out: opts.out, json: opts.json };
  const info = {};
  for (const name of o.sets) info[name] = { indicators: toSurveyJS(loadSet(name).set).questionCount };
  const native = o.native ? await nativeBench(o, log) : saved.native;
  const md = report({
    opts: o,
    env: saved.env,
    summary: summarise(saved.runs),
    info,
    native,
    started: new Date(saved.started),
    seconds: saved.seconds,
    sizes: saved.sizes,
    checks: saved.checks,
  });
  console.log(md);
  writeReport(o.out, md);
  writeFileSync(o.json, JSON.stringify({ ...saved, native }, null, 1));
  log(`wrote ${path.relative(REPO, o.out)} and ${path.relative(REPO, o.json)}`);
}

async function main() {
  const argv = process.argv.slice(2);
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (err) {
    console.error(`bench: ${err.message}`);
    process.exit(2);
  }
  if (opts.help) {
    console.log(
      readFileSync(new URL(import.meta.url), 'utf8')
        .split('\n')
        .slice(1, 8)
        .map((l) => l.replace(/^\/\/ ?/, ''))
        .join('\n'),
    );
    return;
  }
  opts.argv = argv;
  const log0 = (s) => console.error(`bench: ${s}`);
  if (opts.reportOnly) return reportOnly(opts, log0);
  const started = new Date();
  const t0 = Date.now();
  const log = (s) => console.error(`bench: ${s}`);

  try {
    readFileSync(path.join(opts.pkg ?? path.join(REPO, 'pkg'), 'swanilai_bg.wasm'));
  } catch {
    console.error('bench: pkg/ is not built: run `source scripts/env.sh && flock /tmp/swanilai-build.lock bash scripts/build.sh` first');
    process.exit(1);
  }

  log('cargo build --release (the CLI validates the synthetic sets and scores the equivalence check)');
  await run('cargo', ['build', '--release', '--quiet', '--bin', 'swanilai']);
  let checks = 'not checked (--no-check)';
  if (opts.check) {
    log('checking that the SurveyJS conversion scores like swanilai (bench/check.mjs)');
    const bad = checkAll();
    if (bad.length) {
      for (const m of bad) console.error(`  ${JSON.stringify(m)}`);
      throw new Error('the SurveyJS conversion does not score like swanilai; not benchmarking');
    }
    checks =
      'bench/check.mjs: SurveyJS expressions and the swanilai CLI show the same overall score on 5 random assessments of each built-in set and of synth-1000';
  }

  const dir = mkdtempSync(path.join(os.tmpdir(), 'swanilai-bench-'));
  let browser;
  let server;
  try {
    // spbe-2020 is always built: the warm-up loads use it.
    const info = buildSite(dir, [...new Set(['spbe-2020', ...opts.sets])], { pkg: opts.pkg });
    for (const name of opts.sets.filter((s) => !BUILTIN_SETS.has(s))) {
      log(`validating ${name} with the swanilai CLI`);
      const out = execFileSync(CLI, ['validate', path.join(dir, 'swanilai', 'data', `${name}.json`)]);
      if (JSON.parse(out.toString()).length) throw new Error(`${name} is not a valid set: ${out}`);
    }
    const sizes = packageSizes(path.join(dir, 'swanilai', 'pkg'));
    server = await startServer({ root: dir, port: 0 });
    browser = await launchBrowser();
    const env = {
      machine: machine(),
      loadStart: os.loadavg(),
      browser: `Chromium ${browser.version()}`,
      swanilai: pkgVersion(path.join(dir, 'swanilai', 'pkg')),
      // With --pkg, the commit of the work tree that build came from (if it is one).
      commit: opts.pkg ? `${gitDescribe(path.dirname(opts.pkg))} (--pkg ${opts.pkg})` : gitDescribe(),
      pkgBuilt: `${statSync(path.join(opts.pkg ?? path.join(REPO, 'pkg'), 'swanilai_bg.wasm'))
        .mtime.toISOString()
        .slice(0, 16)
        .replace('T', ' ')} UTC`,
      surveyCore: pkgVersion(path.join(REPO, 'node_modules', 'survey-core')),
      surveyUi: pkgVersion(path.join(REPO, 'node_modules', 'survey-js-ui')),
    };
    log(`${env.browser}; serving ${dir} at ${server.origin}`);

    // Warm-up load of each tool (not recorded): the first launch of a renderer is slower.
    for (const tool of opts.tools) {
      await measure(browser, server.origin, tool, 'spbe-2020', info['spbe-2020'], { ...opts, changes: 2 });
    }

    const runs = [];
    const skip = new Set();
    for (let rep = 0; rep < opts.reps; rep++) {
      for (const name of opts.sets) {
        const order = (rep % 2 === 0 ? ['swanilai', 'surveyjs'] : ['surveyjs', 'swanilai']).filter((t) => opts.tools.includes(t));
        for (const tool of order) {
          const key = `${name}|${tool}`;
          if (skip.has(key)) continue;
          const t = Date.now();
          const r = await measure(browser, server.origin, tool, name, info[name], opts);
          r.rep = rep;
          runs.push(r);
          if (r.dnf) skip.add(key);
          log(
            `rep ${rep + 1}/${opts.reps} ${name} ${tool}: ${
              r.dnf ??
              `${num(r.bytes / KIB)} KiB, interactive ${num(r.interactive)} ms, rescore ${num(median(r.updates ?? []))} ms / work ${num(
                median(r.works ?? []),
              )} ms / frame ${num(
                median(r.frames ?? []),
              )} ms over ${r.updates?.length ?? 0} changes${r.error ? ` (${r.error})` : ''}, heap ${num(r.heap / MIB)} MiB, wasm ${num(
                (r.wasm ?? 0) / MIB,
              )} MiB, ${r.nodes} nodes`
            } [${Math.round((Date.now() - t) / 1000)} s]`,
          );
        }
      }
    }
    await browser.close();
    browser = null;
    await server.close();
    server = null;
    env.loadEnd = os.loadavg();

    const native = opts.native ? await nativeBench(opts, log) : null;

    const summary = summarise(runs);
    const md = report({
      opts,
      env,
      summary,
      info,
      native,
      started,
      seconds: (Date.now() - t0) / 1000,
      sizes,
      checks,
    });
    console.log(md);
    writeReport(opts.out, md);
    mkdirSync(path.dirname(opts.json), { recursive: true });
    const seconds = (Date.now() - t0) / 1000;
    writeFileSync(opts.json, JSON.stringify({ opts, env, started, seconds, sizes, checks, runs, native }, null, 1));
    log(`wrote ${path.relative(REPO, opts.out)} and ${path.relative(REPO, opts.json)}`);
  } finally {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main().catch((err) => {
    console.error(`bench: ${err.stack ?? err}`);
    process.exit(1);
  });
}
