// Random-access zip reading on top of yauzl: list entries, stream one entry's uncompressed bytes.
import { PassThrough, pipeline, Transform, type Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { SpreadsheetError } from './spreadsheet-error.ts';

/** An open zip with its entries indexed by lowercased name (some writers vary the case). */
export type ZipArchive = {
  zip: ZipFile;
  entries: Map<string, Entry>;
};

const STORED = 0;
const DEFLATED = 8;
/** Bigger inflate chunks mean fewer round trips through the zlib thread pool. */
const INFLATE_CHUNK = 256 * 1024;

/** Opens the zip and reads its central directory; the caller must {@link closeZip} it. */
export async function openZip(filePath: string): Promise<ZipArchive> {
  const zip = await yauzl.openPromise(filePath, { lazyEntries: true, autoClose: false });
  try {
    return { zip, entries: await listEntries(zip) };
  } catch (error) {
    closeZip(zip);
    throw error;
  }
}

function listEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on('entry', (entry: Entry) => {
      entries.set(entry.fileName.toLowerCase(), entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

/** Closes the zip; the file handle goes once every entry stream is destroyed too. Safe to call twice. */
export function closeZip(zip: ZipFile): void {
  // yauzl may still emit errors from in-flight reads after close; they must not become uncaught.
  zip.on('error', () => {});
  if (zip.isOpen) zip.close();
}

/**
 * Streams the uncompressed bytes of `entry`. `onCompressed` sees every compressed chunk's size, for progress.
 * Destroying the returned stream releases the underlying file read.
 */
export async function openEntryStream(zip: ZipFile, entry: Entry, onCompressed?: (bytes: number) => void): Promise<Readable> {
  if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
    throw new SpreadsheetError('UNSUPPORTED_FILE', '不支持该 Excel 文件的压缩方式，请用 Excel 重新保存后再导入');
  }
  if (entry.isEncrypted()) {
    throw new SpreadsheetError('UNSUPPORTED_FILE', '不支持加密的 Excel 文件，请取消密码后再导入');
  }
  // Raw mode: we inflate ourselves so progress can count compressed bytes.
  const raw = await zip.openReadStreamPromise(entry, { decodeFileData: false });
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      onCompressed?.(chunk.length);
      done(null, chunk);
    },
  });
  const decode = entry.compressionMethod === STORED ? new PassThrough() : createInflateRaw({ chunkSize: INFLATE_CHUNK });
  // pipeline forwards an error of any stage to the last one, which is what the caller iterates, and
  // destroying the last one tears down the stages before it.
  return pipeline(raw, counter, decode, () => {});
}
