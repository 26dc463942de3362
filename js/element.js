// <swanilai-assessment set="gm100sc-kesiapan" lang="id" storage-key="..." region="...">
// Importing this module registers the element. A thin class: the widget itself is Rust.
import { mount } from './index.js';

const EVENTS = ['change', 'score', 'export'];

export class SwanilaiAssessment extends HTMLElement {
  static observedAttributes = ['set', 'src', 'lang', 'storage-key', 'region'];

  #widget = null;
  #generation = 0;

  /** The mounted widget (null until ready): `assessment()`, `report()`, `setLocale()`, ... */
  get widget() {
    return this.#widget;
  }

  connectedCallback() {
    this.#remount();
  }

  disconnectedCallback() {
    this.#generation++;
    this.#widget?.destroy();
    this.#widget = null;
  }

  attributeChangedCallback(name, oldValue, value) {
    if (!this.isConnected || oldValue === value) return;
    if (name === 'lang') {
      // The widget may be mid-event (its own language button sets this attribute): defer.
      queueMicrotask(() => this.#widget?.setLocale(value || 'id'));
      return;
    }
    this.#remount();
  }

  async #remount() {
    const generation = ++this.#generation;
    this.#widget?.destroy();
    this.#widget = null;
    this.setAttribute('data-state', 'loading');
    try {
      let set = this.getAttribute('set') || 'gm100sc-kesiapan';
      const src = this.getAttribute('src');
      if (src) {
        const res = await fetch(new URL(src, document.baseURI));
        if (!res.ok) throw new Error(`cannot load ${src}: HTTP ${res.status}`);
        set = await res.text();
      }
      const region = this.getAttribute('region') || '';
      const widget = await mount(this, {
        set,
        lang: this.getAttribute('lang') || 'id',
        storageKey: this.getAttribute('storage-key') || region || 'default',
        region: region ? { name: region } : undefined,
      });
      if (generation !== this.#generation) {
        widget.destroy();
        return;
      }
      this.#widget = widget;
    } catch (err) {
      if (generation !== this.#generation) return;
      this.setAttribute('data-state', 'error');
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      const p = document.createElement('p');
      p.setAttribute('role', 'alert');
      p.textContent = `swanilai: ${err.message}`;
      root.replaceChildren(p);
      console.error(err);
    }
  }
}

export { EVENTS };

if (!customElements.get('swanilai-assessment')) {
  customElements.define('swanilai-assessment', SwanilaiAssessment);
}
