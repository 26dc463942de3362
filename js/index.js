// swanilai — the package entry. It re-exports the WebAssembly API and adds the parts that
// need JavaScript: loading the module once, fetching built-in sets, mounting with one call.
import initWasm, * as wasm from './swanilai.js';

let ready = null;
let loaded = false;

/**
 * Loads the WebAssembly module. Safe to call any number of times, also concurrently: every
 * call returns the same promise, and the first call's `wasmUrl` wins. After a failure (say, the
 * .wasm could not be fetched) the next call tries again.
 * @param {string | URL | Request | Response | BufferSource | WebAssembly.Module | { module_or_path: unknown }} [wasmUrl]
 *   where the .wasm file is; by default next to this file (`new URL(..., import.meta.url)`).
 */
export default function init(wasmUrl) {
  if (ready === null) {
    const arg =
      wasmUrl === undefined || (wasmUrl !== null && Object.getPrototypeOf(wasmUrl) === Object.prototype)
        ? wasmUrl // nothing, or wasm-bindgen's own `{ module_or_path }`
        : { module_or_path: wasmUrl };
    ready = initWasm(arg).then(
      () => {
        loaded = true;
      },
      (err) => {
        ready = null;
        // Say where the module was looked for, and what helps: a server that has no file there
        // may answer with its HTML page (a single-page app's fallback); a page CSP without
        // 'wasm-unsafe-eval' refuses to compile it.
        const src = arg?.module_or_path ?? new URL('swanilai_bg.wasm', import.meta.url);
        const msg = String(err?.message ?? err);
        const hint = /magic word/.test(msg)
          ? '. That is not the .wasm file (the server answered with something else, such as an HTML page): serve swanilai_bg.wasm beside index.js, or pass its URL as wasmUrl'
          : /unsafe-eval/.test(msg)
            ? ". The page's Content-Security-Policy needs 'wasm-unsafe-eval' in script-src"
            : '';
        throw new Error(`swanilai: could not load the WebAssembly module from ${src.url ?? src}: ${msg}${hint}`, { cause: err });
      },
    );
  }
  return ready;
}
export { init };

// The synchronous functions need the module loaded: say so instead of failing inside the glue.
const loadedFirst = (f) => (arg) => {
  if (!loaded) throw new Error('swanilai: call `await init()` first');
  return f(arg);
};
/** The package version. Needs `await init()` first. */
export const version = loadedFirst(() => wasm.version());
/** The built-in sets: `[{ id, titleId, titleEn }]`. Needs `await init()` first. */
export const builtinSets = loadedFirst(() => wasm.builtinSets());
/** Loads a set from an object or JSON text: a `SetHandle`, or the list of problems. Needs `await init()` first. */
export const loadSet = loadedFirst((set) => wasm.loadSet(set));
/** Opens an exported file's text: `{ integrity, assessment, problems }`. Needs `await init()` first. */
export const openExport = loadedFirst((text) => wasm.openExport(text));
export const SetHandle = wasm.SetHandle;
export const Widget = wasm.Widget;

// Every file the package loads is named by a static `new URL('./literal', import.meta.url)`:
// the one form bundlers (Vite, webpack, Parcel) recognise, so they copy the file into the
// build and rewrite the URL. (A computed path such as `./sets/${id}.json` would be left
// pointing beside the bundle, where nothing is.) scripts/package.mjs checks the list.

/** The widget's stylesheet, next to this file. */
export const stylesheetUrl = new URL('./swanilai.css', import.meta.url).href;
const SET_URLS = {
  'gm100sc-kesiapan': new URL('./sets/gm100sc-kesiapan.json', import.meta.url),
  'pemdi-2026': new URL('./sets/pemdi-2026.json', import.meta.url),
  'smart-city-evaluasi': new URL('./sets/smart-city-evaluasi.json', import.meta.url),
  'spbe-2020': new URL('./sets/spbe-2020.json', import.meta.url),
};

const unknownSet = (id) => new Error(`swanilai: unknown built-in set "${id}" (built-in: ${Object.keys(SET_URLS).join(', ')})`);

/**
 * Loads a built-in set by id (its JSON ships in the package's `sets/` folder).
 * @param {string} id
 * @param {{ base?: string | URL }} [options] the folder with the `<id>.json` files, if not the
 *   package's `sets/`: a URL, relative to the page, with or without its trailing slash
 */
export async function getSet(id, { base } = {}) {
  if (!Object.hasOwn(SET_URLS, id)) throw unknownSet(id);
  const url = base == null ? SET_URLS[id] : new URL(`${id}.json`, new URL(String(base).replace(/\/?$/, '/'), globalThis.document?.baseURI));
  // The set downloads while the WebAssembly module loads, not after it.
  const [, text] = await Promise.all([
    init(),
    fetch(url).then((res) => {
      if (!res.ok)
        throw new Error(`swanilai: cannot load ${url}: HTTP ${res.status}; serve the package's sets/ folder there, or pass getSet's base`);
      return res.text();
    }),
  ]);
  if (!wasm.builtinSets().some((s) => s.id === id)) throw unknownSet(id);
  const handle = wasm.loadSet(text);
  if (Array.isArray(handle)) throw problemsError(`built-in set "${id}" is invalid`, handle);
  return handle;
}

/** Starts downloading a stylesheet (`<link rel="preload">` in the document's head, once). */
function preloadStyle(href) {
  if (typeof document === 'undefined' || !href || !document.head) return;
  const url = new URL(href, document.baseURI).href;
  for (const l of document.head.querySelectorAll('link[rel="preload"][as="style"]')) {
    if (l.href === url) return;
  }
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'style';
  link.href = url;
  document.head.append(link);
}

function problemsError(what, problems) {
  // The first error, not a warning listed before it (an unknown field is only ignored).
  const errors = problems.filter((p) => p.severity === 'error');
  const first = errors[0] ?? problems[0];
  const n = errors.length;
  const err = new Error(`swanilai: ${what} (${n} error${n === 1 ? '' : 's'}): ${first ? `${first.path}: ${first.message.en}` : ''}`);
  err.problems = problems;
  return err;
}

/**
 * Mounts the widget into an element (it gets a shadow root).
 * @param {Element} element
 * @param {object} [options] `{ set, lang, storageKey, region, assessment, previous, stylesheet, wasmUrl }`;
 *   `set` is a built-in id (default `gm100sc-kesiapan`), a `SetHandle`, or a set object / JSON text.
 * @returns {Promise<Widget>}
 */
export async function mount(element, options = {}) {
  if (element?.nodeType !== 1)
    throw new Error(`swanilai: mount needs an element, not ${element}: pass the element to draw into (check the selector that found it)`);
  // Everything the first screen needs downloads at once: the module, a built-in set and the
  // stylesheet (which the widget links only once it is drawn).
  const ready = init(options.wasmUrl);
  ready.catch(() => {}); // observed below; a failing set download may throw first
  // undefined, null or '' (say, an unset config value) is the default stylesheet.
  const stylesheet = options.stylesheet || stylesheetUrl;
  // A served first screen (`swanilai prerender`) has its stylesheet linked already.
  if (!element.shadowRoot?.querySelector('link[rel="stylesheet"]')) preloadStyle(stylesheet);
  let set = options.set ?? 'gm100sc-kesiapan';
  // A string is set JSON when it starts with `{`; anything else is a built-in id.
  if (typeof set === 'string' && !/^\s*\{/.test(set)) set = await getSet(set);
  await ready;
  if (!(set instanceof wasm.SetHandle)) {
    const handle = wasm.loadSet(set);
    if (Array.isArray(handle)) throw problemsError('invalid indicator set', handle);
    set = handle;
  }
  const { set: _set, wasmUrl: _wasm, ...rest } = options;
  return wasm.mountWidget(element, set, { ...rest, stylesheet });
}
