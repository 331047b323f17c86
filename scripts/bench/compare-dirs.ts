// Byte-compares two output folders (a warm build's dist/ and a cold build of the same content) and names the differences.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export interface DirComparison {
  /** files in both folders */
  files: number;
  onlyInA: string[];
  onlyInB: string[];
  /** relative paths whose bytes differ */
  differing: string[];
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).sort();
}

async function sameBytes(a: string, b: string): Promise<boolean> {
  const [sizeA, sizeB] = await Promise.all([stat(a), stat(b)]);
  if (sizeA.size !== sizeB.size) return false;
  const [bytesA, bytesB] = await Promise.all([readFile(a), readFile(b)]);
  return bytesA.equals(bytesB);
}

/** Every file of both folders, compared by relative path and bytes. */
export async function compareDirs(a: string, b: string): Promise<DirComparison> {
  const [filesA, filesB] = await Promise.all([listFiles(a), listFiles(b)]);
  const inB = new Set(filesB);
  const inA = new Set(filesA);
  const both = filesA.filter((file) => inB.has(file));
  const differing: string[] = [];
  for (const file of both) if (!(await sameBytes(path.join(a, file), path.join(b, file)))) differing.push(file);
  return { files: both.length, onlyInA: filesA.filter((file) => !inB.has(file)), onlyInB: filesB.filter((file) => !inA.has(file)), differing };
}

export function identical(comparison: DirComparison): boolean {
  return comparison.onlyInA.length + comparison.onlyInB.length + comparison.differing.length === 0;
}

/** One line: identical, or how many files differ with the first few named. */
export function formatComparison(comparison: DirComparison, labels: { a: string; b: string }, shown = 5): string {
  if (identical(comparison)) return `identical: ${labels.a} = ${labels.b} (${comparison.files} files, byte for byte)`;
  const parts = [
    comparison.differing.length ? `${comparison.differing.length} files differ (${comparison.differing.slice(0, shown).join(', ')})` : '',
    comparison.onlyInA.length ? `${comparison.onlyInA.length} only in ${labels.a} (${comparison.onlyInA.slice(0, shown).join(', ')})` : '',
    comparison.onlyInB.length ? `${comparison.onlyInB.length} only in ${labels.b} (${comparison.onlyInB.slice(0, shown).join(', ')})` : '',
  ];
  return `DIFFERENT: ${labels.a} vs ${labels.b}: ${parts.filter(Boolean).join('; ')}`;
}
