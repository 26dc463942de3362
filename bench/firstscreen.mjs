#!/usr/bin/env node
// The first screen: time from navigation to the first usable control, swanilai's custom
// element side by side with SurveyJS 2.5.38 and a hand-written DOM page of the same form (the
// floor), alternating, locally and on an emulated slow line.
//
//   source scripts/env.sh && bash scripts/build.sh        # once: pkg/
//   node bench/firstscreen.mjs [--reps 9] [--set spbe-2020] [--latency 150] [--kbps 1500]
//                              [--lines local,slow] [--pkg NAME=DIR ...] [--no-surveyjs]
//                              [--no-floor] [--hints] [--no-prerender] [--out BENCHMARKS.md]
//                              [--json FILE]
//
// Pages (bench/pages.mjs): swanilai is the embed a portal writes, `<script type="module"
// src="pkg/element.js">` and `<swanilai-assessment set="...">`; SurveyJS is survey-core +
// survey-js-ui + its default CSS with the converted questionnaire (bench/convert.mjs); the
// floor is bench/floor.js drawing the same set's first tab with DOM calls. All are served by
// scripts/serve.mjs with `Content-Encoding: gzip` (compressed once per file and kept, as a
// server with precompressed files would). Each load gets a fresh browser context (empty
// cache); the order of the pages rotates from one repetition to the next; every repetition
// loads each page once per line.
//
// "First usable control": a radio of the first indicator (a number input where it has no
// radio) that is in the document or a shadow root, connected, enabled and rendered
// (checkVisibility with visibility, its label or itself has a box). It is looked for on every
// animation frame from an init script, which uses nothing the pages offer (no events, no
// state attributes); the time is that of the first painted frame after the one in which it was
// seen, from navigation start.
//
// Lines: `local` is 127.0.0.1 without throttling; `slow` is Chromium's network emulation
// (CDP Network.emulateNetworkConditions: --latency ms added to each request, --kbps down,
// half of it up), the same for every page.
//
// The served first screen (on unless --no-prerender): the same embed with the element holding
// the form's first screen as HTML (`swanilai prerender`, a declarative shadow root), which the
// widget takes over when it has loaded. For every swanilai page the time until the widget is
// live (the element's `widget` set, its first painted frame) is measured too.
//
// --hints adds a page of the first build whose head also names the files the element will
// ask for (preload and modulepreload links a portal can add): what a page can win by itself.
//
// On a machine shared with builds, `nice -n -10 node bench/firstscreen.mjs ...` (as root) keeps
// them from starving the browser; the report says so.
//
// --pkg NAME=DIR (repeatable) measures several builds of the package side by side (to weigh
// a change before/after in one run); the default is `swanilai=pkg`. The report is written to
// --out between the markers `<!-- firstscreen -->` and `<!-- /firstscreen -->` (appended the
// first time; bench/run.mjs keeps that part when it rewrites the file), the raw numbers to
// --json. Timing assertions belong nowhere else: this only prints numbers.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startServer } from '../scripts/serve.mjs';
import { launchBrowser } from '../tests/e2e/helpers.mjs';
import { BUILD_LOCK, REPO, buildSite, loadSet, swanilaiPage } from './pages.mjs';

const MARK = '<!-- firstscreen -->';
const HOST = 'swanilai-assessment';
const END = '<!-- /firstscreen -->';

function parseArgs(argv) {
  const o = {
    reps: 9,
    set: 'spbe-2020',
    latency: 150,
    kbps: 1500,
    lines: ['local', 'slow'],
    pkgs: [],
    surveyjs: true,
    floor: true,
    hints: false,
    prerender: true,
    out: path.join(REPO, 'BENCHMARKS.md'),
    json: path.join(REPO, 'target', 'bench', 'firstscreen.json'),
    cap: 60,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes('=') && argv[i].startsWith('--') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const number = () => {
      const n = Number(value());
      if (!(n >= 0)) throw new Error(`${flag} needs a number >= 0`);
      return n;
    };
    switch (flag) {
      case '--reps':
        o.reps = Math.max(1, Math.round(number()));
        break;
      case '--set':
        o.set = value();
        break;
      case '--latency':
        o.latency = number();
        break;
      case '--kbps':
        o.kbps = number();
        break;
      case '--cap':
        o.cap = number();
        break;
      case '--lines':
        o.lines = value().split(',').filter(Boolean);
        break;
      case '--pkg': {
        const v = value();
        const [name, dir] = v.includes('=') ? v.split(/=(.*)/s, 2) : ['swanilai', v];
        if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`--pkg ${v}: the name must be [a-z0-9-]`);
        o.pkgs.push({ name, dir: path.resolve(dir) });
        break;
      }
      case '--no-surveyjs':
        o.surveyjs = false;
        break;
      case '--no-floor':
        o.floor = false;
        break;
      case '--hints':
        o.hints = true;
        break;
      case '--no-prerender':
        o.prerender = false;
        break;
      case '--out':
        o.out = path.resolve(value());
        break;
      case '--json':
        o.json = path.resolve(value());
        break;
      default:
        throw new Error(`unknown argument: ${argv[i]}`);
    }
  }
  for (const l of o.lines) if (l !== 'local' && l !== 'slow') throw new Error(`unknown line ${l} (local, slow)`);
  if (!o.pkgs.length) o.pkgs.push({ name: 'swanilai', dir: path.join(REPO, 'pkg') });
  const names = o.pkgs.map((p) => p.name);
  if (new Set(names).size !== names.length) throw new Error(`--pkg names repeat: ${names.join(', ')}`);
  for (const p of o.pkgs) if (!existsSync(path.join(p.dir, 'element.js'))) throw new Error(`${p.dir}/element.js is missing: build first`);
  return o;
}

// ---------- the pages ----------

const FLOOR_PAGE = (name) => `<!doctype html>
<html lang="id">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>floor: ${name}</title>
  <link rel="icon" href="data:,">
  <script defer src="./floor.js" data-set="./data/${name}.json"></script>
</head>
<body>
  <div id="form"></div>
</body>
</html>
`;

/** Writes the served tree; returns the pages to load: [{ key, label, url path, first }]. */
function buildPages(dir, o) {
  const { set, builtin } = loadSet(o.set);
  if (!builtin) throw new Error(`--set ${o.set}: the first screen is measured on a built-in set`);
  const pages = [];
  // bench/pages.mjs writes swanilai/ (from the first --pkg) and surveyjs/.
  buildSite(dir, [o.set], { pkg: o.pkgs[0].dir });
  o.pkgs.forEach((p, k) => {
    const sub = k === 0 ? 'swanilai' : `swanilai-${p.name}`;
    if (k > 0) {
      mkdirSync(path.join(dir, sub), { recursive: true });
      execFileSync('flock', [BUILD_LOCK, 'cp', '-R', p.dir, path.join(dir, sub, 'pkg')]);
      writeFileSync(path.join(dir, sub, `${o.set}.html`), swanilaiPage(o.set, true));
    }
    pages.push({
      key: p.name,
      label: p.name === 'swanilai' ? 'swanilai' : `swanilai (${p.name})`,
      path: `/${sub}/${o.set}.html`,
      first: '[data-i="0"][data-f=pick], [data-i="0"][data-f=num]',
      host: HOST,
    });
  });
  if (o.prerender) {
    // The first build's first screen as a portal would serve it, from the CLI of this checkout.
    const fragment = execFileSync(
      'cargo',
      ['run', '--quiet', '--bin', 'swanilai', '--', 'prerender', '--set', o.set, '--lang', 'id', '--stylesheet', './pkg/swanilai.css'],
      { cwd: REPO, encoding: 'utf8', maxBuffer: 64 << 20 },
    );
    const html = swanilaiPage(o.set, true).replace(`></${HOST}>`, `>${fragment.trim()}</${HOST}>`);
    writeFileSync(path.join(dir, 'swanilai', `${o.set}-prerendered.html`), html);
    pages.push({
      key: 'prerendered',
      label: `${pages[0].label}, first screen served as HTML`,
      path: `/swanilai/${o.set}-prerendered.html`,
      first: pages[0].first,
      host: HOST,
    });
  }
  if (o.hints) {
    const links = [
      '<link rel="preload" href="./pkg/swanilai_bg.wasm" as="fetch" type="application/wasm" crossorigin>',
      '<link rel="modulepreload" href="./pkg/index.js">',
      '<link rel="modulepreload" href="./pkg/swanilai.js">',
      `<link rel="preload" href="./pkg/sets/${o.set}.json" as="fetch" crossorigin>`,
      '<link rel="preload" href="./pkg/swanilai.css" as="style">',
    ];
    const html = swanilaiPage(o.set, true).replace('  <script type="module"', `  ${links.join('\n  ')}\n  <script type="module"`);
    writeFileSync(path.join(dir, 'swanilai', `${o.set}-hints.html`), html);
    pages.push({
      key: 'hints',
      label: `${pages[0].label}, page with preload links`,
      path: `/swanilai/${o.set}-hints.html`,
      first: pages[0].first,
      host: HOST,
    });
  }
  if (o.surveyjs)
    pages.push({
      key: 'surveyjs',
      label: 'SurveyJS 2.5.38',
      path: `/surveyjs/${o.set}.html`,
      first: '[data-name="q0"] input, [data-name="q0"] select',
    });
  if (o.floor) {
    mkdirSync(path.join(dir, 'floor', 'data'), { recursive: true });
    copyFileSync(path.join(REPO, 'bench', 'floor.js'), path.join(dir, 'floor', 'floor.js'));
    writeFileSync(path.join(dir, 'floor', 'data', `${o.set}.json`), JSON.stringify(set));
    writeFileSync(path.join(dir, 'floor', `${o.set}.html`), FLOOR_PAGE(o.set));
    pages.push({ key: 'floor', label: 'hand-written DOM (the floor)', path: `/floor/${o.set}.html`, first: '[name="q0"]' });
  }
  return pages;
}

// Runs in the page before its own scripts: looks for the first usable control on every frame.
function watch({ first, host }) {
  const B = { roots: [], seen: null, painted: null, live: null };
  window.__fs = B;
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    B.roots.push(root);
    return root;
  };
  const find = () => {
    const el = document.querySelector(first);
    if (el) return el;
    // A declarative shadow root (a served first screen) is not made by attachShadow.
    const served = host && document.querySelector(host)?.shadowRoot?.querySelector(first);
    if (served) return served;
    for (const r of B.roots) {
      const hit = r.querySelector(first);
      if (hit) return hit;
    }
    return null;
  };
  const usable = (el) =>
    el.isConnected &&
    !el.disabled &&
    el.checkVisibility({ visibilityProperty: true }) &&
    (el.labels?.[0] ?? el).getClientRects().length > 0;
  // The frame being produced now shows it: `set` once that frame has been painted.
  const afterPaint = (set) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => set(performance.now());
      ch.port2.postMessage(0);
    });
  let liveSeen = false;
  const tick = () => {
    if (B.seen == null) {
      const el = find();
      if (el && usable(el)) {
        B.seen = performance.now();
        afterPaint((t) => (B.painted = t));
      }
    }
    if (host && !liveSeen && document.querySelector(host)?.widget) {
      liveSeen = true;
      afterPaint((t) => (B.live = t));
    }
    if (B.seen == null || (host && !liveSeen)) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function load(browser, origin, page, line, o) {
  const context = await browser.newContext();
  const errors = [];
  try {
    const tab = await context.newPage();
    tab.on('pageerror', (e) => errors.push(String(e)));
    tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await tab.addInitScript(watch, { first: page.first, host: page.host ?? null });
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    if (line === 'slow') {
      const down = (o.kbps * 1000) / 8;
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: o.latency,
        downloadThroughput: down,
        uploadThroughput: down / 2,
      });
    }
    await tab.goto(origin + page.path, { waitUntil: 'commit' });
    try {
      await tab.waitForFunction(() => window.__fs?.painted != null, null, { timeout: o.cap * 1000, polling: 100 });
    } catch {
      return { dnf: true, errors };
    }
    if (page.host)
      await tab.waitForFunction(() => window.__fs?.live != null, null, { timeout: o.cap * 1000, polling: 100 }).catch(() => {});
    const { painted: t, live } = await tab.evaluate(() => window.__fs);
    await tab.waitForLoadState('load');
    await tab.waitForTimeout(300);
    const files = await tab.evaluate(() =>
      [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => ({
        url: new URL(e.name).pathname,
        bytes: e.encodedBodySize,
        start: e.startTime,
        end: e.responseEnd,
      })),
    );
    return { ms: t, live, bytes: files.reduce((s, f) => s + f.bytes, 0), files, errors };
  } finally {
    await context.close().catch(() => {});
  }
}

// ---------- numbers ----------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x, d = 0) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const load1 = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

function report(o, pages, results, meta) {
  const L = [];
  const stat = (key, line, field = 'ms') => {
    const xs = results.filter((r) => r.key === key && r.line === line && !r.dnf && r[field] != null).map((r) => r[field]);
    return xs.length ? { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length } : null;
  };
  const kib = (key) => {
    const xs = results.filter((r) => r.key === key && !r.dnf).map((r) => r.bytes);
    return xs.length ? median(xs) / 1024 : null;
  };
  const cell = (s) => (s ? `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})` : '–');
  const slowLabel = `${o.latency} ms RTT, ${fmt(o.kbps / 1000, 1)} Mbit/s`;
  L.push(MARK);
  L.push('## First screen: navigation to the first usable control');
  L.push('');
  L.push(
    `Generated by \`node bench/firstscreen.mjs ${meta.argv}\` on ${meta.date} (took ${meta.minutes} min). Set ${o.set}, custom-element embed; ${o.reps} loads of each page on each line, the pages alternating (order rotated every repetition), each load in a fresh context (empty cache); files served with \`Content-Encoding: gzip\` by scripts/serve.mjs. Source ${meta.commit}; ${meta.browser}; load average (1, 5, 15 min) at start ${meta.loadStart}, at end ${meta.loadEnd} on ${os.cpus().length} CPUs${meta.nice < 0 ? ` (this run at nice ${meta.nice}, ahead of the builds sharing the machine; the browser inherits it)` : ''}${meta.busy ? ` — **the machine was busy** (other builds running): compare the ratios, which come from one alternating run, more than the absolute times` : ''}.`,
  );
  L.push('');
  L.push(
    'Each cell: median (min–max) in ms from navigation start to the first painted frame showing a radio of the first indicator, connected, enabled and rendered, looked for on every frame from outside the page (bench/firstscreen.mjs). The levers tried, each measured, and why a target is missed: docs/FIRST-SCREEN.md.',
  );
  L.push('');
  const hasLocal = o.lines.includes('local');
  const hasSlow = o.lines.includes('slow');
  L.push(`| page | transfer, KiB (gzip) |${hasLocal ? ' local |' : ''}${hasSlow ? ` ${slowLabel} |` : ''}`);
  L.push(`|---|---|${hasLocal ? '---|' : ''}${hasSlow ? '---|' : ''}`);
  for (const p of pages) {
    const k = kib(p.key);
    L.push(
      `| ${p.label} | ${k == null ? '–' : fmt(k, 1)} |${hasLocal ? ` ${cell(stat(p.key, 'local'))} |` : ''}${hasSlow ? ` ${cell(stat(p.key, 'slow'))} |` : ''}`,
    );
  }
  L.push('');
  const sj = pages.find((p) => p.key === 'surveyjs');
  const fl = pages.find((p) => p.key === 'floor');
  const ratios = [];
  for (const p of pages.filter((p) => p.key !== 'surveyjs' && p.key !== 'floor')) {
    for (const line of o.lines) {
      const a = stat(p.key, line);
      if (!a) continue;
      const s = sj && stat('surveyjs', line);
      const f = fl && stat('floor', line);
      ratios.push({
        page: p.label,
        line: line === 'local' ? 'local' : slowLabel,
        lineKey: line,
        toSurvey: s ? a.median / s.median : null,
        toFloor: f ? a.median / f.median : null,
      });
    }
  }
  if (ratios.length) {
    L.push('| swanilai build | line | ÷ SurveyJS | ÷ floor | target |');
    L.push('|---|---|---|---|---|');
    for (const r of ratios) {
      const target =
        r.lineKey === 'slow'
          ? verdict(r.toSurvey != null && r.toSurvey <= 0.4, '≤ 0.40 of SurveyJS')
          : verdict(
              r.toSurvey != null && r.toSurvey <= 1 / 3 && r.toFloor != null && r.toFloor <= 1.5,
              '≤ 1/3 of SurveyJS and ≤ 1.5× the floor',
            );
      L.push(
        `| ${r.page} | ${r.line} | ${r.toSurvey == null ? '–' : fmt(r.toSurvey, 2)} | ${r.toFloor == null ? '–' : fmt(r.toFloor, 2)} | ${target} |`,
      );
    }
    L.push('');
  }
  const livePages = pages.filter((p) => p.host);
  if (livePages.length) {
    L.push(
      'Time until the widget is live (the element has its `widget`: answers are scored and saved; a served first screen has been taken over), same loads, median (min–max) in ms, and ÷ SurveyJS (its first usable control):',
    );
    L.push('');
    L.push(`| page |${o.lines.map((l) => ` ${l === 'local' ? 'local' : slowLabel} | ÷ SurveyJS |`).join('')}`);
    L.push(`|---|${o.lines.map(() => '---|---|').join('')}`);
    for (const p of livePages) {
      const cells = o.lines.map((line) => {
        const a = stat(p.key, line, 'live');
        const sj = pages.some((q) => q.key === 'surveyjs') ? stat('surveyjs', line) : null;
        return ` ${cell(a)} | ${a && sj ? fmt(a.median / sj.median, 2) : '–'} |`;
      });
      L.push(`| ${p.label} |${cells.join('')}`);
    }
    L.push('');
  }
  const dnf = results.filter((r) => r.dnf);
  const errs = results.filter((r) => r.errors?.length);
  if (dnf.length) L.push(`Did not finish within ${o.cap} s: ${dnf.map((r) => `${r.key} (${r.line})`).join(', ')}.`, '');
  if (errs.length)
    L.push(
      `Page errors: ${errs
        .map((r) => `${r.key}: ${r.errors[0]}`)
        .slice(0, 3)
        .join('; ')}.`,
      '',
    );
  // What each page fetched, and when (the slow line shows the chain of requests).
  L.push(`Requests of one ${hasSlow ? 'slow-line' : 'local'} load (the median one) of each page: path, KiB as served, start → end in ms.`);
  L.push('');
  for (const p of pages) {
    const line = hasSlow ? 'slow' : 'local';
    const rs = results.filter((r) => r.key === p.key && r.line === line && !r.dnf).sort((a, b) => a.ms - b.ms);
    const r = rs[rs.length >> 1];
    if (!r) continue;
    const files = r.files.map((f) => `\`${f.url.replace(/^\/[^/]+\//, '')}\` ${fmt(f.bytes / 1024, 1)} (${fmt(f.start)} → ${fmt(f.end)})`);
    L.push(`- ${p.label}, ${fmt(r.ms)} ms: ${files.join(', ')}`);
  }
  L.push(END);
  return L.join('\n');
}
const verdict = (ok, what) => `${what}: ${ok ? 'met' : '**missed**'}`;

function writeReport(file, section) {
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const a = old.indexOf(MARK);
  const b = old.indexOf(END);
  const next = a >= 0 && b > a ? old.slice(0, a) + section + old.slice(b + END.length) : `${old.replace(/\n*$/, '\n\n')}${section}\n`;
  writeFileSync(file, next);
}

// ---------- main ----------

const o = parseArgs(process.argv.slice(2));
const t0 = Date.now();
const loadStart = load1();
const dir = mkdtempSync(path.join(os.tmpdir(), 'swanilai-firstscreen-'));
const pages = buildPages(dir, o);
const server = await startServer({ root: dir, port: 0 });
const origin = server.url.replace(/\/$/, '');
const browser = await launchBrowser();
const results = [];
try {
  for (let k = 0; k < o.reps; k++) {
    for (const line of o.lines) {
      for (let j = 0; j < pages.length; j++) {
        const page = pages[(j + k) % pages.length];
        const r = await load(browser, origin, page, line, o);
        results.push({ key: page.key, line, rep: k, ...r });
        process.stderr.write(
          `rep ${k + 1}/${o.reps} ${line} ${page.key}: ${r.dnf ? 'did not finish' : `${fmt(r.ms)} ms, ${fmt(r.bytes / 1024, 1)} KiB`}\n`,
        );
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
const loadEnd = load1();
let commit = 'unknown';
try {
  commit = execFileSync('git', ['-C', REPO, 'describe', '--always', '--dirty'], { encoding: 'utf8' }).trim();
} catch {}
const browserVersion = (() => {
  try {
    return `${execFileSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim()} (headless)`;
  } catch {
    return 'Chromium (headless)';
  }
})();
const meta = {
  argv: process.argv.slice(2).join(' '),
  date: new Date()
    .toISOString()
    .replace(/:\d\d\.\d+Z$/, ' UTC')
    .replace('T', ' '),
  minutes: fmt((Date.now() - t0) / 60000, 1),
  commit,
  browser: browserVersion,
  loadStart,
  loadEnd,
  nice: os.getPriority(),
  busy: Math.max(Number(loadStart.split(' ')[0]), Number(loadEnd.split(' ')[0])) > os.cpus().length * 0.75,
};
const md = report(o, pages, results, meta);
console.log(md);
mkdirSync(path.dirname(o.json), { recursive: true });
writeFileSync(o.json, JSON.stringify({ opts: o, meta, results }, null, 1));
if (o.out) writeReport(o.out, md);
