// swanilai — the package entry. It re-exports the WebAssembly API and adds the parts that
// need JavaScript: loading the module once, fetching built-in sets, mounting with one call.
import initWasm, * as wasm from './swanilai.js';

let ready = null;

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
      () => undefined,
      (err) => {
        ready = null;
        throw err;
      },
    );
  }
  return ready;
}
export { init };

/** The package version. */
export const version = () => wasm.version();
/** The built-in sets: `[{ id, titleId, titleEn }]`. */
export const builtinSets = () => wasm.builtinSets();
/** Loads a set from an object or JSON text: a `SetHandle`, or the list of problems. */
export const loadSet = (set) => wasm.loadSet(set);
/** Opens an exported file's text: `{ integrity, assessment, problems }`. */
export const openExport = (text) => wasm.openExport(text);
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
  'smart-city-evaluasi': new URL('./sets/smart-city-evaluasi.json', import.meta.url),
  'spbe-2020': new URL('./sets/spbe-2020.json', import.meta.url),
};

/**
 * Loads a built-in set by id (its JSON ships in the package's `sets/` folder).
 * @param {string} id
 * @param {{ base?: string | URL }} [options] where the `sets/` files are, if not beside this file
 */
export async function getSet(id, { base } = {}) {
  if (!Object.hasOwn(SET_URLS, id)) throw new Error(`swanilai: unknown built-in set "${id}"`);
  const url = base === undefined ? SET_URLS[id] : new URL(`${id}.json`, base);
  // The set downloads while the WebAssembly module loads, not after it.
  const [, text] = await Promise.all([
    init(),
    fetch(url).then((res) => {
      if (!res.ok) throw new Error(`swanilai: cannot load ${url}: HTTP ${res.status}`);
      return res.text();
    }),
  ]);
  if (!wasm.builtinSets().some((s) => s.id === id)) {
    throw new Error(`swanilai: unknown built-in set "${id}"`);
  }
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
  const first = problems[0];
  const err = new Error(`swanilai: ${what}: ${first ? `${first.path}: ${first.message.en}` : ''}`);
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
  // Everything the first screen needs downloads at once: the module, a built-in set and the
  // stylesheet (which the widget links only once it is drawn).
  const ready = init(options.wasmUrl);
  ready.catch(() => {}); // observed below; a failing set download may throw first
  preloadStyle(options.stylesheet ?? stylesheetUrl);
  let set = options.set ?? 'gm100sc-kesiapan';
  if (typeof set === 'string' && Object.hasOwn(SET_URLS, set)) {
    set = await getSet(set);
  }
  await ready;
  if (!(set instanceof wasm.SetHandle)) {
    const handle = wasm.loadSet(set);
    if (Array.isArray(handle)) throw problemsError('invalid indicator set', handle);
    set = handle;
  }
  const { set: _set, wasmUrl: _wasm, ...rest } = options;
  return wasm.mountWidget(element, set, { stylesheet: stylesheetUrl, ...rest });
}
