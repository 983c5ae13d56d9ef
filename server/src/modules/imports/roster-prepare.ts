// The database-free half of a roster import: stream the file, find the header, map and validate every row,
// resolve units, reject duplicate ID numbers, and hash each row (blind index, content hash). Encryption
// happens on the main thread, only for rows that will be written; that balances the two threads' work. Runs inline for small files and in a worker thread for large ones
// (roster-worker.ts), so parsing overlaps the database writes.
import type { ImportError } from '@duibiao/contracts';
import { detectHeader, fieldLabel, isBlankRosterRow, mapRosterRow, type RosterField, type RosterMapping, type RosterRecord } from '@duibiao/core/roster/index';
import { readSheetRows, SpreadsheetError, type SheetRow } from '@duibiao/core/spreadsheet/index';
import { createFieldCipher } from '../../lib/field-cipher.ts';
import { contentHash, type CadreRecord } from '../cadres/cadres.rules.ts';
import { buildUnitResolver, type UnitEntry } from './unit-resolver.ts';

export interface PrepareInput {
  filePath: string;
  /** YYYY-MM-DD: ages and date checks are relative to it. */
  today: string;
  units: UnitEntry[];
  rootName: string;
  /** Key for the ID-number blind index. */
  dataKey: string;
}

export interface PreparedRow {
  rowNumber: number;
  unitName: string;
  idHash: string;
  /** Content hash: equal to the stored one means the row is unchanged. */
  hash: string;
  record: CadreRecord;
}

export interface PreparedBatch {
  rows: PreparedRow[];
  errors: ImportError[];
  /** Fraction of the file consumed. */
  progress: number;
  rowsRead: number;
}

const HEADER_SCAN_ROWS = 10;
export const PREPARE_BATCH = 500;

const columnTitle = (mapping: RosterMapping, field: RosterField) => mapping.columns.find((c) => c.field === field)?.header ?? fieldLabel(field);

function toRecord(r: RosterRecord, orgId: number): CadreRecord {
  return {
    orgId,
    name: r.name,
    gender: r.gender,
    birthDate: r.birthDate,
    ethnicity: r.ethnicity,
    politicalStatus: r.politicalStatus,
    idNumber: r.idNumber,
    mobile: r.mobile,
    position: r.position,
    rank: r.rank,
    education: r.education,
    specialties: r.specialties,
    workStartDate: r.workStartDate,
    experiences: [],
  };
}

/** Yields batches of prepared rows with the errors found since the previous batch. */
export async function* prepareRoster(input: PrepareInput): AsyncGenerator<PreparedBatch> {
  const cipher = createFieldCipher(input.dataKey);
  const units = buildUnitResolver(input.units, input.rootName);
  const seenIds = new Map<string, number>();
  let rows: PreparedRow[] = [];
  let errors: ImportError[] = [];
  let progress = 0;
  let rowsRead = 0;
  let dataRows = 0;
  const head: SheetRow[] = [];
  let mapping: RosterMapping | undefined;

  const header = (): boolean => {
    const detected = detectHeader(head);
    if (detected.ok) mapping = detected.mapping;
    else errors.push({ row: detected.headerRowNumber ?? 0, column: '', message: detected.error });
    return detected.ok;
  };

  const take = (row: SheetRow) => {
    if (!mapping || row.rowNumber <= mapping.headerRowNumber || isBlankRosterRow(row, mapping)) return;
    dataRows++;
    const mapped = mapRosterRow(row, mapping, { today: input.today });
    if (!mapped.ok) {
      errors.push(...mapped.errors);
      return;
    }
    const unit = units.resolve(mapped.record.unitName);
    if (!unit.ok) {
      errors.push({ row: row.rowNumber, column: columnTitle(mapping, 'unitName'), message: unit.message });
      return;
    }
    const firstRow = seenIds.get(mapped.record.idNumber);
    if (firstRow !== undefined) {
      errors.push({ row: row.rowNumber, column: columnTitle(mapping, 'idNumber'), message: `与第${firstRow}行的身份证号重复` });
      return;
    }
    seenIds.set(mapped.record.idNumber, row.rowNumber);
    const record = toRecord(mapped.record, unit.orgId);
    rows.push({
      rowNumber: row.rowNumber,
      unitName: mapped.record.unitName,
      idHash: cipher.blindIndex(record.idNumber),
      hash: contentHash(record),
      record,
    });
  };

  const flush = (): PreparedBatch => {
    const batch = { rows, errors, progress, rowsRead };
    rows = [];
    errors = [];
    return batch;
  };

  try {
    for await (const row of readSheetRows(input.filePath, { onProgress: (f) => (progress = f) })) {
      rowsRead++;
      if (!mapping) {
        head.push(row);
        if (head.length < HEADER_SCAN_ROWS) continue;
        if (!header()) break;
        head.forEach(take);
        continue;
      }
      take(row);
      if (rows.length >= PREPARE_BATCH) yield flush();
    }
    if (!mapping && !errors.length && head.length && header()) head.forEach(take);
  } catch (error) {
    if (!(error instanceof SpreadsheetError)) throw error;
    errors.push({ row: 0, column: '', message: error.message });
  }
  if (dataRows === 0 && errors.length === 0) errors.push({ row: 0, column: '', message: '文件中没有数据行' });
  progress = 1;
  yield flush();
}
