// Finishes the npm package in pkg/ after `wasm-pack build --target web`:
// adds the JS entry, the custom element, the stylesheet, the built-in sets (minified),
// TypeScript types generated from the JSON Schemas in schema/ (themselves generated from
// the Rust types), the package's own README (js/README.md, in place of the repository's that
// wasm-pack copies) and the format reference (docs/FORMAT.md), and writes package.json. Minifies the JavaScript (terser) and the CSS
// (lightningcss): what a page downloads is what scripts/size.mjs measures. The readable
// sources are js/ and wasm-bindgen's output. Prints the package's sizes.
import { readFileSync, writeFileSync, mkdirSync, copyFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaToTs } from './schema-to-ts.mjs';
import { packageSizes, printSizes } from './size.mjs';
import { minify } from 'terser';
import { transform as transformCss } from 'lightningcss';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(root, 'pkg');
if (!existsSync(join(pkg, 'swanilai_bg.wasm'))) {
  console.error('package: pkg/swanilai_bg.wasm is missing: run wasm-pack build first');
  process.exit(1);
}

for (const f of ['index.js', 'element.js', 'swanilai.css', 'index.d.ts', 'element.d.ts']) {
  copyFileSync(join(root, 'js', f), join(pkg, f));
}
mkdirSync(join(pkg, 'sets'), { recursive: true });
const entry = readFileSync(join(root, 'js', 'index.js'), 'utf8');
const element = readFileSync(join(root, 'js', 'element.js'), 'utf8');
for (const f of readdirSync(join(root, 'sets')).filter((f) => f.endsWith('.json'))) {
  // getSet() names each set's file statically, so bundlers copy it (see js/index.js); the
  // element names it too, to ask for it before index.js has arrived (see js/element.js).
  for (const [name, text] of [
    ['index.js', entry],
    ['element.js', element],
  ]) {
    if (!text.includes(`new URL('./sets/${f}', import.meta.url)`)) {
      console.error(`package: js/${name} does not name sets/${f} in SET_URLS`);
      process.exit(1);
    }
  }
  const set = JSON.parse(readFileSync(join(root, 'sets', f), 'utf8'));
  writeFileSync(join(pkg, 'sets', f), JSON.stringify(set));
}

// Types for every JSON shape, from the committed schemas.
const schemas = ['indicator-set', 'assessment', 'report', 'advice', 'comparison', 'merge-report', 'progress', 'check'].map((n) =>
  JSON.parse(readFileSync(join(root, 'schema', `${n}.schema.json`), 'utf8')),
);
writeFileSync(join(pkg, 'types.d.ts'), schemaToTs(schemas));

const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name} = "([^"]*)"`, 'm'))?.[1];
const version = field('version');
// The package's README links to its own files by absolute URL (npm's package page resolves
// no relative link without a repository): `{{version}}` is this version.
writeFileSync(join(pkg, 'README.md'), readFileSync(join(root, 'js', 'README.md'), 'utf8').replaceAll('{{version}}', version));
copyFileSync(join(root, 'docs', 'FORMAT.md'), join(pkg, 'FORMAT.md'));
// Where the project lives, only when Cargo.toml says so: no invented URLs.
const repository = field('repository');
const manifest = {
  name: 'swanilai',
  version,
  description: field('description'),
  license: field('license'),
  ...(repository && {
    repository: { type: 'git', url: `git+${repository}.git` },
    homepage: `${repository}#readme`,
    bugs: { url: `${repository}/issues` },
  }),
  keywords: [
    'self-assessment',
    'e-government',
    'smart-city',
    'spbe',
    'indonesia',
    'bahasa-indonesia',
    'webassembly',
    'wasm',
    'custom-element',
    'web-component',
    'widget',
    'scoring',
  ],
  // The engine also runs in Node (`init()` given the .wasm's bytes); the floor is the Node the
  // repository develops and tests with (its package.json).
  engines: { node: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node },
  type: 'module',
  main: './index.js',
  types: './index.d.ts',
  exports: {
    '.': { types: './index.d.ts', default: './index.js' },
    './element': { types: './element.d.ts', default: './element.js' },
    './swanilai.css': './swanilai.css',
    './swanilai_bg.wasm': './swanilai_bg.wasm',
    './sets/*': './sets/*',
    './package.json': './package.json',
  },
  // wasm-bindgen's own swanilai.d.ts and swanilai_bg.wasm.d.ts stay out: index.d.ts is the
  // typed API, and `exports` offers no way to import the glue directly.
  files: [
    'index.js',
    'index.d.ts',
    'element.js',
    'element.d.ts',
    'types.d.ts',
    'swanilai.js',
    'swanilai_bg.wasm',
    // wasm-bindgen's inline JS (the browser's parseFloat, see src/num.rs), imported by the glue.
    'snippets/',
    'swanilai.css',
    'sets/',
    'README.md',
    'FORMAT.md',
  ],
  sideEffects: ['./element.js'],
};
writeFileSync(join(pkg, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

// Minify. `new URL('./sets/x.json', import.meta.url)` and the wasm URL stay literal, so
// bundlers still find and copy the files; exported names are kept (module: true mangles only
// local names).
for (const f of ['swanilai.js', 'index.js', 'element.js']) {
  const file = join(pkg, f);
  const out = await minify(readFileSync(file, 'utf8'), {
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    format: { comments: false },
  });
  writeFileSync(file, `${out.code}\n`);
}
{
  const file = join(pkg, 'swanilai.css');
  // Targets keep syntax the oldest browsers that run the module understand: without them
  // `@media (max-width: 420px)` becomes `(width <= 420px)`, which Safari < 16.4 ignores.
  // (WebAssembly reference types and multi-value set the floor: Chrome 96, Firefox 89,
  // Safari 15; versions are encoded major << 16.)
  const targets = { chrome: 96 << 16, firefox: 89 << 16, safari: 15 << 16, ios_saf: 15 << 16 };
  const { code } = transformCss({ filename: 'swanilai.css', code: readFileSync(file), minify: true, targets });
  writeFileSync(file, code);
}
printSizes(packageSizes(pkg));
