// Serialises the imported issue: issue.md and one <slug>.md per document, in the layout of the committed content.
import type { DocumentFrontMatter, IssueFrontMatter } from '../content/schema.ts';
import { documentFrontMatterText, issueFrontMatterText, type FrontMatterComments } from '../content/front-matter-text.ts';

/** issue.md: front matter only (its 目录 lists the documents). */
export function issueFileText(issue: IssueFrontMatter, comments?: FrontMatterComments): string {
  return issueFrontMatterText(issue, comments);
}

/** <slug>.md: front matter, a blank line, the body. */
export function documentFileText(data: DocumentFrontMatter, body: string): string {
  return `${documentFrontMatterText(data)}\n${body.trimEnd()}\n`;
}
