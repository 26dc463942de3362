// <swanilai-assessment set="gm100sc-kesiapan" lang="id" storage-key="..." region="...">
// With `survey="<invitation>"` (what a coordinator's survey link carries after `#survei=`) the
// element shows the impact survey's form for one sub-dimension instead of the set.
// Importing this module registers the element. A thin class: the widget itself is Rust.
//
// The first screen waits for three downloads in a row, no more: the page, this file, then
// everything else at once. When an element first connects, this file asks for the API
// (index.js and the module glue, side by side), the .wasm, the stylesheet and a built-in set
// in the same moment, as preloads the later fetches take, instead of after index.js and the
// glue have arrived (a round trip more: 0.15 s or more on a slow line). The URLs
// are static `new URL('./literal', import.meta.url)`, as in index.js, so bundlers copy them.
const WASM_URL = new URL('./swanilai_bg.wasm', import.meta.url);
const CSS_URL = new URL('./swanilai.css', import.meta.url);
const SET_URLS = {
  'gm100sc-kesiapan': new URL('./sets/gm100sc-kesiapan.json', import.meta.url),
  'pemdi-2026': new URL('./sets/pemdi-2026.json', import.meta.url),
  'smart-city-evaluasi': new URL('./sets/smart-city-evaluasi.json', import.meta.url),
  'spbe-2020': new URL('./sets/spbe-2020.json', import.meta.url),
};

/** A `<link rel="preload">` in the document's head, once per URL. */
function preload(url, as) {
  const head = document.head;
  if (!head) return;
  for (const l of head.querySelectorAll('link[rel="preload"]')) if (l.href === url.href) return;
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = as;
  // fetch() (the glue's and index.js's) asks in CORS mode with same-origin credentials: a
  // preload matches it only with the same mode. The stylesheet link has no crossorigin.
  if (as === 'fetch') link.crossOrigin = 'anonymous';
  link.href = url.href;
  head.append(link);
}

let api = null;
/** Whether `el` holds a served first screen, whose stylesheet link has been fetched already. */
const linked = (el) => !!el?.shadowRoot?.querySelector('link[rel="stylesheet"]');

function loadApi(el) {
  if (api === null) {
    preload(WASM_URL, 'fetch');
    // Not again for a served first screen: a second request would only revalidate it.
    if (!linked(el)) preload(CSS_URL, 'style');
    // The glue too: index.js alone would name it only once it has arrived itself.
    api = Promise.all([import('./index.js'), import('./swanilai.js')]).then(([m]) => m);
    api.catch(() => {
      api = null; // a failed download is tried again by the next mount (which reports it)
    });
  }
  return api;
}

const EVENTS = ['change', 'score', 'export'];

// An HTML `lang` attribute: English for `en` and `en-*`, Indonesian for anything else (the
// JS API refuses other languages; an attribute falls back, as HTML's own `lang` would).
const langOf = (tag) => (/^en(?:[-_]|$)/i.test(tag ?? '') ? 'en' : 'id');

const DEFAULT_SET = 'gm100sc-kesiapan';
// What an element's answers are saved under, without its number (see #storageKey): a region's
// name may hold `:` ("Dinas Kominfo: Kab. Banjar"), which storage keys reserve; only that
// character is escaped, so every other name keeps its saved answers.
const baseKey = (el) => el.getAttribute('region')?.replaceAll(':', '%3A') || 'default';
// Which set an element shows, as its attributes say (elements on one page share one base URL).
const setOf = (el) => {
  const src = el.getAttribute('src');
  return src ? `src ${src}` : `set ${el.getAttribute('set') || DEFAULT_SET}`;
};

/**
 * The impact survey's form from a survey link's invitation (JSON: the set, the pillar, the
 * sub-dimension, the region and the surveyed programs; see docs/smart-city-evaluation.md): the
 * set it names, loaded, builds the form. Resolves to `{ set, region, storageKey }`.
 */
async function surveyOf(text, getSet) {
  let invite;
  try {
    invite = JSON.parse(text);
  } catch {
    throw new Error('swanilai: the survey link is damaged (its invitation is not JSON): ask the coordinator for the link again');
  }
  const base = await getSet(invite.set);
  const programs = (invite.programs ?? []).map((p) => ({
    id: p.id,
    pillar: invite.pillar,
    subdimension: invite.subdimension,
    name: p.name,
    survey: true,
  }));
  const assessment = { setId: invite.set, setVersion: invite.version, region: invite.region, masterplan: { programs } };
  return {
    set: base.surveyForm(assessment, invite.subdimension),
    region: invite.region,
    storageKey: `survei-${String(invite.subdimension).replaceAll(':', '%3A')}`,
  };
}

export class SwanilaiAssessment extends HTMLElement {
  static observedAttributes = ['set', 'src', 'lang', 'storage-key', 'region', 'survey'];

  #widget = null;
  #generation = 0;
  // Mounts run one at a time: a superseded mount that finished after a newer one would
  // otherwise destroy() it (both draw into the same shadow root) — this once emptied a
  // 1,000-indicator form right after it appeared (bench/run.mjs found it).
  #queue = Promise.resolve();
  // Upgrading a parsed element calls attributeChangedCallback for each attribute before
  // connectedCallback (while isConnected is already true): without this, every page load
  // fetched, parsed and rendered the set once per attribute, then threw all but one away.
  #connected = false;

  /** The mounted widget (null until ready): `assessment()`, `report()`, `setLocale()`, ... */
  get widget() {
    return this.#widget;
  }

  connectedCallback() {
    this.#connected = true;
    loadApi(this).catch(() => {}); // reported by the mount that awaits it
    this.#remount();
  }

  disconnectedCallback() {
    this.#connected = false;
    this.#generation++;
    this.#widget?.destroy();
    this.#widget = null;
  }

  attributeChangedCallback(name, oldValue, value) {
    if (!this.#connected || oldValue === value) return;
    if (name === 'lang') {
      // The widget may be mid-event (its own language button sets this attribute): defer.
      queueMicrotask(() => this.#widget?.setLocale(langOf(value)));
      return;
    }
    this.#remount();
  }

  #remount() {
    const generation = ++this.#generation;
    this.#queue = this.#queue.then(() => this.#mount(generation)).catch((err) => console.error(err));
  }

  /**
   * The key of an element without `storage-key`: its region's name, else `default`. Several
   * such elements of one set with the same region (or none) on a page are numbered in document
   * order: the first keeps the plain key (what a page with one element always used), the next
   * ones get `-2`, `-3`, ..., so each finds its own answers again on the next visit.
   */
  #storageKey() {
    const base = baseKey(this);
    const set = setOf(this);
    const peers = [...this.getRootNode().querySelectorAll('swanilai-assessment')].filter(
      (el) => !el.getAttribute('storage-key') && baseKey(el) === base && setOf(el) === set,
    );
    const n = peers.indexOf(this);
    return n > 0 ? `${base}-${n + 1}` : base;
  }

  /** The widget's language: the `lang` attribute's; without one, a served first screen's own
   * (an English page is not turned Indonesian as it is taken over), else Indonesian. */
  #lang(served) {
    const frame = served ? this.shadowRoot.querySelector('.swn') : null;
    return langOf(this.getAttribute('lang') ?? frame?.getAttribute('lang'));
  }

  /** Whether the shadow root holds a first screen served as HTML, not yet taken over. */
  #served() {
    return !this.#widget && !!this.shadowRoot?.querySelector('.swn');
  }

  async #mount(generation) {
    if (generation !== this.#generation) return; // superseded before it started
    this.#widget?.destroy();
    this.#widget = null;
    // A first screen served as HTML (`swanilai prerender`) is usable as it is: not dimmed as
    // loading while the widget that takes it over loads.
    const served = this.#served();
    if (!served) this.setAttribute('data-state', 'loading');
    try {
      let set = this.getAttribute('set') || DEFAULT_SET;
      const src = this.getAttribute('src');
      // The set downloads while the API and the module do.
      const text = src ? fetch(new URL(src, document.baseURI)) : null;
      text?.catch(() => {}); // awaited below, after the API (whose failure is reported first)
      if (!src && Object.hasOwn(SET_URLS, set)) preload(SET_URLS[set], 'fetch');
      const { init, mount, getSet } = await loadApi(this);
      if (generation !== this.#generation) return;
      const invite = this.getAttribute('survey');
      const survey = invite ? await surveyOf(invite, getSet) : null;
      // The stylesheet shows a survey form with only what a respondent needs.
      this.toggleAttribute('data-survey', survey !== null);
      if (generation !== this.#generation) return;
      if (src) {
        init().catch(() => {}); // the module compiles while the set arrives (mount reports errors)
        const res = await text;
        if (!res.ok) throw new Error(`swanilai: cannot load the set from src="${src}": HTTP ${res.status}; check the src attribute`);
        set = await res.text();
      }
      const region = this.getAttribute('region') || '';
      const lang = this.#lang(served);
      const widget = await mount(this, {
        set: survey?.set ?? set,
        lang,
        storageKey: survey?.storageKey ?? (this.getAttribute('storage-key') || this.#storageKey()),
        region: survey?.region ?? (region ? { name: region } : undefined),
      });
      if (generation !== this.#generation) {
        widget.destroy();
        return;
      }
      this.#widget = widget;
      // `lang` changed while loading, when there was no widget to tell.
      const now = this.#lang(false);
      if (this.hasAttribute('lang') && now !== lang) widget.setLocale(now);
    } catch (err) {
      if (generation !== this.#generation) return;
      this.setAttribute('data-state', 'error');
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      const box = document.createElement('div');
      box.setAttribute('role', 'alert');
      // Messages from index.js carry the prefix already; say it once. The option is an
      // attribute here.
      box.append(
        `swanilai: ${String(err?.message ?? err)
          .replace(/^(swanilai: )+/, '')
          .replace(/storageKey/g, 'storage-key attribute')}`,
      );
      // A set with errors: the first few, where they are.
      const errors = err?.problems?.filter((e) => e.severity === 'error') ?? [];
      if (errors.length) {
        const ul = document.createElement('ul');
        for (const e of errors.slice(0, 5)) {
          const li = document.createElement('li');
          li.textContent = `${e.path}: ${e.message.en}`;
          ul.append(li);
        }
        box.append(ul);
      }
      // Over a served first screen the message goes on top: what was typed there stays.
      if (served && this.#served()) root.prepend(box);
      else root.replaceChildren(box);
      console.error(err);
    }
  }
}

export { EVENTS };

if (!customElements.get('swanilai-assessment')) {
  customElements.define('swanilai-assessment', SwanilaiAssessment);
}
