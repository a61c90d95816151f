import { crc32, createInflateRaw } from 'node:zlib';

/** One file of a zip archive as its central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** A zip this reader will not open: not a zip, or one that lies about itself. */
export class ZipUnreadable extends Error {}

/** A zip whose sizes need ZIP64 fields, i.e. an entry or the archive past 4 GB or 65,535 entries. */
export class ZipTooLarge extends Error {}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const STORED = 0;
const DEFLATED = 8;
const UTF8_NAMES = 0x0800;

/**
 * The central directory, read from the end of the buffer without inflating anything:
 * the End Of Central Directory record (within the last 64 KB + 22 bytes, after an
 * optional comment) gives where the directory starts and how many entries it holds.
 */
export function readZipDirectory(zip: Buffer): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(eocd + 10);
  const directorySize = zip.readUInt32LE(eocd + 12);
  const directoryOffset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff)
    throw new ZipTooLarge('the archive needs ZIP64');
  if (directoryOffset + directorySize > eocd) throw new ZipUnreadable('the central directory is out of bounds');
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || zip.readUInt32LE(at) !== CENTRAL_SIGNATURE)
      throw new ZipUnreadable('the central directory is damaged');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      method: zip.readUInt16LE(at + 10),
      crc32: zip.readUInt32LE(at + 16),
      compressedSize: zip.readUInt32LE(at + 20),
      uncompressedSize: zip.readUInt32LE(at + 24),
      localHeaderOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    };
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff)
      throw new ZipTooLarge(`${entry.name} needs ZIP64`);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - EOCD_SIZE - 0xffff);
  for (let at = zip.length - EOCD_SIZE; at >= lowest; at--) {
    if (zip.readUInt32LE(at) === EOCD_SIGNATURE && at + EOCD_SIZE + zip.readUInt16LE(at + 20) === zip.length) return at;
  }
  throw new ZipUnreadable('not a zip archive');
}

/** Where an entry's compressed bytes are, from its local header. */
function entryData(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_SIGNATURE)
    throw new ZipUnreadable(`${entry.name}: no local header`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > zip.length) throw new ZipUnreadable(`${entry.name}: truncated`);
  return zip.subarray(start, end);
}

/**
 * Inflates the entry only to count its bytes, and stops as soon as it passes the size the
 * directory declared: the declared sizes are what the import limit was checked against.
 */
async function assertDeclaredSize(zip: Buffer, entry: ZipEntry): Promise<void> {
  const data = entryData(zip, entry);
  if (entry.method === STORED) {
    if (data.length !== entry.uncompressedSize) throw new ZipUnreadable(`${entry.name}: size differs from its header`);
    return;
  }
  if (entry.method !== DEFLATED) throw new ZipUnreadable(`${entry.name}: unsupported compression`);
  let inflated = 0;
  await new Promise<void>((resolve, reject) => {
    const inflate = createInflateRaw();
    inflate.on('data', (chunk: Buffer) => {
      inflated += chunk.length;
      if (inflated > entry.uncompressedSize) {
        inflate.destroy();
        reject(new ZipUnreadable(`${entry.name} inflates past the size its header declares`));
      }
    });
    inflate.on('error', () => reject(new ZipUnreadable(`${entry.name}: damaged data`)));
    inflate.on('end', () =>
      inflated === entry.uncompressedSize
        ? resolve()
        : reject(new ZipUnreadable(`${entry.name}: size differs from its header`)),
    );
    inflate.end(data);
  });
}

/**
 * The same archive rewritten so that a streaming reader can read it front to back: entries
 * in `order` (names not listed keep their place after the listed ones), `extra` entries
 * added, fresh local headers without data descriptors, and every size checked first.
 */
export async function rewriteZip(
  zip: Buffer,
  entries: ZipEntry[],
  rank: (name: string) => number,
  extra: { name: string; content: Buffer }[] = [],
): Promise<Buffer> {
  for (const entry of entries) await assertDeclaredSize(zip, entry);
  const parts: { entry: ZipEntry; data: Buffer }[] = [
    ...entries.map((entry) => ({ entry, data: entryData(zip, entry) })),
    ...extra.map(({ name, content }) => ({
      entry: {
        name,
        method: STORED,
        crc32: crc32(content),
        compressedSize: content.length,
        uncompressedSize: content.length,
        localHeaderOffset: 0,
      },
      data: content,
    })),
  ].sort((a, b) => rank(a.entry.name) - rank(b.entry.name));
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { entry, data } of parts) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_SIGNATURE, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc32, 14);
    local.writeUInt32LE(entry.compressedSize, 18);
    local.writeUInt32LE(entry.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_SIGNATURE, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    local.copy(central, 8, 6, 26);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(EOCD_SIZE);
  end.writeUInt32LE(EOCD_SIGNATURE, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
