// Time to the first ready screen of a minimal page with <swanilai-assessment>, for one or more
// builds of the package, on an emulated slow connection (Chromium's network throttling, per
// page, through CDP). Loads alternate between the builds; each load gets a fresh context.
//
//   node bench/startup.mjs [--latency 150] [--kbps 1500] [--loads 6] [--set gm100sc-kesiapan] [PKG_DIR ...]
//
// PKG_DIR defaults to pkg/. "Ready" is the moment the element's data-state becomes "ready"
// (the widget is drawn and usable), read on the next animation frame, from navigation start.
import { mkdtempSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser, startServer } from '../tests/e2e/helpers.mjs';
import { swanilaiPage } from './pages.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    latency: { type: 'string', default: '150' },
    kbps: { type: 'string', default: '1500' },
    loads: { type: 'string', default: '6' },
    set: { type: 'string', default: 'gm100sc-kesiapan' },
  },
});
const dirs = positionals.length ? positionals : [path.join(import.meta.dirname, '..', 'pkg')];
const latency = Number(values.latency);
const bytesPerSecond = (Number(values.kbps) * 1000) / 8;

const sites = dirs.map((dir) => {
  const root = mkdtempSync(path.join(tmpdir(), 'swanilai-startup-'));
  cpSync(dir, path.join(root, 'pkg'), { recursive: true });
  // The benchmark's own page (storage key `bench`), with a built-in set.
  writeFileSync(path.join(root, 'index.html'), swanilaiPage(values.set, true));
  return root;
});

const servers = await Promise.all(sites.map((root) => startServer({ root, port: 0 })));
const browser = await launchBrowser();
const times = dirs.map(() => []);
try {
  for (let k = 0; k < Number(values.loads); k++) {
    for (let s = 0; s < dirs.length; s++) {
      const j = k % 2 === 0 ? s : dirs.length - 1 - s;
      const ctx = await browser.newContext();
      try {
        const page = await ctx.newPage();
        const cdp = await ctx.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency,
          downloadThroughput: bytesPerSecond,
          uploadThroughput: bytesPerSecond / 2,
        });
        await page.goto(`${servers[j].url}index.html`);
        await page.waitForFunction(() => document.querySelector('swanilai-assessment')?.getAttribute('data-state') === 'ready', null, {
          timeout: 120_000,
          polling: 'raf',
        });
        times[j].push(await page.evaluate(() => performance.now()));
      } finally {
        await ctx.close();
      }
    }
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
  for (const root of sites) rmSync(root, { recursive: true, force: true });
}

const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
console.log(`${values.set}, ${latency} ms round trip, ${values.kbps} kbit/s, ${values.loads} loads per build:`);
dirs.forEach((d, i) => {
  console.log(`  ${d}: ready after ${median(times[i]).toFixed(0)} ms (median; ${times[i].map((t) => t.toFixed(0)).join(', ')})`);
});
