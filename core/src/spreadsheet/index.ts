// Streaming spreadsheet reading (xlsx and csv) for roster imports.
export { readSheetRows } from './read-sheet-rows.ts';
export type { CellValue, ReadSheetOptions, SheetRow } from './sheet-row.ts';
export { SpreadsheetError, type SpreadsheetErrorCode } from './spreadsheet-error.ts';
