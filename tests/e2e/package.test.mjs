// The npm package as `npm pack pkg/` makes it: only the intended files, a manifest a
// bundler and a registry understand, and types that check (`tsc --noEmit`, strict) both a
// consumer using every export (tests/embed/consumer.ts) and the engine's real outputs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from './helpers.mjs';
import { BIN, EMBED_DIR, PKG_DIR, assertBuilt, packPackage, packedFiles, run, tempDir } from './embed-helpers.mjs';

const INTENDED = [
  'element.d.ts',
  'element.js',
  'index.d.ts',
  'index.js',
  'package.json',
  'sets/gm100sc-kesiapan.json',
  'sets/smart-city-evaluasi.json',
  'sets/spbe-2020.json',
  'swanilai.css',
  'swanilai.js',
  'swanilai_bg.wasm',
  'types.d.ts',
];
// npm adds these whenever they exist; the package may have them.
const ALWAYS_INCLUDED = /^(README|LICENSE|LICENCE|COPYING)(\.|-|$)/i;

test('npm pack lists only the intended files', { timeout: 60_000 }, async () => {
  const files = await packedFiles();
  assert.deepEqual(
    files.filter((f) => !ALWAYS_INCLUDED.test(f)),
    INTENDED,
    `npm pack --dry-run pkg/ lists:\n  ${files.join('\n  ')}`,
  );
});

test('package.json: type module, exports with types, files, sideEffects, license, repository', async () => {
  await assertBuilt();
  const m = JSON.parse(await readFile(path.join(PKG_DIR, 'package.json'), 'utf8'));
  assert.equal(m.name, 'swanilai');
  assert.match(m.version, /^\d+\.\d+\.\d+/);
  assert.equal(m.type, 'module');
  assert.ok(m.license, 'license');
  assert.ok(m.repository?.url, 'repository.url');
  assert.deepEqual(m.dependencies ?? {}, {}, 'no runtime dependencies');
  assert.ok(Array.isArray(m.files) && m.files.length > 0, 'files');
  // Only the custom element registers itself on import; everything else can be shaken out.
  assert.deepEqual(m.sideEffects, ['./element.js']);
  for (const [entry, types] of [['.', './index.d.ts'], ['./element', './element.d.ts']]) {
    const conditions = m.exports?.[entry];
    assert.ok(conditions, `exports["${entry}"]`);
    assert.equal(Object.keys(conditions)[0], 'types', `exports["${entry}"].types comes first`);
    assert.equal(conditions.types, types);
  }
  // Every exported path is in the package.
  const files = await packedFiles();
  for (const [entry, target] of Object.entries(m.exports)) {
    const paths = typeof target === 'string' ? [target] : Object.values(target);
    for (const p of paths) {
      const rel = p.replace(/^\.\//, '');
      const ok = rel.endsWith('*') ? files.some((f) => f.startsWith(rel.slice(0, -1))) : files.includes(rel);
      assert.ok(ok, `exports["${entry}"] -> ${p} is not in the package`);
    }
  }
});

/**
 * TypeScript declaring the engine's real outputs with the package's types: the hand-computed
 * examples (tests/builtin/<set>.example.json) and the native build's report, advice and
 * comparison for them (<set>.outputs.json, which tests/web.rs shows the wasm build returns
 * exactly). As object literals they get excess-property checks too: a field the engine
 * writes but the types lack fails, as does a null or a missing field the types do not allow.
 */
async function outputsAsTypeScript() {
  const dir = path.join(REPO_ROOT, 'tests', 'builtin');
  let ts = "import type { Advice, Assessment, Comparison, Report } from 'swanilai';\n";
  for (const f of (await readdir(dir)).filter((f) => f.endsWith('.example.json')).sort()) {
    const id = f.replace('.example.json', '').replace(/[^A-Za-z0-9]/g, '_');
    const example = JSON.parse(await readFile(path.join(dir, f), 'utf8'));
    const outputs = JSON.parse(await readFile(path.join(dir, f.replace('.example.', '.outputs.')), 'utf8'));
    ts += `export const ${id}_assessment: Assessment = ${JSON.stringify(example.assessment)};\n`;
    ts += `export const ${id}_report: Report = ${JSON.stringify(outputs.report)};\n`;
    ts += `export const ${id}_advice: Advice = ${JSON.stringify(outputs.advice)};\n`;
    ts += `export const ${id}_comparison: Comparison = ${JSON.stringify(outputs.comparison)};\n`;
  }
  return ts;
}

test('tsc --noEmit passes on a strict consumer of the packed package and on real outputs', { timeout: 180_000 }, async (t) => {
  const dir = await tempDir(t, 'types');
  const tarball = await packPackage(dir);
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: dir });
  for (const f of ['consumer.ts', 'tsconfig.json']) await copyFile(path.join(EMBED_DIR, f), path.join(dir, f));
  await writeFile(path.join(dir, 'outputs.ts'), await outputsAsTypeScript());
  await writeFile(
    path.join(dir, 'tsconfig.all.json'),
    JSON.stringify({ extends: './tsconfig.json', files: ['consumer.ts', 'outputs.ts'] }),
  );
  const out = await run(path.join(BIN, 'tsc'), ['--noEmit', '-p', 'tsconfig.all.json', '--listFiles'], { cwd: dir });
  // The types came from the installed package (through its `exports`), not from anywhere else.
  const ours = out.split('\n').filter((l) => l.includes('node_modules/swanilai/')).map((l) => path.basename(l));
  assert.deepEqual(ours.sort(), ['element.d.ts', 'index.d.ts', 'types.d.ts']);
});

test('index.d.ts tells to destroy() a widget: free() alone leaves it broken', async () => {
  await assertBuilt();
  const dts = await readFile(path.join(PKG_DIR, 'index.d.ts'), 'utf8');
  const widget = dts.slice(dts.indexOf('export declare class Widget'));
  const free = widget.match(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*free\(\): void;/);
  assert.ok(free, 'Widget.free() has a doc comment');
  assert.match(free[1], /call `destroy\(\)`/);
  for (const f of ['version', 'builtinSets', 'loadSet', 'openExport']) {
    assert.match(dts, new RegExp(`\`await init\\(\\)\` first[^/]*\\*/\\s*export declare function ${f}\\(`), `${f} says init() first`);
  }
});
