// Result snippets: a page's indexed text in pieces at the index's word positions, its body found, Pagefind's block full stops gone.
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { snippets, withSnippets } from '../../src/search/snippets.ts';
import { EXCERPT_CHARS, EXCERPT_WORDS, excerptStart, PIECE_WORDS, pieceExcerpt, pieceOf, snippetPath, STEP } from '../../src/search/snippet-format.ts';
import type { SearchCard } from '../../src/search/search-card.ts';

const card: SearchCard = { url: '/2018/02/a/', title: '关于就业的通知', docNumber: '永政发〔2018〕3号', registrationCode: 'YZCR-2018-00001', dateText: '2018年2月1日', issuers: ['永州市人民政府'] };
/** The text as Pagefind writes it into a fragment: words as the index counts them, U+200B between, ". " after blocks. */
const header = ['关于', '就业', '的', '通知', '. ', '永', '政', '发', '〔', '2018', '〕', '3', '号', '. ', 'YZCR', '-', '2018', '-', '00001', '. '];

describe('snippets', () => {
  it('finds where the body starts, and turns the ". " after a block into a space', () => {
    const [piece] = snippets([...header, '各', '县区', '：'].join('\u200B'), card);
    expect(piece!.body).toBe(header.length);
    expect(piece!.text).toBe('关于就业的通知 永政发〔2018〕3号 YZCR-2018-00001 各县区：');
    expect(piece!.text.slice(piece!.bodyAt)).toBe('各县区：');
  });

  it('cuts a long text into pieces that each hold any excerpt starting in them, and marks every STEP-th word', () => {
    const body = Array.from({ length: 2 * PIECE_WORDS + 10 }, (_, n) => `<${n}>`);
    const words = [...header, ...body].map((word) => (word === '. ' ? ' ' : word));
    const pieces = snippets([...header, ...body].join('\u200B'), card);
    expect(pieces.map((piece) => piece.start)).toEqual([0, PIECE_WORDS, 2 * PIECE_WORDS]);
    for (const piece of pieces) {
      expect(piece.text).toBe(words.slice(piece.start, piece.start + PIECE_WORDS + EXCERPT_WORDS).join(''));
      for (const [n, offset] of piece.at.entries()) expect(piece.text.slice(offset).startsWith(words[piece.start + n * STEP]!)).toBe(true);
    }
    // an excerpt starting at the last word of a piece is whole in it
    const last = 2 * PIECE_WORDS - 1;
    const excerpt = pieceExcerpt(pieces[pieceOf(last)]!, last);
    expect(excerpt.text.length).toBe(EXCERPT_CHARS);
    expect(excerpt.text.startsWith(`<${last - header.length - ((last % STEP) as number)}>`)).toBe(true);
  });

  it('starts an excerpt at the body, never in the numbers before it', () => {
    const [piece] = snippets([...header, '各', '县区', '：'].join('\u200B'), card);
    expect(pieceExcerpt(piece!, piece!.body)).toEqual({ text: '各县区：', before: false, after: false });
  });

  it('starts the body at 0 when the text does not begin with the title and numbers', () => {
    expect(snippets(['别的', '文字'].join('\u200B'), card)[0]!.body).toBe(0);
  });

  it('replaces each fragment of a bundle by its page\'s snippets, other files kept', () => {
    const fragment = gzipSync(Buffer.from(JSON.stringify({ url: card.url, content: [...header, '正文'].join('\u200B'), meta: {}, filters: {} })));
    const files = withSnippets({ 'fragment/zh-cn_abc.pf_fragment': fragment, 'pagefind-entry.json': Buffer.from('{}') }, new Map([[card.url, card]]));
    expect(Object.keys(files).sort()).toEqual(['pagefind-entry.json', snippetPath('zh-cn_abc', 0)]);
    expect(JSON.parse(Buffer.from(files[snippetPath('zh-cn_abc', 0)]!).toString()).card).toEqual(card);
  });
});

describe('excerptStart', () => {
  it('starts a few words before the densest run of matches in the body, never in the title', () => {
    expect(excerptStart([1, 2, 3, 500, 700, 701, 702], 20)).toBe(694);
    expect(excerptStart([1, 2, 3], 20)).toBe(20); // the title alone matches: the body from its start
    expect(excerptStart([22, 900], 20)).toBe(20);
  });
});
