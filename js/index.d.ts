// The swanilai API. The JSON shapes (IndicatorSet, Assessment, Report, Advice, Comparison and
// everything in them) are generated from the Rust types into types.d.ts; this file types the
// functions and the few shapes that exist only at the JavaScript boundary.
import type {
  Advice,
  Answer,
  Assessment,
  Check,
  Comparison,
  IndicatorSet,
  MergeReport,
  Problem,
  Progress,
  Region,
  Report,
  Score,
  Text,
  Value,
} from './types.js';
export type * from './types.js';

/**
 * A language, as a BCP 47 tag: `'id'`, `'en'`, `'en-GB'`, `navigator.language`. The widget and
 * the exports speak Indonesian and English: `en` and `en-*` mean English, `id` and `id-*`
 * Indonesian. `mount()` and `setLocale()` throw for any other language (`'fr'`), naming the two;
 * `csv()` and the custom element's `lang` attribute treat other tags as Indonesian.
 */
// `string & {}` keeps 'id' and 'en' as suggestions in editors while any string is accepted.
export type Lang = 'id' | 'en' | (string & {});

/** What `init()` accepts: where the .wasm file is, or its bytes or compiled module. */
export type WasmSource = string | URL | Request | Response | BufferSource | WebAssembly.Module;

/** A list of problems, returned (never thrown) when a document has errors. */
export type Problems = Problem[];

/**
 * A document as the engine reads it: shaped like `T` (the engine's output), but every `Text`
 * may be a plain string and any field may be left out, since many have defaults (the engine
 * reports what is missing or wrong as problems, with their paths, instead of the compiler).
 */
export type Input<T> = T extends Text
  ? Text extends T
    ? Text | string
    : { [K in keyof T]?: Input<T[K]> }
  : T extends Array<infer U>
    ? Array<Input<U>>
    : T extends object
      ? { [K in keyof T]?: Input<T[K]> }
      : T;

/** An indicator set as written: an object (plain-string texts allowed) or JSON text. */
export type IndicatorSetInput = Input<IndicatorSet> | string;

/** An assessment as an object or as JSON text; an answer may be just its value. */
export type AssessmentInput = (Omit<Input<Assessment>, 'answers'> & { answers?: Record<string, Input<Answer> | Value | null> }) | string;

/** A built-in indicator set. */
export interface BuiltinInfo {
  /** The set id, e.g. `spbe-2020`; `getSet(id)` loads it. */
  id: string;
  /** The title in Indonesian. */
  titleId: string;
  /** The title in English. */
  titleEn: string;
}

/** What an opened export file holds. */
export interface OpenedFile {
  /** `intact`: the SHA-256 matches; `mismatch`: the file was changed; `unchecked`: it carries none. */
  integrity: 'intact' | 'mismatch' | 'unchecked';
  /** The assessment, or null when none could be read. */
  assessment: Assessment | null;
  /** Problems with the file and the assessment. */
  problems: Problem[];
}

/** The Error `getSet()` and `mount()` reject with when a set has errors. */
export interface ProblemsError extends Error {
  problems: Problem[];
}

/** A validated, compiled indicator set. Its methods never throw for bad assessments: problems are data. */
export declare class SetHandle {
  private constructor();
  /** The set id. */
  readonly id: string;
  /** The set version. */
  readonly version: string;
  /** Warnings found while loading (the set is usable). */
  readonly warnings: Problem[];
  /** The set as a plain object (as the engine writes it back). */
  toJSON(): IndicatorSet;
  /** An empty assessment of this set. */
  newAssessment(): Assessment;
  /** Every problem of an assessment (its shape and its answers); empty when it is valid. */
  validate(assessment: unknown): Problem[];
  /** Opens a file's text for this set, as the widget's import does: like `openExport`, but a
   * file with far more answers than the set has indicators is refused (`too-many`). */
  openFile(text: string): OpenedFile;
  /** The report. Invalid answers are not scored and are listed in `report.problems`. */
  score(assessment: AssessmentInput): Report;
  /** Improvements ranked by gain, and the plan to the next predicate; `limit` caps the list. */
  advise(assessment: AssessmentInput, options?: { limit?: number }): Advice;
  /** "Siap diajukan?": what still blocks submitting (unanswered indicators, claims above the
   * evidence, evidence without notes or links, links that are not http(s), drafts), each
   * finding naming its indicator; `ready` when no finding is an error. */
  check(assessment: AssessmentInput): Check;
  /** What changed between two assessments of this set. */
  compare(previous: AssessmentInput, current: AssessmentInput): Comparison;
  /** The CSV report: particulars, one row per indicator, a summary per group and overall
   * (labels in `lang`, default `id`; `id`: `;`-separated with decimal commas, `en`:
   * `,`-separated with decimal points); `exportedAt` (ISO 8601) is the export time it states,
   * now when omitted. */
  csv(assessment: AssessmentInput, lang?: Lang, exportedAt?: string): string;
  /** The JSON export text: assessment and report with a SHA-256 of the content. */
  exportJson(assessment: AssessmentInput, exportedAt: string): string;
  /** Progress per unit on `date` (`YYYY-MM-DD` or an ISO 8601 time): answered, evidence items
   * ready, claims above their evidence, overdue targets. See docs/TEAM.md. */
  progress(assessment: AssessmentInput, date: string): Progress;
  /** One unit's share of `base` as an export file's text: its indicators only, with the set,
   * region, units, who hands it out (`assignedBy`) and the base's hash. Throws when the base
   * is of another set, damaged, or does not list the unit. */
  cutShare(base: AssessmentInput | string, unit: string, assignedBy: string, at: string): string;
  /** Merges returned shares (each file's name and text) into `base`. A conflict keeps the
   * base's answer unless `choices` maps its indicator to `'base'`, a file name or a unit id.
   * `at` is recorded for changes from files without `updatedAt`. Bad files are refused in
   * `report.files`, each message naming its file. */
  mergeShares(
    base: AssessmentInput | string,
    files: Array<{ name: string; text: string }>,
    choices: Record<string, string> | null,
    at: string,
  ): MergeReport;
  /** Carries `previous` (last year's) evidence notes and links into `current`'s empty ones,
   * each flagged in `assessment.carried` ("masih berlaku?") until settled. */
  carryForward(previous: AssessmentInput, current: AssessmentInput): { carried: number; assessment: Assessment };
  /** Fills the answers the set takes from last year's assessment (`fromPrevious`, e.g. the smart city Baseline), marked in `carried` as proposed. */
  fillFromPrevious(
    previous: AssessmentInput,
    current: AssessmentInput,
  ): { filled: { indicator: string; rule: 'index' | 'change'; value: number }[]; assessment: Assessment };
  /** Confirms (`keep` true: the flag goes, the text stays) or drops one carried piece: the
   * answer's own notes and links (`item` null) or an evidence item's. */
  settleCarried(assessment: AssessmentInput, indicator: string, item: string | null, keep: boolean): Assessment;
  /** The set as `assessment` is scored against: for a set built from a masterplan, with the
   * Outcome, Quick Win and Impact indicators generated from its programs. */
  expandedSet(assessment: AssessmentInput): IndicatorSet;
  /** The masterplan's programs from a CSV file's text into `assessment`; each row left out is
   * listed with its row (the header is row 1), column and why. Throws when the header lacks a
   * required column or the set is not built from a masterplan. */
  importPrograms(
    assessment: AssessmentInput,
    csv: string,
  ): { assessment: Assessment; imported: number; problems: Array<{ row: number; column: string; code: string; message: Text }> };
  /** The impact survey's form (a set) for one sub-dimension's surveyed programs. */
  surveyForm(assessment: AssessmentInput, subdimension: string): IndicatorSet;
  /** Aggregates respondents' exported survey files into the sub-dimension's Impact answer
   * (mean over respondents, then over statements). Refused files are in
   * `aggregation.problems`, each naming its file. */
  aggregateSurvey(
    assessment: AssessmentInput,
    subdimension: string,
    files: Array<{ name: string; text: string }>,
  ): {
    aggregation: {
      subdimension: string;
      indicator: string;
      value?: number | null;
      respondents: number;
      statements: Array<{ id: string; mean: number; respondents: number }>;
      files: Array<{ file: string; accepted: boolean; answered: number }>;
      problems: Problem[];
    };
    assessment: Assessment;
  };
  /** Frees the Rust memory now instead of when the handle is garbage-collected. */
  free(): void;
}

/** `change`: one answer (value, notes or links) changed, with the answer as it is now; or the
 * region form changed, with the region as it is now. */
export type ChangeDetail = { indicator: string; answer: Answer; region?: never } | { region: Region; indicator?: never; answer?: never };
/** `score`: the overall score after a change. */
export interface ScoreDetail {
  overall: Score;
  /** Indicators with a valid answer. */
  answered: number;
  /** Indicators in all. */
  total: number;
}
/** `export`: a file was exported (and offered as a download). */
export interface ExportDetail {
  format: 'json' | 'csv';
  filename: string;
  text: string;
}
/** The widget's events and their details (`on()` callbacks and the host's DOM `CustomEvent`s). */
export interface WidgetEvents {
  change: ChangeDetail;
  score: ScoreDetail;
  export: ExportDetail;
}
/** A widget event's name. */
export type WidgetEvent = keyof WidgetEvents;

/** A mounted widget. Its methods throw an Error after `destroy()`. */
export declare class Widget {
  private constructor();
  /** The current assessment (answers, evidence, region). */
  assessment(): Assessment;
  /** Replaces the answers (the old ones are kept as a backup in storage); returns the problems
   * found. An assessment of another set, or one that cannot be read, replaces nothing. */
  setAssessment(assessment: AssessmentInput): Problem[];
  /** The report of the current assessment. */
  report(): Report;
  /** Advice for the current assessment; `limit` caps the recommendations. */
  advice(limit?: number): Advice;
  /** Switches the interface language (`id`, `en` or a tag starting with one, such as `en-GB`;
   * throws for another language). */
  setLocale(lang: Lang): void;
  /** Sets last period's assessment for the comparison panel (`null` clears it); kept in storage
   * for the next session. */
  setPrevious(previous: AssessmentInput | null): void;
  /** The JSON export text (assessment + report + SHA-256). */
  exportJson(): string;
  /** The CSV export text. */
  exportCsv(): string;
  /** Calls `callback` on every `event` (the same function is registered once); the same events
   * are dispatched on the host element. */
  on<K extends WidgetEvent>(event: K, callback: (detail: WidgetEvents[K]) => void): void;
  /** Removes a callback registered with `on()`. */
  off<K extends WidgetEvent>(event: K, callback: (detail: WidgetEvents[K]) => void): void;
  /** Saves, removes every listener, timer and callback, and empties the host element. */
  destroy(): void;
  /** Listeners and timers the widget holds (0 after `destroy()`). */
  readonly listenerCount: number;
  /**
   * Not a way to remove the widget: call `destroy()`, which saves and cleans up. `free()` only
   * releases the handle's memory, and only after `destroy()` (alone it leaves a broken widget).
   */
  free(): void;
}

/** Options of `mount()`. */
export interface MountOptions {
  /** A built-in id (default `gm100sc-kesiapan`), a loaded set, or a set object or JSON text
   * (a string starting with `{`; any other string is an id, and an unknown one is an error). */
  set?: string | SetHandle | IndicatorSetInput;
  /** The interface language (default `id`): `id`, `en` or a tag starting with one, such as
   * `navigator.language` in an English browser (`en-GB`); another language is refused. */
  lang?: Lang;
  /** Part of the localStorage key (with the set id); default `default`. Two widgets of one set
   * on a page need different keys (a second mount under a key in use is refused), without `:`. */
  storageKey?: string;
  /** Prefills the region form. */
  region?: { name?: string; code?: string; period?: string; assessor?: string };
  /** Starting answers, used when nothing is saved in this browser yet. */
  assessment?: AssessmentInput;
  /** Last period's assessment, for the comparison panel. */
  previous?: AssessmentInput;
  /** The stylesheet URL (default, also for `undefined`, `null` or `''`: swanilai.css beside the package). */
  stylesheet?: string | null | undefined;
  /** Where the .wasm file is (default: beside the package); used by the first `init()` only. */
  wasmUrl?: WasmSource;
}

/**
 * Loads the WebAssembly module (by default from `new URL('swanilai_bg.wasm', import.meta.url)`).
 * Safe to call more than once: every call returns the same promise, the first `wasmUrl` wins,
 * and a failed load is retried by the next call. A failed load rejects with an Error that names
 * the URL (the browser's error is its `cause`).
 */
export default function init(wasmUrl?: WasmSource | { module_or_path: WasmSource }): Promise<void>;
export { init };
/** The package version. Needs `await init()` first (throws otherwise). */
export declare function version(): string;
/** The built-in sets. Needs `await init()` first (throws otherwise). */
export declare function builtinSets(): BuiltinInfo[];
/** Loads a set from an object or JSON text: a handle, or the problems when it has errors.
 * Needs `await init()` first (throws otherwise). */
export declare function loadSet(set: IndicatorSetInput): SetHandle | Problems;
/** Loads a built-in set from the package's `sets/` folder, or from the folder `options.base`
 * (a URL resolved against the page; a missing trailing slash is added). Calls `init()`. */
export declare function getSet(id: string, options?: { base?: string | URL }): Promise<SetHandle>;
/** Opens an exported file's text, checking its SHA-256. Needs `await init()` first (throws otherwise). */
export declare function openExport(text: string): OpenedFile;
/** Mounts the widget into `element` (it gets a shadow root). Loads the module first. Mounting
 * again into the same element replaces the widget there (the old handle answers "destroyed").
 * Rejects with an Error when `element` is not an element (say, `null` from a selector that
 * matched nothing). */
export declare function mount(element: Element, options?: MountOptions): Promise<Widget>;
/** The URL of the widget's stylesheet in the package. */
export declare const stylesheetUrl: string;
