// Measures the npm package: raw and gzip (level 9) bytes of what a page downloads.
// Used by scripts/package.mjs and by the benchmark. `node scripts/size.mjs [pkgDir]`.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

/** Sizes of the widget's code (wasm + JS + CSS) and of each built-in set. */
export function packageSizes(dir) {
  const code = ['swanilai_bg.wasm', 'swanilai.js', 'index.js', 'element.js', 'swanilai.css'].map((f) => {
    const buf = readFileSync(join(dir, f));
    return { file: f, raw: buf.length, gzip: gz(buf) };
  });
  const sets = readdirSync(join(dir, 'sets'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const buf = readFileSync(join(dir, 'sets', f));
      return { file: `sets/${f}`, raw: buf.length, gzip: gz(buf) };
    });
  const sum = (list, k) => list.reduce((s, x) => s + x[k], 0);
  return { code, sets, codeRaw: sum(code, 'raw'), codeGzip: sum(code, 'gzip') };
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

export function printSizes(s) {
  console.log('package sizes (gzip -9):');
  for (const f of [...s.code, ...s.sets]) {
    console.log(`  ${f.file.padEnd(34)} ${kib(f.raw).padStart(10)} raw ${kib(f.gzip).padStart(10)} gzip`);
  }
  console.log(`  ${'engine + widget (wasm+js+css)'.padEnd(34)} ${kib(s.codeRaw).padStart(10)} raw ${kib(s.codeGzip).padStart(10)} gzip`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? join(fileURLToPath(import.meta.url), '..', '..', 'pkg');
  statSync(dir);
  printSizes(packageSizes(dir));
}
