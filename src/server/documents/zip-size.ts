import fs from 'node:fs';

/**
 * The unzipped size a workbook declares, read from its zip central directory before anything
 * is inflated: a 5 MB file that declares gigabytes is refused without unpacking it. A file
 * that lies about its sizes is still caught while it streams (the reader counts bytes).
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const TAIL = 65_557;

async function tailAndDirectory(source: Buffer | string): Promise<{ read(offset: number, length: number): Promise<Buffer>; size: number }> {
  if (Buffer.isBuffer(source)) return { size: source.length, read: async (o, l) => source.subarray(o, o + l) };
  const { size } = await fs.promises.stat(source);
  return {
    size,
    async read(offset, length) {
      const fh = await fs.promises.open(source, 'r');
      try {
        const buf = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
        await fh.read(buf, 0, buf.length, offset);
        return buf;
      } finally {
        await fh.close();
      }
    },
  };
}

/** Sum of the entries' declared uncompressed sizes; Infinity for zip64; 0 without a directory (not a workbook: the reader says so). */
export async function declaredUnzippedBytes(source: Buffer | string): Promise<number> {
  const file = await tailAndDirectory(source);
  const tailStart = Math.max(0, file.size - TAIL);
  const tail = await file.read(tailStart, file.size - tailStart);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) return 0;
  const dirSize = tail.readUInt32LE(at + 12);
  const dirOffset = tail.readUInt32LE(at + 16);
  if (dirOffset === 0xffffffff) return Infinity;
  if (dirOffset + dirSize > file.size) return 0;
  const dir = await file.read(dirOffset, dirSize);
  let total = 0;
  for (let p = 0; p + 46 <= dir.length; ) {
    if (dir.readUInt32LE(p) !== CENTRAL) break;
    const size = dir.readUInt32LE(p + 24);
    if (size === 0xffffffff) return Infinity;
    total += size;
    p += 46 + dir.readUInt16LE(p + 28) + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
  }
  return total;
}
