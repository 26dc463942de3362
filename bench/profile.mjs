#!/usr/bin/env node
// Where swanilai's time goes: loads one benchmark page and records a CDP CPU profile of
// (a) the first render and (b) a rescoring loop, then prints the functions with the most
// self time and the most total time, wasm functions included.
//
//   node bench/profile.mjs [--set spbe-2020] [--tool swanilai|surveyjs] [--changes 200]
//                          [--pkg DIR] [--save DIR] [--trace]
//
// --trace records a Chromium trace instead of a CPU profile and prints the time in each
// rendering phase (style, layout, pre-paint, paint) and in script, for the load and for the
// answer changes: what "(program)" in a CPU profile hides.
//
// --pkg serves another build of the package instead of pkg/ (for example one made with
// `wasm-pack build --profiling`, whose wasm keeps its function names; the release build's
// wasm functions show as wasm-function[N]). --save writes the .cpuprofile files (open them
// in Chromium's DevTools, Performance panel).
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startServer } from '../scripts/serve.mjs';
import { launchBrowser } from '../tests/e2e/helpers.mjs';
import { buildSite } from './pages.mjs';
import { TOOLS, instrument, rescoreLoop } from './run.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const setName = opt('--set', 'spbe-2020');
const tool = opt('--tool', 'swanilai');
const changes = Number(opt('--changes', 200));
const pkgDir = opt('--pkg', null);
const saveDir = opt('--save', null);
const trace = args.includes('--trace');

const PHASES =
  /^(UpdateLayoutTree|Layout|PrePaint|Paint|Layerize|Commit|FunctionCall|EvaluateScript|TimerFire|EventDispatch|RunMicrotasks|MinorGC|MajorGC|ParseHTML|ParseAuthorStyleSheet|HitTest)$/;

/** Milliseconds per trace event name (complete events of the main rendering phases). */
export function phases(buffer) {
  const m = new Map();
  for (const e of JSON.parse(buffer.toString()).traceEvents) {
    if (e.ph === 'X' && e.dur && PHASES.test(e.name)) m.set(e.name, (m.get(e.name) ?? 0) + e.dur / 1000);
  }
  return [...m].sort((a, b) => b[1] - a[1]);
}

/** Self and total time per function (name + url + line) from a CDP profile. */
export function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const dt = profile.timeDeltas;
  const hits = new Map();
  for (const [k, id] of profile.samples.entries()) hits.set(id, (hits.get(id) ?? 0) + (dt[k + 1] ?? dt[k] ?? 0) / 1000);
  const key = (n) => {
    const f = n.callFrame;
    const name = f.functionName || '(anonymous)';
    const where = f.url ? ` ${path.basename(f.url)}:${f.lineNumber + 1}` : '';
    return `${name}${where}`;
  };
  const total = new Map();
  let all = 0;
  for (const [id, ms] of hits) {
    all += ms;
    const n = byId.get(id);
    self.set(key(n), (self.get(key(n)) ?? 0) + ms);
    // Total: every distinct function on the stack gets the sample once.
    const seen = new Set();
    for (let cur = id; cur != null; cur = parent.get(cur)) {
      const k = key(byId.get(cur));
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + ms);
    }
  }
  const top = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
  return { all, self: top(self), total: top(total) };
}

function print(title, s) {
  console.log(`\n## ${title}: ${s.all.toFixed(1)} ms sampled`);
  console.log('\nself time:');
  for (const [k, ms] of s.self) console.log(`  ${ms.toFixed(1).padStart(8)} ms ${((100 * ms) / s.all).toFixed(1).padStart(5)}%  ${k}`);
  console.log('\ntotal time (inclusive):');
  for (const [k, ms] of s.total) console.log(`  ${ms.toFixed(1).padStart(8)} ms ${((100 * ms) / s.all).toFixed(1).padStart(5)}%  ${k}`);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'swanilai-profile-'));
let browser;
let server;
try {
  const info = buildSite(dir, [setName]);
  if (pkgDir) {
    rmSync(path.join(dir, 'swanilai', 'pkg'), { recursive: true });
    cpSync(pkgDir, path.join(dir, 'swanilai', 'pkg'), { recursive: true });
  }
  server = await startServer({ root: dir, port: 0 });
  browser = await launchBrowser();
  const T = TOOLS[tool];
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e}`));
  await page.addInitScript(instrument, { first: T.first });
  const cdp = await context.newCDPSession(page);
  const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];
  const start = () => (trace ? browser.startTracing(page, { categories }) : cdp.send('Profiler.start'));
  const stop = async () => (trace ? browser.stopTracing() : (await cdp.send('Profiler.stop')).profile);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await start();
  await page.goto(`${server.origin}/${tool}/${setName}.html`);
  await page.waitForFunction(() => window.__bench?.painted != null, null, { timeout: 300_000 });
  const load = await stop();
  const t = await page.evaluate(() => [__bench.interactive, __bench.painted]);
  await page.waitForTimeout(500);
  await start();
  const r = await page.evaluate(rescoreLoop, {
    hi: T.radio(info[setName].probe, 5),
    lo: T.radio(info[setName].probe, 1),
    score: T.score,
    changes,
    capMs: 120_000,
    timeoutMs: 30_000,
  });
  const rescore = await stop();
  const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  console.log(
    `# ${tool} ${setName}: interactive ${t[1].toFixed(0)} ms (DOM ${t[0].toFixed(0)} ms); rescore median ${med(r.updates).toFixed(2)} ms, work ${med(r.works).toFixed(2)} ms, to next frame ${med(r.frames).toFixed(2)} ms over ${r.updates.length} changes`,
  );
  if (trace) {
    const show = (title, list, per = 1) => console.log(`${title}: ${list.map(([k, ms]) => `${k} ${(ms / per).toFixed(1)} ms`).join(', ')}`);
    show('load, total per phase', phases(load));
    show(`answer changes, per change (${r.updates.length})`, phases(rescore), r.updates.length);
  } else {
    print('page load to first interactive frame', summarise(load));
    print(`${r.updates.length} answer changes (includes the harness's frame waits as (idle)/(program))`, summarise(rescore));
  }
  if (saveDir) {
    mkdirSync(saveDir, { recursive: true });
    const ext = trace ? 'trace.json' : 'cpuprofile';
    const text = (x) => (trace ? x : JSON.stringify(x));
    writeFileSync(path.join(saveDir, `${tool}-${setName}-load.${ext}`), text(load));
    writeFileSync(path.join(saveDir, `${tool}-${setName}-rescore.${ext}`), text(rescore));
  }
} finally {
  await browser?.close().catch(() => {});
  await server?.close().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
}
