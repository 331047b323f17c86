// Serialises the imported issue: issue.md and one <slug>.md per document, in the layout of the committed content.
import { stringify } from 'yaml';
import type { DocumentFrontMatter, IssueFrontMatter } from '../content/schema.ts';

/** A YAML scalar: plain when that reads back as the same string, else double-quoted. */
export function yamlScalar(value: string | number): string {
  if (typeof value === 'number') return String(value);
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** An item of a flow sequence `[a, b]`: quoted when plain would break the sequence. */
function flowItem(value: string): string {
  const plain = yamlScalar(value);
  return /[,[\]{}]/.test(value) || plain.startsWith('"') || plain.startsWith("'") ? JSON.stringify(value) : plain;
}

function flow(values: string[]): string {
  return `[${values.map(flowItem).join(', ')}]`;
}

export function issueFileText(issue: IssueFrontMatter): string {
  const lines = [
    '---',
    `year: ${issue.year}`,
    `number: ${issue.number}`,
    `total_number: ${issue.total_number}`,
    `published: ${issue.published}`,
    'sections:',
    ...issue.sections.map((section) => `  - ${yamlScalar(section)}`),
    ...(issue.contents.length > 0 ? ['contents:', ...issue.contents.map((slug) => `  - ${slug}`)] : ['contents: []']),
  ];
  if (issue.editorial_board.length > 0) {
    lines.push('editorial_board:');
    for (const entry of issue.editorial_board) lines.push(`  - role: ${yamlScalar(entry.role)}`, `    members: ${flow(entry.members)}`);
  }
  if (issue.statements.length > 0) lines.push('statements:', ...issue.statements.map((statement) => `  - ${yamlScalar(statement)}`));
  lines.push('---', '');
  return lines.join('\n');
}

export function documentFileText(data: DocumentFrontMatter, body: string): string {
  const lines = ['---', `title: ${yamlScalar(data.title)}`, `doc_number: ${yamlScalar(data.doc_number)}`];
  if (data.registration_code) lines.push(`registration_code: ${yamlScalar(data.registration_code)}`);
  lines.push(
    `date: ${data.date}`,
    `issuers: ${flow(data.issuers)}`,
    `section: ${yamlScalar(data.section)}`,
    `type: ${yamlScalar(data.type)}`,
    `page: ${data.page}`,
  );
  if (data.valid_until) lines.push(`valid_until: ${data.valid_until}`);
  lines.push('---', '', body.trimEnd(), '');
  return lines.join('\n');
}
