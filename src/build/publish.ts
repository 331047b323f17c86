// Writes a build into a temporary sibling folder and swaps it into place only on success: a failed build keeps dist/.
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Refuse an output folder whose replacement would destroy something: the content, the config, the templates or the
 * working folder (the output is one of them or holds one), or a folder that is not a site build (not empty, and no
 * `index.html`, e.g. `--out src`). Throws with the reason and the fix; nothing has been touched then.
 */
export async function assertSafeOutDir(outDir: string, keep: { label: string; path: string }[]): Promise<void> {
  for (const { label, path: kept } of keep) {
    const relative = path.relative(outDir, kept);
    const holds = relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
    const inside = !path.relative(kept, outDir).startsWith('..') && label === '内容文件夹';
    if (holds || inside) {
      throw new Error(`输出文件夹 ${outDir} ${relative === '' ? '就是' : holds ? '包含' : '位于'}${label} ${kept}${inside && !holds ? ' 之内' : ''}：构建会替换整个输出文件夹，请用 --out 指定另一个文件夹（默认 dist）`);
    }
  }
  const entries = await readdir(outDir).catch(() => [] as string[]);
  if (entries.length > 0 && !entries.includes('index.html')) {
    throw new Error(`输出文件夹 ${outDir} 不是空的，也不像已构建的站点（没有 index.html）：为免误删，请换一个文件夹，或先自行清空它`);
  }
}

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
