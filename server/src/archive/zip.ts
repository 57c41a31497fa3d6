import * as zlib from 'node:zlib';

/**
 * A small, defensive reader of zip archives held in memory: enough for solution zips as
 * `pac solution export` writes them (deflate or stored entries, optional ZIP64), without a
 * dependency and without touching the disk.
 *
 * The central directory is the source of truth (local headers may carry zero sizes when a data
 * descriptor follows). Every size read from the archive is checked against the buffer before use,
 * and untrusted archives are capped: entry count, size per entry, total inflated size, and the
 * inflate itself stops at the cap (`maxOutputLength`), so a zip bomb costs at most the cap.
 * Problems are returned as notices; the reader never throws on bad input.
 */
export interface ZipLimits {
  /** Entries read at most (default 20 000). */
  maxEntries: number;
  /** Inflated bytes per entry (default 32 MiB); larger entries are skipped with a notice. */
  maxEntrySize: number;
  /** Inflated bytes over all entries (default 512 MiB). */
  maxTotalSize: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 20_000, maxEntrySize: 32 * 1024 * 1024, maxTotalSize: 512 * 1024 * 1024 };

export interface ZipEntry {
  /** Normalised name: `/` separators, no leading `/`, no `.` or `..` segments. */
  name: string;
  data: Uint8Array;
}

export interface ZipNotice {
  kind: 'zip-error' | 'too-large' | 'encrypted' | 'unsupported';
  message: string;
  /** The entry concerned, if any. */
  entry?: string;
}

export interface ZipReadResult {
  entries: ZipEntry[];
  notices: ZipNotice[];
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

export function readZip(bytes: Uint8Array, limits: Partial<ZipLimits> = {}): ZipReadResult {
  const lim = { ...DEFAULT_ZIP_LIMITS, ...limits };
  const notices: ZipNotice[] = [];
  const entries: ZipEntry[] = [];
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (message: string): ZipReadResult => {
    notices.push({ kind: 'zip-error', message });
    return { entries, notices };
  };

  const eocd = findEocd(buf);
  if (eocd < 0) return fail('not a zip archive (no end of central directory record)');
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== SIG_ZIP64_LOCATOR) return fail('ZIP64 archive without a ZIP64 locator');
    const z = u64(buf, loc + 8);
    if (z === undefined || z + 56 > buf.length || buf.readUInt32LE(z) !== SIG_ZIP64_EOCD) return fail('broken ZIP64 end of central directory');
    count = u64(buf, z + 32) ?? -1;
    cdSize = u64(buf, z + 40) ?? -1;
    cdOffset = u64(buf, z + 48) ?? -1;
  }
  if (cdOffset < 0 || cdSize < 0 || cdOffset + cdSize > buf.length) return fail('the central directory lies outside the file (truncated archive?)');
  if (count > lim.maxEntries) {
    notices.push({ kind: 'too-large', message: `the archive lists ${count} entries; only the first ${lim.maxEntries} are read` });
    count = lim.maxEntries;
  }

  const seen = new Set<string>();
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== SIG_CENTRAL) return fail(`central directory entry ${i + 1} is corrupt`);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    let compSize = buf.readUInt32LE(p + 20);
    let size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localOffset = buf.readUInt32LE(p + 42);
    const next = p + 46 + nameLen + extraLen + commentLen;
    if (next > buf.length) return fail(`central directory entry ${i + 1} runs past the end of the file`);
    const rawName = buf.subarray(p + 46, p + 46 + nameLen);
    // Bit 11: UTF-8 name. Without it the name is CP437; pac writes ASCII, so latin1 is close enough.
    const name = normaliseName(flags & 0x800 ? rawName.toString('utf8') : rawName.toString('latin1'));
    // ZIP64 extra field: the 64-bit values of whichever 32-bit fields were saturated, in this order.
    const extra = buf.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
    for (let e = 0; e + 4 <= extra.length; ) {
      const id = extra.readUInt16LE(e);
      const len = extra.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        const take = (): number => {
          const v = q + 8 <= e + 4 + len && q + 8 <= extra.length ? u64(extra, q) : undefined;
          q += 8;
          return v ?? -1;
        };
        if (size === 0xffffffff) size = take();
        if (compSize === 0xffffffff) compSize = take();
        if (localOffset === 0xffffffff) localOffset = take();
      }
      e += 4 + len;
    }
    p = next;
    if (name === '' || name.endsWith('/')) continue; // folders
    if (seen.has(name)) {
      notices.push({ kind: 'zip-error', message: `duplicate entry ${name}; the first one is read`, entry: name });
      continue;
    }
    seen.add(name);
    if (flags & 0x1) {
      notices.push({ kind: 'encrypted', message: `${name} is encrypted and cannot be scanned`, entry: name });
      continue;
    }
    if (method !== 0 && method !== 8) {
      notices.push({ kind: 'unsupported', message: `${name} uses compression method ${method}; only stored and deflate are read`, entry: name });
      continue;
    }
    if (size < 0 || compSize < 0 || localOffset < 0) {
      notices.push({ kind: 'zip-error', message: `${name} has a broken ZIP64 size`, entry: name });
      continue;
    }
    if (size > lim.maxEntrySize) {
      notices.push({ kind: 'too-large', message: `${name} inflates to ${size} bytes (limit ${lim.maxEntrySize}); skipped`, entry: name });
      continue;
    }
    if (total + size > lim.maxTotalSize) {
      notices.push({ kind: 'too-large', message: `the archive inflates to more than ${lim.maxTotalSize} bytes; ${name} and the rest are skipped`, entry: name });
      break;
    }
    if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== SIG_LOCAL) {
      notices.push({ kind: 'zip-error', message: `${name}: local header missing`, entry: name });
      continue;
    }
    const dataStart = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    if (dataStart + compSize > buf.length) {
      notices.push({ kind: 'zip-error', message: `${name}: data runs past the end of the file (truncated archive?)`, entry: name });
      continue;
    }
    const raw = buf.subarray(dataStart, dataStart + compSize);
    let data: Buffer;
    if (method === 0) data = raw;
    else {
      try {
        // The declared size may lie; the cap holds regardless (inflate stops and throws past it).
        data = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, Math.min(lim.maxEntrySize, size + 1)) });
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
          notices.push({ kind: 'too-large', message: `${name} inflates beyond its declared ${size} bytes (a zip bomb?); skipped`, entry: name });
        } else notices.push({ kind: 'zip-error', message: `${name}: cannot inflate (${(e as Error).message})`, entry: name });
        continue;
      }
    }
    if (data.length !== size) {
      notices.push({ kind: 'zip-error', message: `${name}: inflated to ${data.length} bytes, the directory says ${size}`, entry: name });
      continue;
    }
    const crc32 = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
    if (crc32 && crc32(data) >>> 0 !== crc) {
      notices.push({ kind: 'zip-error', message: `${name}: CRC mismatch (corrupt archive)`, entry: name });
      continue;
    }
    total += size;
    entries.push({ name, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
  }
  return { entries, notices };
}

/** The end-of-central-directory record: the last signature within the 64 KiB comment window. */
function findEocd(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === SIG_EOCD && i + 22 + buf.readUInt16LE(i + 20) <= buf.length) return i;
  }
  return -1;
}

function u64(buf: Buffer, at: number): number | undefined {
  if (at + 8 > buf.length) return undefined;
  const v = buf.readBigUInt64LE(at);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? undefined : Number(v);
}

/** Entry names are data, not paths to write: we only make them tidy for reports. */
export function normaliseName(name: string): string {
  const segs = name.replace(/\\/g, '/').split('/');
  const out: string[] = [];
  segs.forEach((s, i) => {
    if (s === '.' || s === '..' || (s === '' && i < segs.length - 1)) return;
    out.push(s);
  });
  return out.join('/');
}
