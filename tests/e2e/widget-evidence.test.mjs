// The evidence side of the widget on the Pemdi demo page: the framework's own words (Indeks
// Pemdi, Aspek), an official marking data dukung items on a card and watching the evidenced
// level and index follow, the index marked provisional while indicators are unanswered, the index as
// the data dukung carry it beside the claimed one, the "Siap diajukan?" check listing planted
// problems with each entry leading to its indicator, and advice that never offers an
// unanswered indicator as an improvement. Expected numbers and findings are the engine's,
// asked of the CLI for the same assessment. Printed to PDF, the result sheet takes at most two
// A4 pages and carries none of the host page's header, menu or footer (read back with
// pdftotext, from poppler-utils).

import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertClean,
  axeCheck,
  formatViolations,
  horizontalOverflow,
  describe,
  engineCheck,
  engineReport,
  focused,
  formatNumber,
  indicatorsOf,
  launchBrowser,
  openWidget,
  readSet,
  seedSave,
  startServer,
  swn,
  waitForSwn,
  WWW_ROOT,
} from './helpers.mjs';

let server;
let browser;

before(async () => {
  server = await startServer({ root: WWW_ROOT, port: 0 });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const ready = (links = ['https://jdih.banjarkab.go.id/dok.pdf']) => ({ status: 'siap', links });

/**
 * Answers saved on an earlier day: pemdi-01 and pemdi-02 unanswered, the rest at level 3,
 * with planted problems: pemdi-03 has levels 1-2 ready but not level 3 (a claim above the
 * evidence), pemdi-08 has an item
 * marked ready with nothing for the assessor to look at, pemdi-09 has everything up to
 * level 3 ready.
 */
function planted(set) {
  const answers = {};
  const inds = indicatorsOf(set);
  for (const ind of inds.slice(2)) answers[ind.id] = { value: 3 };
  const items = (id, upTo) =>
    inds
      .find((i) => i.id === id)
      .answer.levels.slice(0, upTo)
      .flatMap((l) => (l.evidence ?? []).filter((e) => e.required !== false).map((e) => e.id));
  answers['pemdi-03'].evidence = Object.fromEntries(items('pemdi-03', 2).map((id) => [id, ready()]));
  answers['pemdi-08'].evidence = { [items('pemdi-08', 1)[0]]: { status: 'siap' } };
  answers['pemdi-09'].evidence = Object.fromEntries(items('pemdi-09', 3).map((id) => [id, ready()]));
  return { setId: set.id, setVersion: set.version, region: { name: 'Kabupaten Banjar', period: '2026' }, answers };
}

test('Pemdi page: provisional index, claimed and evidenced index, the check leads to each indicator', { timeout: 120_000 }, async (t) => {
  const set = await readSet('pemdi-2026');
  const a = planted(set);
  const { page, record, close } = await openWidget(browser, `${server.url}pemdi-2026.html`, {
    contextOptions: { viewport: { width: 1280, height: 900 } },
  });
  try {
    await seedSave(page, set.id, a);
    const report = await engineReport(set, a);
    const d = set.scale.decimals;
    const text = (score) => formatNumber(score.shown, d, 'id');

    // The framework's words and the provisional mark.
    assert.equal((await page.locator('[data-swn="results"] .swn-overall-label').first().textContent()).trim(), 'Indeks Pemdi');
    assert.equal(await swn(page, 'overall'), text(report.overall));
    assert.equal(await swn(page, 'provisional'), 'Sementara: 18 dari 20 indikator dijawab');
    assert.ok(report.provisional, 'the engine calls it provisional too');
    // Claimed and evidenced, as the engine computes them; the evidence carries less.
    assert.equal(await swn(page, 'evidenced'), text(report.evidenced));
    assert.equal(await swn(page, 'evidenced-predicate'), report.evidenced.predicate?.label.id ?? '');
    assert.ok(report.evidenced.shown < report.overall.shown, 'planted: the evidence carries less than the claims');
    const header = await page.locator('[data-swn="results"] thead th').nth(1).textContent();
    assert.equal(header.trim(), 'Aspek', "the group column is named in the set's words");
    t.diagnostic(`claimed ${text(report.overall)}, evidenced ${text(report.evidenced)}`);

    // The check lists the engine's findings, one entry each, blocking ones first.
    const check = await engineCheck(set, a);
    const kinds = new Set(check.findings.map((f) => f.kind));
    // (A link that is not an http(s) address never reaches the check: reading moves it into
    // the notes, see widget-links.test.mjs.)
    for (const k of ['unanswered', 'claim_above_evidence', 'evidence_without_notes']) {
      assert.ok(kinds.has(k), `the planted assessment has a ${k} finding`);
    }
    const ordered = [...check.findings.filter((f) => f.severity === 'error'), ...check.findings.filter((f) => f.severity !== 'error')];
    const entries = page.locator('[data-swn="check"] li.swn-finding [data-act="goto"]');
    assert.equal(await entries.count(), ordered.length);
    assert.match(await swn(page, 'check-summary'), /^Belum siap diajukan: \d+ hal harus dibereskan\.$/);
    const texts = (await entries.allTextContents()).map((x) => x.trim());
    assert.deepEqual(
      texts,
      ordered.map((f) => f.message.id),
    );
    // Each entry leads to its indicator (and opens its tab); a long list is folded after its
    // first entries: open the fold.
    const fold = page.locator('[data-swn="check"] .swn-check-more');
    if ((await fold.count()) > 0) await fold.locator('summary').click();
    const inds = indicatorsOf(set);
    for (const [k, f] of ordered.entries()) {
      if (f.kind === 'unanswered' && f.number !== 1) continue;
      const goto = entries.nth(k);
      const i = await goto.getAttribute('data-i');
      assert.equal(Number(i), f.number - 1);
      await goto.click();
      const target = await focused(page);
      assert.equal(target?.attrs['data-i'], i, `${f.kind} ${f.indicator}: focus on its indicator, got ${describe(target)}`);
      assert.ok(await page.locator(`article.swn-ind[data-ind="${inds[f.number - 1].id}"]`).isVisible());
    }

    // Advice: the unanswered ones are a list of their own, never improvements.
    const improve = await page
      .locator('[data-swn="advice"] [data-list="improve"] [data-act="goto"]')
      .evaluateAll((b) => b.map((x) => Number(x.dataset.i)));
    const toAnswer = await page
      .locator('[data-swn="advice"] [data-list="answer"] [data-act="goto"]')
      .evaluateAll((b) => b.map((x) => Number(x.dataset.i)));
    assert.deepEqual(toAnswer, [0, 1]);
    assert.ok(improve.length > 0, 'some improvements are offered');
    for (const i of improve) assert.ok(!toAnswer.includes(i), `indicator ${i + 1} is unanswered yet offered as an improvement`);

    // Answering the last two ends the provisional mark; the index follows the engine.
    await page.locator('[role="tab"][data-tab="0"]').click();
    for (const id of ['pemdi-01', 'pemdi-02']) {
      await page.locator(`article.swn-ind[data-ind="${id}"] input[data-f="pick"][value="2"]`).check();
      a.answers[id] = { value: 2 };
    }
    const done = await engineReport(set, a);
    await waitForSwn(page, 'overall', text(done.overall));
    await waitForSwn(page, 'evidenced', text(done.evidenced));
    assert.equal(await page.locator('[data-swn="provisional"]').isHidden(), true);
    assert.equal(await page.locator('[data-swn="advice"] [data-list="answer"]').count(), 0);

    // English: the same in the set's English words.
    await page.locator('[data-act="lang"]').click();
    await page.locator('.swn[lang="en"]').waitFor();
    assert.equal((await page.locator('[data-swn="results"] .swn-overall-label').first().textContent()).trim(), 'Pemdi Index');
    assert.match(await swn(page, 'check-summary'), /^Not ready to submit: \d+ things? to fix\.$/);
    assertClean(record);
  } finally {
    await close();
  }
});

/** The text of each page of a PDF (pdftotext, from poppler-utils). */
async function pdfPages(pdf) {
  const dir = await mkdtemp(path.join(tmpdir(), 'swanilai-pdf-'));
  try {
    const file = path.join(dir, 'sheet.pdf');
    await writeFile(file, pdf);
    const { stdout } = await promisify(execFile)('pdftotext', ['-layout', file, '-']).catch((err) => {
      throw new Error(`pdftotext failed (apt-get install poppler-utils): ${err.message}`);
    });
    return stdout.split('\f').filter((p, k, all) => k < all.length - 1 || p.trim() !== '');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('Pemdi page printed to PDF: a sheet of at most two A4 pages to sign, no host page chrome', { timeout: 120_000 }, async (t) => {
  const set = await readSet('pemdi-2026');
  const a = planted(set);
  a.region = { name: 'Kabupaten Banjar', code: '63.03', period: '2026', assessor: 'Siti Rahmah, S.Kom.' };
  const { page, record, close } = await openWidget(browser, `${server.url}pemdi-2026.html`);
  try {
    await seedSave(page, set.id, a);
    const report = await engineReport(set, a);
    await page.emulateMedia({ media: 'print' });
    const pages = await pdfPages(await page.pdf({ format: 'A4' }));
    const all = pages.join('\n');
    const flat = (s) => s.replace(/\s+/g, ' ');
    t.diagnostic(`${pages.length} pages in all`);
    // The host page's header, menu, introduction and footer are not on paper.
    for (const chrome of [
      'Dinas Komunikasi',
      'Beranda: kesiapan smart city',
      'Langsung ke isi',
      'Contoh portal daerah',
      'Evaluasi mandiri Pemerintah Digital',
    ]) {
      assert.ok(!flat(all).includes(chrome), `the host page's "${chrome}" is printed`);
    }
    // The sheet: its first page starts it, its signature block ends it by page two.
    const sheetEnd = pages.findIndex((p) => p.includes('Mengetahui,'));
    assert.ok(sheetEnd >= 0 && sheetEnd <= 1, `the signature block is on page ${sheetEnd + 1}`);
    const sheet = flat(pages.slice(0, sheetEnd + 1).join(' '));
    const d = set.scale.decimals;
    for (const want of [
      'Lembar hasil evaluasi mandiri',
      'Kabupaten Banjar',
      '63.03',
      '2026',
      'Siti Rahmah, S.Kom.',
      'Tanggal cetak',
      `Indeks Pemdi (klaim) ${formatNumber(report.overall.shown, d, 'id')} ${report.overall.predicate.label.id}`,
      `Indeks Pemdi menurut data dukung ${formatNumber(report.evidenced.shown, d, 'id')} ${report.evidenced.predicate.label.id}`,
      'Sementara: 18 dari 20 indikator dijawab',
      'Aspek',
      'Penilai',
    ]) {
      assert.ok(sheet.includes(want), `the sheet says "${want}"`);
    }
    for (const ind of indicatorsOf(set)) {
      const words = ind.title.id.split(' ').slice(0, 3).join(' ');
      assert.ok(sheet.includes(words), `the sheet lists indicator ${ind.id} ("${words}")`);
    }
    // The annexes follow on later pages.
    assert.ok(pages.length > sheetEnd + 1, 'annexes after the sheet');
    assertClean(record);
  } finally {
    await close();
  }
});

test('an official marks data dukung items at 360 px: the evidenced level and index follow; axe finds nothing', {
  timeout: 120_000,
}, async () => {
  const set = await readSet('pemdi-2026');
  const a = planted(set);
  delete a.answers['pemdi-09'];
  const { page, record, close } = await openWidget(browser, `${server.url}pemdi-2026.html`, {
    contextOptions: { viewport: { width: 360, height: 800 } },
  });
  try {
    await seedSave(page, set.id, a);
    const d = set.scale.decimals;
    const text = (score) => formatNumber(score.shown, d, 'id');
    const ind = indicatorsOf(set).find((x) => x.id === 'pemdi-09');
    const group = set.groups.findIndex((g) => (g.indicators ?? []).some((x) => x.id === 'pemdi-09'));
    await page.locator(`[role="tab"][data-tab="${group}"]`).click();
    const c = page.locator('article.swn-ind[data-ind="pemdi-09"]');
    // Unanswered: no items shown, no levels line.
    assert.equal(await c.locator('.swn-item-level:visible').count(), 0);
    await c.locator('input[data-f="pick"][value="2"]').check();
    a.answers['pemdi-09'] = { value: 2, evidence: {} };
    // Levels 1 and 2 show their items; level 3's stay hidden.
    const shownLevels = await c.locator('.swn-item-level:visible').evaluateAll((e) => e.map((x) => x.dataset.itemLevel));
    assert.deepEqual(shownLevels, ['1', '2']);
    const line = c.locator('[data-levels]');
    assert.equal((await line.textContent()).trim(), 'Klaim: tingkat 2 · menurut data dukung: tingkat 0');
    let want = await engineReport(set, a);
    await waitForSwn(page, 'evidenced', text(want.evidenced));
    const steps = [...ind.answer.levels[0].evidence.map((e) => [e.id, 1]), ...ind.answer.levels[1].evidence.map((e) => [e.id, 2])];
    for (const [k, [item, level]] of steps.entries()) {
      const last = k === steps.length - 1 || steps[k + 1][1] !== level;
      await c.locator(`select[data-item="${item}"]`).selectOption('siap');
      a.answers['pemdi-09'].evidence[item] = { status: 'siap' };
      const ev = last ? level : level - 1;
      assert.equal((await line.textContent()).trim(), `Klaim: tingkat 2 · menurut data dukung: tingkat ${ev}`, `after ${item}`);
      want = await engineReport(set, a);
      await waitForSwn(page, 'evidenced', text(want.evidenced));
      assert.equal(want.indicators.find((x) => x.id === 'pemdi-09').evidencedLevel, ev, 'the engine agrees');
    }
    // A draft does not count: level 1 falls back to 0.
    await c.locator(`select[data-item="${steps[0][0]}"]`).selectOption('draf');
    assert.equal((await line.textContent()).trim(), 'Klaim: tingkat 2 · menurut data dukung: tingkat 0');
    const saved = (await page.evaluate(() => document.querySelector('swanilai-assessment').widget.assessment())).answers['pemdi-09'];
    assert.equal(saved.evidence[steps[0][0]].status, 'draf');
    assert.equal(saved.evidence[steps[1][0]].status, 'siap');
    // An item's own notes and links: a line that is not an http(s) address is never stored as
    // a link; it moves into the item's notes when the field is left.
    const first = steps[1][0];
    const more = c.locator(`details.swn-item-more:has(textarea[data-item="${first}"])`);
    await more.locator('summary').click();
    await c.locator(`textarea[data-f="item-notes"][data-item="${first}"]`).fill('SK Bupati No. 12/2026');
    const links = c.locator(`textarea[data-f="item-links"][data-item="${first}"]`);
    await links.fill('arsip/sk-12.pdf');
    const itemNow = async () =>
      (await page.evaluate(() => document.querySelector('swanilai-assessment').widget.assessment())).answers['pemdi-09'].evidence[first];
    assert.equal((await itemNow()).notes, 'SK Bupati No. 12/2026');
    assert.deepEqual((await itemNow()).links ?? [], []);
    await links.blur();
    await page.waitForFunction(
      (it) => document.querySelector('swanilai-assessment').widget.assessment().answers['pemdi-09'].evidence[it].notes.includes('arsip'),
      first,
    );
    assert.equal((await itemNow()).notes, 'SK Bupati No. 12/2026\narsip/sk-12.pdf');
    // Items, levels line, check and sheet-bearing results on screen: accessible, both languages.
    for (const lang of ['id', 'en']) {
      if (lang === 'en') {
        await page.locator('[data-act="lang"]').click();
        await page.locator('.swn[lang="en"]').waitFor();
      }
      const { violations } = await axeCheck(page);
      assert.equal(violations.length, 0, `axe-core (${lang}, 360 px):\n  ${formatViolations(violations)}`);
      const o = await horizontalOverflow(page);
      assert.ok(o.scrollWidth <= o.width, `${lang}: wider than 360 px: ${o.offenders.join(', ')}`);
    }
    assertClean(record);
  } finally {
    await close();
  }
});

test('an indicator taken from another agency: named on its card and in print, its result recorded', { timeout: 120_000 }, async () => {
  const set = await readSet('pemdi-2026');
  const { page, record, close } = await openWidget(browser, `${server.url}pemdi-2026.html`);
  try {
    const inds = indicatorsOf(set);
    const ind = inds.find((x) => x.id === 'pemdi-05');
    const group = set.groups.findIndex((g) => (g.indicators ?? []).some((x) => x.id === 'pemdi-05'));
    await page.locator(`[role="tab"][data-tab="${group}"]`).click();
    const c = page.locator('article.swn-ind[data-ind="pemdi-05"]');
    const from = (await c.locator('.swn-external-from').textContent()).trim();
    assert.ok(from.includes(ind.external.agency.id), `the card names the agency: ${from}`);
    await c.locator('[data-f="ext-result"]').fill('68,75');
    await c.locator('[data-f="ext-year"]').fill('2025');
    await c.locator('[data-f="ext-source"]').fill('https://satudata.go.id/evaluasi/2025');
    await c.locator('input[data-f="pick"][value="3"]').check();
    const a = await page.evaluate(() => document.querySelector('swanilai-assessment').widget.assessment());
    assert.deepEqual(a.answers['pemdi-05'].external, { result: 68.75, year: 2025, source: 'https://satudata.go.id/evaluasi/2025' });
    assert.equal(a.answers['pemdi-05'].value, 3);
    // The sheet's row says where the level comes from.
    const row = page.locator('[data-swn="sheet"] tbody tr').filter({ hasText: ind.title.id });
    assert.match(await row.first().textContent(), new RegExp(ind.external.agency.id.split(' ')[0]));
    // Clearing the level keeps the agency's result.
    await c.locator('[data-act="clear"]').click();
    assert.equal(await c.locator('[data-f="ext-result"]').inputValue(), '68,75');
    assertClean(record);
  } finally {
    await close();
  }
});
