// An official's path through the widget, once by keyboard only and once by mouse: fill the
// region, answer indicators on two tabs (levels, yes/no, a choice, numbers typed the
// Indonesian way "3,5"), watch the overall score and its predicate change, hear it in the
// role=status region, read the advice and follow it to an indicator.
//
// The expected scores are the engine's for the same answers, asked of the CLI (helpers'
// engineScore); the scoring itself is tested natively against the vectors. Each test starts from answers saved on an earlier day
// (seedSave), so that a handful of new answers moves the predicate to the next band.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertClean,
  control,
  describe,
  engineScore,
  focused,
  indicatorsOf,
  launchBrowser,
  openWidget,
  pressUntil,
  readSet,
  seedSave,
  startServer,
  swn,
  waitForSwn,
  widgetAssessment,
  withAttr,
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

/** Answers from an earlier day: every level indicator not in `skip` at `level`, some percents. */
function earlier(set, skip, { level, percent }) {
  const answers = {};
  for (const ind of indicatorsOf(set)) {
    if (skip.includes(ind.id)) continue;
    if (ind.answer.kind === 'level') answers[ind.id] = { value: level };
    if (percent !== undefined && ind.answer.kind === 'percent') answers[ind.id] = { value: percent };
  }
  return answers;
}

const valuesOf = (answers) => Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, v.value]));

/**
 * Checks the score line, predicate and status announcement against the expected score of
 * `values`, and returns the expectation.
 */
async function expectScore(page, set, values, step, { announced = true } = {}) {
  const want = await engineScore(set, values);
  await waitForSwn(page, 'overall', want.text('id')).catch((err) => assert.fail(`${step}: ${err.message}`));
  assert.equal(await swn(page, 'predicate'), want.predicate.id, `${step}: predicate`);
  const status = await swn(page, 'status');
  if (!announced) {
    assert.equal(status, '', `${step}: nothing to announce before a change`);
    return want;
  }
  assert.ok(
    status.startsWith(`${set.terms?.index?.id ?? 'Nilai keseluruhan'}: ${want.text('id')} ${want.predicate.id}.`),
    `${step}: the status region should announce the new score, got ${JSON.stringify(status)}`,
  );
  return want;
}

test('keyboard only: region, answers on two tabs, score and predicate move, advice leads to an indicator', {
  timeout: 120_000,
}, async (t) => {
  const set = await readSet('gm100sc-kesiapan');
  const mine = ['str-sdm-01', 'str-ang-01', 'str-ang-04', 'str-tk-02', 'sup-reg-01', 'sup-kel-01'];
  const saved = earlier(set, mine, { level: 2 });
  const { page, record, close } = await openWidget(browser, `${server.url}index.html`, {
    contextOptions: { viewport: { width: 1280, height: 900 } },
  });
  try {
    await seedSave(page, set.id, {
      setId: set.id,
      setVersion: set.version,
      region: { name: 'Kabupaten Banjar' },
      answers: saved,
    });
    const values = valuesOf(saved);
    const start = await expectScore(page, set, values, 'restored answers', { announced: false });
    // The status region is there from the start (empty until something changes).
    assert.equal(await page.locator('[data-swn="status"][role="status"][aria-live="polite"]').count(), 1);

    // From the top of the page: skip link, portal menu, widget toolbar, then the region form.
    await page.locator('body').focus();
    await pressUntil(page, 'Tab', withAttr('data-region', 'name'), { max: 30, label: 'region name' });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Kabupaten Banjar');
    for (const [key, text] of [
      ['code', '63.03'],
      ['period', '2026'],
      ['assessor', 'Siti Rahmawati'],
    ]) {
      await pressUntil(page, 'Tab', withAttr('data-region', key), { max: 1, label: `region ${key}` });
      await page.keyboard.type(text);
    }

    // Tab 1 (Struktur). Past the sticky bar's "next unanswered" and "next group", into the tab
    // list: the selected tab takes focus.
    const tab0 = await pressUntil(page, 'Tab', withAttr('role', 'tab'), { max: 3, label: 'tab list' });
    assert.equal(tab0.attrs['aria-selected'], 'true');

    // 1. A level, with Space then arrows: level 1, then 4.
    await pressUntil(page, 'Tab', control(0, 'pick'), { max: 5, label: 'indicator 1' });
    await page.keyboard.press('Space');
    values['str-sdm-01'] = 1;
    await expectScore(page, set, values, 'str-sdm-01 = 1 (Space)');
    for (let n = 0; n < 3; n++) await page.keyboard.press('ArrowDown');
    values['str-sdm-01'] = 4;
    await expectScore(page, set, values, 'str-sdm-01 = 4 (ArrowDown)');
    assert.equal((await focused(page)).attrs.value, '4', 'the arrow keys move focus and choice together');

    // 4. A number with a decimal comma: 1,25 % of the APBD.
    await pressUntil(page, 'Tab', control(3, 'num'), { label: 'indicator 4 (number)' });
    await page.keyboard.type('1,25');
    values['str-ang-01'] = 1.25;
    await expectScore(page, set, values, 'str-ang-01 = 1,25');

    // 7. A choice (select) by arrow keys: the 4th option, "Tinggi".
    await pressUntil(page, 'Tab', control(6, 'pick'), { label: 'indicator 7 (select)' });
    for (let n = 0; n < 4; n++) await page.keyboard.press('ArrowDown');
    values['str-ang-04'] = 'tinggi';
    await expectScore(page, set, values, 'str-ang-04 = tinggi');

    // 9. A score typed as 3,5, with an evidence note.
    await pressUntil(page, 'Tab', control(8, 'num'), { label: 'indicator 9 (score)' });
    await page.keyboard.type('3,5');
    values['str-tk-02'] = 3.5;
    await expectScore(page, set, values, 'str-tk-02 = 3,5');
    await pressUntil(page, 'Tab', control(8, 'notes'), { max: 3, label: 'indicator 9 notes' });
    await page.keyboard.type('Perbup No. 12 Tahun 2026 tentang tata kelola data');

    // Back up to the tab list with Shift+Tab; ArrowRight twice selects tab 3 (Suprastruktur).
    await pressUntil(page, 'Shift+Tab', withAttr('role', 'tab'), { label: 'tab list (backwards)' });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const tab2 = await focused(page);
    assert.equal(tab2.attrs['data-tab'], '2', `ArrowRight moves along the tabs, focus is on ${describe(tab2)}`);
    assert.equal(tab2.attrs['aria-selected'], 'true');
    await page.locator('article.swn-ind[data-ind="sup-reg-01"]').waitFor();

    // 20. A level with required evidence: answered without evidence, it is flagged.
    await pressUntil(page, 'Tab', control(19, 'pick'), { max: 5, label: 'indicator 20' });
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    values['sup-reg-01'] = 3;
    await expectScore(page, set, values, 'sup-reg-01 = 3');
    assert.ok(await page.locator('[data-flag="19"]').isVisible(), 'missing required evidence is flagged');

    // 23. Yes/no: Space on "Ya"; flagged until an evidence note is typed.
    await pressUntil(page, 'Tab', control(22, 'pick', 'true'), { label: 'indicator 23 (yes/no)' });
    await page.keyboard.press('Space');
    values['sup-kel-01'] = true;
    const end = await expectScore(page, set, values, 'sup-kel-01 = Ya');
    assert.ok(await page.locator('[data-flag="22"]').isVisible(), 'required evidence flagged on 23');
    await pressUntil(page, 'Tab', control(22, 'notes'), { max: 3, label: 'indicator 23 notes' });
    await page.keyboard.type('SK Bupati Banjar No. 188.45/2025');
    assert.ok(await page.locator('[data-flag="22"]').isHidden(), 'the flag goes once evidence is given');

    assert.notEqual(end.predicate.id, start.predicate.id, 'the answers move the predicate');
    t.diagnostic(`score ${start.text('id')} ${start.predicate.id} -> ${end.text('id')} ${end.predicate.id}`);

    // The advice: what it takes to reach the next band, and the top improvements.
    const plan = await swn(page, 'plan');
    assert.match(plan, /^Untuk mencapai predikat Cukup Siap \(≥ 2,60\): tingkatkan \d+ indikator berikut\.$/, plan);
    const topItems = page.locator('[data-swn="advice"] ul li');
    assert.ok((await topItems.count()) >= 1, 'top improvements listed');
    assert.match(await topItems.first().innerText(), /\+0,\d\d/, 'each improvement shows its gain');

    // Follow the first step of the plan with Tab + Enter: its indicator gets focus, on its tab.
    const step = await pressUntil(page, 'Tab', withAttr('data-act', 'goto'), { max: 120, label: 'advice' });
    await page.keyboard.press('Enter');
    const target = await focused(page);
    assert.equal(target?.attrs['data-i'], step.attrs['data-i'], `Enter on advice focuses its indicator, got ${describe(target)}`);
    const ind = indicatorsOf(set)[Number(step.attrs['data-i'])];
    assert.ok(await page.locator(`article.swn-ind[data-ind="${ind.id}"]`).isVisible());

    // Everything typed is in the assessment.
    const a = await widgetAssessment(page);
    assert.deepEqual(a.region, { name: 'Kabupaten Banjar', code: '63.03', period: '2026', assessor: 'Siti Rahmawati' });
    for (const id of mine) assert.deepEqual(a.answers[id].value, values[id], id);
    assert.equal(a.answers['str-tk-02'].notes, 'Perbup No. 12 Tahun 2026 tentang tata kelola data');

    assertClean(record);
  } finally {
    await close();
  }
});

test('by mouse: region, answers on two tabs, score and predicate move, advice leads to an indicator', { timeout: 90_000 }, async (t) => {
  const set = await readSet('smart-city-evaluasi');
  const mine = ['bl-01', 'bl-02', 'bl-04', 'out-kbj-01', 'out-kbj-02', 'out-kbj-03'];
  // Percents at 55: the six answers below then carry the score from Kurang into Cukup.
  const saved = earlier(set, mine, { level: 3, percent: 55 });
  const { page, record, close } = await openWidget(browser, `${server.url}smart-city-evaluasi.html`, {
    contextOptions: { viewport: { width: 1280, height: 900 } },
  });
  try {
    await seedSave(page, set.id, { setId: set.id, setVersion: set.version, region: {}, answers: saved });
    const values = valuesOf(saved);
    const start = await expectScore(page, set, values, 'restored answers', { announced: false });

    for (const [key, text] of [
      ['name', 'Kabupaten Banjar'],
      ['code', '6303'],
      ['period', '2026'],
      ['assessor', 'Bagian Perencanaan'],
    ]) {
      const input = page.locator(`[data-region="${key}"]`);
      await input.click();
      await input.fill(text);
    }

    const card = (id) => page.locator(`article.swn-ind[data-ind="${id}"]`);
    // Tab 1 (Baseline): numbers with a decimal comma.
    for (const [id, text, value] of [
      ['bl-01', '3,5', 3.5],
      ['bl-02', '0,3', 0.3],
      ['bl-04', '62,5', 62.5],
    ]) {
      const input = card(id).locator('[data-f="num"]');
      await input.click();
      await input.fill(text);
      values[id] = value;
      await expectScore(page, set, values, `${id} = ${text}`);
    }

    // Tab 2 (Output) by clicking it: a choice, a yes/no and a level, clicked on their labels.
    await page.locator('[role="tab"][data-tab="1"]').click();
    assert.equal(await page.locator('[role="tab"][data-tab="1"]').getAttribute('aria-selected'), 'true');
    await card('out-kbj-01').locator('select[data-f="pick"]').selectOption('keputusan');
    values['out-kbj-01'] = 'keputusan';
    await expectScore(page, set, values, 'out-kbj-01 = keputusan');
    await card('out-kbj-02')
      .locator('label', { has: page.locator('input[value="true"]') })
      .click();
    values['out-kbj-02'] = true;
    await expectScore(page, set, values, 'out-kbj-02 = Ya');
    await card('out-kbj-03')
      .locator('label', { has: page.locator('input[value="4"]') })
      .click();
    values['out-kbj-03'] = 4;
    const end = await expectScore(page, set, values, 'out-kbj-03 = 4');
    assert.ok(await card('out-kbj-03').locator('input[value="4"]').isChecked());

    assert.notEqual(end.predicate.id, start.predicate.id, 'the answers move the predicate');
    t.diagnostic(`score ${start.text('id')} ${start.predicate.id} -> ${end.text('id')} ${end.predicate.id}`);

    // The advice, and a click on its first improvement.
    const plan = await swn(page, 'plan');
    assert.match(plan, /^Untuk mencapai predikat Baik \(≥ 2,60\): tingkatkan \d+ indikator berikut\.$/, plan);
    const goto = page.locator('[data-swn="advice"] ul [data-act="goto"]').first();
    const i = await goto.getAttribute('data-i');
    await goto.click();
    const target = await focused(page);
    assert.equal(target?.attrs['data-i'], i, `a click on advice focuses its indicator, got ${describe(target)}`);
    assert.ok(await page.locator(`article.swn-ind[data-ind="${indicatorsOf(set)[Number(i)].id}"]`).isVisible());

    const a = await widgetAssessment(page);
    assert.deepEqual(a.region, { name: 'Kabupaten Banjar', code: '6303', period: '2026', assessor: 'Bagian Perencanaan' });
    for (const id of mine) assert.deepEqual(a.answers[id].value, values[id], id);
    assertClean(record);
  } finally {
    await close();
  }
});

for (const [width, lines] of [
  [360, 2],
  [320, 3],
]) {
  test(`on a ${width}px phone an advice link brings its indicator's title below the sticky bar, ${lines} lines high there`, {
    timeout: 90_000,
  }, async () => {
    const { page, record, close } = await openWidget(browser, `${server.url}index.html`, {
      contextOptions: { viewport: { width, height: 740 } },
    });
    try {
      // An answer, so that the bar shows the time it was saved: on a phone that is a second line.
      await page.locator('input[type="radio"][data-f="pick"]').first().check();
      await page.waitForFunction(() => document.querySelector('swanilai-assessment').shadowRoot.querySelector('.swn-saved')?.textContent);
      await page.locator('[data-act="goto"]').first().click();
      const got = await page.evaluate(() => {
        const r = document.querySelector('swanilai-assessment').shadowRoot;
        const bar = r.querySelector('.swn-sticky').getBoundingClientRect();
        const title = r.activeElement.closest('.swn-ind').querySelector('legend').getBoundingClientRect();
        return { barHeight: bar.height, barBottom: bar.bottom, title: title.top };
      });
      assert.ok(got.barHeight > 25 * lines, `the bar is ${lines} lines high (${got.barHeight}px)`);
      assert.ok(got.title >= got.barBottom, `the title (top ${got.title}) is below the bar (bottom ${got.barBottom})`);
      assertClean(record);
    } finally {
      await close();
    }
  });
}

/**
 * Scrolls the page so that the widget's element matching `selector` has its top 12px under the
 * (stuck) sticky bar and the rest in view; returns both boxes after the next frame.
 */
function halfUnderBar(page, selector) {
  return page.evaluate(async (selector) => {
    const r = document.querySelector('swanilai-assessment').shadowRoot;
    const el = r.querySelector(selector);
    const bar = r.querySelector('.swn-sticky');
    for (let k = 0; k < 3; k++) window.scrollBy(0, el.getBoundingClientRect().top - (bar.getBoundingClientRect().bottom - 12));
    await new Promise((res) => requestAnimationFrame(res));
    const e = el.getBoundingClientRect();
    const b = bar.getBoundingClientRect();
    return { left: e.left, width: e.width, top: e.top, bottom: e.bottom, barTop: b.top, barBottom: b.bottom };
  }, selector);
}

test('on a phone, Shift+Tab into a field half under the sticky bar brings it out from under the bar', { timeout: 90_000 }, async () => {
  const { page, record, close } = await openWidget(browser, `${server.url}index.html`, {
    contextOptions: { viewport: { width: 360, height: 740 } },
  });
  try {
    const host = page.locator('swanilai-assessment');
    const NOTES = 'textarea[data-i="2"][data-f="notes"]'; // the third indicator's
    await host.locator(NOTES).focus();
    await page.keyboard.press('Tab');
    const before = await halfUnderBar(page, NOTES);
    const moved = await page.evaluate((NOTES) => {
      const r = document.querySelector('swanilai-assessment').shadowRoot;
      return r.activeElement !== r.querySelector(NOTES);
    }, NOTES);
    assert.ok(moved, 'Tab moved past the notes field');
    assert.ok(before.barTop <= 0.5, `the bar is stuck at the top (${before.barTop})`);
    assert.ok(
      Math.abs(before.top - (before.barBottom - 12)) < 1.5 && before.bottom > before.barBottom + 12,
      `the notes field is partly under the bar: ${JSON.stringify(before)}`,
    );
    await page.keyboard.press('Shift+Tab');
    const after = await page.evaluate((NOTES) => {
      const r = document.querySelector('swanilai-assessment').shadowRoot;
      const area = r.querySelector(NOTES);
      return {
        focused: r.activeElement === area,
        top: area.getBoundingClientRect().top,
        barBottom: r.querySelector('.swn-sticky').getBoundingClientRect().bottom,
      };
    }, NOTES);
    assert.ok(after.focused, 'Shift+Tab went back to the notes field');
    assert.ok(after.top >= after.barBottom - 0.5, `the field (top ${after.top}) is below the bar (bottom ${after.barBottom})`);
    assertClean(record);
  } finally {
    await close();
  }
});

test('on a phone, a click on a button half under the sticky bar is not lost to scrolling', { timeout: 90_000 }, async () => {
  const { page, record, close } = await openWidget(browser, `${server.url}index.html`, {
    contextOptions: { viewport: { width: 360, height: 740 } },
  });
  try {
    const host = page.locator('swanilai-assessment');
    // The third indicator answered by a choice, answered: its "clear" button is the target.
    const i = await host
      .locator('input[type="radio"][data-f="pick"]')
      .evaluateAll((all) => [...new Set(all.map((x) => x.getAttribute('data-i')))][2]);
    await host.locator(`input[type="radio"][data-i="${i}"][data-f="pick"]`).first().check();
    const b = await halfUnderBar(page, `[data-i="${i}"][data-act="clear"]`);
    const at = { x: b.left + b.width / 2, y: b.barBottom + 4, bottom: b.bottom };
    assert.ok(at.bottom > at.y + 2, `part of the button shows below the bar: ${JSON.stringify(at)}`);
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction(
      (i) =>
        !document
          .querySelector('swanilai-assessment')
          .shadowRoot.querySelector(`input[type="radio"][data-i="${i}"][data-f="pick"]:checked`),
      i,
      { timeout: 5_000 },
    );
    assertClean(record);
  } finally {
    await close();
  }
});
