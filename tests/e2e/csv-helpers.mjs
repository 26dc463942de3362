// Reading the widget's CSV report back with a real CSV parser (csv-parse), as a spreadsheet
// would: with its own separator it must parse strictly as three tables (particulars,
// indicators, summary); with either separator no cell may start a formula.

import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';

const TITLES = {
  id: ['Laporan penilaian', 'Indikator', 'Ringkasan'],
  en: ['Assessment report', 'Indicators', 'Summary'],
};

// What a spreadsheet may take as the start of a formula (or strip before one).
const FORMULA_START = /^[=+\-@\t\r\n\0\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A cell's number in `lang` (`id`: decimal comma), or null when it is not a plain number. */
export function csvNumber(cell, lang) {
  const c = lang === 'id' ? cell.replace(',', '.') : cell;
  return /^-?\d+(\.\d+)?$/.test(c) ? Number(c) : null;
}

/** Parses `text` with `sep`; `strict` refuses anything but well-formed RFC 4180 quoting. */
export function parseCsvStrictly(text, sep, strict = true) {
  assert.ok(text.startsWith('\uFEFF'), 'a byte-order mark first');
  return parse(text, {
    bom: true,
    delimiter: sep,
    relax_column_count: true,
    relax_quotes: !strict,
    skip_empty_lines: true,
  });
}

/** Fails if any cell, read with `,` or `;`, starts a formula (a number may start with `-`). */
export function assertNoFormula(text) {
  let cells = 0;
  for (const sep of [',', ';']) {
    for (const [i, row] of parseCsvStrictly(text, sep, false).entries()) {
      for (const cell of row) {
        cells++;
        const numeric = csvNumber(cell.trim(), 'id') !== null || csvNumber(cell.trim(), 'en') !== null;
        for (const c of [cell, cell.trimStart()]) {
          assert.ok(!FORMULA_START.test(c) || numeric, `read with ${JSON.stringify(sep)}: row ${i} has the cell ${JSON.stringify(cell)}`);
        }
      }
    }
  }
  assert.ok(cells > 0, 'cells were read');
}

/**
 * The report's three tables, read with the file's own separator (`id`: `;`, `en`: `,`):
 * { particulars: { label: value }, indicators: [{ header: cell }], summary: [{ header: cell }] }.
 */
export function readCsvReport(text, lang) {
  const rows = parseCsvStrictly(text, lang === 'id' ? ';' : ',');
  const at = TITLES[lang].map((t) => rows.findIndex((r) => r.length === 1 && r[0] === t));
  assert.ok(at[0] === 0 && at[0] < at[1] && at[1] < at[2], `three sections in order: ${at}`);
  const table = (from, to) => {
    const [header, ...body] = rows.slice(from + 1, to);
    for (const r of body) assert.equal(r.length, header.length, `a full row: ${JSON.stringify(r)}`);
    return body.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k]])));
  };
  const head = rows.slice(at[0] + 2, at[1]);
  for (const r of head) assert.equal(r.length, 2, 'the particulars: label and value');
  return {
    particulars: Object.fromEntries(head),
    indicators: table(at[1], at[2]),
    summary: table(at[2], rows.length),
  };
}
