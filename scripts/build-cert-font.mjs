// Builds server/assets/fonts/DuibiaoCJK-Subset.ttf, the Chinese font embedded in certificate PDFs, from Droid Sans
// Fallback (Apache-2.0; Debian package fonts-droid-fallback). Run once at development time:
//   apt-get install -y fonts-droid-fallback && node scripts/build-cert-font.mjs [source.ttf]
// The subset keeps printable ASCII, Latin-1, general and CJK punctuation, full-width forms, every GB2312 character
// (6,763 hanzi plus its symbols) and every CJK character used in the demo seed, so the server never needs to fetch a
// font at run time. fontkit writes the glyph tables; this script adds the cmap, OS/2, name and post tables fontkit
// leaves out, so the result is a standalone TrueType font that pdfkit (and any viewer) can load.
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2] ?? '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf';
const target = join(root, 'server/assets/fonts/DuibiaoCJK-Subset.ttf');

/** Code points to keep. */
function wantedCodePoints() {
  const set = new Set();
  const range = (from, to) => {
    for (let c = from; c <= to; c++) set.add(c);
  };
  range(0x20, 0x7e); // ASCII
  range(0xa0, 0xff); // Latin-1
  range(0x2000, 0x206f); // general punctuation (— ‘ ’ “ ” …)
  range(0x2100, 0x215f); // letterlike, number forms (№ Ⅰ Ⅱ)
  range(0x2460, 0x24ff); // enclosed alphanumerics (① ②)
  range(0x2500, 0x257f); // box drawing
  range(0x25a0, 0x25ff); // geometric shapes (● ○ ■)
  range(0x2713, 0x2717); // ✓ ✗
  range(0x3000, 0x303f); // CJK punctuation (、。《》【】)
  range(0xff00, 0xffef); // full-width forms (，：；（）)
  // GB2312: rows 0xA1–0xA9 (symbols) and 0xB0–0xF7 (hanzi), cells 0xA1–0xFE.
  const gb = new TextDecoder('gb2312', { fatal: false });
  for (let hi = 0xa1; hi <= 0xf7; hi++) {
    if (hi > 0xa9 && hi < 0xb0) continue;
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const ch = gb.decode(new Uint8Array([hi, lo]));
      const cp = ch.codePointAt(0);
      if (ch.length === 1 && cp !== 0xfffd) set.add(cp);
    }
  }
  // Anything the demo data names (rare surname or place characters outside GB2312).
  for (const file of walk(join(root, 'server/src/seed'))) {
    for (const ch of readFileSync(file, 'utf8')) {
      const cp = ch.codePointAt(0);
      if (cp >= 0x3400) set.add(cp);
    }
  }
  return [...set].sort((a, b) => a - b);
}

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else if (/\.(ts|json)$/.test(name)) yield p;
  }
}

/** Table directory of an sfnt buffer: tag → bytes. */
function readTables(buf) {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const count = view.getUint16(4);
  const tables = new Map();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(buf[at], buf[at + 1], buf[at + 2], buf[at + 3]);
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    tables.set(tag, Buffer.from(buf.subarray(offset, offset + length)));
  }
  return tables;
}

/** cmap with one format-4 subtable (Windows, Unicode BMP); every kept code point is in the BMP. */
function buildCmap(pairs) {
  // Segments of consecutive code points with consecutive glyph ids use idDelta; others fall back to idRangeOffset.
  const segments = [];
  for (const [cp, gid] of pairs) {
    const last = segments[segments.length - 1];
    if (last && cp === last.end + 1 && gid === last.gids[last.gids.length - 1] + 1) {
      last.end = cp;
      last.gids.push(gid);
    } else segments.push({ start: cp, end: cp, gids: [gid] });
  }
  segments.push({ start: 0xffff, end: 0xffff, gids: [0] });
  const segX2 = segments.length * 2;
  const searchRange = 2 * 2 ** Math.floor(Math.log2(segments.length));
  const sub = Buffer.alloc(16 + segX2 * 4);
  let o = 0;
  const u16 = (v) => {
    sub.writeUInt16BE(v & 0xffff, o);
    o += 2;
  };
  u16(4);
  u16(sub.length);
  u16(0);
  u16(segX2);
  u16(searchRange);
  u16(Math.log2(searchRange / 2));
  u16(segX2 - searchRange);
  for (const s of segments) u16(s.end);
  u16(0);
  for (const s of segments) u16(s.start);
  for (const s of segments) u16(s.start === 0xffff ? 1 : s.gids[0] - s.start);
  for (let i = 0; i < segments.length; i++) u16(0);
  const header = Buffer.alloc(12);
  header.writeUInt16BE(0, 0);
  header.writeUInt16BE(1, 2);
  header.writeUInt16BE(3, 4); // Windows
  header.writeUInt16BE(1, 6); // Unicode BMP
  header.writeUInt32BE(12, 8);
  return Buffer.concat([header, sub]);
}

/** post format 3 (no glyph names): the original header with the version changed. */
function buildPost(original) {
  const post = Buffer.from(original.subarray(0, 32));
  post.writeUInt32BE(0x00030000, 0);
  return post;
}

function checksum(buf) {
  const padded = Buffer.concat([buf, Buffer.alloc((4 - (buf.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** Writes an sfnt with the given tables, fixing head.checkSumAdjustment. */
function writeSfnt(tables) {
  const tags = [...tables.keys()].sort();
  const n = tags.length;
  const searchRange = 16 * 2 ** Math.floor(Math.log2(n));
  const header = Buffer.alloc(12 + n * 16);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(n, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(Math.log2(searchRange / 16), 8);
  header.writeUInt16BE(n * 16 - searchRange, 10);
  const head = tables.get('head');
  head.writeUInt32BE(0, 8);
  let offset = header.length;
  const bodies = [];
  tags.forEach((tag, i) => {
    const data = tables.get(tag);
    const at = 12 + i * 16;
    header.write(tag, at, 'latin1');
    header.writeUInt32BE(checksum(data), at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(data.length, at + 12);
    const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
    bodies.push(padded);
    offset += padded.length;
  });
  const font = Buffer.concat([header, ...bodies]);
  const headOffset = header.readUInt32BE(12 + tags.indexOf('head') * 16 + 8);
  font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, headOffset + 8);
  return font;
}

const original = fontkit.openSync(source);
const subset = original.createSubset();
const pairs = [];
for (const cp of wantedCodePoints()) {
  const glyph = original.glyphForCodePoint(cp);
  if (!glyph || glyph.id === 0) continue; // not in the source font
  pairs.push([cp, subset.includeGlyph(glyph.id)]);
}
const glyphTables = readTables(subset.encode());
const sourceTables = readTables(readFileSync(source));
const tables = new Map(glyphTables);
tables.set('cmap', buildCmap(pairs));
tables.set('post', buildPost(sourceTables.get('post')));
tables.set('OS/2', sourceTables.get('OS/2'));
tables.set('name', sourceTables.get('name'));
const font = writeSfnt(tables);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, font);

// Self-check: the written font maps the kept code points to the same outlines.
const check = fontkit.create(readFileSync(target));
for (const cp of [0xff21 /* Ａ */, 0x8bc1 /* 证 */, 0x4e66 /* 书 */, 0x9f44 /* 齄 */]) {
  const g = check.glyphForCodePoint(cp);
  if (!g || g.id === 0 || g.path.commands.length === 0) throw new Error(`U+${cp.toString(16)} lost in the subset`);
}
console.log(`${target}: ${pairs.length} characters, ${subset.glyphs.length} glyphs, ${(font.length / 1024 / 1024).toFixed(2)} MB`);
