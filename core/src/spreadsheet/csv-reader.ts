// Streams the rows of a csv file in UTF-8, UTF-16 or GBK.
import { createReadStream } from 'node:fs';
import { pipeline, type Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { progressReporter } from './progress.ts';
import type { ReadSheetOptions, SheetRow } from './sheet-row.ts';
import { toSpreadsheetError } from './spreadsheet-error.ts';
import type { EncodingGuess } from './text-encoding.ts';

/** What the caller already learned from the head of the file. */
export type CsvSource = { filePath: string; fileSize: number; sample: Uint8Array; guess: EncodingGuess };

/**
 * Yields the non-empty records; rowNumber counts records (a quoted field spanning lines is one row, as in
 * Excel). Values are strings, '' becomes null.
 */
export async function* readCsvRows(source: CsvSource, options: ReadSheetOptions = {}): AsyncGenerator<SheetRow> {
  const { filePath, fileSize, guess } = source;
  const progress = progressReporter(options.onProgress);
  const file = createReadStream(filePath, { start: guess.bomLength, highWaterMark: 256 * 1024 });
  let consumed = guess.bomLength;
  file.on('data', (chunk) => {
    consumed += chunk.length;
    progress.update(consumed, fileSize);
  });
  const parser = parse({
    delimiter: sniffDelimiter(source.sample),
    // Excel writes CRLF, hand-edited files mix in LF; accept all three per record.
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    // A stray quote inside an unquoted field (`5"`) is data, not a syntax error.
    relax_quotes: true,
    // An unclosed quote would otherwise gather the rest of a big file into one field in memory.
    max_record_size: 1024 * 1024,
  });
  // csv-parse decodes UTF-8 itself; other encodings are converted to text first.
  const records: Readable =
    guess.encoding === 'utf-8' ? pipeline(file, parser, () => {}) : pipeline(file, iconv.decodeStream(guess.encoding), parser, () => {});

  let rowNumber = 0;
  try {
    for await (const record of records as AsyncIterable<string[]>) {
      options.signal?.throwIfAborted();
      rowNumber++;
      let hasValue = false;
      const cells = record.map((value) => {
        if (value === '') return null;
        hasValue = true;
        return value;
      });
      if (hasValue) yield { rowNumber, cells };
    }
    progress.finish();
  } catch (error) {
    throw toSpreadsheetError(error, { message: csvErrorMessage(error), signal: options.signal });
  } finally {
    records.destroy();
    file.destroy();
  }
}

function csvErrorMessage(error: unknown): string {
  if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return `CSV 文件格式有误：第 ${String(error.lines)} 行附近的引号没有闭合`;
  }
  return 'CSV 文件已损坏或格式有误，无法读取';
}

/** Comma unless the first line has tabs and no commas (tab-separated "csv" exports). */
function sniffDelimiter(sample: Uint8Array): string {
  let commas = 0;
  let tabs = 0;
  // Scanning bytes works for UTF-8, GBK (trail bytes are ≥ 0x40) and, near enough, for UTF-16.
  for (const byte of sample) {
    if (byte === 0x0a) break;
    if (byte === 0x2c) commas++;
    else if (byte === 0x09) tabs++;
  }
  return tabs > 0 && commas === 0 ? '\t' : ',';
}
