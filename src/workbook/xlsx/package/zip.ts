/**
 * The zip container of an .xlsx, read and written entry by entry (PKWARE APPNOTE 6.3).
 *
 * Reading keeps each entry's compressed bytes as they are in the file, so that a save can copy
 * every part it does not own unchanged, byte for byte (the user's pivots, charts, macros and
 * embedded documents among them). Parts are inflated only when asked for, in slices, with the
 * limits checked on the bytes actually produced (a declared size can lie): a zip bomb is one
 * LimitError, never an allocation of gigabytes.
 *
 * fflate inflates here, in the browser and in Node alike. Where the platform has a native
 * inflater that works off the main thread (Node's zlib, in libuv's pool), a read may stream
 * through it instead (inflateTextAsync, XlsxPackage.preload), with the same limits checked.
 * Measured on 73 MB of sheet XML, zlib inflates in 129 ms and fflate in 266 ms — and zlib's
 * work overlaps the scanning on the main thread.
 */
import { Inflate, deflateSync } from 'fflate';
import { LimitError, Limits, PackageError } from './limits';

export interface ZipEntry {
  /** As stored (`xl/worksheets/sheet1.xml`); part names compare case-insensitively. */
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  /** The declared uncompressed size (checked against what inflating produces). */
  size: number;
  /** The compressed bytes exactly as in the file. */
  raw: Uint8Array;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

function view(data: Uint8Array): DataView {
  return new DataView(data.buffer, data.byteOffset, data.byteLength);
}

function u64(v: DataView, at: number): number {
  return v.getUint32(at, true) + v.getUint32(at + 4, true) * 2 ** 32;
}

const utf8 = new TextDecoder('utf-8');

/** The entries of a zip, from its central directory (zip64 too). */
export function readZip(data: Uint8Array, limits: Limits): ZipEntry[] {
  const v = view(data);
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65535); i--) {
    if (v.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new PackageError('zip', '', 'no end of central directory');
  let count = v.getUint16(end + 10, true);
  let dirSize = v.getUint32(end + 12, true);
  let dirOffset = v.getUint32(end + 16, true);
  if ((count === 0xffff || dirOffset === MAX32 || dirSize === MAX32) && end >= 20 && v.getUint32(end - 20, true) === ZIP64_LOCATOR) {
    const at = u64(v, end - 12);
    if (at + 56 > data.length || v.getUint32(at, true) !== ZIP64_EOCD) throw new PackageError('zip', '', 'bad zip64 end record');
    count = u64(v, at + 32);
    dirSize = u64(v, at + 40);
    dirOffset = u64(v, at + 48);
  }
  if (count > limits.maxParts) throw new LimitError('parts', '', count, limits.maxParts);
  if (dirOffset + dirSize > data.length) throw new PackageError('zip', '', 'central directory beyond the end of the file');

  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > data.length || v.getUint32(p, true) !== CENTRAL) throw new PackageError('zip', '', 'bad central directory');
    const flags = v.getUint16(p + 8, true);
    const method = v.getUint16(p + 10, true);
    const crc = v.getUint32(p + 16, true);
    let compressed = v.getUint32(p + 20, true);
    let size = v.getUint32(p + 24, true);
    const nameLength = v.getUint16(p + 28, true);
    const extraLength = v.getUint16(p + 30, true);
    const commentLength = v.getUint16(p + 32, true);
    let local = v.getUint32(p + 42, true);
    const name = utf8.decode(data.subarray(p + 46, p + 46 + nameLength));
    // Zip64 extra field: the 8-byte values of the fields set to 0xFFFFFFFF, in this order.
    let x = p + 46 + nameLength;
    const extraEnd = x + extraLength;
    while (x + 4 <= extraEnd) {
      const id = v.getUint16(x, true);
      const len = v.getUint16(x + 2, true);
      if (id === 0x0001) {
        let q = x + 4;
        if (size === MAX32) {
          size = u64(v, q);
          q += 8;
        }
        if (compressed === MAX32) {
          compressed = u64(v, q);
          q += 8;
        }
        if (local === MAX32) local = u64(v, q);
      }
      x += 4 + len;
    }
    p = extraEnd + commentLength;
    if (flags & 1) throw new PackageError('encrypted', name);
    if (local + 30 > data.length || v.getUint32(local, true) !== LOCAL) throw new PackageError('zip', name, 'bad local header');
    const start = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
    if (start + compressed > data.length) throw new PackageError('zip', name, 'entry beyond the end of the file');
    entries.push({ name, method, crc, size, raw: data.subarray(start, start + compressed) });
  }
  return entries;
}

/** Counts what inflating produces across the parts of one read (the total cap). */
export class InflateBudget {
  used = 0;
  constructor(readonly limits: Limits) {}
}

/**
 * The limits on one entry's output, checked on each piece as it is produced, before the piece
 * is handed to `onBytes`: the part's ratio cap, the read's total cap, and its declared size (a
 * lying header is a damaged, or hostile, entry). Declared sizes are checked at once: an honest
 * bomb is refused before a byte is inflated.
 */
function meter(entry: ZipEntry, budget: InflateBudget, onBytes: (bytes: Uint8Array) => void) {
  const { limits } = budget;
  const ratioCap = Math.max(1 << 20, entry.raw.length * limits.maxRatio);
  const ratio = (n: number) => Math.round(n / Math.max(1, entry.raw.length));
  if (entry.size > ratioCap) throw new LimitError('ratio', entry.name, ratio(entry.size), limits.maxRatio);
  if (budget.used + entry.size > limits.maxTotalBytes) throw new LimitError('total', entry.name, budget.used + entry.size, limits.maxTotalBytes);
  if (entry.method !== 0 && entry.method !== 8) throw new PackageError('unsupported', entry.name, `compression method ${entry.method}`);
  let produced = 0;
  // What the caller's onBytes throws (a stop, a scanner's refusal) passes through unchanged.
  let passed: unknown = undefined;
  return {
    take(bytes: Uint8Array): void {
      produced += bytes.length;
      budget.used += bytes.length;
      if (produced > entry.size) throw new PackageError('zip', entry.name, `inflates to more than its declared ${entry.size} bytes`);
      if (produced > ratioCap) throw new LimitError('ratio', entry.name, ratio(produced), limits.maxRatio);
      if (budget.used > limits.maxTotalBytes) throw new LimitError('total', entry.name, budget.used, limits.maxTotalBytes);
      try {
        onBytes(bytes);
      } catch (e) {
        passed = e;
        throw e;
      }
    },
    /** An inflater's own failure as the package's error; ours and the caller's unchanged. */
    failure(e: unknown): unknown {
      if (e === passed || e instanceof LimitError || e instanceof PackageError) return e;
      return new PackageError('zip', entry.name, e instanceof Error ? e.message : String(e));
    },
  };
}

/** Stored bytes are handed on in pieces of this size (about what an inflater hands at a time). */
const STORED_SLICE = 1 << 16;

function takeStored(entry: ZipEntry, take: (bytes: Uint8Array) => void): void {
  for (let at = 0; at < entry.raw.length; at += STORED_SLICE) take(entry.raw.subarray(at, at + STORED_SLICE));
}

/**
 * Inflates an entry in slices with fflate, handing each piece of output to `onBytes`, refusing
 * as soon as the output passes the part's ratio cap or the read's total cap.
 */
export function inflateEntry(entry: ZipEntry, budget: InflateBudget, onBytes: (bytes: Uint8Array) => void): void {
  const m = meter(entry, budget, onBytes);
  if (entry.method === 0) return takeStored(entry, m.take);
  const inflater = new Inflate((chunk) => m.take(chunk));
  // Small slices: at deflate's maximum ratio (~1032:1) a slice yields at most ~4 MiB at once.
  const SLICE = 1 << 12;
  try {
    for (let at = 0; at < entry.raw.length; at += SLICE) {
      const last = at + SLICE >= entry.raw.length;
      inflater.push(entry.raw.subarray(at, at + SLICE), last);
    }
    if (entry.raw.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    throw m.failure(e);
  }
}

/**
 * An inflater that works off the main thread and streams its output with backpressure: the raw
 * deflate bytes in, the inflated bytes out piece by piece. Node's zlib is one (nodeInflate.ts).
 */
export type InflateStream = (raw: Uint8Array) => AsyncIterable<Uint8Array>;

/** inflateEntry with an off-thread inflater: the next piece inflates while this one is used. */
async function inflateEntryAsync(
  entry: ZipEntry,
  budget: InflateBudget,
  onBytes: (bytes: Uint8Array) => void,
  inflate: InflateStream,
): Promise<void> {
  const m = meter(entry, budget, onBytes);
  if (entry.method === 0) return takeStored(entry, m.take);
  try {
    // Leaving the loop early (a refusal) destroys the stream.
    for await (const chunk of inflate(entry.raw)) m.take(chunk);
  } catch (e) {
    throw m.failure(e);
  }
}

/** UTF-8 decoded in pieces (a sheet can be longer than a JS string may be). */
function textSink(onText: (text: string) => void) {
  const decoder = new TextDecoder('utf-8');
  return {
    bytes(bytes: Uint8Array): void {
      const text = decoder.decode(bytes, { stream: true });
      if (text) onText(text);
    },
    end(): void {
      const rest = decoder.decode();
      if (rest) onText(rest);
    },
  };
}

/** An entry's text, in pieces. */
export function inflateText(entry: ZipEntry, budget: InflateBudget, onText: (text: string) => void): void {
  const sink = textSink(onText);
  inflateEntry(entry, budget, sink.bytes);
  sink.end();
}

/** inflateText with an off-thread inflater. */
export async function inflateTextAsync(
  entry: ZipEntry,
  budget: InflateBudget,
  onText: (text: string) => void,
  inflate: InflateStream,
): Promise<void> {
  const sink = textSink(onText);
  await inflateEntryAsync(entry, budget, sink.bytes, inflate);
  sink.end();
}

/** A small part's whole text (workbook, relationships, tables, styles). */
export function inflateString(entry: ZipEntry, budget: InflateBudget): string {
  const parts: string[] = [];
  inflateText(entry, budget, (t) => parts.push(t));
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------
// Writing

/** What a new zip holds: an entry copied as it was, or new content to deflate. */
export type ZipItem = { kind: 'copy'; entry: ZipEntry } | { kind: 'new'; name: string; data: Uint8Array };

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** MS-DOS date and time (local time, two-second steps). */
function dosDateTime(d: Date): { date: number; time: number } {
  return {
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
  };
}

/**
 * The bytes of a zip holding `items` in order, as a list of pieces to write one after the
 * other. Copied entries keep their compressed bytes; new ones are deflated here. Zip64 records
 * are written when an offset or size needs them.
 */
export function writeZip(items: readonly ZipItem[], now = new Date()): Uint8Array[] {
  const { date, time } = dosDateTime(now);
  const out: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const item of items) {
    const entry: ZipEntry =
      item.kind === 'copy' ? item.entry : { name: item.name, method: 8, crc: crc32(item.data), size: item.data.length, raw: deflateSync(item.data, { level: 6 }) };
    const name = new TextEncoder().encode(entry.name);
    const big = entry.size >= MAX32 || entry.raw.length >= MAX32 || offset >= MAX32;
    /** The fields the local header and the central directory share, from `at` on. */
    const header = (v: DataView, at: number) => {
      v.setUint16(at, big ? 45 : 20, true); // version needed: zip64 or deflate
      v.setUint16(at + 2, 0x0800, true); // names in UTF-8
      v.setUint16(at + 4, entry.method, true);
      v.setUint16(at + 6, time, true);
      v.setUint16(at + 8, date, true);
      v.setUint32(at + 10, entry.crc, true);
      v.setUint32(at + 14, big ? MAX32 : entry.raw.length, true);
      v.setUint32(at + 18, big ? MAX32 : entry.size, true);
      v.setUint16(at + 22, name.length, true);
    };
    const zip64Local = big ? zip64Extra([entry.size, entry.raw.length]) : new Uint8Array(0);
    const local = new Uint8Array(30 + name.length + zip64Local.length);
    const lv = view(local);
    lv.setUint32(0, LOCAL, true);
    header(lv, 4);
    lv.setUint16(28, zip64Local.length, true);
    local.set(name, 30);
    local.set(zip64Local, 30 + name.length);
    out.push(local, entry.raw);

    const zip64Central = big ? zip64Extra([entry.size, entry.raw.length, offset]) : new Uint8Array(0);
    const directory = new Uint8Array(46 + name.length + zip64Central.length);
    const hv = view(directory);
    hv.setUint32(0, CENTRAL, true);
    hv.setUint16(4, big ? 45 : 20, true); // made by
    header(hv, 6);
    hv.setUint16(30, zip64Central.length, true);
    hv.setUint32(42, big ? MAX32 : offset, true);
    directory.set(name, 46);
    directory.set(zip64Central, 46 + name.length);
    central.push(directory);
    offset += local.length + entry.raw.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  out.push(...central);
  const needs64 = items.length >= 0xffff || offset >= MAX32 || dirSize >= MAX32;
  if (needs64) {
    const rec = new Uint8Array(56 + 20);
    const rv = view(rec);
    rv.setUint32(0, ZIP64_EOCD, true);
    setU64(rv, 4, 44);
    rv.setUint16(12, 45, true);
    rv.setUint16(14, 45, true);
    setU64(rv, 24, items.length);
    setU64(rv, 32, items.length);
    setU64(rv, 40, dirSize);
    setU64(rv, 48, offset);
    rv.setUint32(56, ZIP64_LOCATOR, true);
    setU64(rv, 64, offset + dirSize);
    rv.setUint32(72, 1, true);
    out.push(rec);
  }
  const end = new Uint8Array(22);
  const ev = view(end);
  ev.setUint32(0, EOCD, true);
  ev.setUint16(8, Math.min(items.length, 0xffff), true);
  ev.setUint16(10, Math.min(items.length, 0xffff), true);
  ev.setUint32(12, Math.min(dirSize, MAX32), true);
  ev.setUint32(16, Math.min(offset, MAX32), true);
  out.push(end);
  return out;
}

function setU64(v: DataView, at: number, n: number): void {
  v.setUint32(at, n % 2 ** 32, true);
  v.setUint32(at + 4, Math.floor(n / 2 ** 32), true);
}

function zip64Extra(values: number[]): Uint8Array {
  const extra = new Uint8Array(4 + 8 * values.length);
  const v = view(extra);
  v.setUint16(0, 0x0001, true);
  v.setUint16(2, 8 * values.length, true);
  values.forEach((n, i) => setU64(v, 4 + 8 * i, n));
  return extra;
}
