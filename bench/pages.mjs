// Builds the directory the benchmark serves: one page per (tool, set), equivalent on both
// sides (a minimal HTML page, the tool's own files, the set's data fetched as JSON).
//
//   <dir>/swanilai/<set>.html   the widget: <swanilai-assessment set=... | src=...>
//   <dir>/swanilai/pkg/         a copy of pkg/ (what scripts/build.sh made), sets/ included
//   <dir>/swanilai/data/        synthetic sets
//   <dir>/surveyjs/<set>.html   survey-core + survey-js-ui + the default (fontless) CSS
//   <dir>/surveyjs/lib/         those three files, copied from node_modules
//   <dir>/surveyjs/data/        the converted questionnaires (bench/convert.mjs)
//
// SurveyJS's default CSS comes in two builds: survey-core.min.css pulls Open Sans from a font
// CDN, survey-core.fontless.min.css does not. The benchmark serves nothing off-origin, so it
// uses the fontless one (as does shared/reference/anchors.md); both pages then use the
// browser's default fonts.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { toSurveyJS } from './convert.mjs';
import { synthSet } from './synth.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUILD_LOCK = '/tmp/swanilai-build.lock';
/** The release CLI that `cargo build --release` makes (CARGO_TARGET_DIR honoured). */
export const CLI = path.join(process.env.CARGO_TARGET_DIR || path.join(REPO, 'target'), 'release', 'swanilai');

export const SURVEYJS_FILES = [
  ['survey-core', 'survey.core.min.js'],
  ['survey-js-ui', 'survey-js-ui.min.js'],
  ['survey-core', 'survey-core.fontless.min.css'],
];

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** Loads a set by name: a built-in id (sets/<id>.json) or `synth-<n>`. */
export function loadSet(name) {
  const m = /^synth-(\d+)$/.exec(name);
  if (m) return { set: synthSet(Number(m[1])), builtin: false };
  return { set: JSON.parse(readFileSync(path.join(REPO, 'sets', `${name}.json`), 'utf8')), builtin: true };
}

export function swanilaiPage(name, builtin) {
  const source = builtin ? `set="${esc(name)}"` : `src="./data/${esc(name)}.json"`;
  return `<!doctype html>
<html lang="id">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>swanilai: ${esc(name)}</title>
  <link rel="icon" href="data:,">
  <script type="module" src="./pkg/element.js"></script>
</head>
<body>
  <swanilai-assessment ${source} lang="id" storage-key="bench"></swanilai-assessment>
</body>
</html>
`;
}

function surveyjsPage(name) {
  return `<!doctype html>
<html lang="id">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>SurveyJS: ${esc(name)}</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="./lib/survey-core.fontless.min.css">
  <script defer src="./lib/survey.core.min.js"></script>
  <script defer src="./lib/survey-js-ui.min.js"></script>
  <script defer src="./boot.js" data-survey="./data/${esc(name)}.json"></script>
</head>
<body>
  <div id="survey"></div>
</body>
</html>
`;
}

// What a developer writes to show a SurveyJS questionnaire kept in a JSON file.
const SURVEYJS_BOOT = `// Loads the questionnaire JSON and renders it with survey-js-ui.
const src = document.currentScript.dataset.survey;
fetch(src)
  .then((res) => {
    if (!res.ok) throw new Error(\`cannot load \${src}: HTTP \${res.status}\`);
    return res.json();
  })
  .then((json) => {
    const model = new Survey.Model(json);
    window.survey = model;
    SurveyUI.renderSurvey(model, document.getElementById('survey'));
  });
`;

/**
 * Writes the served tree into `dir` for the given set names. Copies pkg/ while holding the
 * build lock (others rebuild it concurrently). Returns per-set info: indicator count and the
 * index of the first level indicator on the first page (the one the rescoring loop clicks).
 */
export function buildSite(dir, names, { pkg = path.join(REPO, 'pkg') } = {}) {
  mkdirSync(path.join(dir, 'swanilai', 'data'), { recursive: true });
  mkdirSync(path.join(dir, 'surveyjs', 'data'), { recursive: true });
  mkdirSync(path.join(dir, 'surveyjs', 'lib'), { recursive: true });
  execFileSync('flock', [BUILD_LOCK, 'cp', '-R', pkg, path.join(dir, 'swanilai', 'pkg')]);
  for (const [mod, file] of SURVEYJS_FILES) {
    cpSync(path.join(REPO, 'node_modules', mod, file), path.join(dir, 'surveyjs', 'lib', file));
  }
  writeFileSync(path.join(dir, 'surveyjs', 'boot.js'), SURVEYJS_BOOT);
  const info = {};
  for (const name of names) {
    const { set, builtin } = loadSet(name);
    const { survey, questionCount, firstLevel } = toSurveyJS(set, { lang: 'id' });
    if (firstLevel === null) throw new Error(`${name}: no level indicator in the first group to click`);
    if (!builtin) writeFileSync(path.join(dir, 'swanilai', 'data', `${name}.json`), JSON.stringify(set));
    writeFileSync(path.join(dir, 'surveyjs', 'data', `${name}.json`), JSON.stringify(survey));
    writeFileSync(path.join(dir, 'swanilai', `${name}.html`), swanilaiPage(name, builtin));
    writeFileSync(path.join(dir, 'surveyjs', `${name}.html`), surveyjsPage(name));
    info[name] = { indicators: questionCount, probe: firstLevel, builtin, set };
  }
  return info;
}
