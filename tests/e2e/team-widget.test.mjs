// Team work in the widget, as four people do it in four browsers: the coordinator lists three
// units, assigns indicators with a target and a due date and hands out three share files; each
// unit opens its file on its own page, sees whose share it is, fills its indicators through the
// form and exports it; the coordinator takes all three back at once, gets the union, and
// resolves the one planted conflict (Diskominfo also changed Bappeda's indicator) through the
// review, where nothing changed until it chose. Then the refusals (another set, another region,
// a damaged file, each named), removing a unit that holds assignments, and axe-core on the
// open panel at phone and laptop sizes in both languages.
// The merge rules themselves are the core's (tests/vectors/merge-*.json, tests/team_view.rs).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  assertFocusVisible,
  axeCheck,
  card,
  download,
  focused,
  formatViolations,
  horizontalOverflow,
  launchBrowser,
  openTab,
  openWidget,
  pressUntil,
  readSet,
  REPO_ROOT,
  screenshot,
  startServer,
  widgetAssessment,
  WWW_ROOT,
} from './helpers.mjs';

let server;
let browser;
let url;

before(async () => {
  server = await startServer({ root: WWW_ROOT, port: 0 });
  browser = await launchBrowser();
  url = new URL('pemdi-2026.html', server.url).href;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const UNITS = [
  { id: 'bappeda', name: 'Bappeda', indicator: 'pemdi-01', group: '0', level: '3' },
  { id: 'bkpsdm', name: 'BKPSDM', indicator: 'pemdi-02', group: '0', level: '2' },
  { id: 'diskominfo', name: 'Diskominfo', indicator: 'pemdi-03', group: '1', level: '4' },
];

const team = (page) => page.locator('[data-swn="team"]');
const field = (page, what, ind) => page.locator(`[data-team="${what}"][data-ind="${ind}"]`);

/** Opens the team panel and adds the units by name (the second with Enter). */
async function addUnits(page, names) {
  await page.locator('[data-act="team"]').click();
  await team(page).waitFor();
  for (const [k, name] of names.entries()) {
    await page.locator('[data-team="new-unit"]').fill(name);
    if (k === 1) await page.locator('[data-team="new-unit"]').press('Enter');
    else await page.locator('[data-act="unit-add"]').click();
    await page.locator(`[data-team="unit-name"][value="${name}"]`).waitFor();
  }
}

/** Hands `text` to the returned-shares field as several files at once. */
async function chooseShares(page, files) {
  await page
    .locator('input[data-act="share-import"]')
    .setInputFiles(files.map(({ name, text }) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') })));
  await page.locator('#swn-review-h').waitFor();
}

/** A coordinator's page with the units listed and one indicator each assigned. */
async function coordinator() {
  const opened = await openWidget(browser, url);
  const { page } = opened;
  await page.locator('[data-region="assessor"]').fill('Koordinator Pemdi');
  await addUnits(
    page,
    UNITS.map((u) => u.name),
  );
  for (const u of UNITS) {
    // The list shows one group (the set's Aspek) at a time.
    await page.locator('[data-team="group"]').selectOption(u.group);
    await field(page, 'asg-unit', u.indicator).selectOption(u.id);
    await field(page, 'asg-target', u.indicator).selectOption(u.level);
    await field(page, 'asg-due', u.indicator).fill('2026-06-30');
  }
  await page.locator('[data-team="group"]').selectOption('0');
  return opened;
}

test('four browsers: three shares handed out, filled, taken back at once, one conflict chosen', { timeout: 180_000 }, async () => {
  const boss = await coordinator();
  const page = boss.page;
  // An evidence item of Bappeda's indicator held by BKPSDM.
  const row = page.locator('fieldset.swn-asg[data-ind="pemdi-01"]');
  await row.locator('summary').click();
  await row.locator('[data-team="asg-item"][data-item="l2-perencanaan"]').selectOption('bkpsdm');
  let a = await widgetAssessment(page);
  assert.deepEqual(
    a.units.map((u) => u.id),
    UNITS.map((u) => u.id),
  );
  assert.deepEqual(a.assignments['pemdi-01'], {
    unit: 'bappeda',
    target: 3,
    due: '2026-06-30',
    items: { 'l2-perencanaan': 'bkpsdm' },
  });
  const progress = page.locator('[data-team-part="progress"]');
  assert.equal(await progress.locator('tr[data-unit="bappeda"] [data-col="answered"]').textContent(), '0/1');
  // BKPSDM holds its indicator's items and the one of Bappeda's it was handed.
  assert.equal(await progress.locator('tr[data-unit="bkpsdm"] [data-col="ready"]').textContent(), `0/${(await itemsOf('pemdi-02')) + 1}`);

  // Three shares, under neutral, readable names.
  const shares = [];
  for (const u of UNITS) {
    const file = await download(page, page.locator(`[data-act="share-export"][data-unit="${u.id}"]`));
    assert.equal(file.filename, `pemdi-2026-${u.id}-bagian.json`);
    const content = JSON.parse(file.text).content.assessment;
    assert.deepEqual(Object.keys(content.assignments), [u.indicator]);
    assert.equal(content.share.assignedBy, 'Koordinator Pemdi');
    shares.push({ unit: u, ...file });
  }

  // Each unit in its own browser context: open its share, fill its indicator, export.
  const returned = await Promise.all(
    shares.map(async ({ unit, filename, text }) => {
      const { page: p, close } = await openWidget(browser, url);
      try {
        await p
          .locator('input[data-act="import"]')
          .setInputFiles({ name: filename, mimeType: 'application/json', buffer: Buffer.from(text) });
        await p.locator('[data-act="import-confirm"]').click();
        const banner = p.locator('[data-swn="share"]');
        await banner.waitFor();
        const said = await banner.locator('.swn-share-text').textContent();
        assert.ok(said.includes(`unit ${unit.name}`) && said.includes('Kabupaten Banjar') && said.includes('Koordinator Pemdi'), said);
        if (unit.id === 'bkpsdm') {
          // On a unit's page the panel shows progress only: units and assignments are the
          // coordinator's, and nothing is handed out from here.
          await p.locator('[data-act="team"]').click();
          await team(p).waitFor();
          assert.match(await team(p).textContent(), /Ini bagian sebuah unit/);
          const coordinatorOnly =
            '[data-team="new-unit"], [data-team="asg-unit"], [data-act="share-export"], input[data-act="share-import"]';
          assert.equal(await team(p).locator(coordinatorOnly).count(), 0);
          assert.equal(await team(p).locator('tr[data-unit="bkpsdm"] [data-col="answered"]').textContent(), '0/1');
        }
        // Its indicators are listed; the link goes to the card.
        await banner.locator('[data-act="goto"]').first().click();
        await card(p, unit.indicator).locator(`input[data-f="pick"][value="${unit.level}"]`).check();
        if (unit.id === 'diskominfo') {
          // The planted conflict: Bappeda's indicator, changed by Diskominfo too.
          await openTab(p, 0);
          await card(p, 'pemdi-01').locator('input[data-f="pick"][value="1"]').check();
        }
        const back = await download(p, banner.locator('[data-act="share-export"]'));
        assert.equal(back.filename, filename, 'the unit sends it back under its own name');
        return { name: back.filename, text: back.text };
      } finally {
        await close();
      }
    }),
  );

  // The coordinator takes all three back at once.
  await chooseShares(page, returned);
  const review = page.locator('[data-team-part="review"]');
  assert.match(await review.locator('[data-team="accepted"]').textContent(), /^2 perubahan/);
  const conflict = review.locator('fieldset.swn-conflict');
  assert.equal(await conflict.count(), 1);
  assert.equal(await conflict.getAttribute('data-ind'), 'pemdi-01');
  const sides = await conflict.locator('.swn-choice').allTextContents();
  assert.equal(sides.length, 3, sides.join(' | '));
  assert.ok(sides[0].startsWith('Tetap seperti sekarang'), sides[0]);
  assert.ok(sides[1].includes('pemdi-2026-bappeda-bagian.json') && sides[1].includes('Bappeda'), sides[1]);
  assert.ok(sides[2].includes('pemdi-2026-diskominfo-bagian.json') && sides[2].includes('Diskominfo'), sides[2]);
  assert.match(await conflict.locator('legend').textContent(), /^1\. /);

  // Nothing is overwritten until the conflict is chosen.
  await review.locator('[data-act="merge-apply"]').click();
  assert.match(await page.locator('[data-team="msg"]').textContent(), /Pilih satu sisi untuk 1 konflik/);
  a = await widgetAssessment(page);
  assert.deepEqual(a.answers, {});

  await conflict.locator('input[value="pemdi-2026-bappeda-bagian.json"]').check();
  assert.equal(await review.locator('[data-team="waiting"]').textContent(), '');
  await review.locator('[data-act="merge-apply"]').click();
  await page.locator('[data-team="msg"]:not([hidden])').waitFor();
  assert.match(await page.locator('[data-team="msg"]').textContent(), /^3 perubahan diterapkan/);
  a = await widgetAssessment(page);
  for (const u of UNITS) {
    assert.equal(a.answers[u.indicator].value, Number(u.level), u.indicator);
    assert.equal(a.changedBy[u.indicator].unit, u.id, `${u.indicator} changed by`);
    assert.match(a.changedBy[u.indicator].at, /^2026|^20\d\d-/);
  }
  // The form shows the union; the rows say who changed what.
  await openTab(page, 0);
  assert.ok(await card(page, 'pemdi-02').locator('input[data-f="pick"][value="2"]').isChecked());
  assert.match(await page.locator('fieldset.swn-asg[data-ind="pemdi-01"] .swn-changed').textContent(), /^Terakhir diubah oleh Bappeda, /);
  assert.equal(await progress.locator('tr[data-unit="bappeda"] [data-col="answered"]').textContent(), '1/1');
  await boss.close();
});

/** How many evidence items indicator `id` of Pemdi 2026 has. */
async function itemsOf(id) {
  const set = await readSet('pemdi-2026');
  const walk = (g) => [...(g.indicators ?? []), ...(g.children ?? []).flatMap(walk)];
  const ind = set.groups.flatMap(walk).find((i) => i.id === id);
  return ind.answer.levels.flatMap((l) => l.evidence ?? []).length;
}

test('returned files of another set, another region or damaged are refused, each named', { timeout: 90_000 }, async () => {
  const { page, close } = await coordinator();
  const made = await page.evaluate(async () => {
    const api = await import('./pkg/index.js');
    await api.default();
    const pemdi = await api.getSet('pemdi-2026');
    const spbe = await api.getSet('spbe-2020');
    const units = [{ id: 'bappeda', name: 'Bappeda' }];
    const region = { name: 'Kabupaten Banjar', code: '', period: '', assessor: 'X' };
    const spbeBase = { setId: 'spbe-2020', setVersion: spbe.version, region, units, assignments: { 'spbe-01': { unit: 'bappeda' } } };
    const otherRegion = {
      setId: 'pemdi-2026',
      setVersion: pemdi.version,
      region: { ...region, name: 'Kota Banjarmasin' },
      units,
      assignments: { 'pemdi-01': { unit: 'bappeda' } },
    };
    const at = '2026-03-01T08:00:00Z';
    return {
      otherSet: spbe.cutShare(spbeBase, 'bappeda', 'X', at),
      otherRegion: pemdi.cutShare(otherRegion, 'bappeda', 'X', at),
    };
  });
  const good = await download(page, page.locator('[data-act="share-export"][data-unit="bkpsdm"]'));
  const goodContent = JSON.parse(good.text);
  goodContent.content.assessment.answers['pemdi-02'] = { value: 2 };
  const damaged = JSON.stringify(goodContent); // changed after export: its SHA-256 no longer fits
  const before = await widgetAssessment(page);
  await chooseShares(page, [
    { name: 'spbe-bappeda.json', text: made.otherSet },
    { name: 'banjarmasin-bappeda.json', text: made.otherRegion },
    { name: 'bkpsdm-rusak.json', text: damaged },
  ]);
  const review = page.locator('[data-team-part="review"]');
  for (const [file, why] of [
    ['spbe-bappeda.json', /set “spbe-2020”, bukan “pemdi-2026”/],
    ['banjarmasin-bappeda.json', /Kota Banjarmasin/],
    ['bkpsdm-rusak.json', /bkpsdm-rusak\.json/],
  ]) {
    const box = review.locator(`.swn-refused[data-file="${file}"]`);
    const text = await box.textContent();
    assert.ok(text.startsWith(file) && text.includes('Ditolak'), text);
    assert.match(text, why);
    for (const li of await box.locator('li').allTextContents()) assert.ok(li.includes(file), li);
  }
  assert.equal(await review.locator('[data-act="merge-apply"]').count(), 0, 'nothing to apply');
  assert.deepEqual(await widgetAssessment(page), before, 'nothing changed');
  await review.locator('[data-act="merge-cancel"]').click();
  assert.equal(await page.locator('#swn-review-h').count(), 0);
  await close();
});

test('a returned share opened with the ordinary import warns the coordinator before anything changes', { timeout: 90_000 }, async () => {
  const { page, close } = await coordinator();
  const file = await download(page, page.locator('[data-act="share-export"][data-unit="bappeda"]'));
  const before = await widgetAssessment(page);
  await page
    .locator('input[data-act="import"]')
    .setInputFiles({ name: file.filename, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  const notice = page.locator('[data-swn="import"]');
  await notice.waitFor();
  const said = await notice.textContent();
  assert.match(said, /bagian unit .bappeda. yang dikembalikan/);
  assert.match(said, /Impor bagian yang kembali/);
  await page.locator('[data-act="import-cancel"]').click();
  assert.deepEqual(await widgetAssessment(page), before, 'nothing changed');
  await close();
});

test('removing a unit that holds assignments asks first; a taken name is refused', { timeout: 60_000 }, async () => {
  const { page, close } = await coordinator();
  let asked = '';
  page.once('dialog', async (d) => {
    asked = d.message();
    await d.dismiss();
  });
  await page.locator('[data-act="unit-remove"][data-unit="bappeda"]').click();
  assert.match(asked, /Unit Bappeda memegang 1 penugasan/);
  assert.equal((await widgetAssessment(page)).units.length, 3, 'kept when the official says no');
  page.once('dialog', (d) => d.accept());
  await page.locator('[data-act="unit-remove"][data-unit="bappeda"]').click();
  await page.locator('[data-act="unit-remove"][data-unit="bappeda"]').waitFor({ state: 'detached' });
  const a = await widgetAssessment(page);
  assert.deepEqual(a.assignments['pemdi-01'], { target: 3, due: '2026-06-30' });
  assert.equal(await field(page, 'asg-unit', 'pemdi-01').inputValue(), '');
  // A unit with no assignments goes without asking.
  await page.locator('[data-team="new-unit"]').fill('BPKAD');
  await page.locator('[data-act="unit-add"]').click();
  await page.locator('[data-act="unit-remove"][data-unit="bpkad"]').click();
  await page.locator('[data-act="unit-remove"][data-unit="bpkad"]').waitFor({ state: 'detached' });
  // Renaming to a taken name keeps what was typed and says why.
  const name = page.locator('[data-team="unit-name"][data-unit="bkpsdm"]');
  await name.fill('diskominfo');
  await name.press('Tab');
  assert.match(await page.locator('[data-team="msg"]').textContent(), /Sudah ada unit bernama diskominfo/);
  assert.equal(await name.inputValue(), 'diskominfo');
  assert.equal((await widgetAssessment(page)).units.find((u) => u.id === 'bkpsdm').name, 'BKPSDM');
  // A target due long ago and not reached is overdue, in its row and in its unit's progress.
  const late = page.locator('fieldset.swn-asg[data-ind="pemdi-02"] .swn-late-badge');
  const overdue = page.locator('[data-team-part="progress"] tr[data-unit="bkpsdm"] [data-col="overdue"]');
  await field(page, 'asg-due', 'pemdi-02').fill('2000-01-01');
  await late.waitFor();
  assert.equal(await overdue.textContent(), '1');
  await field(page, 'asg-due', 'pemdi-02').fill('2999-12-31');
  await late.waitFor({ state: 'detached' });
  assert.equal(await overdue.textContent(), '0');
  await close();
});

test('the team styles name classes of their own: nothing else in the widget takes them', async () => {
  const css = await readFile(path.join(REPO_ROOT, 'js', 'swanilai.css'), 'utf8');
  const at = css.indexOf('/* Team work (src/web/widget/render/team.rs)');
  assert.ok(at > 0, 'the team block is marked in js/swanilai.css');
  const classes = (text) => new Set([...text.matchAll(/\.(swn-[a-z0-9-]+)/g)].map((m) => m[1]));
  const before = classes(css.slice(0, at));
  // Shared on purpose: the buttons, the muted description and the table look.
  const shared = new Set(['swn-btn', 'swn-desc', 'swn-table', 'swn-file', 'swn-primary', 'swn-small', 'swn-link']);
  const clash = [...classes(css.slice(at))].filter((c) => before.has(c) && !shared.has(c));
  assert.deepEqual(clash, [], 'team rules restyling classes the rest of the widget uses');
});

test('the first screen has no team panel; it is drawn when opened', { timeout: 60_000 }, async () => {
  const { page, close } = await openWidget(browser, url);
  assert.equal(await page.locator('[data-swn="team"]').count(), 0);
  assert.equal(await page.locator('[data-team]').count(), 0);
  const button = page.locator('[data-act="team"]');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  await button.focus();
  await page.keyboard.press('Enter');
  await team(page).waitFor();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  await button.click();
  assert.equal(await page.locator('[data-swn="team"]').count(), 0);
  await close();
});

test('keyboard only: open the panel, add a unit, assign it, hand its share out', { timeout: 90_000 }, async () => {
  const { page, close } = await openWidget(browser, url);
  await page.locator('[data-act="team"]').focus();
  await page.keyboard.press('Enter');
  await team(page).waitFor();
  assert.equal((await focused(page)).attrs.id, 'swn-team-h', 'focus moves to the panel');
  const f = await pressUntil(page, 'Tab', (x) => x.attrs['data-team'] === 'new-unit', { label: 'the new unit field', max: 5 });
  assertFocusVisible(f);
  await page.keyboard.type('Bappeda');
  await page.keyboard.press('Enter');
  await page.locator('[data-team="unit-name"][data-unit="bappeda"]').waitFor();
  assert.equal((await focused(page)).attrs['data-team'], 'new-unit', 'focus stays to add the next');
  // To the first indicator's unit, through the progress table and the hand-out buttons.
  await pressUntil(page, 'Tab', (x) => x.attrs['data-team'] === 'asg-unit', { label: "the first row's unit" });
  await page.keyboard.press('ArrowDown'); // "Belum ditugaskan" -> Bappeda
  await page.keyboard.press('Tab'); // the change lands when the field is left
  assert.equal((await widgetAssessment(page)).assignments['pemdi-01'].unit, 'bappeda');
  await pressUntil(page, 'Shift+Tab', (x) => x.attrs['data-act'] === 'share-export', { label: "Bappeda's share button" });
  const [dl] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(dl.suggestedFilename(), 'pemdi-2026-bappeda-bagian.json');
  await close();
});

for (const [width, height] of [
  [360, 740],
  [1366, 768],
]) {
  test(`the open team panel with a conflict at ${width}x${height}: no axe violations in either language, fits`, {
    timeout: 120_000,
  }, async () => {
    const { page, close } = await coordinator();
    await page.setViewportSize({ width, height });
    // A conflict to show: two shares changing BKPSDM's indicator differently.
    const one = await download(page, page.locator('[data-act="share-export"][data-unit="bkpsdm"]'));
    const two = await download(page, page.locator('[data-act="share-export"][data-unit="diskominfo"]'));
    // Returned as bare assessments (a file without a SHA-256 is taken as unchecked).
    const edit = (text, ind, value) => {
      const a = JSON.parse(text).content.assessment;
      a.answers[ind] = { value };
      a.updatedAt = '2026-03-05T09:00:00Z';
      return JSON.stringify(a);
    };
    await chooseShares(page, [
      { name: one.filename, text: await edit(one.text, 'pemdi-02', 2) },
      { name: two.filename, text: await edit(two.text, 'pemdi-02', 3) },
    ]);
    await page.locator('fieldset.swn-conflict').first().waitFor();
    for (const lang of ['id', 'en']) {
      if (lang === 'en') {
        await page.locator('[data-act="lang"]').click();
        await page.locator('[data-swn="team"] h3', { hasText: 'Team work' }).waitFor();
      }
      const { violations, shadowChecked } = await axeCheck(page);
      assert.equal(violations.length, 0, `axe-core, ${lang} at ${width}px:\n  ${formatViolations(violations)}`);
      assert.ok(shadowChecked > 200, `axe-core looked into the widget (${shadowChecked} checks)`);
      await screenshot(page, `team-${lang}-${width}.png`);
      const o = await horizontalOverflow(page);
      assert.deepEqual(o.offenders, [], `${lang} at ${width}px: sticks out`);
    }
    await close();
  });
}
