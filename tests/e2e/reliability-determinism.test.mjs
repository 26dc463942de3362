// Determinism: every test vector (tests/vectors/*.json) gives the same output in the shipped
// WebAssembly build, in Chromium, as natively, value for value (not within a tolerance).
// The native outputs come from the vector runner itself (`VECTORS_DUMP`, tests/vectors.rs);
// the browser computes each through the package's JS API, the way a page would.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { launchBrowser, REPO_ROOT, startServer, WWW_ROOT } from './helpers.mjs';
import { open } from './reliability-helpers.mjs';

const VECTORS = path.join(REPO_ROOT, 'tests', 'vectors');

let server;
let browser;
let tmp;

before(async () => {
  server = await startServer({ root: WWW_ROOT, port: 0 });
  browser = await launchBrowser();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'swanilai-vectors-'));
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** Every vector's native output, from the vector runner (builds it if needed). */
async function nativeOutputs() {
  const dump = path.join(tmp, 'native.json');
  await promisify(execFile)('cargo', ['test', '--quiet', '--test', 'vectors'], {
    cwd: REPO_ROOT,
    env: { ...process.env, VECTORS_DUMP: dump },
    maxBuffer: 64 << 20,
  });
  return JSON.parse(await readFile(dump, 'utf8'));
}

/** Runs in the page: a vector's output through the JS API (pkg/index.js). */
async function inBrowser(cases) {
  const api = await import('./pkg/index.js');
  await api.default();
  const text = (v) => (typeof v === 'string' ? v : JSON.stringify(v));
  const reduce = (v) => {
    if (Array.isArray(v)) return v.map(reduce);
    if (v && typeof v === 'object') {
      const out = {};
      for (const [k, x] of Object.entries(v)) {
        if (k === 'problems' && Array.isArray(x)) out[k] = x.map(({ path, code, severity }) => ({ path, code, severity }));
        // The check's findings without their prose, as the native runner keeps them.
        else if (k === 'findings' && Array.isArray(x)) out[k] = x.map(({ message, ...rest }) => reduce(rest));
        else out[k] = reduce(x);
      }
      return out;
    }
    return v;
  };
  // A returned share of a merge case, made as tests/vectors.rs makes it (see its docs).
  const returnedText = (handle, base, r) => {
    if (typeof r.text === 'string') return r.text;
    const from = r.cutFrom ? api.openExport(text(r.cutFrom)).assessment : base;
    const share = JSON.parse(handle.cutShare(from, r.unit, 'Koordinator', '2026-03-01T08:00:00Z')).content.assessment;
    for (const [id, a] of Object.entries(r.answers ?? {})) {
      if (a === null) delete share.answers[id];
      else share.answers[id] = a;
    }
    for (const k of ['updatedAt', 'setId', 'region', 'carried']) if (k in r) share[k] = r[k];
    // The export holds a report beside the assessment; only the assessment is merged.
    let out = r.exported ? handle.exportJson(share, '2026-03-10T08:00:00Z') : JSON.stringify(share);
    if (r.tamper) out = out.replace(r.tamper[0], r.tamper[1]);
    return out;
  };
  const problemList = (list) => list.map(({ path, code, severity }) => ({ path, code, severity }));
  const results = {};
  for (const [name, c] of Object.entries(cases)) {
    try {
      if (c.check === 'set-problems') {
        const r = api.loadSet(text(c.set));
        results[name] = problemList(Array.isArray(r) ? r : r.warnings);
        continue;
      }
      const handle = c.builtin ? await api.getSet(c.builtin) : api.loadSet(text(c.set));
      if (Array.isArray(handle)) throw new Error('the set is invalid');
      // The assessment as the engine read it (the shape problems stay out of reports, as in
      // the native runner, which scores the parsed assessment).
      const read = (v) => api.openExport(text(v)).assessment;
      let out;
      switch (c.check) {
        case 'assessment-problems':
          results[name] = problemList(handle.validate(text(c.assessment)));
          continue;
        case 'score':
          out = handle.score(read(c.assessment));
          break;
        case 'advise':
          out = handle.advise(read(c.assessment), { limit: c.limit });
          break;
        case 'compare':
          out = handle.compare(read(c.previous), read(c.assessment));
          break;
        case 'carry-forward':
          out = handle.carryForward(read(c.previous), read(c.assessment));
          break;
        case 'check':
          out = handle.check(read(c.assessment));
          break;
        case 'progress':
          out = handle.progress(read(c.assessment), c.date);
          break;
        case 'merge': {
          const base = read(c.base);
          const files = c.returned.map((r) => ({ name: r.file, text: returnedText(handle, base, r) }));
          out = handle.mergeShares(base, files, c.choices ?? null, '2026-04-01T08:00:00Z');
          break;
        }
        default:
          throw new Error(`unknown check ${c.check}`);
      }
      results[name] = reduce(out);
    } catch (err) {
      results[name] = { error: String(err) };
    }
  }
  return results;
}

test('every test vector gives the same output in WebAssembly as natively', { timeout: 600_000 }, async (t) => {
  const native = await nativeOutputs();
  const names = (await readdir(VECTORS)).filter((f) => f.endsWith('.json')).sort();
  const cases = {};
  for (const n of names) cases[n] = JSON.parse(await readFile(path.join(VECTORS, n), 'utf8'));
  assert.ok(Object.keys(native).length >= names.length - 2, 'the runner computed (nearly) every vector');

  const { page, record, close } = await open(browser, server.url, 'embed.html');
  try {
    const wasm = await page.evaluate(inBrowser, cases);
    const differ = [];
    let compared = 0;
    for (const n of names) {
      if (!(n in native)) continue; // the native runner could not compute it (a broken case)
      compared += 1;
      const a = JSON.stringify(wasm[n]);
      const b = JSON.stringify(native[n]);
      if (a !== b) {
        let i = 0;
        while (i < a.length && a[i] === b[i]) i += 1;
        differ.push(
          `${n}: differs at character ${i}\n    wasm:   …${a.slice(Math.max(0, i - 60), i + 60)}\n    native: …${b.slice(Math.max(0, i - 60), i + 60)}`,
        );
      }
    }
    t.diagnostic(`${compared} vectors compared exactly, ${differ.length} differ`);
    assert.deepEqual(differ.slice(0, 5), [], `${differ.length} wasm and native outputs differ:\n${differ.slice(0, 5).join('\n')}`);
    assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
  } finally {
    await close();
  }
});
