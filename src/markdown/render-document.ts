// Renders one document body to HTML, plain text, outline and citations: a pure function of the file and the citation
// index, memoised by the body's hash and valid while the index gives the same answers.
import { LRUCache } from 'lru-cache';
import { VFile } from 'vfile';
import { toText } from 'hast-util-to-text';
import type { Root as HastRoot } from 'hast';
import { createProcessor } from './processor.ts';
import type { CitationIndex } from '../content/citation-index.ts';
import { issuerCode, issuerCodes, type Citation, type CitationLookup, type CitationTarget } from './remark-citations.ts';
import { hashOf } from '../build/cache.ts';
import { pipelineVersion } from './pipeline-version.ts';
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

/**
 * The cache key of an input: pipeline version, path, URL and body. The citation index is not in it: an output keyed so
 * is valid only while the index answers its `lookups` the same (`answersSame`).
 */
export function renderKey(input: Omit<RenderInput, 'index'>): string {
  return hashOf(input.version ?? pipelineVersion(), input.path, input.url ?? '', input.body);
}

/** Render a document body. Same input, same output: results are memoised by content hash. */
export function renderDocument(input: RenderInput): RenderOutput {
  const key = renderKey(input);
  const hit = cachedRender(key, input.index);
  if (hit) return hit;
  const output = renderUncached(input);
  cache.set(key, output);
  return output;
}

/** The memoised output for a `renderKey`, if there is one and `index` still answers as it did (render-pool.ts renders only the others). */
export function cachedRender(key: string, index: CitationIndex | undefined): RenderOutput | undefined {
  const hit = cache.get(key);
  return hit && answersSame(hit.lookups, index) ? hit : undefined;
}

const NO_TARGETS: ReadonlyMap<string, CitationTarget> = new Map();
const codesOfIndex = new WeakMap<CitationIndex, string[]>();

/** Whether `index` gives every answer a render recorded: the same target (or none) per key, the same 机关代字 per run. */
export function answersSame(lookups: readonly CitationLookup[], index: CitationIndex | undefined): boolean {
  let codes = index ? codesOfIndex.get(index) : [];
  for (const [kind, key, answer] of lookups) {
    if (kind === 'code') {
      if (!codes) codesOfIndex.set(index!, (codes = issuerCodes(index!.numbers)));
      if (issuerCode(key, codes) !== answer) return false;
    } else if (!sameTarget((kind === 'number' ? (index?.numbers ?? NO_TARGETS) : (index?.titles ?? NO_TARGETS)).get(key), answer)) {
      return false;
    }
  }
  return true;
}

function sameTarget(now: CitationTarget | undefined, then: CitationTarget | null): boolean {
  if (!now || !then) return !now && !then;
  return now.url === then.url && now.title === then.title && now.docNumber === then.docNumber;
}

/** Drop every memoised output (tests: the next render reads the persistent cache, as a new process would). */
export function forgetRenders(): void {
  cache.clear();
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
