// Synthetic indicator sets of any size, valid per docs/FORMAT.md, for the browser benchmark.
//
// The shape mirrors tests/common/synth.rs (the native criterion bench's sets): groups three
// levels deep (5 top-level groups, 4 sub-groups each, leaves of about 10 indicators), weights
// 1-3, every answer kind in turn (indicator i gets kind i % 8), the six pillar tags.
//
// One difference: the scale shows 6 decimals instead of 2. The benchmark times "one answer
// change -> the score on screen changes", and with 10,000 indicators one indicator moves the
// overall score by about 0.00003, which 2 decimals would not show at all.
//
//   node bench/synth.mjs 1000 > synth-1000.json
import { fileURLToPath } from 'node:url';

const TOP = 5;
const MID = 4;
const PER_LEAF = 10;
const PILLARS = ['governance', 'branding', 'economy', 'living', 'society', 'environment'];
const LEVELS = ['Rintisan', 'Terkelola', 'Terdefinisi', 'Terpadu', 'Optimum'];

/** The answer of the `i`-th indicator: every kind in turn (as synth.rs `kind`). */
function answer(i) {
  switch (i % 8) {
    case 0:
    case 7:
      return { kind: 'level', levels: LEVELS.map((label) => ({ label })) };
    case 1:
      return { kind: 'yes_no' };
    case 2:
      return {
        kind: 'choice',
        options: [
          ['belum', 0],
          ['sebagian', 2.5],
          ['penuh', 5],
        ].map(([id, score]) => ({ id, label: id, score })),
      };
    case 3:
      return { kind: 'number', unit: 'Mbps', min: 0, better: 'higher', mapping: { linear: { from: 10, to: 100 } } };
    case 4:
      return {
        kind: 'number',
        unit: 'hari',
        min: 0,
        better: 'lower',
        mapping: {
          bands: [
            { limit: 30, score: 1 },
            { limit: 7, score: 3 },
            { limit: 1, score: 5 },
          ],
        },
      };
    case 5:
      return { kind: 'percent', better: 'higher' };
    default:
      return { kind: 'score' };
  }
}

/** A valid set of `n` indicators (n >= 1). Deterministic: the same n gives the same set. */
export function synthSet(n) {
  if (!Number.isInteger(n) || n < 1) throw new Error(`synthSet: n must be a positive integer, got ${n}`);
  const perMid = Math.max(1, Math.ceil(n / (TOP * MID * PER_LEAF)));
  const leaves = TOP * MID * perMid;
  let made = 0;
  let leaf = 0;
  const groups = [];
  for (let t = 0; t < TOP; t++) {
    const mids = [];
    for (let m = 0; m < MID; m++) {
      const leafGroups = [];
      for (let l = 0; l < perMid; l++) {
        // Spread the indicators as evenly as possible over the leaves.
        const take = Math.floor((n * (leaf + 1)) / leaves) - Math.floor((n * leaf) / leaves);
        leaf++;
        const indicators = [];
        for (let i = made; i < made + take; i++) {
          indicators.push({
            id: `ind-${String(i).padStart(5, '0')}`,
            title: `Indikator ${i}`,
            weight: 1 + (i % 3),
            evidence: 'recommended',
            tags: [PILLARS[i % PILLARS.length]],
            answer: answer(i),
          });
        }
        made += take;
        if (indicators.length > 0) {
          leafGroups.push({ id: `leaf-${t}-${m}-${l}`, title: `Elemen ${t}.${m}.${l}`, weight: 1 + (l % 2), indicators });
        }
      }
      if (leafGroups.length > 0) {
        mids.push({ id: `mid-${t}-${m}`, title: `Aspek ${t}.${m}`, weight: 1 + (m % 4), children: leafGroups });
      }
    }
    if (mids.length > 0) {
      groups.push({ id: `top-${t}`, title: `Dimensi ${t}`, weight: [10, 20, 30, 20, 20][t], children: mids });
    }
  }
  if (made !== n) throw new Error(`synthSet: made ${made} indicators, wanted ${n}`);
  return {
    id: `synth-${n}`,
    version: '1',
    title: `Set sintetis ${n}`,
    source: 'synthetic, for benchmarks (bench/synth.mjs)',
    scale: { min: 0, max: 5, decimals: 6 },
    predicates: [
      [0, 1.8, 'Kurang'],
      [1.8, 2.6, 'Cukup'],
      [2.6, 3.5, 'Baik'],
      [3.5, 4.2, 'Sangat Baik'],
      [4.2, 5, 'Memuaskan'],
    ].map(([min, max, label]) => ({ min, max, label })),
    unanswered: 'zero',
    groups,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 1000);
  process.stdout.write(`${JSON.stringify(synthSet(n), null, 1)}\n`);
}
