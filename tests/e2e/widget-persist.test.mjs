// Never lose work: answers, evidence notes and links and the region survive a reload (the
// last keystrokes included); "Mulai ulang" asks first (dismissing keeps everything),
// clears on confirmation while keeping a backup in localStorage, and can be undone.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertAnswersShown,
  assertClean,
  card,
  describe,
  enterAnswers,
  entryValues,
  engineScore,
  focused,
  launchBrowser,
  openTab,
  openWidget,
  readSet,
  savedDoc,
  saveKey,
  startServer,
  storageKeys,
  swn,
  waitForSwn,
  waitReady,
  widgetAssessment,
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

const REGION = { name: 'Kabupaten Banjar', code: '63.03', period: '2026', assessor: 'Siti Rahmawati' };

// What the test enters (helpers: enterAnswers); `value` is the answer as the scorer reads it.
const ENTRIES = [
  {
    tab: 0,
    id: 'str-sdm-01',
    pick: '4',
    value: 4,
    notes: 'RPJMD 2021–2026, misi ke-3',
    links: ['https://banjarkab.go.id/rpjmd', 'https://jdih.banjarkab.go.id/perbup-12'],
  },
  { tab: 0, id: 'str-ang-01', num: '0,8', value: 0.8 },
  { tab: 0, id: 'str-ang-04', select: 'sedang', value: 'sedang', notes: 'PMK 84/2023' },
  { tab: 0, id: 'str-tk-02', num: '3,5', value: 3.5 },
  { tab: 2, id: 'sup-kel-01', pick: 'true', value: true, notes: 'SK Bupati 188.45/2025' },
  { tab: 2, id: 'sup-kel-02', pick: 'false', value: false },
  { tab: 2, id: 'sup-reg-02', pick: '2', value: 2, links: ['https://jdih.banjarkab.go.id/perda-7'] },
];

/** Checks that the form shows no answer (the region stays). */
async function assertEmpty(page, when) {
  for (const tab of [0, 2]) {
    await openTab(page, tab);
    for (const e of ENTRIES.filter((x) => x.tab === tab)) {
      const c = card(page, e.id);
      assert.equal(await c.locator('input[data-f="pick"]:checked').count(), 0, `${when}: ${e.id} has no choice`);
      if (e.select) assert.equal(await c.locator('select[data-f="pick"]').inputValue(), '', `${when}: ${e.id}`);
      if (e.num) assert.equal(await c.locator('[data-f="num"]').inputValue(), '', `${when}: ${e.id}`);
      assert.equal(await c.locator('[data-f="notes"]').inputValue(), '', `${when}: ${e.id} notes`);
    }
  }
}

test('reload restores every answer, evidence note and link, and the region', { timeout: 90_000 }, async () => {
  const set = await readSet('gm100sc-kesiapan');
  const want = await engineScore(set, entryValues(ENTRIES));
  const { page, record, close } = await openWidget(browser, `${server.url}index.html`);
  try {
    await enterAnswers(page, REGION, ENTRIES);
    await waitForSwn(page, 'overall', want.text('id'));
    const before = await widgetAssessment(page);

    // Reload at once: the last keystrokes are still waiting for the debounced save, and the
    // page-hide flush must write them.
    await page.reload({ waitUntil: 'load' });
    await waitReady(page, record);
    await waitForSwn(page, 'overall', want.text('id'));
    assert.equal(await swn(page, 'predicate'), want.predicate.id);
    await assertAnswersShown(page, REGION, ENTRIES, 'after reload');
    const after = await widgetAssessment(page);
    assert.deepEqual(after.answers, before.answers);
    assert.deepEqual(after.region, REGION);

    // The saved document carries the set id and version (src/autosave/mod.rs).
    const doc = await savedDoc(page, saveKey(set.id));
    assert.equal(doc.format, 'swanilai-save/1');
    assert.equal(doc.assessment.setId, set.id);
    assert.equal(doc.assessment.setVersion, set.version);
    assertClean(record);
  } finally {
    await close();
  }
});

test('reset asks first, keeps a backup, and can be undone', { timeout: 90_000 }, async () => {
  const set = await readSet('gm100sc-kesiapan');
  const want = await engineScore(set, entryValues(ENTRIES));
  const { page, record, close } = await openWidget(browser, `${server.url}index.html`);
  const key = saveKey(set.id);
  try {
    await enterAnswers(page, REGION, ENTRIES);
    await waitForSwn(page, 'overall', want.text('id'));
    const before = await widgetAssessment(page);

    // Dismissed: nothing changes, nothing is backed up.
    const messages = [];
    page.once('dialog', (d) => {
      messages.push(`${d.type()}: ${d.message()}`);
      d.dismiss();
    });
    await page.locator('[data-act="reset"]').click();
    assert.deepEqual(messages, ['confirm: Hapus semua jawaban dan mulai ulang? Salinan cadangan tetap disimpan di peramban ini.']);
    assert.equal(await swn(page, 'overall'), want.text('id'));
    assert.deepEqual((await widgetAssessment(page)).answers, before.answers, 'dismissing keeps every answer');
    await assertAnswersShown(page, REGION, ENTRIES, 'after dismissing');
    assert.deepEqual(
      (await storageKeys(page)).filter((k) => k.startsWith(`${key}:backup`)),
      [],
    );

    // Accepted: answers and notes go (the region stays), a backup is kept.
    page.once('dialog', (d) => d.accept());
    await page.locator('[data-act="reset"]').click();
    await waitForSwn(page, 'overall', '0,00');
    assert.equal(await swn(page, 'predicate'), 'Belum Siap');
    assert.deepEqual((await widgetAssessment(page)).answers, {});
    assert.deepEqual((await widgetAssessment(page)).region, REGION, 'the region is kept');
    assert.deepEqual((await savedDoc(page, key)).assessment.answers, {}, 'the reset is saved');
    const backups = (await storageKeys(page)).filter((k) => k.startsWith(`${key}:backup:`));
    assert.equal(backups.length, 1, `one backup key, got ${JSON.stringify(await storageKeys(page))}`);
    const backup = await savedDoc(page, backups[0]);
    assert.deepEqual(backup.assessment.answers, before.answers, 'the backup holds the answers');

    // The notice offers an undo, and keyboard focus lands on it (the reset button is redrawn).
    const notice = page.locator('[data-swn="notices"] .swn-notice', { hasText: 'Jawaban dikosongkan. Cadangan disimpan.' });
    await notice.waitFor();
    const f = await focused(page);
    assert.equal(f?.attrs['data-act'], 'undo-reset', `focus after reset: ${describe(f)}`);
    await assertEmpty(page, 'after reset');

    // A reload keeps the reset (and the backup).
    await page.reload({ waitUntil: 'load' });
    await waitReady(page, record);
    assert.equal(await swn(page, 'overall'), '0,00');
    assert.ok((await storageKeys(page)).includes(backups[0]));

    // The undo is offered until the page is left: answer again, reset again, undo.
    await enterAnswers(page, REGION, ENTRIES);
    await waitForSwn(page, 'overall', want.text('id'));
    page.once('dialog', (d) => d.accept());
    await page.locator('[data-act="reset"]').click();
    await waitForSwn(page, 'overall', '0,00');
    await page.locator('[data-act="undo-reset"]').click();
    await waitForSwn(page, 'overall', want.text('id'));
    assert.equal(await swn(page, 'predicate'), want.predicate.id);
    assert.deepEqual((await widgetAssessment(page)).answers, before.answers, 'undo restores every answer');
    await assertAnswersShown(page, REGION, ENTRIES, 'after undo');
    assert.equal(await page.locator('[data-act="undo-reset"]').count(), 0, 'the undo notice goes');
    assert.deepEqual((await savedDoc(page, key)).assessment.answers, before.answers, 'the undo is saved');
    assertClean(record);
  } finally {
    await close();
  }
});
