// Renders a corpus through the persistent build cache: outputs stored by body hash with the citation-index answers they used; only misses render.
import { BuildCache } from './cache.ts';
import { hashOf } from '../runtime/hash.ts';
import type { Progress } from './phases.ts';
import type { CitationIndex } from '../content/citation-index.ts';
import type { RenderInput, RenderMessage, RenderOutput } from '../markdown/render-document.ts';
import { answersSame, cachedRender, rememberRender, renderKey } from '../markdown/render-memo.ts';
import { pipelineVersion } from '../markdown/pipeline-version.ts';
import type { CitationLookup } from '../markdown/remark-citations.ts';
import { inParallel } from '../runtime/in-parallel.ts';

/** Whole outputs, one entry per document: `render/<renderKey>`. */
export const RENDER_NAMESPACE = 'render';
/** One manifest per content folder: every document's summary by render key, so `check` reads one entry, not thousands. */
export const SUMMARY_NAMESPACE = 'render-summaries';

/** What `check` needs of a render: its messages, whether the body has no text, and the index answers it used. */
export interface RenderSummary {
  messages: RenderMessage[];
  empty: boolean;
  lookups: CitationLookup[];
}

export function summaryOf(output: RenderOutput | RenderSummary): RenderSummary {
  if ('empty' in output) return output;
  return { messages: output.messages, empty: !output.text.replace(/\s/g, ''), lookups: output.lookups };
}

export interface RenderCorpusOptions {
  cache?: BuildCache;
  /** render worker threads (see render-pool.ts) */
  threads?: number;
  /** the pipeline version in every key (default: pipelineVersion()); tests pass another to stand for a changed pipeline */
  version?: string;
  /** the content folder: names the summary manifest */
  corpus?: string;
  progress?: Progress;
}

export interface RenderCorpusResult<T> {
  /** one per input, in input order */
  outputs: T[];
  /** positions of the inputs rendered by this call: not memoised in this process, not in the cache, or stale */
  rendered: number[];
  /** worker threads used */
  threads: number;
}

type Input = Omit<RenderInput, 'index' | 'version'>;

/** Every output in full (build): from the memo, else the cache's entry while the index answers as it did, else rendered. */
export async function renderCorpus(inputs: Input[], index: CitationIndex, options: RenderCorpusOptions = {}): Promise<RenderCorpusResult<RenderOutput>> {
  return (await renderThroughCache(inputs, index, options, false)) as RenderCorpusResult<RenderOutput>;
}

/** Every output's summary (check): from the memo or the manifest when they still hold, else as `renderCorpus`. */
export async function renderCorpusSummaries(inputs: Input[], index: CitationIndex, options: RenderCorpusOptions = {}): Promise<RenderCorpusResult<RenderSummary>> {
  const result = await renderThroughCache(inputs, index, options, true);
  return { ...result, outputs: result.outputs.map(summaryOf) };
}

/** Cache reads and writes at a time: enough to keep the disk busy, few enough not to exhaust file handles. */
const IO_AT_ONCE = 64;

async function renderThroughCache(inputs: Input[], index: CitationIndex, options: RenderCorpusOptions, summaries: boolean): Promise<RenderCorpusResult<RenderOutput | RenderSummary>> {
  const version = options.version ?? pipelineVersion();
  const cache = options.cache?.enabled ? options.cache : undefined;
  const keyed = inputs.map((input) => ({ ...input, version }));
  const keys = keyed.map(renderKey);
  const outputs: (RenderOutput | RenderSummary | undefined)[] = keys.map((key) => cachedRender(key, index));

  // The manifest: read by check for its outputs, and by both to know whether it needs writing again.
  const manifestKey = hashOf('manifest', options.corpus ?? '');
  const manifest = cache ? await cache.getJson<Record<string, RenderSummary>>(SUMMARY_NAMESPACE, manifestKey) : undefined;
  let manifestHolds = manifest !== undefined && Object.keys(manifest).length === keys.length;
  keys.forEach((key, position) => {
    const summary = manifest && Object.hasOwn(manifest, key) ? manifest[key] : undefined;
    const valid = summary !== undefined && answersSame(summary.lookups, index);
    if (!valid) manifestHolds = false;
    else if (summaries) outputs[position] ??= summary;
  });

  if (cache) {
    await inParallel(positionsOf(outputs), async (position) => {
      const entry = await cache.getJson<RenderOutput>(RENDER_NAMESPACE, keys[position]!);
      if (entry && answersSame(entry.lookups, index)) rememberRender(keys[position]!, (outputs[position] = entry));
    }, IO_AT_ONCE);
  }

  const todo = positionsOf(outputs);
  let threads = 0;
  if (todo.length > 0) {
    // The processor (unified and every plugin) is loaded only when something is to be rendered: a warm check never loads it.
    const { renderMany } = await import('../markdown/render-pool.ts');
    const fresh = await renderMany(todo.map((position) => keyed[position]!), index, { threads: options.threads, progress: options.progress });
    todo.forEach((position, offset) => (outputs[position] = fresh.outputs[offset]!));
    threads = fresh.threads;
  }
  if (cache) {
    // Every document's entry is this build's, whether it was read, memoised in this process, or written now.
    for (const key of keys) cache.use(RENDER_NAMESPACE, key);
    await inParallel(todo, (position) => cache.putJson(RENDER_NAMESPACE, keys[position]!, outputs[position]), IO_AT_ONCE);
    if (!manifestHolds) await cache.putJson(SUMMARY_NAMESPACE, manifestKey, Object.fromEntries(keys.map((key, position) => [key, summaryOf(outputs[position]!)])));
  }
  return { outputs: outputs as (RenderOutput | RenderSummary)[], rendered: todo, threads };
}

function positionsOf(outputs: unknown[]): number[] {
  return outputs.flatMap((output, position) => (output === undefined ? [position] : []));
}
