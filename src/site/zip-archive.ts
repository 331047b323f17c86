// A zip file assembled from entries deflated beforehand, in fflate zipSync's exact layout: cached entries give the same bytes as compressing afresh.

/** One file of the archive, already compressed (raw DEFLATE). */
export interface DeflatedEntry {
  name: string;
  /** CRC-32 of the uncompressed bytes */
  crc: number;
  /** uncompressed size */
  size: number;
  deflated: Uint8Array;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (ISO-HDLC, as zip uses). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Date and time in MS-DOS form, from the local fields (as fflate writes them). */
function dosDateTime(date: Date): number {
  return (((date.getFullYear() - 1980) << 25) | ((date.getMonth() + 1) << 21) | (date.getDate() << 16) | (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1)) >>> 0;
}

/**
 * The archive: a local header and the data of each entry in the order given, then the central directory. Names that
 * are not ASCII set the UTF-8 flag. Every entry is DEFLATE (method 8), version 2.0, no extra fields or comments.
 */
export function zipArchive(entries: DeflatedEntry[], mtime: Date): Uint8Array {
  const time = dosDateTime(mtime);
  const names = entries.map((entry) => new TextEncoder().encode(entry.name));
  const localSize = entries.reduce((sum, entry, index) => sum + 30 + names[index]!.length + entry.deflated.length, 0);
  const centralSize = names.reduce((sum, name) => sum + 46 + name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const header = (at: number, entry: DeflatedEntry, name: Uint8Array, central: boolean): number => {
    view.setUint32(at, central ? 0x02014b50 : 0x04034b50, true);
    if (central) view.setUint16((at += 4), 20, true); // version made by (MS-DOS)
    else at += 2;
    view.setUint16(at + 2, 20, true); // version needed
    view.setUint16(at + 4, name.length !== entry.name.length ? 0x0800 : 0, true);
    view.setUint16(at + 6, 8, true);
    view.setUint32(at + 8, time, true);
    view.setUint32(at + 12, entry.crc, true);
    view.setUint32(at + 16, entry.deflated.length, true);
    view.setUint32(at + 20, entry.size, true);
    view.setUint16(at + 24, name.length, true);
    return at + 28;
  };
  const offsets: number[] = [];
  let at = 0;
  entries.forEach((entry, index) => {
    offsets.push(at);
    at = header(at, entry, names[index]!, false);
    out.set(names[index]!, at);
    out.set(entry.deflated, (at += names[index]!.length));
    at += entry.deflated.length;
  });
  entries.forEach((entry, index) => {
    at = header(at, entry, names[index]!, true);
    view.setUint32(at + 10, offsets[index]!, true); // comment length, disk, attributes: 0
    out.set(names[index]!, (at += 14));
    at += names[index]!.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, centralSize, true);
  view.setUint32(at + 16, localSize, true);
  return out;
}
