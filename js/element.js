// <swanilai-assessment set="gm100sc-kesiapan" lang="id" storage-key="..." region="...">
// Importing this module registers the element. A thin class: the widget itself is Rust.
import { init, mount } from './index.js';
// Named here too, so that the browser fetches the module glue together with index.js
// instead of after it (one round trip fewer before the WebAssembly download starts).
import './swanilai.js';

const EVENTS = ['change', 'score', 'export'];

// An HTML `lang` attribute: English for `en` and `en-*`, Indonesian for anything else (the
// JS API refuses other languages; an attribute falls back, as HTML's own `lang` would).
const langOf = (tag) => (/^en(?:[-_]|$)/i.test(tag ?? '') ? 'en' : 'id');

export class SwanilaiAssessment extends HTMLElement {
  static observedAttributes = ['set', 'src', 'lang', 'storage-key', 'region'];

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

  async #mount(generation) {
    if (generation !== this.#generation) return; // superseded before it started
    this.#widget?.destroy();
    this.#widget = null;
    this.setAttribute('data-state', 'loading');
    try {
      let set = this.getAttribute('set') || 'gm100sc-kesiapan';
      const src = this.getAttribute('src');
      if (src) {
        init().catch(() => {}); // the module downloads while the set does (mount reports errors)
        const res = await fetch(new URL(src, document.baseURI));
        if (!res.ok) throw new Error(`cannot load ${src}: HTTP ${res.status}`);
        set = await res.text();
      }
      const region = this.getAttribute('region') || '';
      const lang = langOf(this.getAttribute('lang'));
      const widget = await mount(this, {
        set,
        lang,
        // A region's name may hold `:` ("Dinas Kominfo: Kab. Banjar"), which storage keys
        // reserve; only that character is escaped, so every other name keeps its saved answers.
        storageKey: this.getAttribute('storage-key') || region.replaceAll(':', '%3A') || 'default',
        region: region ? { name: region } : undefined,
      });
      if (generation !== this.#generation) {
        widget.destroy();
        return;
      }
      this.#widget = widget;
      // `lang` changed while loading, when there was no widget to tell.
      const now = langOf(this.getAttribute('lang'));
      if (now !== lang) widget.setLocale(now);
    } catch (err) {
      if (generation !== this.#generation) return;
      this.setAttribute('data-state', 'error');
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      const box = document.createElement('div');
      box.setAttribute('role', 'alert');
      // Messages from index.js carry the prefix already; say it once. The option is an
      // attribute here.
      box.append(`swanilai: ${String(err?.message ?? err).replace(/^swanilai: /, '').replace(/storageKey/g, 'storage-key attribute')}`);
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
      root.replaceChildren(box);
      console.error(err);
    }
  }
}

export { EVENTS };

if (!customElements.get('swanilai-assessment')) {
  customElements.define('swanilai-assessment', SwanilaiAssessment);
}
