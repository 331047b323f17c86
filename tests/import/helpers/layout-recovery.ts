// Test helper: a layout (tests/import/layouts/<name>/) printed at a page offset and imported, and how much of its
// expected Markdown came back (paragraphs identical as rendered HTML; front matter other than flagged guesses).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../../src/content/load-config.ts';
import { decodeRaw } from '../../../src/import/read-raw.ts';
import { importIssue, type ImportResult } from '../../../src/import/import-issue.ts';
import { compareDocument } from './compare-issue.ts';
import { paginate, readLayout } from './paginate.ts';

/** A layout printed at `offset` and imported with its own config, into the issue its cover names. */
export async function importAt(folder: string, offset: number): Promise<{ raw: string; result: ImportResult }> {
  const { layout, source } = readLayout(folder);
  const raw = paginate(source, layout, offset);
  const { config } = await loadConfig(path.join(folder, 'gazette.config.yaml'));
  const decoded = decodeRaw(new TextEncoder().encode(raw));
  if (!decoded.ok) throw new Error(decoded.reason);
  return { raw, result: importIssue(decoded.lines, { config: config!, target: { year: layout.issue.year, number: layout.issue.number } }) };
}

/** Paragraphs recovered (identical as rendered HTML) out of the expected ones, per document and in all. */
export function recovery(folder: string, result: ImportResult): { identical: number; total: number; differences: string[]; frontMatter: string[] } {
  let identical = 0;
  let total = 0;
  const differences: string[] = [];
  const frontMatter: string[] = [];
  for (const document of result.documents) {
    const expected = path.join(folder, 'expected', `${document.slug}.md`);
    if (!existsSync(expected)) {
      differences.push(`${document.slug}: not expected`);
      continue;
    }
    const comparison = compareDocument(expected, document);
    identical += comparison.identical;
    total += comparison.committedUnits;
    for (const hunk of comparison.hunks) {
      differences.push(`${document.slug} raw:${hunk.from}\n${hunk.committed.map((unit) => `  - ${unit.markdown.slice(0, 70)}`).join('\n')}\n${hunk.imported.map((unit) => `  + ${unit.markdown.slice(0, 70)}`).join('\n')}`);
    }
    // A value the import flagged as a guess may differ (a page taken from the page marks); nothing else may.
    for (const [key, values] of Object.entries(comparison.frontMatter)) {
      if (!(key in document.guesses)) frontMatter.push(`${document.slug} ${key}: ${JSON.stringify(values)}`);
    }
  }
  return { identical, total, differences, frontMatter };
}
