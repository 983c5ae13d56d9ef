// Guesses the encoding of a text (csv) file from its BOM or its first bytes, and refuses binary files.
import { SpreadsheetError } from './spreadsheet-error.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** How to decode a text file: the encoding and how many BOM bytes to skip. */
export type EncodingGuess = { encoding: TextEncoding; bomLength: number };

/** How much of the file the caller should pass to {@link detectTextEncoding}. */
export const SNIFF_BYTES = 64 * 1024;

const NOT_A_SPREADSHEET = '文件不是有效的 Excel 或 CSV 文件，请上传 .xlsx 或 .csv 格式的花名册';

/**
 * BOMs win; otherwise text that is valid UTF-8 is UTF-8 and anything else is taken as GBK (decoded as its
 * superset GB18030), which is what Excel on Chinese Windows writes for "CSV". `isWholeFile` says the sample
 * is the entire file, so a character cut off at its end is a real error rather than the sample's edge.
 */
export function detectTextEncoding(sample: Uint8Array, isWholeFile: boolean): EncodingGuess {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (looksBinary(sample)) throw new SpreadsheetError('UNSUPPORTED_FILE', NOT_A_SPREADSHEET);
  return { encoding: isValidUtf8(sample, isWholeFile) ? 'utf-8' : 'gb18030', bomLength: 0 };
}

function isValidUtf8(sample: Uint8Array, isWholeFile: boolean): boolean {
  try {
    // stream: true keeps an incomplete trailing sequence pending instead of failing on it.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !isWholeFile });
    return true;
  } catch {
    return false;
  }
}

/** NUL bytes never occur in 8-bit text; many other control chars mean a binary format too. */
function looksBinary(sample: Uint8Array): boolean {
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    // Tab, LF, CR and form feed occur in text; the rest of C0 hardly ever does.
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  return control > sample.length / 100;
}
