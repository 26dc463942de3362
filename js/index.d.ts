// The swanilai API. JSON shapes (IndicatorSet, Assessment, Report, ...) are generated from
// the Rust types into types.d.ts.
import type { IndicatorSet, Assessment, Report, Problem, Score, Answer } from './types.js';
export type * from './types.js';

export type Lang = 'id' | 'en';

/** A problem list is returned (never thrown) when a document has errors. */
export type Problems = Problem[];

export interface BuiltinInfo {
  id: string;
  titleId: string;
  titleEn: string;
}

export interface AnswerGain { value: number | boolean | string; score: number; gain: number }
export interface Recommendation {
  indicator: string;
  group: string;
  current?: number | boolean | string;
  currentScore: number | null;
  next: AnswerGain;
  best: AnswerGain;
}
export interface PlanStep { indicator: string; from?: number | boolean | string; to: number | boolean | string; score: number; gain: number }
export interface Plan {
  target: { index: number; label: { id: string; en?: string } };
  targetScore: number;
  reached: boolean;
  scoreAfter: Score;
  steps: PlanStep[];
}
export interface Advice { overall: Score; recommendations: Recommendation[]; plan?: Plan }

export interface Delta { previous: number | null; current: number | null; change: number | null }
export interface Change extends Delta { id: string; previousValue?: number | boolean | string; currentValue?: number | boolean | string }
export interface Comparison {
  overall: Delta;
  previous: Score;
  current: Score;
  groups: Change[];
  tags: Change[];
  indicators: Change[];
  problems: Problem[];
}

export interface OpenedFile {
  integrity: 'intact' | 'mismatch' | 'unchecked';
  assessment: Assessment | null;
  problems: Problem[];
}

/** A validated, compiled indicator set. */
export declare class SetHandle {
  private constructor();
  readonly id: string;
  readonly version: string;
  /** Warnings found while loading (the set is usable). */
  readonly warnings: Problem[];
  toJSON(): IndicatorSet;
  newAssessment(): Assessment;
  validate(assessment: Assessment | string): Problem[];
  score(assessment: Assessment | string): Report;
  advise(assessment: Assessment | string, options?: { limit?: number }): Advice;
  compare(previous: Assessment | string, current: Assessment | string): Comparison;
  csv(assessment: Assessment | string, lang?: Lang): string;
  exportJson(assessment: Assessment | string, exportedAt: string): string;
  free(): void;
}

export interface ChangeDetail { indicator: string; answer: Answer }
export interface ScoreDetail { overall: Score; answered: number; total: number }
export interface ExportDetail { format: 'json' | 'csv'; filename: string; text: string }
export interface WidgetEvents { change: ChangeDetail; score: ScoreDetail; export: ExportDetail }

/** A mounted widget. */
export declare class Widget {
  private constructor();
  assessment(): Assessment;
  /** Replaces the answers (the old ones are kept as a backup in storage); returns the problems found. */
  setAssessment(assessment: Assessment | string): Problem[];
  report(): Report;
  advice(limit?: number): Advice;
  setLocale(lang: Lang): void;
  setPrevious(previous: Assessment | string | null): void;
  exportJson(): string;
  exportCsv(): string;
  on<K extends keyof WidgetEvents>(event: K, callback: (detail: WidgetEvents[K]) => void): void;
  off<K extends keyof WidgetEvents>(event: K, callback: (detail: WidgetEvents[K]) => void): void;
  /** Removes every listener, timer and callback and empties the host element. */
  destroy(): void;
  readonly listenerCount: number;
  free(): void;
}

export interface MountOptions {
  /** A built-in id (default `gm100sc-kesiapan`), a loaded set, or a set object / JSON text. */
  set?: string | SetHandle | IndicatorSet;
  lang?: Lang;
  /** Part of the localStorage key (with the set id); default `default`. */
  storageKey?: string;
  /** Prefills the region form. */
  region?: { name?: string; code?: string; period?: string; assessor?: string };
  /** Starting answers, used when nothing is saved in this browser yet. */
  assessment?: Assessment | string;
  /** Last year's assessment, for the comparison panel. */
  previous?: Assessment | string;
  /** The stylesheet URL (default: swanilai.css beside the package). */
  stylesheet?: string;
  /** Where the .wasm file is (default: beside the package). */
  wasmUrl?: string | URL;
}

/** Loads the WebAssembly module; safe to call more than once. */
export default function init(wasmUrl?: string | URL | BufferSource | WebAssembly.Module): Promise<unknown>;
export { init };
export declare function version(): string;
export declare function builtinSets(): BuiltinInfo[];
export declare function loadSet(set: IndicatorSet | string | object): SetHandle | Problems;
export declare function getSet(id: string, options?: { base?: string | URL }): Promise<SetHandle>;
export declare function openExport(text: string): OpenedFile;
export declare function mount(element: Element, options?: MountOptions): Promise<Widget>;
export declare const stylesheetUrl: string;
