// Finds the header row of a roster sheet and maps its columns to record fields.
import type { SheetRow } from '../spreadsheet/sheet-row.ts';
import { fieldLabel, headerKeyOf, REQUIRED_ROSTER_FIELDS, type HeaderKey, type RosterField } from './header-synonyms.ts';

/** One mapped column: its 0-based index, its header text as in the file, the field it fills. */
export type RosterColumn = { index: number; header: string; field: RosterField };

/** Where the header is and which column fills which field. */
export type RosterMapping = { headerRowNumber: number; columns: RosterColumn[] };

export type HeaderDetection =
  | {
      ok: true;
      mapping: RosterMapping;
      /** Columns with a header text that names no field; their data is ignored. */
      unknownColumns: { index: number; header: string }[];
      /** Chinese, one per ignored column (unknown or duplicate), to show before importing. */
      warnings: string[];
    }
  | { ok: false; error: string; missingFields: RosterField[]; headerRowNumber: number | null };

/** How many recognised header cells make a row the header (a title row has one cell at most). */
const MIN_KNOWN_HEADERS = 3;
const SCANNED_ROWS = 10;

/**
 * Picks the first of the first 10 rows with at least 3 recognised header texts, so a merged title row or
 * blank rows above the header are skipped. Fails listing the required columns the header lacks.
 */
export function detectHeader(rows: readonly SheetRow[]): HeaderDetection {
  const header = rows.slice(0, SCANNED_ROWS).find((row) => distinctKeys(row).size >= MIN_KNOWN_HEADERS);
  if (!header) {
    const required = REQUIRED_ROSTER_FIELDS.map(fieldLabel).join('、');
    return {
      ok: false,
      error: `未找到表头：前${SCANNED_ROWS}行中没有包含至少${MIN_KNOWN_HEADERS}个可识别列名的行，表头须包含${required}`,
      missingFields: [...REQUIRED_ROSTER_FIELDS],
      headerRowNumber: null,
    };
  }

  const columns: RosterColumn[] = [];
  const unknownColumns: { index: number; header: string }[] = [];
  const warnings: string[] = [];
  const seen = new Map<HeaderKey, number>();
  header.cells.forEach((cell, index) => {
    const text = cell === null ? '' : String(cell).trim();
    if (text === '') return;
    const key = headerKeyOf(text);
    if (key === undefined) {
      unknownColumns.push({ index, header: text });
      warnings.push(`第${columnLetter(index)}列“${text}”不是可识别的列名，该列将被忽略`);
      return;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      warnings.push(`第${columnLetter(index)}列“${text}”与第${columnLetter(first)}列重复（都是${fieldLabel(key)}），该列将被忽略`);
      return;
    }
    seen.set(key, index);
    if (key !== 'serial') columns.push({ index, header: text, field: key });
  });

  const missingFields = REQUIRED_ROSTER_FIELDS.filter((field) => !seen.has(field));
  if (missingFields.length > 0) {
    return {
      ok: false,
      error: `第${header.rowNumber}行表头缺少必填列：${missingFields.map(fieldLabel).join('、')}`,
      missingFields,
      headerRowNumber: header.rowNumber,
    };
  }
  return { ok: true, mapping: { headerRowNumber: header.rowNumber, columns }, unknownColumns, warnings };
}

function distinctKeys(row: SheetRow): Set<HeaderKey> {
  const keys = new Set<HeaderKey>();
  for (const cell of row.cells) {
    if (typeof cell !== 'string') continue;
    const key = headerKeyOf(cell);
    if (key) keys.add(key);
  }
  return keys;
}

/** 0 → A, 27 → AB: how the user sees a column. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
