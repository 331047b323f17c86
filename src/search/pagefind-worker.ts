// Worker thread of index-shards.ts: indexes the shards it is sent in its own Pagefind service, beside the main thread's.
import { parentPort } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { runPagefind, type PagefindRequest, type PagefindAnswer } from './index-shards.ts';

parentPort!.on('message', (request: PagefindRequest) => {
  if (request.close) {
    void pagefind.close().finally(() => parentPort!.postMessage({ id: request.id, closed: true } satisfies PagefindAnswer));
    return;
  }
  runPagefind(request.pages!).then(
    (files) => parentPort!.postMessage({ id: request.id, files } satisfies PagefindAnswer),
    (error: unknown) => parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies PagefindAnswer),
  );
});
