// Renders one document body to HTML, plain text, outline and citations: a pure function of the file and the citation
// index, cached by their content hashes.
import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';
import { VFile } from 'vfile';
import { toText } from 'hast-util-to-text';
import type { Root as HastRoot } from 'hast';
import { createProcessor, PIPELINE_VERSION } from './processor.ts';
import type { CitationIndex } from '../content/citation-index.ts';
import type { Citation } from './remark-citations.ts';
import type { Attachment, OutlineEntry } from './remark-outline.ts';

export interface RenderInput {
  /** path for messages */
  path: string;
  /** Markdown body, front-matter lines blanked so positions are file positions */
  body: string;
  /** the document's own URL (citations of itself become in-page links) */
  url?: string;
  /** what citations can link to; without it citations are recorded but not linked */
  index?: CitationIndex;
}

export interface RenderMessage {
  reason: string;
  line: number | undefined;
  column: number | undefined;
  ruleId: string | undefined;
  source: string | undefined;
  fatal: boolean | null | undefined;
}

/** Everything here is plain data: it can be cached, stored as JSON, or sent from a worker. */
export interface RenderOutput {
  html: string;
  text: string;
  outline: OutlineEntry[];
  attachments: Attachment[];
  citations: Citation[];
  messages: RenderMessage[];
}

/**
 * Both memos are bounded, least recently used out first: a long `npm run dev` session re-renders after every save, and
 * outputs for old file versions or old citation indexes must not pile up. The render memo holds a whole large corpus.
 */
const processors = new LRUCache<string, ReturnType<typeof createProcessor>>({ max: 2 });
const cache = new LRUCache<string, RenderOutput>({ max: 40_000 });

function processorFor(index: CitationIndex | undefined) {
  const key = index?.key ?? '';
  let processor = processors.get(key);
  if (!processor) {
    processor = createProcessor(index ? { numbers: index.numbers, titles: index.titles } : {});
    processors.set(key, processor);
  }
  return processor;
}

/** The memo key of an input: pipeline version, path, URL, citation-index hash and body. */
export function renderKey(input: RenderInput): string {
  const hash = createHash('sha256').update(PIPELINE_VERSION);
  for (const part of [input.path, input.url ?? '', input.index?.key ?? '', input.body]) hash.update('\0').update(part);
  return hash.digest('hex');
}

/** Render a document body. Same input, same output: results are memoised by content hash. */
export function renderDocument(input: RenderInput): RenderOutput {
  const key = renderKey(input);
  const hit = cache.get(key);
  if (hit) return hit;
  const output = renderUncached(input);
  cache.set(key, output);
  return output;
}

/** The memoised output for a `renderKey`, if there is one (render-pool.ts renders only the others). */
export function cachedRender(key: string): RenderOutput | undefined {
  return cache.get(key);
}

/** Memoise an output rendered without `renderDocument` (in a worker thread, or by render-pool.ts) under its key. */
export function rememberRender(key: string, output: RenderOutput): void {
  cache.set(key, output);
}

/** Render without the memo: what a worker thread runs, so that it does not hold a second copy of every output. */
export function renderUncached(input: RenderInput): RenderOutput {
  const processor = processorFor(input.index);
  const file = new VFile({ path: input.path, value: input.body, data: { url: input.url } });
  const tree = processor.runSync(processor.parse(file), file) as HastRoot;
  return {
    html: processor.stringify(tree, file),
    text: toText(tree).trim(),
    outline: (file.data.outline as OutlineEntry[] | undefined) ?? [],
    attachments: (file.data.attachments as Attachment[] | undefined) ?? [],
    citations: (file.data.citations as Citation[] | undefined) ?? [],
    messages: file.messages.map((message) => ({
      reason: message.reason,
      line: message.line,
      column: message.column,
      ruleId: message.ruleId,
      source: message.source,
      fatal: message.fatal,
    })),
  };
}
