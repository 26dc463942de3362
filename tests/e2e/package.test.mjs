// The npm package as `npm pack pkg/` makes it: only the intended files, a manifest a
// bundler and a registry understand with nothing invented in it, a README of its own (short,
// with links that work from the package's page, and code that type-checks), no path of the
// machine that built it, and types that check (`tsc --noEmit`, strict) both a consumer using
// every export (tests/embed/consumer.ts) and the engine's real outputs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './helpers.mjs';
import { BIN, EMBED_DIR, PKG_DIR, assertBuilt, packPackage, packedFiles, run, tempDir } from './embed-helpers.mjs';

const INTENDED = [
  'FORMAT.md',
  'element.d.ts',
  'element.js',
  'index.d.ts',
  'index.js',
  'package.json',
  'sets/gm100sc-kesiapan.json',
  'sets/pemdi-2026.json',
  'sets/smart-city-evaluasi.json',
  'sets/spbe-2020.json',
  'swanilai.css',
  'swanilai.js',
  'swanilai_bg.wasm',
  'types.d.ts',
];
// npm adds these whenever they exist; the package may have them.
const ALWAYS_INCLUDED = /^(README|LICENSE|LICENCE|COPYING)(\.|-|$)/i;
// wasm-bindgen's inline JS (src/web/mod.rs), under a hashed folder; the glue imports it.
const SNIPPET = /^snippets\/swanilai-[0-9a-f]+\/inline\d+\.js$/;

test('npm pack lists only the intended files', { timeout: 60_000 }, async () => {
  const files = await packedFiles();
  const listed = files.filter((f) => !ALWAYS_INCLUDED.test(f));
  assert.deepEqual(
    listed.filter((f) => !SNIPPET.test(f)),
    INTENDED,
    `npm pack --dry-run pkg/ lists:\n  ${files.join('\n  ')}`,
  );
  assert.ok(
    listed.some((f) => SNIPPET.test(f)),
    `the glue's inline JS snippet is packed: ${files.join(', ')}`,
  );
});

test('package.json: type module, exports with types, files, sideEffects, license, engines, no placeholder', async () => {
  await assertBuilt();
  const m = JSON.parse(await readFile(path.join(PKG_DIR, 'package.json'), 'utf8'));
  assert.equal(m.name, 'swanilai');
  assert.match(m.version, /^\d+\.\d+\.\d+/);
  assert.equal(m.type, 'module');
  assert.ok(m.license, 'license');
  assert.match(m.engines?.node ?? '', /^>=\d+/, 'engines.node');
  assert.ok(m.keywords?.length >= 5, 'keywords');
  // Only true metadata: no placeholder (example.invalid) URL; a field is left out instead.
  assert.doesNotMatch(JSON.stringify(m), /example\.(invalid|com|org)|localhost/, 'no placeholder in package.json');
  for (const url of [m.repository?.url, m.homepage, m.bugs?.url].filter(Boolean)) {
    assert.match(url, /^(git\+)?https:\/\//, `an absolute URL: ${url}`);
  }
  assert.deepEqual(m.dependencies ?? {}, {}, 'no runtime dependencies');
  assert.ok(Array.isArray(m.files) && m.files.length > 0, 'files');
  // Only the custom element registers itself on import; everything else can be shaken out.
  assert.deepEqual(m.sideEffects, ['./element.js']);
  for (const [entry, types] of [
    ['.', './index.d.ts'],
    ['./element', './element.d.ts'],
  ]) {
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
  const dir = await installPacked(t, 'types');
  for (const f of ['consumer.ts', 'tsconfig.json']) await copyFile(path.join(EMBED_DIR, f), path.join(dir, f));
  await writeFile(path.join(dir, 'outputs.ts'), await outputsAsTypeScript());
  await writeFile(
    path.join(dir, 'tsconfig.all.json'),
    JSON.stringify({ extends: './tsconfig.json', files: ['consumer.ts', 'outputs.ts'] }),
  );
  const out = await run(path.join(BIN, 'tsc'), ['--noEmit', '-p', 'tsconfig.all.json', '--listFiles'], { cwd: dir });
  // The types came from the installed package (through its `exports`), not from anywhere else.
  const ours = out
    .split('\n')
    .filter((l) => l.includes('node_modules/swanilai/'))
    .map((l) => path.basename(l));
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

/** The packed package installed into a fresh project in a temp dir, as `npm install` would. */
async function installPacked(t, prefix) {
  const dir = await tempDir(t, prefix);
  const tarball = await packPackage(dir);
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: dir });
  return dir;
}

/** Fenced code blocks of a Markdown text: `[{ lang, code, line }]`. */
function codeBlocks(markdown) {
  const blocks = [];
  const re = /^```(\w*)\n([\s\S]*?)^```$/gm;
  for (let m = re.exec(markdown); m; m = re.exec(markdown)) {
    blocks.push({ lang: m[1], code: m[2], line: markdown.slice(0, m.index).split('\n').length });
  }
  return blocks;
}

test("the package's README: its own, under 8 KB, every link absolute and to something that exists", async () => {
  await assertBuilt();
  const readme = await readFile(path.join(PKG_DIR, 'README.md'), 'utf8');
  const { version } = JSON.parse(await readFile(path.join(PKG_DIR, 'package.json'), 'utf8'));
  const size = Buffer.byteLength(readme);
  assert.ok(size < 8 * 1024, `pkg/README.md is ${size} bytes`);
  // Not the repository's README: nothing about building swanilai itself.
  assert.doesNotMatch(readme, /bootstrap|cargo|fuzz|scripts\//i);
  assert.doesNotMatch(readme, /\{\{|\}\}/, 'every placeholder filled in');
  for (const way of [
    "from 'swanilai'",
    "import 'swanilai/element'",
    '<script type="module">',
    '## Events',
    '## Theming',
    '## Content-Security-Policy',
  ]) {
    assert.ok(readme.includes(way), `README shows ${way}`);
  }
  const files = await packedFiles();
  const prose = readme.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  const links = [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  assert.ok(links.length > 0, 'the README links to the format reference');
  for (const link of links) {
    // npm's package page resolves no relative link (the package names no repository).
    assert.match(link, /^https:\/\//, `an absolute link: ${link}`);
    const own = link.match(/^https:\/\/unpkg\.com\/swanilai@([^/]+)\/(.+)$/);
    if (own) {
      assert.equal(own[1], version, `${link} names this version`);
      assert.ok(files.includes(own[2]), `${link}: ${own[2]} is in the package`);
    }
  }
  assert.ok(files.includes('FORMAT.md') && links.some((l) => l.endsWith('/FORMAT.md')), 'the format reference ships and is linked');
});

test("the package's README code blocks type-check with tsc --strict against the packed package", { timeout: 180_000 }, async (t) => {
  const dir = await installPacked(t, 'readme');
  const readme = await readFile(path.join(dir, 'node_modules', 'swanilai', 'README.md'), 'utf8');
  // JavaScript blocks as they are; the module scripts of HTML blocks, which import the package
  // from `./swanilai/` beside the page (a link to the installed package here).
  const sources = [];
  for (const { lang, code, line } of codeBlocks(readme)) {
    if (lang === 'js' || lang === 'ts') sources.push({ line, code });
    if (lang === 'html') {
      for (const m of code.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)) sources.push({ line, code: m[1] });
    }
  }
  assert.ok(sources.length >= 3, `code blocks found: ${sources.length}`);
  await symlink(path.join(dir, 'node_modules', 'swanilai'), path.join(dir, 'swanilai'));
  const names = [];
  for (const { line, code } of sources) {
    const name = `readme-line-${line}.ts`;
    names.push(name);
    // Each block is a module of its own (top-level await and its own imports).
    await writeFile(path.join(dir, name), `${code}\nexport {};\n`);
  }
  await copyFile(path.join(EMBED_DIR, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
  await writeFile(path.join(dir, 'tsconfig.readme.json'), JSON.stringify({ extends: './tsconfig.json', files: names }));
  await run(path.join(BIN, 'tsc'), ['--noEmit', '--strict', '-p', 'tsconfig.readme.json'], { cwd: dir });
});

test('no path of the machine that built it in the package (grep -a)', async () => {
  await assertBuilt();
  const files = (await packedFiles()).map((f) => path.join(PKG_DIR, f));
  const cargoHome = process.env.CARGO_HOME ?? path.join(os.homedir(), '.cargo');
  const fixed = [REPO_ROOT, os.homedir(), cargoHome, process.env.CARGO_TARGET_DIR].filter(Boolean);
  // Any home directory, and the absolute paths of this machine.
  const found = [];
  for (const args of [['-E', '(/home/|/Users/|/root/|[A-Z]:\\\\Users\\\\)[[:graph:]]*'], ...fixed.map((p) => ['-F', p])]) {
    const out = spawnSync('grep', ['-a', '-o', ...args, ...files], { encoding: 'latin1' });
    assert.ok(out.status === 0 || out.status === 1, `grep failed: ${out.stderr}`);
    found.push(...out.stdout.split('\n').filter(Boolean));
  }
  assert.deepEqual([...new Set(found)], [], 'build paths in the package');
});

test('the engine runs in Node too, as engines.node says (init() given the .wasm bytes)', async () => {
  await assertBuilt();
  const api = await import(pathToFileURL(path.join(PKG_DIR, 'index.js')).href);
  await api.init(await readFile(path.join(PKG_DIR, 'swanilai_bg.wasm')));
  const set = api.loadSet(await readFile(path.join(PKG_DIR, 'sets', 'spbe-2020.json'), 'utf8'));
  assert.ok(!Array.isArray(set), JSON.stringify(set));
  assert.equal(set.score(set.newAssessment()).overall.shown, 0);
});

test('set.check in Node: what blocks submitting, each finding naming its indicator', async () => {
  await assertBuilt();
  const api = await import(pathToFileURL(path.join(PKG_DIR, 'index.js')).href);
  await api.init(await readFile(path.join(PKG_DIR, 'swanilai_bg.wasm')));
  const set = api.loadSet(await readFile(path.join(PKG_DIR, 'sets', 'spbe-2020.json'), 'utf8'));
  const a = set.newAssessment();
  a.answers['spbe-01'] = { value: 3, notes: 'Perbup 12/2024' };
  const c = set.check(a);
  assert.equal(c.ready, false);
  assert.equal(c.answered, 1);
  assert.equal(c.total, 47);
  const [unanswered] = c.findings;
  assert.deepEqual(
    { kind: unanswered.kind, severity: unanswered.severity, indicator: unanswered.indicator, number: unanswered.number },
    { kind: 'unanswered', severity: 'error', indicator: 'spbe-02', number: 2 },
  );
  assert.match(unanswered.message.id, /^Indikator 2 \(/);
  assert.equal(c.findings.length, 46);
});

test('a link that is not a web address is kept in the notes as text and flagged, in Node', async () => {
  await assertBuilt();
  const api = await import(pathToFileURL(path.join(PKG_DIR, 'index.js')).href);
  await api.init(await readFile(path.join(PKG_DIR, 'swanilai_bg.wasm')));
  const set = api.loadSet(await readFile(path.join(PKG_DIR, 'sets', 'spbe-2020.json'), 'utf8'));
  const a = set.newAssessment();
  a.answers['spbe-01'] = {
    value: 3,
    notes: 'Perbup 12',
    links: ['www.banjarkab.go.id/perbup.pdf', 'https://jdih.banjarkab.go.id/p12.pdf'],
  };
  const flagged = set.validate(a).filter((p) => p.code === 'link-not-web');
  assert.deepEqual(
    flagged.map((p) => p.path),
    ['answers.spbe-01.links[0]'],
  );
  assert.match(flagged[0].message.en, /kept in the notes as text/);
  // Every reading does the same: the check finds no link to fix, the CSV has it with the notes.
  assert.equal(set.check(a).findings.filter((f) => f.kind === 'link_not_http').length, 0);
  const carried = set.carryForward(a, set.newAssessment()).assessment.answers['spbe-01'];
  assert.equal(carried.notes, 'Perbup 12\nwww.banjarkab.go.id/perbup.pdf');
  assert.deepEqual(carried.links, ['https://jdih.banjarkab.go.id/p12.pdf']);
});
