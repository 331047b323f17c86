// The editors' guide's front-matter tables follow the field tables (src/gazette/fields.ts): every field, no other key,
// each with its label.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_FIELDS, ISSUE_FIELDS } from '../../src/gazette/fields.ts';

const GUIDE = readFileSync(path.resolve(import.meta.dirname, '../../docs/editors-guide.md'), 'utf8');

/** The rows `| \`key\` | 含义 | example |` of the table under a heading. */
function tableUnder(heading: string): Map<string, string> {
  const start = GUIDE.indexOf(`\n${heading}\n`);
  expect(start, heading).toBeGreaterThan(0);
  const lines = GUIDE.slice(start + heading.length + 2).split('\n');
  const table = lines.slice(lines.findIndex((line) => line.startsWith('|')));
  const rows = table.slice(0, table.findIndex((line) => !line.startsWith('|')));
  return new Map(rows.flatMap((row) => {
    const cells = row.split('|').map((cell) => cell.trim());
    const key = /^`([a-z_]+)`$/.exec(cells[1] ?? '')?.[1];
    return key ? [[key, cells[2]!]] : [];
  }));
}

describe.each([
  ['### Issue file (`issue.md`)', ISSUE_FIELDS],
  ['### Document file', DOCUMENT_FIELDS],
] as const)('%s', (heading, fields) => {
  const rows = tableUnder(heading);
  it('lists exactly the fields of the table, in its order', () => expect([...rows.keys()]).toEqual(Object.keys(fields)));
  it.each(Object.entries(fields))('%s is described with its label', (key, field) => expect(rows.get(key)).toContain(field.label));
});
