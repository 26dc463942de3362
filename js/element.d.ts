import type { Widget, WidgetEvents } from './index.js';

/** `<swanilai-assessment set="gm100sc-kesiapan" lang="id" storage-key="..." region="...">` */
export declare class SwanilaiAssessment extends HTMLElement {
  /** The mounted widget, or null while loading. */
  readonly widget: Widget | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'swanilai-assessment': SwanilaiAssessment;
  }
  interface HTMLElementEventMap {
    'score': CustomEvent<WidgetEvents['score']>;
    'export': CustomEvent<WidgetEvents['export']>;
  }
}
