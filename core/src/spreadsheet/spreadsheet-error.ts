// The one error type the spreadsheet readers throw for files they cannot read.

export type SpreadsheetErrorCode = 'BROKEN_FILE' | 'UNSUPPORTED_FILE';

/** A file that is damaged or not a spreadsheet; `message` is Chinese and fit to show to the uploader. */
export class SpreadsheetError extends Error {
  override readonly name = 'SpreadsheetError';
  readonly code: SpreadsheetErrorCode;

  constructor(code: SpreadsheetErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export const BROKEN_XLSX_MESSAGE = '文件已损坏或不是有效的 Excel 文件';

/**
 * Wraps whatever a parser, zlib or the zip reader threw into a SpreadsheetError. Aborts (the signal's reason,
 * whatever it is) pass through untouched so callers can tell "cancelled" from "broken".
 */
export function toSpreadsheetError(error: unknown, options: { message?: string; signal?: AbortSignal | undefined } = {}): unknown {
  if (error instanceof SpreadsheetError) return error;
  if (options.signal?.aborted || (error instanceof Error && error.name === 'AbortError')) return error;
  return new SpreadsheetError('BROKEN_FILE', options.message ?? BROKEN_XLSX_MESSAGE, { cause: error });
}
