// The documentation a newcomer reads: README.md stays a front door (at most 10 KB) that
// reaches embedding, the API, the format and the guarantees in one click, and every link in
// README.md and docs/*.md leads somewhere: a file in the repository, and a heading in it when
// the link names one. No build needed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from './helpers.mjs';

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
export const slug = (heading) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

/** The anchors of a Markdown text's headings (outside code blocks). */
export function anchors(markdown) {
  const out = new Set();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const m = !fenced && line.match(/^#{1,6}\s+(.*)$/);
    if (m) out.add(slug(m[1]));
  }
  return out;
}

/** `[text](target)` links outside code blocks and code spans. */
export function links(markdown) {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
}

const readmeBytes = async () => (await stat(path.join(REPO_ROOT, 'README.md'))).size;

test('README.md is at most 10 KB', async () => {
  const size = await readmeBytes();
  assert.ok(size <= 10 * 1024, `README.md is ${size} bytes; move details to docs/`);
});

test('README.md links to embedding, API, format, guarantees, design and sizes', async () => {
  const readme = await readFile(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const targets = links(readme);
  for (const doc of ['EMBEDDING', 'API', 'FORMAT', 'GUARANTEES', 'DESIGN', 'SIZES', 'DEVELOPMENT']) {
    assert.ok(targets.includes(`docs/${doc}.md`), `README.md links to docs/${doc}.md`);
  }
});

test('every relative link in README.md and docs/*.md leads to a file and heading that exist', async () => {
  const docs = (await readdir(path.join(REPO_ROOT, 'docs'))).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);
  const broken = [];
  for (const file of ['README.md', ...docs]) {
    const text = await readFile(path.join(REPO_ROOT, file), 'utf8');
    for (const link of links(text)) {
      if (/^[a-z]+:/.test(link)) continue; // https:, mailto:
      const [target, fragment] = link.split('#');
      const resolved = target ? path.join(path.dirname(path.join(REPO_ROOT, file)), target) : path.join(REPO_ROOT, file);
      if (!existsSync(resolved)) {
        broken.push(`${file}: ${link} (no file ${path.relative(REPO_ROOT, resolved)})`);
      } else if (fragment && !anchors(await readFile(resolved, 'utf8')).has(fragment)) {
        broken.push(`${file}: ${link} (no heading #${fragment} in ${path.relative(REPO_ROOT, resolved)})`);
      }
    }
  }
  assert.deepEqual(broken, [], `broken links:\n  ${broken.join('\n  ')}`);
});
