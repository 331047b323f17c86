// Build side of result snippets: turns the Pagefind fragments of one shard's bundle into snippet pieces (snippet-format.ts).
import { gunzipSync } from 'node:zlib';
import type { SearchCard } from './search-card.ts';
import { indexedHeader } from './search-html.ts';
import { EXCERPT_WORDS, PIECE_WORDS, snippetPath, STEP, type Snippet } from './snippet-format.ts';

/** What a Pagefind fragment file holds (gzip, JSON), of what the snippets need. */
interface Fragment {
  url: string;
  /** the indexed text: words as the index counts them, separated by U+200B */
  content: string;
}

const FRAGMENT = /^fragment\/(.+)\.pf_fragment$/;
const SIGNATURE = 'pagefind_dcd';

/**
 * The bundle's files with every fragment replaced by its page's snippet pieces. `cards` gives each page's card by
 * URL. The word positions stay the index's: the pieces split the fragment's text at its U+200B word boundaries. The
 * ". " Pagefind puts after a block (the title, the 发文字号, a heading) so that its excerpts read as sentences
 * becomes a space: the search page shows fields and headings apart without stray full stops.
 */
export function withSnippets(files: Record<string, Uint8Array>, cards: ReadonlyMap<string, SearchCard>): Record<string, Uint8Array> {
  const result: Record<string, Uint8Array> = {};
  for (const [file, content] of Object.entries(files)) {
    const hash = FRAGMENT.exec(file)?.[1];
    if (!hash) {
      result[file] = content;
      continue;
    }
    const fragment = decodeFragment(content);
    const card = cards.get(fragment.url);
    if (!card) throw new Error(`检索分片中的页面 ${fragment.url} 不在本分片的文件中`);
    for (const [piece, snippet] of snippets(fragment.content, card).entries()) {
      result[snippetPath(hash, piece)] = Buffer.from(JSON.stringify(snippet));
    }
  }
  return result;
}

/**
 * A page's text in pieces of PIECE_WORDS words, each with EXCERPT_WORDS more (so an excerpt never spans two), as
 * plain text with the offset of every STEP-th word: U+200B between words would add a third to the bytes on disk.
 */
export function snippets(content: string, card: SearchCard): Snippet[] {
  const words = content.split('\u200B').map((word) => (word === '. ' ? ' ' : word));
  const body = bodyStart(words, card);
  const pieces: Snippet[] = [];
  for (let start = 0; start === 0 || start < words.length; start += PIECE_WORDS) {
    const piece = words.slice(start, start + PIECE_WORDS + EXCERPT_WORDS);
    const at: number[] = [];
    let offset = 0;
    let bodyAt: number | undefined;
    for (const [index, word] of piece.entries()) {
      if (index % STEP === 0 && index < PIECE_WORDS) at.push(offset);
      if (start + index === body) bodyAt = offset;
      offset += word.length;
    }
    pieces.push({ card, start, body, text: piece.join(''), at, ...(bodyAt === undefined ? {} : { bodyAt }) });
  }
  return pieces;
}

/** The position after the title and numbers the indexed page starts with (indexedHeader), or 0 if they are not found. */
function bodyStart(words: string[], card: SearchCard): number {
  const squeeze = (text: string) => text.replace(/[\s.]/g, '');
  const header = squeeze(indexedHeader(card).join(''));
  let seen = '';
  for (let position = 0; position < words.length; position++) {
    seen += squeeze(words[position]!);
    if (seen.length >= header.length) {
      if (seen !== header) return 0;
      let body = position + 1;
      while (body < words.length && squeeze(words[body]!) === '') body++;
      return body;
    }
  }
  return 0;
}

function decodeFragment(bytes: Uint8Array): Fragment {
  let data = Buffer.from(bytes);
  if (data.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) data = gunzipSync(data);
  if (data.subarray(0, SIGNATURE.length).toString() === SIGNATURE) data = data.subarray(SIGNATURE.length);
  return JSON.parse(data.toString('utf8')) as Fragment;
}
