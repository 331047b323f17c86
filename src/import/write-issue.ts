// Serialises the imported issue: issue.md and one <slug>.md per document, in the layout of the committed content.
import type { DocumentFrontMatter } from '../content/schema.ts';
import { documentFrontMatterText } from '../content/front-matter-text.ts';
import { guessComment } from '../content/guess-comments.ts';

/** <slug>.md: front matter (a guessed value with its `# 待核对：…` comment), a blank line, the body. */
export function documentFileText(data: DocumentFrontMatter, body: string, guesses: Readonly<Record<string, string>> = {}): string {
  const lines = Object.fromEntries(Object.entries(guesses).map(([key, reason]) => [key, guessComment(reason)]));
  return `${documentFrontMatterText(data, { lines })}\n${body.trimEnd()}\n`;
}
