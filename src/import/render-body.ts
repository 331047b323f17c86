// Writes the blocks of one body as Markdown in the content conventions, remembering which raw lines each block came from.
import { formatNameLine, joinLines, nameLineOf, normalizeChinese, normalizeTitle } from './normalize-text.ts';
import type { Block, BlockKind } from './classify-blocks.ts';
import { ARTICLE_NUMBER } from '../gazette/conventions.ts';
import { guessHtmlComment } from '../content/guess-comments.ts';

export interface RenderedBlock {
  kind: BlockKind;
  markdown: string;
  /** first and last raw line the block was made from */
  line: number;
  end: number;
}

/** Characters that would make a paragraph something else in Markdown (a heading, list, quote, HTML) are escaped. */
export function escapeMarkdown(text: string): string {
  let out = text.replace(/<(?=[A-Za-z/!?])/g, '&lt;');
  if (/^(?:#{1,6}\s|[>+]\s?|[-*]\s|\d{1,9}[.)]\s|={3,}$|-{3,}$|```|~~~)/.test(out)) out = `\\${out}`;
  return out;
}

/** 第一条　…: an article number is followed by an ideographic space in print (GB/T 9704), whatever extraction left. */
function spacedArticle(text: string): string | undefined {
  const article = ARTICLE_NUMBER.exec(text);
  if (article?.[2] !== '条') return undefined;
  const rest = text.slice(article[0].length);
  const words = rest.replace(/^[ \t\u00a0\u3000]+/u, '');
  return words !== rest && /^\S/u.test(words) ? `${article[0]}\u3000${normalizeChinese(words)}` : undefined;
}

function paragraphText(block: Block): string {
  const text = joinLines(block.segs.map((seg) => seg.text));
  const name = nameLineOf(text);
  if (block.name && name) return formatNameLine(name.name, name.rest);
  return spacedArticle(text) ?? escapeMarkdown(normalizeChinese(text));
}

function listItem(text: string): string {
  const name = nameLineOf(text);
  return `- ${name ? formatNameLine(name.name, name.rest) : escapeMarkdown(normalizeChinese(text))}`;
}

export function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'addressee':
    case 'paragraph':
      return paragraphText(block);
    case 'signature':
      return block.lines.join('\n'); // compacted when classified
    case 'lines':
      return block.lines.map((line) => escapeMarkdown(normalizeChinese(line))).join('\n');
    case 'label':
      return block.lines[0]!;
    case 'heading':
      return `## ${normalizeTitle(block.lines)}`;
    case 'list':
      return block.lines.map(listItem).join('\n');
    case 'table':
      return `${block.review ? `${guessHtmlComment(block.review)}\n\n` : ''}${block.markdown ?? ''}`;
  }
}

/** Render every block; the Markdown body is their texts separated by blank lines. */
export function renderBody(blocks: Block[]): { body: string; blocks: RenderedBlock[] } {
  const rendered = blocks.map((block) => ({
    kind: block.kind,
    markdown: renderBlock(block),
    line: Math.min(...block.segs.map((seg) => seg.line)),
    end: Math.max(...block.segs.map((seg) => seg.line)),
  }));
  return { body: rendered.map((block) => block.markdown).join('\n\n'), blocks: rendered };
}
