// Entry point: detects xlsx vs csv from the file's first bytes and streams its rows.
import { open } from 'node:fs/promises';
import { readCsvRows } from './csv-reader.ts';
import type { ReadSheetOptions, SheetRow } from './sheet-row.ts';
import { SpreadsheetError } from './spreadsheet-error.ts';
import { detectTextEncoding, SNIFF_BYTES } from './text-encoding.ts';
import { readXlsxRows } from './xlsx-reader.ts';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: legacy .xls, and also password-protected .xlsx. */
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Streams the non-empty rows of the first worksheet of an xlsx file, or of a csv file, chosen by magic bytes
 * (never by file name). Throws {@link SpreadsheetError} for damaged or unsupported files; every file handle is
 * closed when the iteration ends, also when the consumer stops early.
 */
export async function* readSheetRows(filePath: string, options: ReadSheetOptions = {}): AsyncGenerator<SheetRow> {
  options.signal?.throwIfAborted();
  const { sample, fileSize } = await readHead(filePath);
  if (startsWith(sample, ZIP_MAGIC)) {
    yield* readXlsxRows(filePath, options);
  } else if (startsWith(sample, OLE2_MAGIC)) {
    throw new SpreadsheetError('UNSUPPORTED_FILE', '暂不支持 .xls 格式或加密的 Excel 文件，请用 Excel 另存为不加密的 .xlsx 后再导入');
  } else {
    const guess = detectTextEncoding(sample, sample.length === fileSize);
    yield* readCsvRows({ filePath, fileSize, sample, guess }, options);
  }
}

async function readHead(filePath: string): Promise<{ sample: Uint8Array; fileSize: number }> {
  const handle = await open(filePath, 'r');
  try {
    const fileSize = (await handle.stat()).size;
    const buffer = Buffer.alloc(Math.min(SNIFF_BYTES, fileSize));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { sample: buffer.subarray(0, bytesRead), fileSize };
  } finally {
    await handle.close();
  }
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}
