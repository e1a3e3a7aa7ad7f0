/**
 * A small zip writer for the reader's construct tests: the package shapes writers produce that JSZip
 * does not write on request — stored entries, data descriptors (sizes after the data), ZIP64 records,
 * names with `\` or a leading `/`.
 */
import * as zlib from 'zlib';

export interface ZipOptions {
  /** 0 stored, 8 deflated. */
  method?: 0 | 8;
  /** Sizes and CRC in a data descriptor after each entry (general purpose flag bit 3). */
  descriptor?: boolean;
  /** ZIP64 extra fields and end records, as writers of large files emit them (also for small ones). */
  zip64?: boolean;
}

function crc32(data: Buffer): number {
  return (zlib as unknown as { crc32(d: Buffer): number }).crc32(data) >>> 0;
}

/** The ZIP64 extended information extra field (id 1) holding `values` as 64-bit numbers. */
function zip64Extra(values: number[]): Buffer {
  const b = Buffer.alloc(4 + 8 * values.length);
  b.writeUInt16LE(1, 0);
  b.writeUInt16LE(8 * values.length, 2);
  values.forEach((v, i) => b.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
  return b;
}

export function writeZip(entries: { name: string; data: Buffer }[], options: ZipOptions = {}): Buffer {
  const method = options.method ?? 8;
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = method === 8 ? zlib.deflateRawSync(e.data) : e.data;
    const crc = crc32(e.data);
    const flags = 0x800 | (options.descriptor ? 8 : 0);
    const z64 = options.zip64;
    // Local header: the two sizes; central directory: the sizes and the entry's offset.
    const extraLocal = z64 ? zip64Extra([e.data.length, body.length]) : Buffer.alloc(0);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(z64 ? 45 : 20, 4);
    head.writeUInt16LE(flags, 6);
    head.writeUInt16LE(method, 8);
    head.writeUInt32LE(options.descriptor ? 0 : crc, 14);
    head.writeUInt32LE(options.descriptor ? 0 : z64 ? 0xffffffff : body.length, 18);
    head.writeUInt32LE(options.descriptor ? 0 : z64 ? 0xffffffff : e.data.length, 22);
    head.writeUInt16LE(name.length, 26);
    head.writeUInt16LE(extraLocal.length, 28);
    const parts = [head, name, extraLocal, body];
    if (options.descriptor) {
      const d = Buffer.alloc(z64 ? 24 : 16);
      d.writeUInt32LE(0x08074b50, 0);
      d.writeUInt32LE(crc, 4);
      if (z64) {
        d.writeBigUInt64LE(BigInt(body.length), 8);
        d.writeBigUInt64LE(BigInt(e.data.length), 16);
      } else {
        d.writeUInt32LE(body.length, 8);
        d.writeUInt32LE(e.data.length, 12);
      }
      parts.push(d);
    }
    const entry = Buffer.concat(parts);
    local.push(entry);

    const extra = z64 ? zip64Extra([e.data.length, body.length, offset]) : Buffer.alloc(0);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(z64 ? 45 : 20, 4);
    c.writeUInt16LE(z64 ? 45 : 20, 6);
    c.writeUInt16LE(flags, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(z64 ? 0xffffffff : body.length, 20);
    c.writeUInt32LE(z64 ? 0xffffffff : e.data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt16LE(extra.length, 30);
    c.writeUInt32LE(z64 ? 0xffffffff : offset, 42);
    central.push(Buffer.concat([c, name, extra]));
    offset += entry.length;
  }
  const dir = Buffer.concat(central);
  const tail: Buffer[] = [];
  if (options.zip64) {
    const end64 = Buffer.alloc(56);
    end64.writeUInt32LE(0x06064b50, 0);
    end64.writeBigUInt64LE(44n, 4);
    end64.writeUInt16LE(45, 12);
    end64.writeUInt16LE(45, 14);
    end64.writeBigUInt64LE(BigInt(entries.length), 24);
    end64.writeBigUInt64LE(BigInt(entries.length), 32);
    end64.writeBigUInt64LE(BigInt(dir.length), 40);
    end64.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + dir.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(end64, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(options.zip64 ? 0xffff : entries.length, 8);
  end.writeUInt16LE(options.zip64 ? 0xffff : entries.length, 10);
  end.writeUInt32LE(options.zip64 ? 0xffffffff : dir.length, 12);
  end.writeUInt32LE(options.zip64 ? 0xffffffff : offset, 16);
  return Buffer.concat([...local, dir, ...tail, end]);
}
