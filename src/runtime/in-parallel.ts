// Run an async job over many items (files to read, cache entries) a few at a time, in order of start.

/** Call `job` on every item, at most `limit` at once; resolves when all are done, rejects on the first failure. */
export async function inParallel<T>(items: readonly T[], job: (item: T, index: number) => Promise<void>, limit = 32): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await job(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
