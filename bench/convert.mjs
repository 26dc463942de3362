// Converts a swanilai indicator set (docs/FORMAT.md) into the equivalent SurveyJS
// questionnaire: the same questions and choices, and the same score computed by SurveyJS's
// own machinery (calculatedValues and expressions), shown on every page.
//
//   node bench/convert.mjs sets/spbe-2020.json [--lang id|en] > spbe-2020.survey.json
//
// Mapping:
// - a top-level group -> a page (swanilai's tabs); a nested group -> a panel inside it;
// - level   -> radiogroup, choice values 1..N, texts "n – label" plus the level criteria;
// - yes_no  -> radiogroup "Ya"/"Tidak" (values "yes"/"no");
// - choice  -> dropdown with the option ids as values and the labels as texts;
// - number, percent, score -> text with inputType "number" (min/max where the set has them);
// - every question gets the indicator's help text as its description.
// Scoring: one calculated value per group, `g<k>` = the weighted mean of its children's
// and indicators' scores (each indicator's score is an inline `iif` expression of its
// answer), and `overall` = round(weighted mean of the top-level groups, decimals). An
// `expression` question at the top of every page shows `{overall}`.
//
// Questions are named q0, q1, ... in set order, which is also swanilai's `data-i` index, so
// the benchmark can address "the same indicator" in both. Only `unanswered: "zero"` is
// supported (every built-in set uses it): `exclude` renormalises weights per answer, which
// would need a different expression shape.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const text = (t, lang) => (t == null ? '' : typeof t === 'string' ? t : (lang === 'en' && t.en) || t.id);
const num = (x) => {
  if (!Number.isFinite(x)) throw new Error(`convert: not a finite number: ${x}`);
  return String(x);
};
const quote = (s) => `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** SurveyJS expression for an indicator's score; `v` is `{qN}`. Unanswered -> scale min. */
export function scoreExpression(answer, scale, v) {
  const lo = num(scale.min);
  const hi = num(scale.max);
  const span = scale.max - scale.min;
  // A chain `iif(c1, s1, iif(c2, s2, ... fallback))`.
  const chain = (cases, fallback) => cases.reduceRight((acc, [cond, s]) => `iif(${cond}, ${s}, ${acc})`, fallback);
  switch (answer.kind) {
    case 'level': {
      const custom = answer.levels.some((l) => l.score != null);
      if (!custom) return `iif(${v} notempty, ${v}, ${lo})`;
      return chain(
        answer.levels.map((l, n) => [`${v} = ${n + 1}`, num(l.score ?? n + 1)]),
        lo,
      );
    }
    case 'yes_no':
      return chain(
        [
          [`${v} = 'yes'`, num(answer.yes ?? scale.max)],
          [`${v} = 'no'`, num(answer.no ?? scale.min)],
        ],
        lo,
      );
    case 'choice':
      return chain(
        answer.options.map((o) => [`${v} = ${quote(o.id)}`, num(o.score)]),
        lo,
      );
    case 'percent': {
      const lower = answer.better === 'lower';
      const frac = `${v} / 100`;
      return `iif(${v} empty, ${lo}, ${lower ? `${hi} - ${frac} * ${num(span)}` : `${lo} + ${frac} * ${num(span)}`})`;
    }
    case 'score':
      return `iif(${v} notempty, ${v}, ${lo})`;
    case 'number': {
      const lower = answer.better === 'lower';
      const m = answer.mapping ?? {};
      if (m.linear) {
        const { from: a, to: b } = m.linear;
        const k = num(span / (b - a));
        const rising = `${lo} + (${v} - ${num(a)}) * ${k}`;
        const falling = `${hi} - (${v} - ${num(a)}) * ${k}`;
        return `iif(${v} empty, ${lo}, iif(${v} <= ${num(a)}, ${lower ? hi : lo}, iif(${v} >= ${num(b)}, ${
          lower ? lo : hi
        }, ${lower ? falling : rising})))`;
      }
      if (m.bands) {
        // Listed worst to best; the best matching band wins: test from the best down.
        const op = lower ? '<=' : '>=';
        const cases = [...m.bands].reverse().map((b) => [`${v} ${op} ${num(b.limit)}`, num(b.score)]);
        return `iif(${v} empty, ${lo}, ${chain(cases, lo)})`;
      }
      throw new Error('convert: a number indicator needs mapping.linear or mapping.bands');
    }
    default:
      throw new Error(`convert: unknown answer kind ${answer.kind}`);
  }
}

function question(ind, name, scale, lang) {
  const q = { name, title: text(ind.title, lang) };
  if (ind.help) q.description = text(ind.help, lang);
  const a = ind.answer;
  switch (a.kind) {
    case 'level':
      return {
        type: 'radiogroup',
        ...q,
        choices: a.levels.map((l, n) => {
          const label = `${n + 1} – ${text(l.label, lang)}`;
          return { value: n + 1, text: l.criteria ? `${label}: ${text(l.criteria, lang)}` : label };
        }),
      };
    case 'yes_no':
      return {
        type: 'radiogroup',
        ...q,
        choices: [
          { value: 'yes', text: lang === 'en' ? 'Yes' : 'Ya' },
          { value: 'no', text: lang === 'en' ? 'No' : 'Tidak' },
        ],
      };
    case 'choice':
      return { type: 'dropdown', ...q, choices: a.options.map((o) => ({ value: o.id, text: text(o.label, lang) })) };
    case 'number':
    case 'percent':
    case 'score': {
      const [min, max] = a.kind === 'percent' ? [0, 100] : a.kind === 'score' ? [scale.min, scale.max] : [a.min, a.max];
      const out = { type: 'text', inputType: 'number', ...q };
      if (min != null) out.min = min;
      if (max != null) out.max = max;
      return out;
    }
    default:
      throw new Error(`convert: unknown answer kind ${a.kind}`);
  }
}

/**
 * The SurveyJS questionnaire JSON for a swanilai set (an object, as parsed from its JSON).
 * Also returns where things are: `{ survey, questionCount, firstLevel }`, where `firstLevel`
 * is the index (= question qN, = swanilai data-i) of the first level indicator on page 1.
 */
export function toSurveyJS(set, { lang = 'id' } = {}) {
  if ((set.unanswered ?? 'zero') !== 'zero') {
    throw new Error(`convert: unanswered "${set.unanswered}" is not supported (only "zero")`);
  }
  const scale = { min: 0, max: 5, decimals: 2, ...set.scale };
  const calculatedValues = [];
  let next = 0;
  let groupNo = 0;
  let firstLevel = null;

  // Returns [elements, expression of the group's score (a `{gN}` reference)].
  function group(g, top) {
    const elements = [];
    const terms = [];
    let weights = 0;
    for (const ind of g.indicators ?? []) {
      const i = next++;
      const name = `q${i}`;
      if (top === 0 && firstLevel === null && ind.answer.kind === 'level') firstLevel = i;
      elements.push(question(ind, name, scale, lang));
      terms.push(`${num(ind.weight ?? 1)} * ${scoreExpression(ind.answer, scale, `{${name}}`)}`);
      weights += ind.weight ?? 1;
    }
    for (const c of g.children ?? []) {
      const [els, ref] = group(c, top);
      elements.push({ type: 'panel', name: `p-${c.id}`, title: text(c.title, lang), elements: els });
      terms.push(`${num(c.weight ?? 1)} * ${ref}`);
      weights += c.weight ?? 1;
    }
    const name = `g${groupNo++}`;
    calculatedValues.push({ name, expression: `(${terms.join(' + ')}) / ${num(weights)}` });
    return [elements, `{${name}}`];
  }

  const pages = [];
  const topTerms = [];
  let topWeights = 0;
  set.groups.forEach((g, k) => {
    const [elements, ref] = group(g, k);
    topTerms.push(`${num(g.weight ?? 1)} * ${ref}`);
    topWeights += g.weight ?? 1;
    const score = {
      type: 'expression',
      name: `skor_${k}`,
      title: lang === 'en' ? 'Overall score' : 'Nilai keseluruhan',
      expression: '{overall}',
      hideNumber: true,
      displayStyle: 'decimal',
      minimumFractionDigits: scale.decimals,
      maximumFractionDigits: scale.decimals,
    };
    const page = { name: `page-${g.id}`, title: text(g.title, lang), elements: [score, ...elements] };
    if (g.description) page.description = text(g.description, lang);
    pages.push(page);
  });
  calculatedValues.push({
    name: 'overall',
    expression: `round((${topTerms.join(' + ')}) / ${num(topWeights)}, ${scale.decimals})`,
  });
  const survey = {
    title: text(set.title, lang),
    description: set.description ? text(set.description, lang) : undefined,
    locale: lang === 'en' ? 'en' : undefined,
    showQuestionNumbers: 'on',
    calculatedValues,
    pages,
  };
  return { survey, questionCount: next, firstLevel };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, ...rest] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node bench/convert.mjs SET.json [--lang id|en]');
    process.exit(2);
  }
  const lang = rest[0] === '--lang' ? rest[1] : 'id';
  const { survey } = toSurveyJS(JSON.parse(readFileSync(file, 'utf8')), { lang });
  process.stdout.write(`${JSON.stringify(survey, null, 1)}\n`);
}
