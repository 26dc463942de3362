// Hostile set and region text through `swanilai prerender`: every text of the set (titles,
// descriptions, help, level labels and criteria) and the region name carry quotes, `<`, `&`,
// `</template>`, `<script>`, `</textarea>` and bidirectional controls. The output, parsed by
// the browser's HTML parser (a declarative shadow root, no script on the page), must have the
// very same elements and attributes as the same set with plain text, and show each hostile
// text back as text, character for character.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser, prerendered, readSet } from './helpers.mjs';

const HOSTILE =
  '"\'><script>window.__pwned=1</script></template><img src=x onerror="window.__pwned=2">' +
  '&amp; &lt; </textarea></select><!-- \u202eRLO\u202c \u2067iso\u2069 \n<b x=">';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** `set` with every localised text replaced by `make(n)`, n counting the texts. */
function retexted(set, make) {
  let n = 0;
  const walk = (v) => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const keys = Object.keys(v);
      if (keys.length && keys.every((k) => k === 'id' || k === 'en') && keys.every((k) => typeof v[k] === 'string')) {
        n += 1;
        return Object.fromEntries(keys.map((k) => [k, make(n)]));
      }
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(set);
}

/** The shadow tree of the fragment, parsed by the browser: shape and texts. */
async function parsed(fragment) {
  const context = await browser.newContext({ javaScriptEnabled: true });
  const page = await context.newPage();
  await page.setContent(`<!doctype html><html><body><swanilai-assessment>${fragment}</swanilai-assessment></body></html>`);
  const out = await page.evaluate(() => {
    const host = document.querySelector('swanilai-assessment');
    const root = host.shadowRoot;
    const shape = [];
    const texts = [];
    const walk = (node, depth) => {
      for (const c of node.childNodes) {
        if (c.nodeType === Node.ELEMENT_NODE) {
          shape.push(`${depth}:${c.localName}[${c.getAttributeNames().join(',')}]`);
          for (const a of c.getAttributeNames()) texts.push(c.getAttribute(a));
          if (c.localName === 'textarea' || c.localName === 'input') texts.push(c.value);
          walk(c, depth + 1);
        } else if (c.nodeType === Node.TEXT_NODE) {
          texts.push(c.data);
        } else {
          shape.push(`${depth}:#${c.nodeType}`);
        }
      }
    };
    if (root) walk(root, 0);
    return {
      hasRoot: !!root,
      outside: host.children.length,
      bodyTail: document.body.children.length,
      shape,
      texts,
      pwned: window.__pwned ?? null,
    };
  });
  await context.close();
  return out;
}

test('hostile set and region text stays text in the prerendered first screen', { timeout: 120_000 }, async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'swn-hostile-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const set = await readSet('spbe-2020');
  for (const lang of ['id', 'en']) {
    const files = {};
    for (const [name, make, region] of [
      ['plain', (n) => `plain text ${n}`, 'Kabupaten Banjar'],
      ['hostile', (n) => `${n} ${HOSTILE}`, `Kab ${HOSTILE}`],
    ]) {
      const file = path.join(dir, `${name}.json`);
      await writeFile(file, JSON.stringify(retexted(set, make)));
      const fragment = await prerendered(['--set', file, '--lang', lang, '--region', region, '--stylesheet', '/s.css?a="b"&c=<d>']);
      files[name] = await parsed(fragment);
    }
    const { plain, hostile } = files;
    assert.ok(plain.hasRoot && hostile.hasRoot, 'a declarative shadow root');
    assert.equal(hostile.pwned, null, 'no script ran');
    assert.equal(hostile.outside, 0, 'nothing spilled out of the template into the light DOM');
    assert.equal(hostile.bodyTail, plain.bodyTail, 'nothing spilled out of the element');
    assert.ok(plain.shape.length > 100, `a whole first screen (${plain.shape.length} elements)`);
    assert.deepEqual(hostile.shape, plain.shape, `the same elements and attributes (${lang})`);
    // The hostile texts come back whole (the parser turns a CR or a lone LF at a textarea's
    // start aside, which HOSTILE has not).
    const whole = hostile.texts.filter((x) => x.includes(HOSTILE)).length;
    assert.ok(whole >= 10, `hostile texts shown whole: ${whole}`);
    assert.ok(
      hostile.texts.some((x) => x === `Kab ${HOSTILE}`),
      'the region name is the region field value, character for character',
    );
    assert.ok(hostile.texts.includes('/s.css?a="b"&c=<d>'), 'the stylesheet address is the link href, character for character');
  }
});
