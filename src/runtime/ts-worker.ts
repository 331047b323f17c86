// Worker threads that run a TypeScript module from source, and one request/answer exchange with such a worker.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** tsx's API module: its ESM entry where `import.meta.resolve` exists, else its CommonJS entry (e.g. under Vitest). */
const TSX_API = typeof import.meta.resolve === 'function' ? import.meta.resolve('tsx/esm/api') : pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;

/**
 * Start a worker thread running `moduleUrl` (a .ts file) from source. The TypeScript loader (tsx) is per thread, so the
 * worker's first line loads it, resolved from this package (not from the process's working directory), and then
 * imports the module. Errors between requests are swallowed here; during a request, `request` rejects with them.
 */
export function startTsWorker(moduleUrl: URL, workerData?: unknown): Worker {
  const boot = `import(${JSON.stringify(TSX_API)}).then((api) => (api.tsImport ?? api.default.tsImport)(${JSON.stringify(moduleUrl.href)}, ${JSON.stringify(import.meta.url)}));`;
  const worker = new Worker(boot, { eval: true, workerData });
  worker.on('error', () => {});
  return worker;
}

/**
 * Post one message and wait for the answer with the same `id`. A worker that fails, exits or answers another request
 * rejects instead of hanging the build. `what` names the worker in those errors.
 */
export function request<Q extends { id: number }, A extends { id: number }>(worker: Worker, message: Q, what: string): Promise<A> {
  return new Promise((resolve, reject) => {
    const settle = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (answer: A) => {
      settle();
      if (answer.id === message.id) resolve(answer);
      else reject(new Error(`${what} answered request ${answer.id} for request ${message.id}`));
    };
    const onError = (error: Error) => {
      settle();
      reject(error);
    };
    const onExit = (code: number) => {
      settle();
      reject(new Error(`${what} exited (code ${code}) before answering request ${message.id}`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(message);
  });
}
