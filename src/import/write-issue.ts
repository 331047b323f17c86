// Serialises the imported issue: issue.md and one <slug>.md per document, in the layout of the committed content.
import type { DocumentFrontMatter, IssueFrontMatter } from '../content/schema.ts';
import { documentFrontMatterText, issueFrontMatterText, type FrontMatterComments } from '../content/front-matter-text.ts';
import { guessComment } from '../content/guess-comments.ts';

/** Front-matter key → why its value is a guess, as the `# 待核对：…` comment at the end of that key's line. */
function guessComments(guesses: Readonly<Record<string, string>>): FrontMatterComments {
  return { lines: Object.fromEntries(Object.entries(guesses).map(([key, reason]) => [key, guessComment(reason)])) };
}

/** issue.md: the issue's front matter, a guessed value with its `# 待核对：…` comment. */
export function issueFileText(issue: IssueFrontMatter, guesses: Readonly<Record<string, string>> = {}): string {
  return issueFrontMatterText(issue, guessComments(guesses));
}

/** <slug>.md: front matter (a guessed value with its `# 待核对：…` comment), a blank line, the body. */
export function documentFileText(data: DocumentFrontMatter, body: string, guesses: Readonly<Record<string, string>> = {}): string {
  return `${documentFrontMatterText(data, guessComments(guesses))}\n${body.trimEnd()}\n`;
}
