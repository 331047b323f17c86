// Renders a whole corpus: in worker threads when enough documents need it to pay for starting them, else in this thread.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { request, startTsWorker } from '../runtime/ts-worker.ts';
import type { CitationIndex } from '../content/citation-index.ts';
import { cachedRender, rememberRender, renderKey, renderUncached, type RenderInput, type RenderOutput } from './render-document.ts';
import type { Progress } from '../build/phases.ts';

export interface RenderManyOptions {
  /**
   * Worker threads to use, at most one per CPU. Default: one per CPU (up to 8, and one per 100 documents) when at least
   * `MIN_FOR_THREADS` documents are not memoised yet, otherwise 0 (render in this thread). Outputs are the same either
   * way.
   */
  threads?: number;
  /** told how many of the documents to render are done, after each one (this thread) or each batch (workers) */
  progress?: Progress;
}

/** Below this many documents to render, starting workers (≈ 0.4 s and 70 MB each) costs more than it saves. */
export const MIN_FOR_THREADS = 300;
const MAX_DEFAULT_THREADS = 8;
const BATCH_SIZE = 25;

/** How many workers to start for `todo` documents. */
export function threadCount(todo: number, requested: number | undefined, cpus = availableParallelism()): number {
  if (requested !== undefined) return Math.max(0, Math.min(requested, cpus, Math.ceil(todo / BATCH_SIZE)));
  return todo >= MIN_FOR_THREADS ? Math.min(cpus, MAX_DEFAULT_THREADS, Math.ceil(todo / 100)) : 0;
}

export interface RenderBatch {
  id: number;
  inputs: RenderInput[];
}

export interface RenderBatchResult {
  id: number;
  outputs: RenderOutput[];
}

export interface RenderManyResult {
  /** one output per input, in input order */
  outputs: RenderOutput[];
  /** worker threads used (0: all in this thread, or everything was memoised) */
  threads: number;
  /** positions of the inputs rendered by this call (the others were memoised) */
  rendered: number[];
}

/** Render every input with one citation index; outputs in input order, memoised as `renderDocument` would. */
export async function renderMany(inputs: Omit<RenderInput, 'index'>[], index: CitationIndex | undefined, options: RenderManyOptions = {}): Promise<RenderManyResult> {
  const full = inputs.map((input) => ({ ...input, index }));
  const keys = full.map(renderKey); // hashed once per document: the body is the bulk of the key
  const outputs: (RenderOutput | undefined)[] = keys.map((key) => cachedRender(key, index));
  const todo = outputs.flatMap((output, position) => (output ? [] : [position]));
  const threads = threadCount(todo.length, options.threads);
  let done = 0;
  if (threads < 1) {
    for (const position of todo) {
      rememberRender(keys[position]!, (outputs[position] = renderUncached(full[position]!)));
      options.progress?.(++done, todo.length);
    }
    return { outputs: outputs as RenderOutput[], threads: 0, rendered: todo };
  }

  const batches: number[][] = [];
  for (let start = 0; start < todo.length; start += BATCH_SIZE) batches.push(todo.slice(start, start + BATCH_SIZE));
  const workers = Array.from({ length: threads }, () => startWorker(index));
  try {
    let next = 0;
    await Promise.all(
      workers.map(async (worker) => {
        while (next < batches.length) {
          const id = next++;
          const positions = batches[id]!;
          const result = await send(worker, { id, inputs: positions.map((position) => inputs[position]!) });
          result.outputs.forEach((output, offset) => {
            const position = positions[offset]!;
            outputs[position] = output;
            rememberRender(keys[position]!, output);
          });
          options.progress?.((done += positions.length), todo.length);
        }
      }),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return { outputs: outputs as RenderOutput[], threads: workers.length, rendered: todo };
}

/** A worker thread running render-worker.ts; the index is copied into it once (structured clone). */
function startWorker(index: CitationIndex | undefined): Worker {
  return startTsWorker(new URL('./render-worker.ts', import.meta.url), { index });
}

/** Post one batch and wait for its outputs (a worker that fails or exits rejects instead of hanging the build). */
function send(worker: Worker, batch: RenderBatch): Promise<RenderBatchResult> {
  return request<RenderBatch, RenderBatchResult>(worker, batch, 'render worker');
}
