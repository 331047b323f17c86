// Renders one document body to HTML, plain text, outline and citations: a pure function of the file and the citation
// index, memoised by the body's hash and valid while the index gives the same answers.
import { LRUCache } from 'lru-cache';
import { VFile } from 'vfile';
import { toText } from 'hast-util-to-text';
import type { Root as HastRoot } from 'hast';
import { createProcessor } from './processor.ts';
import type { CitationIndex } from '../content/citation-index.ts';
import type { Citation, CitationLookup } from './remark-citations.ts';
import { cachedRender, rememberRender, renderKey } from './render-memo.ts';

export { answersSame, cachedRender, forgetRenders, rememberRender, renderKey } from './render-memo.ts';
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
  /** the pipeline version in the key (default: pipelineVersion(); tests pass another to stand for a changed pipeline) */
  version?: string;
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
  /** every answer of the citation index the render used: the output stays valid while the index gives the same */
  lookups: CitationLookup[];
}

/** The processor of an index (least recently used out first: a dev session goes through many indexes). */
const processors = new LRUCache<string, ReturnType<typeof createProcessor>>({ max: 2 });

function processorFor(index: CitationIndex | undefined) {
  const key = index?.key ?? '';
  let processor = processors.get(key);
  if (!processor) {
    processor = createProcessor(index ? { numbers: index.numbers, titles: index.titles } : {});
    processors.set(key, processor);
  }
  return processor;
}

/** Render a document body. Same input, same output: results are memoised by content hash. */
export function renderDocument(input: RenderInput): RenderOutput {
  const key = renderKey(input);
  const hit = cachedRender(key, input.index);
  if (hit) return hit;
  const output = renderUncached(input);
  rememberRender(key, output);
  return output;
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
    lookups: (file.data.citationLookups as CitationLookup[] | undefined) ?? [],
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
