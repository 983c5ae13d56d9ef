// Reads the shared-strings table (xl/sharedStrings.xml): the only part held in memory whole.
import type { ZipFile, Entry } from 'yauzl';
import { parseEntryXml } from './xml-text.ts';

/**
 * Every `<si>` as one string: plain `<t>` or the `<t>` of all rich-text runs concatenated. Phonetic runs
 * (`<rPh>`, furigana/pinyin hints) are not part of the cell's text and are skipped.
 */
export async function readSharedStrings(zip: ZipFile, entry: Entry, signal?: AbortSignal): Promise<string[]> {
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let phoneticDepth = 0;
  await parseEntryXml(
    zip,
    entry,
    {
      open(name) {
        if (name === 't') inText = phoneticDepth === 0;
        else if (name === 'rPh') phoneticDepth++;
        else if (name === 'si') current = '';
      },
      close(name) {
        if (name === 't') inText = false;
        else if (name === 'rPh') phoneticDepth--;
        else if (name === 'si') strings.push(current);
      },
      text(text) {
        if (inText) current += text;
      },
    },
    signal,
  );
  return strings;
}
