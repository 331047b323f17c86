// Run an async job over many items (files to read, cache entries) a few at a time, in order of start.

/**
 * Call `job` on every item, at most `limit` at once. Resolves when all are done; on a failure, the lanes already
 * running still settle (no write is left in flight), then the first failure rejects.
 */
export async function inParallel<T>(items: readonly T[], job: (item: T, index: number) => Promise<unknown>, limit = 32): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      await job(items[index]!, index);
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, lane));
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
}
