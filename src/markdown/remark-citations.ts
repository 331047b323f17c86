// remark plugin: finds citations — 发文字号 in any bracket variant and 《title》 — links those in the corpus, records all.
import type { Root, Text, PhrasingContent, Parent } from 'mdast';
import type { VFile } from 'vfile';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import type { Point } from 'unist';
import { report } from '../content/rules.ts';
import { DOC_NUMBER_IN_TEXT, docNumberKey, issuerCode, parseDocNumber } from '../gazette/doc-number.ts';
import { titleKey } from '../gazette/titles.ts';
import type { CitationTarget } from '../content/citation-index.ts';

export type { CitationTarget };


/** A citation found in a document's text, linked (`url`) when its target is in the corpus. */
export interface Citation {
  /** as written */
  text: string;
  kind: 'doc-number' | 'title';
  /** canonical 发文字号 (doc-number citations) */
  docNumber: string | null;
  target: CitationTarget | null;
}

/**
 * One answer of the index while rendering a body: a 发文字号 or title key with the target found (null: not in the
 * corpus), or a run of text with the 机关代字 taken from its end. The render cache serves an output only while the
 * index still gives every answer its render got.
 */
export type CitationLookup = ['number' | 'title', string, CitationTarget | null] | ['code', string, string];

export interface Options {
  /** canonical 发文字号 → target */
  numbers?: ReadonlyMap<string, CitationTarget>;
  /** title key (see titleKey) → target; documents and their attachments */
  titles?: ReadonlyMap<string, CitationTarget>;
}

const TITLE_IN_TEXT = /《([^《》]{2,80}(?:《[^《》]*》[^《》]*)*)》/gu;

/**
 * Every 发文字号 (〔〕 [] ［］ () „‟ 〈〉) and 《title》 in the text becomes a `Citation` in `file.data.citations`;
 * when the corpus holds the target, the text also becomes a link (`<a class="citation">`). A citation of the document
 * itself (`file.data.url`), such as a 印发 notice naming its own attachment, links to the anchor in the page.
 */
export default function remarkCitations(options: Options = {}) {
  const numbers = options.numbers ?? new Map();
  const titles = options.titles ?? new Map();
  const codes = issuerCodes(numbers);
  return (tree: Root, file: VFile) => {
    const citations: Citation[] = [];
    const lookups: CitationLookup[] = [];
    visitParents(tree, 'text', (node: Text, ancestors) => {
      if (ancestors.some((ancestor) => ancestor.type === 'link' || ancestor.type === 'linkReference' || ancestor.type === 'heading')) return;
      const found = findCitations(node.value, { numbers, titles, codes, self: file.data.url as string | undefined, lookups });
      citations.push(...found.map((match) => match.citation));
      reportNonStandard(file, [node, ...[...ancestors].reverse()].find((candidate) => candidate.position) ?? node, found);
      const linked = found.filter((match) => match.citation.target);
      if (linked.length === 0) return;
      const replacement: PhrasingContent[] = [];
      let last = 0;
      for (const { start, end, citation } of linked) {
        if (start > last) replacement.push({ type: 'text', value: node.value.slice(last, start) });
        const target = citation.target!;
        replacement.push({
          type: 'link',
          url: target.url,
          title: `${target.docNumber} ${target.title}`,
          data: { hProperties: { className: ['citation'] } },
          children: [{ type: 'text', value: citation.text }],
        });
        last = end;
      }
      if (last < node.value.length) replacement.push({ type: 'text', value: node.value.slice(last) });
      const parent = ancestors.at(-1) as Parent;
      const index = parent.children.indexOf(node);
      parent.children.splice(index, 1, ...replacement);
      // Go on after the replacement: its pieces have been searched already.
      return [SKIP, index + replacement.length];
    });
    file.data.citations = citations;
    file.data.citationLookups = lookups;
  };
}

interface Match {
  start: number;
  end: number;
  citation: Citation;
}

/** Every citation in a text, in order, without overlaps (a 发文字号 inside a 《title》 belongs to the title). */
interface Context {
  numbers: ReadonlyMap<string, CitationTarget>;
  titles: ReadonlyMap<string, CitationTarget>;
  /** 机关代字 of the corpus, longest first */
  codes: string[];
  self: string | undefined;
  /** every answer of the index, recorded for the render cache */
  lookups: CitationLookup[];
}

function findCitations(value: string, { numbers, titles, codes, self, lookups }: Context): Match[] {
  const matches: Match[] = [];
  for (const match of value.matchAll(TITLE_IN_TEXT)) {
    const key = titleKey(match[1]!);
    const target = titles.get(key) ?? null;
    lookups.push(['title', key, target]);
    const citation: Citation = { text: match[0], kind: 'title', docNumber: target?.docNumber ?? null, target: linkable(target, self) };
    matches.push({ start: match.index, end: match.index + match[0].length, citation });
  }
  for (const match of value.matchAll(DOC_NUMBER_IN_TEXT)) {
    const code = issuerCode(match[1]!, codes);
    lookups.push(['code', match[1]!, code]);
    const start = match.index + match[1]!.length - code.length;
    const end = match.index + match[0].length;
    const docNumber = docNumberKey(value.slice(start, end));
    if (!docNumber || matches.some((other) => start < other.end && other.start < end)) continue;
    const target = numbers.get(docNumber) ?? null;
    lookups.push(['number', docNumber, target]);
    const citation: Citation = { text: value.slice(start, end), kind: 'doc-number', docNumber, target: linkable(target, self) };
    matches.push({ start, end, citation });
  }
  return matches.sort((a, b) => a.start - b.start);
}

/** The 机关代字 of the corpus: the code of each canonical 发文字号. */
export function issuerCodes(numbers: ReadonlyMap<string, CitationTarget>): string[] {
  return [...new Set([...numbers.keys()].flatMap((key) => parseDocNumber(key)?.code ?? []))];
}

/** A citation of the document itself (e.g. a 印发 notice naming its own attachment) links to the anchor within the page. */
function linkable(target: CitationTarget | null, self: string | undefined): CitationTarget | null {
  if (!target || !self) return target;
  const [path, hash] = target.url.split('#');
  if (path !== self) return target;
  return hash ? { ...target, url: `#${hash}` } : null;
}

/**
 * A 发文字号 cited in another form than its standard one (国办发[2009]3号, mojibake 国办发„2009‟3号, 国办发〔2009〕03号)
 * is a warning at the citation, naming the standard form. The text is rendered as written: the site shows the 标准文本
 * as the editor wrote it, and the editor corrects the source.
 */
function reportNonStandard(file: VFile, node: Pick<Text, 'position'>, found: Match[]): void {
  // `node` is the text, or its nearest placed ancestor when a plugin before made the text (hard breaks, run-in heads).
  const source = node.position ? String(file.value).slice(node.position.start.offset, node.position.end.offset) : undefined;
  let cursor = 0;
  for (const { citation } of found) {
    if (citation.kind !== 'doc-number' || !citation.docNumber || citation.text === citation.docNumber) continue;
    const problem = citation.text.includes('〔') && citation.text.includes('〕') ? '不符合 GB/T 9704（序号不编虚位，不加“第”，不留空格）' : '括号不规范（年份应使用六角括号〔〕）';
    const at = source === undefined ? -1 : source.indexOf(citation.text, cursor);
    if (at >= 0) cursor = at + citation.text.length;
    const place = at >= 0 ? pointAfter(node.position!.start, source!.slice(0, at)) : node.position?.start;
    report(file, `引用的发文字号「${citation.text}」${problem}：应为 ${citation.docNumber}，请在原文中改正`, place, 'citation-brackets', 'warning');
  }
}

/** The point reached from `start` after the text `before`. */
function pointAfter(start: Point, before: string): Point {
  const lines = before.split('\n');
  const offset = start.offset === undefined ? undefined : start.offset + before.length;
  if (lines.length === 1) return { line: start.line, column: start.column + before.length, offset };
  return { line: start.line + lines.length - 1, column: lines.at(-1)!.length + 1, offset };
}
