// (b) A tiny Vite app (tests/embed/vite-app/) that installs the packed package (`npm pack`,
// then `npm install` of the tarball, offline) and builds with `vite build`. Its dist/ is
// served under the strict CSP: both the mount() widget and the custom element render and
// fire `score` on an answer; Vite found every file the package loads through
// `new URL(..., import.meta.url)` (the .wasm, the stylesheet, the built-in sets) and
// copied it into dist/assets; nothing leaves the origin. Then the same app on Vite's dev
// server, with the configuration docs/EMBEDDING.md gives (tests/embed/vite-app/vite.config.js).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { assertClean, launchBrowser, openPage, REPO_ROOT, screenshot, startServer } from './helpers.mjs';
import {
  answerOneAndExpectScore,
  assertNoCspReports,
  BIN,
  EMBED_DIR,
  fetchedUrls,
  listFiles,
  packPackage,
  run,
  tempDir,
  waitForWidget,
} from './embed-helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** A copy of tests/embed/vite-app/ with the packed package installed. */
async function installApp(t) {
  const app = await tempDir(t, 'vite-app');
  await cp(path.join(EMBED_DIR, 'vite-app'), app, { recursive: true });
  await rename(await packPackage(app), path.join(app, 'swanilai.tgz'));
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: app });
  const installed = JSON.parse(await readFile(path.join(app, 'node_modules', 'swanilai', 'package.json'), 'utf8'));
  t.diagnostic(`installed swanilai ${installed.version} from the tarball`);
  return app;
}

test('a Vite app installs the packed package, builds, and the widget works', { timeout: 240_000 }, async (t) => {
  const app = await installApp(t);
  // The repository's Vite (a devDependency), run in the app as `vite build` would be.
  const log = await run(path.join(BIN, 'vite'), ['build', '--logLevel', 'warn'], { cwd: app });
  if (log.trim()) t.diagnostic(`vite build:\n${log}`);

  const dist = path.join(app, 'dist');
  const files = await listFiles(dist);
  t.diagnostic(`dist: ${files.join(', ')}`);
  for (const want of [
    /^assets\/swanilai_bg-.*\.wasm$/,
    /^assets\/swanilai-.*\.css$/,
    /^assets\/pemdi-2026-.*\.json$/,
    /^assets\/spbe-2020-.*\.json$/,
    /^assets\/smart-city-evaluasi-.*\.json$/,
    /^assets\/gm100sc-kesiapan-.*\.json$/,
  ]) {
    assert.ok(
      files.some((f) => want.test(f)),
      `vite copied a file matching ${want}: ${files.join(', ')}`,
    );
  }

  const server = await startServer({ root: dist, port: 0, csp: true });
  t.after(() => server.close());
  const { page, record, close } = await openPage(browser, server.url);
  try {
    await waitForWidget(page, record, '#penilaian');
    await waitForWidget(page, record, 'swanilai-assessment');
    const a = await answerOneAndExpectScore(page, '#penilaian');
    const b = await answerOneAndExpectScore(page, 'swanilai-assessment');
    t.diagnostic(`score events: ${JSON.stringify(a.overall.shown)} (mount), ${JSON.stringify(b.overall.shown)} (element)`);

    const wasm = (await fetchedUrls(page)).filter((u) => u.endsWith('.wasm'));
    assert.equal(wasm.length, 1, `one .wasm request for both widgets: ${wasm.join(', ')}`);
    assert.match(wasm[0], new RegExp(`^${server.origin}/assets/swanilai_bg-.*\\.wasm$`));
    await assertNoCspReports(server, page);
    assertClean(record);
  } finally {
    await screenshot(page, 'embed-vite.png').catch(() => {});
    await close();
  }
});

test("the app on Vite's dev server, with no configuration: both widgets work", { timeout: 240_000 }, async (t) => {
  const app = await installApp(t);
  const vite = JSON.parse(await readFile(path.join(REPO_ROOT, 'node_modules', 'vite', 'package.json'), 'utf8'));
  // The repository's Vite (a devDependency), as `npx vite` in the app would start it; no
  // vite.config.js in the app, and none looked for.
  const { createServer } = await import('vite');
  const dev = await createServer({ root: app, configFile: false, logLevel: 'warn', server: { host: '127.0.0.1', port: 0 } });
  await dev.listen();
  t.after(() => dev.close());
  const url = dev.resolvedUrls.local[0];
  t.diagnostic(`vite ${vite.version} dev server at ${url}`);
  const { page, record, close } = await openPage(browser, url);
  try {
    await waitForWidget(page, record, '#penilaian');
    await waitForWidget(page, record, 'swanilai-assessment');
    await answerOneAndExpectScore(page, '#penilaian');
    await answerOneAndExpectScore(page, 'swanilai-assessment');
    const urls = await fetchedUrls(page);
    // Pre-bundled, as Vite does with every dependency by default...
    assert.ok(
      urls.some((u) => u.startsWith(new URL('/node_modules/.vite/deps/swanilai', url).href)),
      `swanilai pre-bundled:\n${urls.join('\n')}`,
    );
    // ... and the files it loads still found beside the package.
    const wasm = urls.filter((u) => u.endsWith('.wasm'));
    assert.deepEqual(wasm, [new URL('/node_modules/swanilai/swanilai_bg.wasm', url).href], 'the .wasm from beside the package');
    assertClean(record);
  } finally {
    await close();
  }
});
