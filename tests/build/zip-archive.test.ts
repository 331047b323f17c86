// The zip assembled from deflated entries (cached or not) has fflate zipSync's exact bytes, and unzips to the files.
import { describe, expect, it } from 'vitest';
import { deflateSync, unzipSync, zipSync } from 'fflate';
import { crc32, zipArchive } from '../../src/site/zip-archive.ts';

describe('zipArchive', () => {
  const files: [string, Uint8Array][] = [
    ['README.txt', new TextEncoder().encode('\uFEFF永州政报　开放数据全量下载\r\n'.repeat(40))],
    ['api/documents.json', new TextEncoder().encode(JSON.stringify({ a: 1 }))],
    ['issues/2018/02/说明.md', new TextEncoder().encode('# 说明\n')],
    ['empty.txt', new Uint8Array(0)],
  ];
  const mtime = new Date(2018, 1, 28, 12, 0, 0);

  it('gives the bytes fflate zipSync gives for the same files', () => {
    const entries = files.map(([name, bytes]) => ({ name, size: bytes.length, crc: crc32(bytes), deflated: deflateSync(bytes, { level: 6 }) }));
    const expected = zipSync(Object.fromEntries(files.map(([name, bytes]) => [name, [bytes, { mtime }]])), { level: 6 });
    expect(Buffer.from(zipArchive(entries, mtime)).equals(Buffer.from(expected))).toBe(true);
    expect(Object.keys(unzipSync(zipArchive(entries, mtime)))).toEqual(files.map(([name]) => name));
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
