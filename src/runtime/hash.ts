// SHA-256 in hex, written once: of one file's bytes (`sha256Hex`), and of several parts as a cache key (`hashOf`).
import { createHash } from 'node:crypto';

/** SHA-256 (hex) of bytes: a file's digest, as the page cache and the manifest record it. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** SHA-256 (hex) of parts, each length-prefixed so that ['ab', 'c'] and ['a', 'bc'] differ. */
export function hashOf(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    hash.update(`${bytes.length}:`).update(bytes);
  }
  return hash.digest('hex');
}
