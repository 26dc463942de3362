// A portal's code using every export of the `swanilai` package, type-checked with
// `tsc --noEmit` (strict) against the packed package by tests/e2e/package.test.mjs.
// It is never run: it exists to prove that the types describe the API a portal uses.
// `@ts-expect-error` lines check that the types also refuse what the API refuses.

import init, {
  builtinSets,
  getSet,
  init as initNamed,
  loadSet,
  mount,
  openExport,
  stylesheetUrl,
  version,
  type Advice,
  type AnswerGain,
  type AnswerKind,
  type Assessment,
  type AssessmentInput,
  type BuiltinInfo,
  type Change,
  type ChangeDetail,
  type Check,
  type Finding,
  type Code,
  type Comparison,
  type Delta,
  type ExportDetail,
  type GroupScore,
  type IndicatorSet,
  type IndicatorSetInput,
  type IndicatorScore,
  type Lang,
  type MountOptions,
  type OpenedFile,
  type Plan,
  type Problem,
  type Problems,
  type ProblemsError,
  type Recommendation,
  type Report,
  type Score,
  type ScoreDetail,
  type SetHandle,
  type Severity,
  type Step,
  type TagScore,
  type Text,
  type Value,
  type WasmSource,
  type Widget,
  type WidgetEvent,
  type WidgetEvents,
} from 'swanilai';
import { EVENTS, SwanilaiAssessment, type SwanilaiAssessmentEventMap } from 'swanilai/element';

const lang: Lang = 'en';
const text = (t: Text): string => (lang === 'en' ? (t.en ?? t.id) : t.id);
const shown = (s: Score): string => (s.shown === null ? '-' : s.shown.toFixed(2));

function describeProblems(problems: Problems): string[] {
  return problems.map((p: Problem) => {
    const code: Code = p.code;
    const severity: Severity = p.severity;
    return `${severity} ${code} at ${p.path || '(root)'}: ${text(p.message)}`;
  });
}

function describeAnswer(kind: AnswerKind): string {
  switch (kind.kind) {
    case 'level':
      return kind.levels.map((l) => text(l.label)).join(' < ');
    case 'yes_no':
      return `yes ${kind.yes ?? 'max'} / no ${kind.no ?? 'min'}`;
    case 'choice':
      return kind.options.map((o) => `${o.id}=${o.score}`).join(', ');
    case 'number':
      return 'linear' in kind.mapping ? `${kind.mapping.linear.from}..${kind.mapping.linear.to}` : `${kind.mapping.bands.length} bands`;
    case 'percent':
      return `percent, ${kind.better} is better`;
    case 'score':
      return 'a score';
  }
}

function walkSet(set: IndicatorSet): string[] {
  const lines = [`${set.id} ${set.version}: ${text(set.title)} (${set.scale.min}-${set.scale.max})`];
  const walk = (groups: IndicatorSet['groups'], depth: number): void => {
    for (const g of groups) {
      lines.push(`${'  '.repeat(depth)}${g.id} x${g.weight}`);
      for (const ind of g.indicators ?? []) lines.push(`${'  '.repeat(depth + 1)}${ind.id}: ${describeAnswer(ind.answer)}`);
      walk(g.children ?? [], depth + 1);
    }
  };
  walk(set.groups, 0);
  for (const p of set.predicates) lines.push(`${p.min}-${p.max} ${text(p.label)}`);
  return lines;
}

function describeReport(r: Report): string[] {
  const groups = r.groups.map(
    (g: GroupScore) => `${'  '.repeat(g.depth - 1)}${g.id} ${shown(g.score)} (${g.completeness.answered}/${g.completeness.total})`,
  );
  const inds = r.indicators.filter((i: IndicatorScore) => i.evidenceMissing).map((i) => `${i.id} in ${i.group} needs evidence`);
  const tags = r.tags.map((t: TagScore) => `#${t.tag} ${shown(t.score)} x${t.count}`);
  const predicate = r.overall.predicate ? text(r.overall.predicate.label) : 'none';
  return [
    `${r.setId}: ${shown(r.overall)} ${predicate}, ${Math.round(r.completeness.byWeight * 100)}%`,
    ...groups,
    ...inds,
    ...tags,
    ...describeProblems(r.problems),
  ];
}

function describeAdvice(a: Advice): string[] {
  const gain = (g: AnswerGain): string => `${String(g.value)} (+${g.gain.toFixed(3)})`;
  const recs = a.recommendations.map(
    (r: Recommendation) =>
      `${r.indicator}: ${r.current ?? 'unanswered'} (${r.currentScore ?? '-'}) -> next ${gain(r.next)}, best ${gain(r.best)}`,
  );
  const plan: Plan | null | undefined = a.plan;
  if (!plan) return recs;
  const steps = plan.steps.map((s: Step) => `${s.indicator}: ${s.from ?? '-'} -> ${s.to} (+${s.gain})`);
  return [
    ...recs,
    `to reach ${text(plan.target.label)} (${plan.targetScore}): ${plan.reached ? 'reachable' : 'out of reach'}, then ${shown(plan.scoreAfter)}`,
    ...steps,
  ];
}

function describeComparison(c: Comparison): string[] {
  const delta = (d: Delta): string => (d.change === null ? 'n/a' : `${d.change > 0 ? '+' : ''}${d.change}`);
  const row = (ch: Change): string =>
    `${ch.id}: ${ch.previous ?? '-'} -> ${ch.current ?? '-'} (${delta(ch)})${ch.currentValue !== undefined ? ` answer ${String(ch.currentValue)}` : ''}`;
  return [
    `overall ${shown(c.previous)} -> ${shown(c.current)} (${delta(c.overall)})`,
    ...c.groups.map(row),
    ...c.tags.map(row),
    ...c.indicators.map(row),
    ...describeProblems(c.problems),
  ];
}

async function useTheEngine(): Promise<void> {
  await init();
  await initNamed(); // a second call is harmless
  const v: string = version();
  const sets: BuiltinInfo[] = builtinSets();
  console.log(
    v,
    sets.map((s) => `${s.id}: ${s.titleId} / ${s.titleEn}`),
  );

  const spbe: SetHandle = await getSet('spbe-2020');
  console.log(spbe.id, spbe.version, describeProblems(spbe.warnings), walkSet(spbe.toJSON()));

  // A region's own set, from its server: a handle or the problems (never an exception).
  const own = loadSet(await (await fetch('/sets/kota-ku.json')).text());
  if (Array.isArray(own)) {
    console.warn(describeProblems(own));
  } else {
    own.free();
  }

  // A set written by hand, as the format allows: plain-string texts, defaults left out.
  const mine: IndicatorSetInput = {
    id: 'kota-ku',
    version: '1',
    title: 'Penilaian Kota Ku',
    scale: { min: 0, max: 5 },
    predicates: [{ min: 0, max: 5, label: 'Semua' }],
    groups: [{ id: 'g', title: 'Tata kelola', indicators: [{ id: 'i1', title: 'Ada SK', answer: { kind: 'yes_no' } }] }],
  };
  const handle = loadSet(mine);
  if (!Array.isArray(handle)) {
    // An answer may be given as just its value.
    const quick: AssessmentInput = { setId: 'kota-ku', answers: { i1: true, i2: { value: 3 } } };
    handle.score(quick);
    handle.free();
  }
  // @ts-expect-error a title is text, not a number
  const wrong: IndicatorSetInput = { id: 'x', title: 42 };
  console.log(wrong);
  // @ts-expect-error a misspelt field (`titel`) is caught, not passed on to fail at runtime
  loadSet({ id: 'x', titel: 'Kota Ku' });

  const a: Assessment = spbe.newAssessment();
  a.region.name = 'Kabupaten Banjar';
  a.answers['spbe-01'] = { value: 3, notes: 'Perbup tentang Arsitektur SPBE' };
  a.answers['spbe-02'] = { value: 2, links: ['https://example.org/spbe-02.pdf'] };
  const value: Value | null | undefined = a.answers['spbe-01']?.value;
  console.log(value);

  const problems: Problem[] = spbe.validate(JSON.parse('{"setId": 1}'));
  console.log(describeProblems(problems));
  console.log(describeReport(spbe.score(a)));
  console.log(describeAdvice(spbe.advise(a, { limit: 5 })), describeAdvice(spbe.advise(JSON.stringify(a))));
  const check: Check = spbe.check(a);
  const first: Finding | undefined = check.findings[0];
  console.log(check.ready, check.answered, check.total, first?.kind, first?.number, first?.title.id, first?.path);
  const previous: AssessmentInput = spbe.newAssessment();
  console.log(describeComparison(spbe.compare(previous, a)));
  const csv: string = spbe.csv(a, 'en') + spbe.csv(a);
  const exported: string = spbe.exportJson(a, new Date().toISOString());
  const opened: OpenedFile = openExport(exported);
  if (opened.integrity !== 'intact') console.warn('the file was changed after export');
  if (opened.assessment) console.log(describeReport(spbe.score(opened.assessment)));
  console.log(csv.length);
  spbe.free();
}

async function useTheWidget(host: HTMLElement): Promise<Widget> {
  const wasmUrl: WasmSource = new URL('/static/swanilai_bg.wasm', location.href);
  const options: MountOptions = {
    set: 'gm100sc-kesiapan',
    lang: navigator.language,
    storageKey: 'kab-banjar',
    region: { name: 'Kabupaten Banjar', code: '6303', period: '2026' },
    previous: '{"setId": "gm100sc-kesiapan", "setVersion": "1", "answers": {}}',
    stylesheet: stylesheetUrl,
    wasmUrl,
  };
  // `null` or `undefined` (say, an unset config value) mean the default stylesheet.
  const config: { css: string | null } = { css: null };
  const defaults: MountOptions[] = [{ stylesheet: config.css }, { stylesheet: null }, { stylesheet: undefined }];
  console.log(defaults.length);
  let widget: Widget;
  try {
    widget = await mount(host, options);
  } catch (err) {
    const problems = (err as Partial<ProblemsError>).problems;
    throw new Error(`cannot mount: ${problems ? describeProblems(problems).join('; ') : String(err)}`);
  }

  const onScore = (d: ScoreDetail): void => console.log(`${shown(d.overall)} (${d.answered}/${d.total})`);
  widget.on('score', onScore);
  widget.on('change', (d: ChangeDetail) => {
    // Either one answer changed, or the region form did.
    if (d.answer) console.log(d.indicator, d.answer.value ?? null, d.answer.notes ?? '');
    else console.log(d.region.name, d.region.code, d.region.period, d.region.assessor);
  });
  widget.on('export', (d: ExportDetail) => console.log(d.format, d.filename, d.text.length));
  widget.off('score', onScore);
  host.addEventListener('score', (e) => console.log((e as CustomEvent<WidgetEvents['score']>).detail.overall));
  // @ts-expect-error: not one of the widget's events
  widget.on('scroll', () => {});
  // @ts-expect-error: a score callback gets a ScoreDetail
  widget.on('score', (d: ExportDetail) => d.filename);

  widget.setLocale('en');
  // Any BCP 47 tag type-checks, as the runtime takes `en-GB` and the browser's language (and
  // throws, naming `id` and `en`, for a language it does not speak).
  widget.setLocale('en-GB');
  widget.setLocale(navigator.language);
  const browserLang: Lang = navigator.language;
  console.log(browserLang);
  const current: Assessment = widget.assessment();
  const problems: Problem[] = widget.setAssessment({ ...current, answers: {} });
  console.log(describeProblems(problems), describeReport(widget.report()), describeAdvice(widget.advice(3)));
  widget.setPrevious(current);
  widget.setPrevious(null);
  const files: string[] = [widget.exportJson(), widget.exportCsv()];
  console.log(files, widget.listenerCount);
  const events: WidgetEvent[] = ['change', 'score', 'export'];
  console.log(events);
  return widget;
}

function useTheElement(): void {
  const el = document.createElement('swanilai-assessment');
  const typed: SwanilaiAssessment = el; // HTMLElementTagNameMap knows the tag
  typed.setAttribute('set', 'spbe-2020');
  typed.setAttribute('lang', 'en');
  typed.addEventListener('score', (e) => console.log(e.detail.overall.shown, e.detail.answered));
  typed.addEventListener('change', (e) => console.log(e.detail.indicator, e.detail.answer));
  typed.addEventListener('export', (e) => console.log(e.detail.format));
  typed.addEventListener('click', (e: MouseEvent) => console.log(e.clientX));
  const onScore = (e: SwanilaiAssessmentEventMap['score']): void => console.log(e.detail.total);
  typed.addEventListener('score', onScore);
  typed.removeEventListener('score', onScore);
  document.body.append(typed);
  const w: Widget | null = typed.widget;
  w?.setLocale('id');
  console.log(EVENTS.join(', '), SwanilaiAssessment.observedAttributes);
  // @ts-expect-error: the widget is read-only
  typed.widget = null;
}

void useTheEngine();
void useTheWidget(document.querySelector<HTMLElement>('#swanilai') ?? document.body).then((w) => w.destroy());
useTheElement();
