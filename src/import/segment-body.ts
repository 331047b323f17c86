// Turns a document's body lines into segments: running heads and page numbers dropped, `- ` debris marked, gaps recorded.
import type { RawLine } from './line-patterns.ts';

/** What separated a segment from the one before: nothing (a wrapped line), a blank line, or a page break (a removed head). */
export type Gap = 'none' | 'blank' | 'page';

export interface Segment {
  /** 1-based raw line */
  line: number;
  text: string;
  /** the line with its tabs (table rows) */
  raw: string;
  gap: Gap;
  /** the line started with a list marker (`- `, `• `) that extraction put there; `text` is without it */
  dash: boolean;
  /** the running heads removed just before this segment */
  heads: string[];
}

const DASH = /^[-*•]\s+(?=\S)/u;

/** Segments for lines[from, to); `removed` are the running-head and page-number lines (by index). */
export function segmentBody(lines: RawLine[], from: number, to: number, removed: Map<number, { kind: 'head' | 'page'; text: string }>): Segment[] {
  const segments: Segment[] = [];
  let gap: Gap = 'blank';
  let heads: string[] = [];
  for (let index = from; index < to; index++) {
    const gone = removed.get(index);
    if (gone) {
      gap = 'page';
      if (gone.kind === 'head') heads.push(gone.text);
      continue;
    }
    const text = lines[index]!.text;
    if (!text) {
      if (gap === 'none') gap = 'blank';
      continue;
    }
    const dash = DASH.test(text);
    segments.push({ line: lines[index]!.n, text: dash ? text.replace(DASH, '') : text, raw: lines[index]!.raw, gap, dash, heads });
    gap = 'none';
    heads = [];
  }
  return segments;
}
