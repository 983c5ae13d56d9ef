// Streaming xlsx export: rows go to the response as they are produced, never all held in memory.
import type { Stream } from 'node:stream';
import ExcelJS from 'exceljs';

export interface XlsxColumn<T> {
  header: string;
  width: number;
  value: (row: T) => string | number | null;
}

export async function writeXlsx<T>(
  out: NodeJS.WritableStream,
  sheetName: string,
  columns: XlsxColumn<T>[],
  rows: AsyncIterable<T> | Iterable<T>,
): Promise<void> {
  await writeXlsxSheets(out, [{ name: sheetName, columns, rows }]);
}

export interface XlsxSheet<T> {
  name: string;
  columns: XlsxColumn<T>[];
  rows: AsyncIterable<T> | Iterable<T>;
}

/** Several worksheets in one workbook, written one after another (each streamed like {@link writeXlsx}). */
export async function writeXlsxSheets<T extends unknown[]>(out: NodeJS.WritableStream, sheets: { [K in keyof T]: XlsxSheet<T[K]> }): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out as unknown as Stream, useStyles: true, useSharedStrings: false });
  // Each sheet's rows only meet its own columns; the tuple type above checks that pairing for the caller.
  for (const { name, columns, rows } of sheets as unknown as XlsxSheet<unknown>[]) {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const row of rows) {
      sheet.addRow(columns.map((c) => c.value(row))).commit();
    }
    sheet.commit();
  }
  await workbook.commit();
}
