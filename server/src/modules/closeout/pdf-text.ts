// Mixed Chinese/Latin text for pdfkit: the shipped CJK font has no Latin glyphs, so Latin-1 runs (and curly quotes) are set in the
// standard Helvetica and everything else in the embedded CJK font. Lines are broken by hand (pdfkit's own
// wrapper cannot mix fonts in a centred line): any CJK character may end a line, Latin words stay whole.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Doc = PDFKit.PDFDocument;

export const CJK_FONT = 'cjk';
export const LATIN_FONT = 'Helvetica';
export const LATIN_BOLD_FONT = 'Helvetica-Bold';

const FONT_PATH = fileURLToPath(new URL('../../../assets/fonts/DuibiaoCJK-Subset.ttf', import.meta.url));
let fontBytes: Buffer | undefined;

/** Registers the shipped CJK font on a document (read from disk once per process, never fetched). */
export function registerCjkFont(doc: Doc): void {
  fontBytes ??= readFileSync(FONT_PATH);
  doc.registerFont(CJK_FONT, fontBytes);
}

interface Run {
  text: string;
  latin: boolean;
}

// Curly quotes are missing from the CJK font but present in Helvetica's WinAnsi encoding.
const LATIN_RUN = /[\u0020-\u00ff\u2018\u2019\u201c\u201d]+|[^\u0020-\u00ff\u2018\u2019\u201c\u201d]/gu;
const isLatin = (ch: string) => ch.codePointAt(0)! <= 0xff || '\u2018\u2019\u201c\u201d'.includes(ch);

/** Splits text into breakable tokens: one per CJK character, whole words (with trailing spaces) for Latin. */
function tokens(text: string): Run[] {
  const out: Run[] = [];
  for (const part of text.match(LATIN_RUN) ?? []) {
    if (isLatin(part[0]!)) for (const word of part.match(/\S+\s*|\s+/g) ?? []) out.push({ text: word, latin: true });
    else out.push({ text: part, latin: false });
  }
  return out;
}

function width(doc: Doc, run: Run, size: number, bold: boolean): number {
  doc.font(run.latin ? (bold ? LATIN_BOLD_FONT : LATIN_FONT) : CJK_FONT).fontSize(size);
  return doc.widthOfString(run.text);
}

export interface TextOptions {
  x: number;
  y: number;
  width: number;
  size: number;
  align?: 'left' | 'center' | 'right';
  color?: string;
  /** Extra space between lines, in points. */
  lineGap?: number;
  /** Extra space between characters (for spaced-out titles). */
  characterSpacing?: number;
  /** Latin runs in Helvetica-Bold (the CJK font has one weight). */
  bold?: boolean;
  /** Indent of the first line, in points (two CJK characters is the Chinese paragraph habit). */
  indent?: number;
}

/** Draws text wrapped to `width`; returns the y below the last line. */
export function drawText(doc: Doc, text: string, o: TextOptions): number {
  const spacing = o.characterSpacing ?? 0;
  const bold = o.bold ?? false;
  const lines: { runs: Run[]; width: number }[] = [];
  let line: Run[] = [];
  let lineWidth = o.indent ?? 0;
  for (const t of tokens(text)) {
    const w = width(doc, t, o.size, bold) + spacing * [...t.text].length;
    // A CJK closing punctuation mark never starts a line.
    const closing = !t.latin && /[，。、；：！？）》」』】]/.test(t.text);
    if (line.length > 0 && lineWidth + w > o.width && !closing) {
      lines.push({ runs: line, width: lineWidth });
      line = [];
      lineWidth = 0;
    }
    line.push(t);
    lineWidth += w;
  }
  if (line.length > 0) lines.push({ runs: line, width: lineWidth });

  const lineHeight = o.size * 1.25 + (o.lineGap ?? 0);
  let y = o.y;
  lines.forEach((l, i) => {
    let x = o.x + (i === 0 ? (o.indent ?? 0) : 0);
    if (o.align === 'center') x = o.x + (o.width - l.width) / 2;
    if (o.align === 'right') x = o.x + o.width - l.width;
    for (const run of l.runs) {
      doc
        .font(run.latin ? (bold ? LATIN_BOLD_FONT : LATIN_FONT) : CJK_FONT)
        .fontSize(o.size)
        .fillColor(o.color ?? '#000000');
      // Both fonts on one alphabetic baseline: their ascents differ (Droid 1.04 em, Helvetica 0.72 em), so
      // top-aligned runs would not line up.
      doc.text(run.text, x, y + o.size * 0.95, { lineBreak: false, characterSpacing: spacing, baseline: 'alphabetic' });
      x += width(doc, run, o.size, bold) + spacing * [...run.text].length;
    }
    y += lineHeight;
  });
  return y;
}
