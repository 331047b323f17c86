// A word query as search terms: every multi-character Chinese term as its CJK bigrams, Latin and digits whole, lone characters dropped beside longer terms.

export interface QueryTerms {
  /** the reader's words (Chinese runs, Latin/digit runs; NFKC, lower case), for highlighting */
  words: string[];
  /** what the index is asked for: each word of two or more Chinese characters as all its bigrams, other words whole */
  terms: string[];
}

/** A run of Chinese characters, or of other letters and digits. */
const RUN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;

/**
 * The index holds every pair of neighbouring Chinese characters as a word, whatever the segmenter made of the text. A
 * document matches a Chinese term only when it holds every bigram of it (易俊良: 易俊 and 俊良), so a term is never
 * matched by its separate characters (良 alone). A one-character word is kept only when the query has nothing longer:
 * 良 finds 良, but in 2018年 3号 the 年 and 3 are noise.
 */
export function queryTerms(query: string): QueryTerms {
  const runs = [...query.normalize('NFKC').toLowerCase().matchAll(RUN)].map((match) => ({ text: match[0], han: match[1] !== undefined }));
  const long = runs.some((run) => [...run.text].length > 1);
  const words = unique(runs.filter((run) => !long || [...run.text].length > 1).map((run) => run.text));
  const terms = unique(runs.filter((run) => words.includes(run.text)).flatMap((run) => (run.han ? bigrams(run.text) : [run.text])));
  return { words, terms: terms.slice(0, MAX_TERMS) };
}

/**
 * Each term costs an index chunk in every shard, so a query asks for at most this many (a pasted title or paragraph
 * is matched by its first ones), and a long word by every other bigram (which still covers each of its characters).
 */
const MAX_TERMS = 16;
const ALL_BIGRAMS_UP_TO = 6;

function bigrams(text: string): string[] {
  const chars = [...text];
  if (chars.length < 2) return chars;
  const all = chars.slice(1).map((char, index) => chars[index] + char);
  if (all.length <= ALL_BIGRAMS_UP_TO) return all;
  return unique([...all.filter((_, index) => index % 2 === 0), all.at(-1)!]);
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

/**
 * The words to mark for a query (markRanges), on the result list and on the page a result opens: the reader's words
 * (QueryTerms.words), and each whitespace-separated part of two or more characters as typed, so that a number such as
 * 永政发〔2018〕3号 is marked whole where the text holds it whole, and in pieces elsewhere.
 */
export function highlightWords(query: string): string[] {
  const typed = query.normalize('NFKC').toLowerCase().split(/\s+/).filter((part) => [...part].length > 1);
  return unique([...queryTerms(query).words, ...typed]);
}

/**
 * Where to mark the query in a text: the longest pieces of it that are part of one of the words (at least two
 * characters, or a whole one-character word), left to right, case-insensitively. A document that holds 就业 and 创业
 * apart gets both marked; one that holds 就业创业 gets it marked whole.
 */
export function markRanges(text: string, words: readonly string[]): [number, number][] {
  const lower = text.toLowerCase();
  const longest = Math.max(0, ...words.map((word) => word.length));
  const ranges: [number, number][] = [];
  for (let start = 0; start < lower.length; ) {
    let end = 0;
    for (let length = Math.min(longest, lower.length - start); length >= 1 && !end; length--) {
      const piece = lower.slice(start, start + length);
      if (words.some((word) => (length > 1 ? word.includes(piece) : word === piece))) end = start + length;
    }
    if (end) {
      ranges.push([start, end]);
      start = end;
    } else {
      start++;
    }
  }
  return ranges;
}
