// Shapes shared by the xlsx and csv readers.

/** One cell as read: text, number, boolean, or null for empty/error cells. */
export type CellValue = string | number | boolean | null;

/** A non-empty row of the sheet. */
export type SheetRow = {
  /** 1-based, as Excel shows it; rows may skip numbers because empty rows are never reported. */
  rowNumber: number;
  /** Index 0 = column A; gaps are null. */
  cells: CellValue[];
};

/** Options of {@link readSheetRows}. */
export type ReadSheetOptions = {
  /** Called with 0..1, at most about every 1%, and with 1 at the end. */
  onProgress?: (fraction: number) => void;
  /** Aborting makes the iteration throw the signal's reason. */
  signal?: AbortSignal;
};
