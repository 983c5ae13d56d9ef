// SAX handler that turns worksheet XML (`<sheetData><row><c>…`) into SheetRows.
import { columnIndexOf } from './cell-ref.ts';
import type { CellValue, SheetRow } from './sheet-row.ts';
import { createXmlParser, type PlainXmlParser } from './xml-text.ts';

/**
 * A parser plus the rows it has completed so far. The caller writes text chunks and takes the rows between
 * writes, so at most one chunk's worth of rows is ever buffered.
 */
export type SheetRowParser = { parser: PlainXmlParser; takeRows(): SheetRow[] };

/** Creates a worksheet parser resolving `t="s"` cells against `sharedStrings`. */
export function createSheetRowParser(sharedStrings: readonly string[]): SheetRowParser {
  let completed: SheetRow[] = [];
  let rowNumber = 0;
  let cells: CellValue[] = [];
  let column = -1;
  let type = '';
  let text = '';
  let capturing = false;
  let inInlineString = false;
  let phoneticDepth = 0;

  const parser = createXmlParser({
    open(name, attrs) {
      switch (name) {
        case 'row': {
          const r = attrs.r === undefined ? NaN : parseInt(attrs.r, 10);
          rowNumber = Number.isNaN(r) ? rowNumber + 1 : r;
          cells = [];
          column = -1;
          break;
        }
        case 'c': {
          const ref = attrs.r;
          const index = ref === undefined ? -1 : columnIndexOf(ref);
          // A cell without a usable reference sits right after the previous one.
          column = index < 0 ? column + 1 : index;
          type = attrs.t ?? '';
          text = '';
          break;
        }
        case 'v':
          capturing = !inInlineString;
          break;
        case 'is':
          inInlineString = true;
          break;
        case 't':
          capturing = inInlineString && phoneticDepth === 0;
          break;
        case 'rPh':
          phoneticDepth++;
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          capturing = false;
          break;
        case 'is':
          inInlineString = false;
          break;
        case 'rPh':
          phoneticDepth--;
          break;
        case 'c': {
          const value = cellValue(type, text, sharedStrings);
          if (value !== null) {
            while (cells.length < column) cells.push(null);
            cells[column] = value;
          }
          break;
        }
        case 'row':
          // Rows holding only styles or empty strings are not reported at all.
          if (cells.length > 0) completed.push({ rowNumber, cells });
          cells = [];
          break;
      }
    },
    text(chunk) {
      if (capturing) text += chunk;
    },
  });
  return {
    parser,
    takeRows() {
      const rows = completed;
      completed = [];
      return rows;
    },
  };
}

/** Converts a cell's raw `<v>`/`<is>` text by its `t` attribute; empty and error cells become null. */
function cellValue(type: string, text: string, sharedStrings: readonly string[]): CellValue {
  switch (type) {
    case '':
    case 'n': {
      if (text === '') return null;
      const n = Number(text);
      return Number.isNaN(n) ? text : n;
    }
    case 's': {
      const s = sharedStrings[parseInt(text, 10)];
      return s === undefined || s === '' ? null : s;
    }
    case 'str':
    case 'inlineStr':
    case 'd':
      return text === '' ? null : text;
    case 'b':
      return text === '' ? null : text === '1' || text === 'true';
    case 'e':
      return null;
    default:
      return text === '' ? null : text;
  }
}
