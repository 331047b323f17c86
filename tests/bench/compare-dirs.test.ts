// The bench's same-output check: two folders compared by relative path and bytes, differences named.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareDirs, formatComparison, identical } from '../../scripts/bench/compare-dirs.ts';

const roots: string[] = [];

async function folder(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'gazette-compare-'));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
  return root;
}

afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

describe('compareDirs', () => {
  it('finds two folders with the same files and bytes identical', async () => {
    const files = { 'index.html': '<p>公报</p>', 'a/b/c.json': '{}' };
    const comparison = await compareDirs(await folder(files), await folder(files));
    expect(identical(comparison)).toBe(true);
    expect(formatComparison(comparison, { a: 'warm', b: 'cold' })).toBe('identical: warm = cold (2 files, byte for byte)');
  });

  it('names files that differ in bytes (same size too) and files on one side only', async () => {
    const warm = await folder({ 'index.html': 'abc', 'a/x.html': 'x', 'only-warm.txt': '' });
    const cold = await folder({ 'index.html': 'abd', 'a/x.html': 'x', 'a/only-cold.txt': '' });
    const comparison = await compareDirs(warm, cold);
    expect(comparison).toEqual({ files: 2, differing: ['index.html'], onlyInA: ['only-warm.txt'], onlyInB: ['a/only-cold.txt'] });
    expect(formatComparison(comparison, { a: 'warm', b: 'cold' })).toBe(
      'DIFFERENT: warm vs cold: 1 files differ (index.html); 1 only in warm (only-warm.txt); 1 only in cold (a/only-cold.txt)',
    );
  });
});
