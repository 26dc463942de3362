// `import 'swanilai/element'` registers <swanilai-assessment>.
import type { Widget, WidgetEvents } from './index.js';

/** The element's events: the widget's events as `CustomEvent`s, plus every HTMLElement event. */
export interface SwanilaiAssessmentEventMap extends Omit<HTMLElementEventMap, 'change'> {
  change: CustomEvent<WidgetEvents['change']>;
  score: CustomEvent<WidgetEvents['score']>;
  export: CustomEvent<WidgetEvents['export']>;
}

/**
 * `<swanilai-assessment set="gm100sc-kesiapan" lang="id" storage-key="..." region="...">`
 *
 * Attributes: `set` (a built-in id), `src` (a set's URL, instead of `set`), `lang` (a BCP 47
 * tag: `en` and `en-*` English, anything else Indonesian), `storage-key` (part of the
 * localStorage key; without it the region's name or `default`, numbered `-2`, `-3`, ... for
 * the next elements of the same set in document order), `region` (prefills the region's name).
 * `data-state` is `loading`, `ready` or `error`.
 */
export declare class SwanilaiAssessment extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The mounted widget, or null while loading. */
  readonly widget: Widget | null;
  addEventListener<K extends keyof SwanilaiAssessmentEventMap>(
    type: K,
    listener: (this: SwanilaiAssessment, ev: SwanilaiAssessmentEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof SwanilaiAssessmentEventMap>(
    type: K,
    listener: (this: SwanilaiAssessment, ev: SwanilaiAssessmentEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** The widget's event names. */
export declare const EVENTS: readonly ['change', 'score', 'export'];

declare global {
  interface HTMLElementTagNameMap {
    'swanilai-assessment': SwanilaiAssessment;
  }
}
