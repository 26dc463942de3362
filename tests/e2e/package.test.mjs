// The npm package as `npm pack pkg/` makes it: only the intended files, a manifest a
// bundler and a registry understand, and types that check a strict consumer
// (tests/embed/consumer.ts, which uses every export) with `tsc --noEmit`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
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

test('tsc --noEmit passes on a strict consumer of the packed package', { timeout: 180_000 }, async (t) => {
  const dir = await tempDir(t, 'types');
  const tarball = await packPackage(dir);
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: dir });
  for (const f of ['consumer.ts', 'tsconfig.json']) await copyFile(path.join(EMBED_DIR, f), path.join(dir, f));
  const out = await run(path.join(BIN, 'tsc'), ['--noEmit', '-p', 'tsconfig.json', '--listFiles'], { cwd: dir });
  // The types came from the installed package (through its `exports`), not from anywhere else.
  const ours = out.split('\n').filter((l) => l.includes('node_modules/swanilai/')).map((l) => path.basename(l));
  assert.deepEqual(ours.sort(), ['element.d.ts', 'index.d.ts', 'types.d.ts']);
});
