// Streams the rows of the first worksheet of an xlsx file.
import { progressReporter } from './progress.ts';
import { readSharedStrings } from './shared-strings.ts';
import type { ReadSheetOptions, SheetRow } from './sheet-row.ts';
import { createSheetRowParser } from './sheet-xml.ts';
import { toSpreadsheetError } from './spreadsheet-error.ts';
import { locateWorkbookParts } from './xlsx-workbook.ts';
import { entryTextChunks } from './xml-text.ts';
import { closeZip, openZip, type ZipArchive } from './zip-archive.ts';

/**
 * Yields the non-empty rows of the first worksheet. Only the shared-strings table is held in memory; the sheet
 * XML is inflated, decoded and parsed chunk by chunk. The zip is closed however the iteration ends.
 */
export async function* readXlsxRows(filePath: string, options: ReadSheetOptions = {}): AsyncGenerator<SheetRow> {
  const { signal } = options;
  let archive: ZipArchive | undefined;
  try {
    archive = await openZip(filePath);
    const parts = await locateWorkbookParts(archive, signal);
    const sharedStrings = parts.sharedStrings ? await readSharedStrings(archive.zip, parts.sharedStrings, signal) : [];

    const progress = progressReporter(options.onProgress);
    const total = parts.sheet.compressedSize;
    let consumed = 0;
    const sheet = createSheetRowParser(sharedStrings);
    const chunks = entryTextChunks(archive.zip, parts.sheet, {
      signal,
      onCompressed(bytes) {
        consumed += bytes;
        progress.update(consumed, total);
      },
    });
    for await (const text of chunks) {
      sheet.parser.write(text);
      yield* sheet.takeRows();
    }
    sheet.parser.close();
    yield* sheet.takeRows();
    progress.finish();
  } catch (error) {
    throw toSpreadsheetError(error, { signal });
  } finally {
    if (archive) closeZip(archive.zip);
  }
}
