// Finding the way (issue 20), on the SPBE demo page at 1366x768 and 360x740: the first
// question is in view without scrolling on a laptop; "next unanswered" walks the unanswered
// indicators in order and says when none is left; "back" returns to where the official
// followed an advice link from; a reload brings back the tab and the indicator she worked
// on; the notice area holds the newest file's notice only; a file without a hash is
// "unchecked", never "altered"; a level card shows the chosen level's criteria and the rest
// on request; axe-core finds nothing in either language at either size.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  axeCheck,
  chooseFile,
  formatViolations,
  horizontalOverflow,
  launchBrowser,
  openWidget,
  readSet,
  saveKey,
  seedSave,
  startServer,
  WWW_ROOT,
} from './helpers.mjs';

let server;
let browser;
let set;

before(async () => {
  server = await startServer({ root: WWW_ROOT, port: 0 });
  browser = await launchBrowser();
  set = await readSet('spbe-2020');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const LAPTOP = { viewport: { width: 1366, height: 768 } };
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const url = () => `${server.url}spbe-2020.html`;
const ids = () =>
  set.groups.flatMap(function walk(g) {
    return [...(g.indicators ?? []).map((i) => i.id), ...(g.children ?? []).flatMap(walk)];
  });

/** The indicator (document position) whose card holds the focused element, or null. */
const focusedIndicator = (page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const card = el?.closest?.('.swn-ind');
    return card ? Number(card.id.replace('swn-i-', '')) : null;
  });

const selectedTab = (page) => page.locator('[role="tab"][aria-selected="true"]').getAttribute('data-tab');

test('on a 1366x768 laptop the first question is in view without scrolling', async () => {
  const { page, close } = await openWidget(browser, url(), { contextOptions: LAPTOP });
  try {
    const radio = page.locator('#swn-i-0 input[data-f="pick"]').first();
    const box = await radio.boundingBox();
    assert.ok(box && box.y + box.height <= 768, `first radio at ${JSON.stringify(box)}, below the fold`);
    assert.equal(await page.evaluate(() => scrollY), 0);
    // One primary action; reset set apart from the file actions.
    assert.equal(await page.locator('.swn-toolbar .swn-primary').count(), 1);
    assert.equal(await page.locator('.swn-toolbar .swn-tools [data-act="reset"]').count(), 0);
  } finally {
    await close();
  }
});

test('Pemdi at 1366x768: the seven aspects are one row, the first question above the fold', async () => {
  const { page, close } = await openWidget(browser, `${server.url}pemdi-2026.html`, { contextOptions: LAPTOP });
  try {
    const box = await page.locator('#swn-i-0 input[data-f="pick"]').first().boundingBox();
    assert.ok(box && box.y + box.height <= 768, `first radio at ${JSON.stringify(box)}, below the fold`);
    const tabs = page.locator('[role="tab"]');
    assert.equal(await tabs.count(), 7);
    const tops = await tabs.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
    assert.equal(new Set(tops).size, 1, `tabs in one row, tops ${tops}`);
    // The row scrolls, not the page; "next group" brings its tab into the row's view.
    const inRow = (k) =>
      page.locator(`[data-tab="${k}"]`).evaluate((tab) => {
        const t = tab.getBoundingClientRect();
        const r = tab.parentElement.getBoundingClientRect();
        return t.left >= r.left - 1 && t.right <= r.right + 1;
      });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true);
    for (let k = 1; k < 7; k++) {
      await page.locator('[data-act="next-group"]').first().click();
      assert.equal(await selectedTab(page), String(k));
      assert.equal(await inRow(k), true, `tab ${k} in view in its row`);
    }
  } finally {
    await close();
  }
});

test('on a 360 px phone the toolbar is one row and nothing pushes the page sideways', async () => {
  const { page, close } = await openWidget(browser, url(), { contextOptions: PHONE });
  try {
    const tops = await page.locator('.swn-toolbar .swn-btn').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
    assert.equal(new Set(tops.map(Math.round)).size, 1, `toolbar rows: ${tops}`);
    const o = await horizontalOverflow(page);
    assert.ok(o.scrollWidth <= o.width && o.offenders.length === 0, o.offenders.join('\n'));
  } finally {
    await close();
  }
});

test('"next unanswered" reaches every unanswered indicator in order, then says none is left', async () => {
  const { page, close } = await openWidget(browser, url(), { contextOptions: LAPTOP });
  try {
    const all = ids();
    const open = [3, 12, 40]; // across three tabs
    const answers = Object.fromEntries(all.filter((_, k) => !open.includes(k)).map((id) => [id, { value: 2 }]));
    await seedSave(page, 'spbe-2020', { setId: 'spbe-2020', setVersion: set.version, answers }, 'Kabupaten Banjar');
    const next = page.locator('[data-act="next-unanswered"]');
    const visited = [];
    for (const _ of open) {
      await next.click();
      visited.push(await focusedIndicator(page));
    }
    assert.deepEqual(visited, open, 'visited in document order');
    await next.click();
    assert.equal(await focusedIndicator(page), open[0], 'wraps round to the first');
    // Answer each where "next" leads; then it says that none is left.
    await page.locator(`#swn-i-${open[0]} input[data-f="pick"][value="1"]`).check();
    for (const k of open.slice(1)) {
      await next.click();
      assert.equal(await focusedIndicator(page), k);
      await page.locator(`#swn-i-${k} input[data-f="pick"][value="1"]`).check();
    }
    await next.click();
    assert.match(await page.locator('[data-nav-msg]').innerText(), /Semua indikator sudah dijawab/);
    assert.match(await page.locator('[data-swn="status"]').innerText(), /Semua indikator sudah dijawab/);
  } finally {
    await close();
  }
});

test('"next group" and the button at the end of a group open the next tab at its first indicator', async () => {
  const { page, close } = await openWidget(browser, url(), { contextOptions: LAPTOP });
  try {
    await page.locator('.swn-sticky [data-act="next-group"]').click();
    assert.equal(await selectedTab(page), '1');
    const firstOfTab1 = set.groups[0].children.reduce((n, g) => n + g.indicators.length, 0);
    assert.equal(await focusedIndicator(page), firstOfTab1);
    // Tab from the last control of a group's panel stays in the form: the next-group button.
    const end = page.locator('.swn-panel-end [data-act="next-group"]');
    assert.match(await end.innerText(), /Kelompok berikutnya: /);
    await end.focus();
    await page.keyboard.press('Enter');
    assert.equal(await selectedTab(page), '2');
  } finally {
    await close();
  }
});

test('after following an advice link, "back" returns to where the official was', async () => {
  const { page, close } = await openWidget(browser, url(), { contextOptions: PHONE });
  try {
    const link = page.locator('[data-swn="advice"] [data-act="goto"]').first();
    await link.scrollIntoViewIfNeeded();
    const from = await link.getAttribute('data-i');
    const y = await page.evaluate(() => scrollY);
    const top = (await link.boundingBox()).y;
    // Clicked in the page, so that Playwright does not scroll first.
    await link.evaluate((el) => el.click());
    assert.equal(String(await focusedIndicator(page)), from, 'the link leads to its indicator');
    assert.ok(Math.abs((await page.evaluate(() => scrollY)) - y) > 500, 'far from where she was');
    const back = page.locator('.swn-sticky [data-act="back"]');
    await back.click();
    assert.ok(Math.abs((await page.evaluate(() => scrollY)) - y) < 5, 'scrolled back');
    assert.ok(Math.abs((await link.boundingBox()).y - top) < 5, 'the link is where it was on screen');
    assert.equal(
      await page.evaluate(() => document.querySelector('swanilai-assessment').shadowRoot.activeElement?.getAttribute('data-i')),
      from,
      'focus back on the advice link',
    );
    assert.ok(await back.isHidden(), 'no way back once back');
  } finally {
    await close();
  }
});

test('a reload restores the tab and the indicator the official worked on', async () => {
  const { page, close } = await openWidget(browser, url(), { contextOptions: LAPTOP });
  try {
    await page.locator('[role="tab"][data-tab="2"]').click();
    const k = Number(
      await page
        .locator('#swn-panel .swn-ind')
        .nth(3)
        .getAttribute('id')
        .then((id) => id.replace('swn-i-', '')),
    );
    await page.locator(`#swn-i-${k} textarea[data-f="notes"]`).focus();
    await page.reload({ waitUntil: 'load' });
    await page.locator('swanilai-assessment[data-state="ready"]').waitFor({ state: 'attached' });
    assert.equal(await selectedTab(page), '2');
    assert.equal(await focusedIndicator(page), k);
    const box = await page.locator(`#swn-i-${k}`).boundingBox();
    assert.ok(box.y < 768 && box.y + box.height > 0, 'its card is in view');
  } finally {
    await close();
  }
});

test('three files opened in a row leave one notice, the newest; a file without a hash is unchecked', async () => {
  const { page, close } = await openWidget(browser, url(), { contextOptions: LAPTOP });
  try {
    const doc = (v) => JSON.stringify({ setId: 'spbe-2020', setVersion: set.version, answers: { [ids()[0]]: { value: v } } });
    await chooseFile(page, 'import', 'pertama.json', doc(1));
    await chooseFile(page, 'import-prev', 'kedua.json', doc(2));
    await page.locator('[data-swn="notices"] .swn-notice', { hasText: 'kedua.json' }).waitFor();
    // An export wrapper without its sha256 field: nothing to check, not "altered".
    const noHash = JSON.stringify({ format: 'swanilai-export/1', content: { assessment: JSON.parse(doc(3)) } });
    await chooseFile(page, 'import', 'ketiga.json', noHash);
    await page.locator('[data-swn="notices"] .swn-notice', { hasText: 'ketiga.json' }).waitFor();
    const notices = page.locator('[data-swn="notices"] .swn-notice');
    assert.equal(await notices.count(), 1, await page.locator('[data-swn="notices"]').innerText());
    assert.match(await notices.innerText(), /ketiga\.json/);
    assert.equal(await notices.locator('[data-integrity]').getAttribute('data-integrity'), 'unchecked');
    assert.doesNotMatch(await notices.innerText(), /tidak cocok|diubah atau rusak/);
    // Its confirmation is the notice on top, and confirming leaves one notice again.
    await page.locator('[data-act="import-confirm"]').click();
    assert.equal(await notices.count(), 1);
    assert.match(await notices.innerText(), /Berkas diimpor/);
  } finally {
    await close();
  }
});

test("a level card shows the chosen level's criteria, and every level's on request", async () => {
  const { page, close } = await openWidget(browser, url(), { contextOptions: LAPTOP });
  try {
    const c = page.locator('#swn-i-0');
    const shown = () => c.locator('.swn-lvl:not([hidden])').evaluateAll((els) => els.map((e) => e.dataset.level));
    assert.deepEqual(await shown(), [], 'nothing chosen: no criteria yet');
    assert.ok(await c.locator('[data-act="clear"]').isHidden(), 'nothing to clear');
    await c.locator('input[data-f="pick"][value="3"]').check();
    assert.deepEqual(await shown(), ['3']);
    const toggle = c.locator('[data-act="levels"]');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    assert.deepEqual(await shown(), ['1', '2', '3', '4', '5']);
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    // Screen readers hear each level's criteria with its choice.
    const described = await c.locator('input[value="2"]').getAttribute('aria-describedby');
    assert.equal(described, 'swn-c-0-2');
  } finally {
    await close();
  }
});

test('the page is at most half as long as before the compact cards (measured)', async () => {
  // Before this change the SPBE page was 8,420 px at 1366 px and 17,400 px at 360 px.
  for (const [ctx, before] of [
    [LAPTOP, 8420],
    [PHONE, 17400],
  ]) {
    const { page, close } = await openWidget(browser, url(), { contextOptions: ctx });
    try {
      const h = await page.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(h <= before / 2, `${ctx.viewport.width} px: ${h} px, more than half of ${before}`);
    } finally {
      await close();
    }
  }
});

for (const [name, ctx] of [
  ['1366x768', LAPTOP],
  ['360x740', PHONE],
]) {
  test(`axe-core finds nothing at ${name} in either language, criteria and back button shown`, async () => {
    const { page, close } = await openWidget(browser, url(), { contextOptions: ctx });
    try {
      await page.locator('#swn-i-0 input[data-f="pick"][value="2"]').check();
      await page.locator('#swn-i-1 [data-act="levels"]').click();
      await page.locator('[data-swn="advice"] [data-act="goto"]').first().click();
      for (const lang of ['id', 'en']) {
        if (lang === 'en') await page.locator('[data-act="lang"]').click();
        const { violations } = await axeCheck(page);
        assert.equal(violations.length, 0, `${name} ${lang}:\n  ${formatViolations(violations)}`);
      }
    } finally {
      await close();
    }
  });
}

test('the saved place is per storage key and a stale one is ignored', async () => {
  const { page, close } = await openWidget(browser, url(), { contextOptions: LAPTOP });
  try {
    await page.evaluate((k) => sessionStorage.setItem(`${k}:place`, '99:9999'), saveKey('spbe-2020'));
    await page.reload({ waitUntil: 'load' });
    await page.locator('swanilai-assessment[data-state="ready"]').waitFor({ state: 'attached' });
    assert.equal(await selectedTab(page), '0');
  } finally {
    await close();
  }
});

test('a long check list shows its first entries and folds the rest', async () => {
  const { page, close } = await openWidget(browser, url(), { contextOptions: PHONE });
  try {
    const shown = page.locator('[data-swn="check"] > ul li.swn-finding');
    assert.equal(await shown.count(), 3, 'every indicator unanswered: three entries before the fold');
    const more = page.locator('[data-swn="check"] .swn-check-more');
    assert.match(await more.locator('summary').innerText(), /^Tampilkan 44 temuan lainnya$/);
    await more.locator('summary').click();
    await more.locator('li.swn-finding [data-act="goto"]').last().click();
    assert.equal(await focusedIndicator(page), 46, 'a folded entry leads to its indicator too');
  } finally {
    await close();
  }
});
