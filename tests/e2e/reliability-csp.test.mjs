// Strict Content-Security-Policy: every demo page, served with
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
// (scripts/serve.mjs --csp), loads, shows a working widget and is used (answer, switch tab and
// language, export JSON and CSV, import a file) with zero violation reports and no console
// error. And the sources never reach for what such a policy forbids: no innerHTML-style HTML
// parsing, no eval or Function(), no inline style attributes, inline scripts or handlers.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CSP_REPORT_PATH, launchBrowser, REPO_ROOT, startServer, WWW_ROOT } from './helpers.mjs';
import { downloadJson, importText, open, ready } from './reliability-helpers.mjs';

/** Every demo page; `widget` says whether it embeds one. */
const PAGES = [
  { file: 'index.html', widget: true },
  { file: 'gm100sc-kesiapan.html', widget: true },
  { file: 'smart-city-evaluasi.html', widget: true },
  { file: 'pemdi-2026.html', widget: true },
  { file: 'spbe-2020.html', widget: true },
  { file: 'embed.html', widget: false },
];

let server;
let browser;

before(async () => {
  server = await startServer({ root: WWW_ROOT, port: 0, csp: true });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function reports() {
  const res = await fetch(new URL(CSP_REPORT_PATH, server.url));
  return res.json();
}

test('the demo pages list every page of www/', async () => {
  const html = (await readdir(WWW_ROOT)).filter((f) => f.endsWith('.html')).sort();
  assert.deepEqual(PAGES.map((p) => p.file).sort(), html);
});

for (const { file, widget } of PAGES) {
  test(`${file} works under the strict CSP with zero violation reports`, { timeout: 120_000 }, async () => {
    await fetch(new URL(CSP_REPORT_PATH, server.url), { method: 'DELETE' });
    const { page, record, close } = await open(browser, server.url, file);
    try {
      const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
      assert.match(csp ?? '', /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/, 'served with the strict policy');
      if (widget) {
        await ready(page);
        // Answer the first indicator of the first two tabs, whatever its kind.
        for (const tab of [0, 1]) {
          await page.locator(`[data-tab="${tab}"]`).first().click();
          const first = page.locator('#swn-panel [data-f="pick"], #swn-panel [data-f="num"]').first();
          const type = await first.evaluate((el) => `${el.tagName}:${el.getAttribute('type') ?? ''}`);
          if (type === 'INPUT:radio') await first.check();
          else if (type.startsWith('SELECT')) await first.selectOption({ index: 1 });
          else await first.fill('1');
        }
        await page.locator('[data-f="notes"]').first().fill('Catatan <b>bukan</b> HTML');
        const overall = await page.locator('[data-swn="overall"]').first().textContent();
        assert.match(overall ?? '', /^\d+([.,]\d+)?$/, 'a score is shown');
        await page.locator('[data-act="lang"]').first().click();
        await page.locator('[data-act="lang"]').first().click();
        const exported = await downloadJson(page);
        const [csv] = await Promise.all([
          page.waitForEvent('download', { timeout: 15_000 }),
          page.locator('[data-act="export-csv"]').first().click(),
        ]);
        assert.ok(csv.suggestedFilename().endsWith('.csv'));
        await importText(page, 'kembali.json', exported);
        await page.locator('[data-swn="import"] [data-integrity="intact"]').first().waitFor({ timeout: 10_000 });
        await page.locator('[data-act="import-cancel"]').first().click();
      }
      // report-uri reports are POSTed at once; give the last ones a moment to land.
      await page.waitForTimeout(300);
      const got = await reports();
      assert.deepEqual(got, [], `CSP violation reports on ${file}:\n${JSON.stringify(got, null, 1)}`);
      assert.deepEqual([...record.pageErrors, ...record.consoleErrors], [], `console errors on ${file}`);
      assert.equal(record.dialogs, 0);
    } finally {
      await close();
    }
  });
}

/** Files under `dir` (recursively) whose names end with one of `exts`. */
async function sources(dir, exts) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await sources(p, exts)));
    else if (exts.some((x) => e.name.endsWith(x))) out.push(p);
  }
  return out;
}

// What a strict policy blocks, or what would let markup or code in through text.
const FORBIDDEN = [
  [
    /\binnerHTML\b|\bouterHTML\b|insertAdjacentHTML|set_inner_html|set_outer_html|createContextualFragment|DOMParser/,
    'HTML parsed from a string',
  ],
  [/(^|[^\w.])eval\s*\(|new\s+Function\s*\(|\bFunction\s*\(\s*['"`]/, 'eval or Function()'],
  [/document\.write(ln)?\s*\(/, 'document.write'],
  [
    /setAttribute\(\s*['"]style['"]|set_attribute\(\s*"style"|\(\s*"style"\s*,|\.style\.cssText|set_css_text/,
    'an inline style attribute set from a string',
  ],
  [/set(Timeout|Interval)\(\s*['"`]/, 'a timer given code as a string'],
];

test('no source file parses HTML from strings, evals code or sets inline styles', async () => {
  const files = [
    ...(await sources(path.join(REPO_ROOT, 'src'), ['.rs'])),
    ...(await sources(path.join(REPO_ROOT, 'js'), ['.js', '.mjs', '.ts'])),
    ...(await sources(WWW_ROOT, ['.js', '.mjs', '.html'])), // www/pkg/ too, when built
  ];
  assert.ok(files.length > 20, `found only ${files.length} source files`);
  const hits = [];
  for (const f of files) {
    const lines = (await readFile(f, 'utf8')).split('\n');
    lines.forEach((line, n) => {
      for (const [re, what] of FORBIDDEN) {
        if (re.test(line)) hits.push(`${path.relative(REPO_ROOT, f)}:${n + 1}: ${what}: ${line.trim()}`);
      }
    });
  }
  assert.deepEqual(hits, [], `forbidden constructs:\n${hits.join('\n')}`);
});

test('the demo HTML has no inline script, inline style or event-handler attribute', async () => {
  const hits = [];
  for (const f of await sources(WWW_ROOT, ['.html'])) {
    const html = await readFile(f, 'utf8');
    for (const [re, what] of [
      [/<script(?![^>]*\bsrc=)[^>]*>/gi, 'inline <script>'],
      [/<style[\s>]/gi, 'inline <style>'],
      [/<[a-z][^>]*\sstyle\s*=/gi, 'style attribute'],
      [/<[a-z][^>]*\son[a-z]+\s*=/gi, 'event-handler attribute'],
      [/javascript:/gi, 'javascript: URL'],
    ]) {
      for (const m of html.matchAll(re)) hits.push(`${path.relative(REPO_ROOT, f)}: ${what}: ${m[0]}`);
    }
  }
  assert.deepEqual(hits, []);
});
