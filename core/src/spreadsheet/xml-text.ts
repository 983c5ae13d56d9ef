// Turns a zip entry into decoded XML text chunks and feeds simple SAX handlers.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { Entry, ZipFile } from 'yauzl';
import { openEntryStream } from './zip-archive.ts';

/** SAX callbacks by local name (prefix stripped: some writers emit `<x:row>`). */
export type XmlHandlers = {
  open?: (localName: string, attributes: Record<string, string>) => void;
  close?: (localName: string) => void;
  /** Text and CDATA, entities already decoded; may arrive in several pieces. */
  text?: (text: string) => void;
};

/** `x:row` → `row`. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** saxes without namespace processing: tag names keep their prefix, attributes are plain strings. */
export type PlainXmlParser = SaxesParser<{ xmlns: false; position: false }>;

/** A non-namespace-aware saxes parser wired to `handlers`; position tracking is off for speed. */
export function createXmlParser(handlers: XmlHandlers): PlainXmlParser {
  const parser: PlainXmlParser = new SaxesParser({ xmlns: false, position: false });
  const { open, close, text } = handlers;
  if (open) parser.on('opentag', (tag: SaxesTagPlain) => open(localName(tag.name), tag.attributes));
  if (close) parser.on('closetag', (tag: SaxesTagPlain) => close(localName(tag.name)));
  if (text) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  // Without an error handler saxes throws from write(), which is what we want: malformed XML = broken file.
  return parser;
}

/**
 * Yields the entry's text decoded chunk by chunk. The decoder keeps state between chunks so a multi-byte
 * character split across two inflate chunks is decoded whole (ExcelJS 4.4 turns it into U+FFFD).
 */
export async function* entryTextChunks(
  zip: ZipFile,
  entry: Entry,
  options: { signal?: AbortSignal; onCompressed?: (bytes: number) => void } = {},
): AsyncGenerator<string> {
  const stream = await openEntryStream(zip, entry, options.onCompressed);
  try {
    let decoder: TextDecoder | undefined;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      options.signal?.throwIfAborted();
      decoder ??= new TextDecoder(sniffXmlEncoding(chunk));
      yield decoder.decode(chunk, { stream: true });
    }
    const tail = decoder?.decode() ?? '';
    if (tail) yield tail;
  } finally {
    stream.destroy();
  }
}

/** OOXML parts are UTF-8 in practice, but UTF-16 with a BOM is allowed by XML. */
function sniffXmlEncoding(head: Buffer): string {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** Parses a whole (small) entry with `handlers`. */
export async function parseEntryXml(zip: ZipFile, entry: Entry, handlers: XmlHandlers, signal?: AbortSignal): Promise<void> {
  const parser = createXmlParser(handlers);
  for await (const text of entryTextChunks(zip, entry, { signal })) parser.write(text);
  parser.close();
}
