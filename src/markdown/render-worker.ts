// Worker thread of render-pool.ts: renders the batches it is sent, with the citation index it was started with.
import { parentPort, workerData } from 'node:worker_threads';
import type { CitationIndex } from '../content/citation-index.ts';
import { renderUncached, type RenderInput } from './render-document.ts';
import type { RenderBatch, RenderBatchResult } from './render-pool.ts';

const index = (workerData as { index: CitationIndex | undefined }).index;

parentPort!.on('message', (batch: RenderBatch) => {
  const outputs = batch.inputs.map((input: RenderInput) => renderUncached({ ...input, index }));
  parentPort!.postMessage({ id: batch.id, outputs } satisfies RenderBatchResult);
});
