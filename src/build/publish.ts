// Writes a build into a temporary sibling folder and swaps it into place only on success: a failed build keeps dist/.
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** A fresh staging folder next to `outDir` (same filesystem, so the final rename is atomic per folder). */
export async function createStaging(outDir: string): Promise<string> {
  const staging = path.join(path.dirname(outDir), `.${path.basename(outDir)}-staging-${process.pid}-${Date.now()}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  return staging;
}

/** Replace `outDir` by `staging`. The previous output is moved aside first and deleted only after the swap. */
export async function publish(staging: string, outDir: string): Promise<void> {
  const previous = `${staging}-previous`;
  let moved = false;
  try {
    await rename(outDir, previous);
    moved = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  try {
    await rename(staging, outDir);
  } catch (error) {
    if (moved) await rename(previous, outDir);
    throw error;
  }
  if (moved) await rm(previous, { recursive: true, force: true });
}

/** Remove a staging folder after a failed build. */
export async function discard(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
}
