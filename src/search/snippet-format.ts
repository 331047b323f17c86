// Result snippets: each indexed page's card and its text in pieces, written in its shard's bundle, so a result shows without Pagefind's whole-text fragment.
import type { SearchCard } from './search-card.ts';

/** Folder of a bundle holding the snippets: `<bundle>/snippet/<page hash>/<piece>.json`. */
export const SNIPPET_DIR = 'snippet';

/** Words (the index's positions) an excerpt shows. */
export const EXCERPT_WORDS = 36;

/**
 * Words each piece starts after the previous one. A piece holds EXCERPT_WORDS more than that, so any excerpt lies
 * wholly in the piece its first word falls in: one fetch of about 3 KB (gzip) per result, against Pagefind's fragment
 * of the whole text (up to 30 KB for a long notice).
 */
export const PIECE_WORDS = 1000;

/** A piece marks where every STEP-th word starts in its text (not every word: the text stays plain and small). */
export const STEP = 8;

/** Characters an excerpt shows (about EXCERPT_WORDS words of Chinese). */
export const EXCERPT_CHARS = 64;

/** One piece of one page. */
export interface Snippet {
  card: SearchCard;
  /** position of the first word of `text` */
  start: number;
  /** position of the first word of the body (the title and numbers come before it) */
  body: number;
  /** the text of PIECE_WORDS + EXCERPT_WORDS words from `start` */
  text: string;
  /** `at[n]`: where in `text` the word at position `start + n × STEP` starts */
  at: number[];
  /** where in `text` the body starts, when it starts in this piece */
  bodyAt?: number;
}

/** The excerpt of a piece that starts at word position `position` (in the piece): EXCERPT_CHARS of its text. */
export function pieceExcerpt(snippet: Snippet, position: number): { text: string; before: boolean; after: boolean } {
  const from = Math.max(snippet.at[Math.floor((position - snippet.start) / STEP)] ?? 0, snippet.bodyAt ?? 0);
  const text = snippet.text.slice(from, from + EXCERPT_CHARS);
  return { text: text.replace(/\s+/g, ' ').trim(), before: position > snippet.body, after: from + EXCERPT_CHARS < snippet.text.length };
}

export function pieceOf(position: number): number {
  return Math.floor(position / PIECE_WORDS);
}

/** The snippet path of a page's piece, relative to its bundle. */
export function snippetPath(pageHash: string, piece: number): string {
  return `${SNIPPET_DIR}/${pageHash}/${piece}.json`;
}

/**
 * Where an excerpt starts: a few words before the densest run of matches in the body (EXCERPT_WORDS long), or at the
 * start of the body when only the title or numbers match. Positions are the index's word positions of the matches.
 */
export function excerptStart(positions: readonly number[], body: number): number {
  const inBody = [...new Set(positions)].filter((position) => position >= body).sort((a, b) => a - b);
  if (inBody.length === 0) return body;
  let best = 0;
  let bestCount = 0;
  for (let first = 0, last = 0; first < inBody.length; first++) {
    while (last < inBody.length && inBody[last]! < inBody[first]! + EXCERPT_WORDS) last++;
    if (last - first > bestCount) [best, bestCount] = [first, last - first];
  }
  return Math.max(body, inBody[best]! - LEAD_WORDS);
}

/** Words of context before the first match of an excerpt. */
const LEAD_WORDS = 6;
