/**
 * The zip layer of the command line's reader, on Node's own zlib (native inflate, several times
 * faster than a JavaScript one): the central directory read without inflating anything, then one
 * entry at a time inflated — whole when small, in chunks when large — with its length checked as
 * it grows (a directory that understates an entry is caught at once) and its CRC at the end.
 */
import * as zlib from 'zlib';
import { crc32Update } from './limits';
import { UnreadableFileError, corruptReason, entryChecksum, entryLength, reason } from './unreadable';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  localOffset: number;
}

const corrupt = (what: string) => new UnreadableFileError(corruptReason(what));

/** The package's entries from its central directory (zip64 included). Throws UnreadableFileError. */
export function readDirectory(bytes: Buffer): ZipEntry[] {
  // The end-of-directory record: 22 bytes plus a comment of at most 65,535, at the end of the file.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no zip directory');
  let count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || bytes.readUInt32LE(locator) !== 0x07064b50) throw corrupt('zip64 directory missing');
    const at = Number(bytes.readBigUInt64LE(locator + 8));
    if (at + 56 > bytes.length || bytes.readUInt32LE(at) !== 0x06064b50)
      throw corrupt('zip64 directory missing');
    count = Number(bytes.readBigUInt64LE(at + 32));
    offset = Number(bytes.readBigUInt64LE(at + 48));
  }
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) throw corrupt('bad directory entry');
    const flags = bytes.readUInt16LE(p + 8);
    if (flags & 1)
      throw new UnreadableFileError(
        reason('文件已加密，请先在 Excel 中取消密码', 'encrypted: remove the password in Excel first'),
      );
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    const entry: ZipEntry = {
      name: bytes.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength),
      method: bytes.readUInt16LE(p + 10),
      crc32: bytes.readUInt32LE(p + 16),
      compressedSize: bytes.readUInt32LE(p + 20),
      uncompressedSize: bytes.readUInt32LE(p + 24),
      localOffset: bytes.readUInt32LE(p + 42),
    };
    // Zip64: the sizes and offset that overflowed 32 bits, in this order, in extra field 0x0001.
    let e = p + 46 + nameLength;
    const end = e + extraLength;
    while (e + 4 <= end) {
      const id = bytes.readUInt16LE(e);
      const size = bytes.readUInt16LE(e + 2);
      if (id === 1) {
        let q = e + 4;
        const big = () => {
          const v = Number(bytes.readBigUInt64LE(q));
          q += 8;
          return v;
        };
        if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = big();
        if (entry.compressedSize === 0xffffffff) entry.compressedSize = big();
        if (entry.localOffset === 0xffffffff) entry.localOffset = big();
      }
      e += 4 + size;
    }
    entries.push(entry);
    p = end + commentLength;
  }
  return entries;
}

/** Chunks of this size or less are inflated in one call; larger entries stream. */
const WHOLE = 4 * 1024 * 1024;

const nativeCrc = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
function crcOf(data: Uint8Array, previous: number): number {
  // zlib.crc32 (Node ≥ 20.15) continues from a finished value; the fallback from a running one.
  return nativeCrc ? nativeCrc(data, previous) : (crc32Update(previous ^ -1, data) ^ -1) >>> 0;
}

/** Inflates one entry, handing on its bytes chunk by chunk; rejects on a length or CRC mismatch. */
export function inflateEntry(
  bytes: Buffer,
  entry: ZipEntry,
  onChunk: (chunk: Uint8Array) => void,
): Promise<void> {
  const mismatch = () => new UnreadableFileError(entryLength(entry.name));
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50)
    return Promise.reject(corrupt(`bad entry header ${entry.name}`));
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) return Promise.reject(corrupt(`truncated entry ${entry.name}`));
  let crc = 0;
  let length = 0;
  /** Counts and checksums a chunk; hands it on unless the caller does so after the checks (`hold`). */
  const take = (chunk: Uint8Array, hold = false) => {
    length += chunk.length;
    if (length > entry.uncompressedSize) throw mismatch();
    crc = crcOf(chunk, crc);
    if (!hold) onChunk(chunk);
  };
  const finish = () => {
    if (length !== entry.uncompressedSize) throw mismatch();
    if (crc !== entry.crc32 >>> 0) throw new UnreadableFileError(entryChecksum(entry.name));
  };
  // An entry read whole is checked (length, CRC) before its reader sees it: a corrupt entry is
  // reported as corrupt, not as whatever its damaged bytes happen to spell.
  if (entry.method === 0) {
    return new Promise((resolve) => {
      take(data, true);
      finish();
      onChunk(data);
      resolve();
    });
  }
  if (entry.method !== 8)
    return Promise.reject(
      new UnreadableFileError(
        reason(
          `不支持的压缩方式 ${entry.method}：${entry.name}`,
          `unsupported compression method ${entry.method}: ${entry.name}`,
        ),
      ),
    );
  if (entry.uncompressedSize <= WHOLE) {
    return new Promise((resolve) => {
      let out: Buffer;
      try {
        // One byte over the declared size is enough to know the directory lied: inflation stops there.
        out = zlib.inflateRawSync(data, { maxOutputLength: entry.uncompressedSize + 1 });
      } catch (e) {
        if (e instanceof RangeError || (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
          throw mismatch();
        throw corrupt(`${entry.name}: ${(e as Error).message}`);
      }
      take(out, true);
      finish();
      onChunk(out);
      resolve();
    });
  }
  return new Promise((resolve, reject) => {
    const inflater = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
    inflater.on('data', (chunk: Buffer) => {
      try {
        take(chunk);
      } catch (e) {
        inflater.destroy();
        reject(e);
      }
    });
    inflater.on('error', (e) => reject(corrupt(`${entry.name}: ${e.message}`)));
    inflater.on('end', () => {
      try {
        finish();
        resolve();
      } catch (e) {
        reject(e);
      }
    });
    inflater.end(data);
  });
}
