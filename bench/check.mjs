// Checks that the SurveyJS conversion scores like swanilai: for each set, several
// deterministic random assessments (every answer kind, some left unanswered) are scored by
// survey-core's own expressions (in Node, no browser) and by the swanilai CLI, and the shown
// overall scores must be equal. bench/run.mjs runs this first; alone:
//
//   node bench/check.mjs            (needs `cargo build --release` for target/release/swanilai)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Model } from 'survey-core';

import { toSurveyJS } from './convert.mjs';
import { CLI } from './pages.mjs';
import { synthSet } from './synth.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function* indicators(groups) {
  for (const g of groups) {
    yield* g.indicators ?? [];
    yield* indicators(g.children ?? []);
  }
}

/** A small deterministic PRNG (mulberry32). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random valid answer for an indicator, as [swanilai value, SurveyJS value]. */
function randomAnswer(ind, scale, r) {
  const a = ind.answer;
  switch (a.kind) {
    case 'level': {
      const n = 1 + Math.floor(r() * a.levels.length);
      return [n, n];
    }
    case 'yes_no': {
      const yes = r() < 0.5;
      return [yes, yes ? 'yes' : 'no'];
    }
    case 'choice': {
      const o = a.options[Math.floor(r() * a.options.length)];
      return [o.id, o.id];
    }
    case 'percent': {
      const v = Math.round(r() * 1000) / 10;
      return [v, v];
    }
    case 'score': {
      const v = Math.round((scale.min + r() * (scale.max - scale.min)) * 10) / 10;
      return [v, v];
    }
    case 'number': {
      const lo = a.min ?? 0;
      const hi = a.max ?? lo + 150;
      const v = Math.round((lo + r() * (hi - lo)) * 10) / 10;
      return [v, v];
    }
    default:
      throw new Error(`unknown kind ${a.kind}`);
  }
}

/** Compares both tools on `rounds` random assessments of `set`; returns the mismatches. */
export function checkSet(set, { rounds = 5, cli = CLI } = {}) {
  const { survey } = toSurveyJS(set);
  const scale = { min: 0, max: 5, decimals: 2, ...set.scale };
  const dir = mkdtempSync(path.join(tmpdir(), 'swanilai-check-'));
  const mismatches = [];
  try {
    const setFile = path.join(dir, 'set.json');
    writeFileSync(setFile, JSON.stringify(set));
    for (let round = 0; round < rounds; round++) {
      const r = rng(1000 + round);
      const answers = {};
      const data = {};
      let i = 0;
      for (const ind of indicators(set.groups)) {
        // Round 0 leaves everything unanswered; later rounds answer 30%..90%.
        if (round > 0 && r() < 0.3 + 0.15 * round) {
          const [ours, theirs] = randomAnswer(ind, scale, r);
          answers[ind.id] = { value: ours };
          data[`q${i}`] = theirs;
        }
        i++;
      }
      const file = path.join(dir, `a${round}.json`);
      writeFileSync(file, JSON.stringify({ setId: set.id, setVersion: set.version, answers }));
      const out = execFileSync(cli, ['score', file, '--set', setFile], { stdio: ['ignore', 'pipe', 'ignore'] });
      const ours = JSON.parse(out.toString()).overall.shown;
      const model = new Model(survey);
      model.data = data;
      const theirs = model.getVariable('overall');
      if (process.env.CHECK_VERBOSE)
        console.log(`check: ${set.id} round ${round}: ${Object.keys(answers).length} answered, swanilai ${ours}, SurveyJS ${theirs}`);
      if (Math.abs(ours - theirs) > 0.5 * 10 ** -scale.decimals) {
        mismatches.push({ set: set.id, round, answered: Object.keys(answers).length, swanilai: ours, surveyjs: theirs });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return mismatches;
}

/** Checks the built-in sets the benchmark uses and a 1,000-indicator synthetic set. */
export function checkAll(options) {
  const sets = ['gm100sc-kesiapan', 'spbe-2020', 'smart-city-evaluasi'].map((id) =>
    JSON.parse(readFileSync(path.join(REPO, 'sets', `${id}.json`), 'utf8')),
  );
  sets.push(synthSet(1000));
  return sets.flatMap((s) => checkSet(s, options));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bad = checkAll();
  if (bad.length > 0) {
    console.error('check: SurveyJS and swanilai disagree:');
    for (const m of bad) console.error(`  ${JSON.stringify(m)}`);
    process.exit(1);
  }
  console.log('check: SurveyJS conversion scores equal swanilai on every set and round');
}
