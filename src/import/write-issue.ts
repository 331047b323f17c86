// Serialises the imported issue: issue.md and one <slug>.md per document, in the layout of the committed content.
import type { DocumentFrontMatter } from '../content/schema.ts';
import { documentFrontMatterText } from '../content/front-matter-text.ts';

/** <slug>.md: front matter, a blank line, the body. */
export function documentFileText(data: DocumentFrontMatter, body: string): string {
  return `${documentFrontMatterText(data)}\n${body.trimEnd()}\n`;
}
