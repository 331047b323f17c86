// Writes a build into a temporary sibling folder and swaps it into place only on success: a failed build keeps dist/.
import { spawn } from 'node:child_process';
import { mkdir, readdir, realpath, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Refuse an output folder whose replacement would destroy something: the content, the config, the templates or the
 * working folder (the output is one of them or holds one), or a folder that is not a site build (not empty, and no
 * `index.html`, e.g. `--out src`). Throws with the reason and the fix; nothing has been touched then.
 */
export async function assertSafeOutDir(outDir: string, keep: { label: string; path: string; within?: boolean }[]): Promise<void> {
  const contains = (parent: string, child: string) => {
    const relative = path.relative(parent, child);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  };
  for (const { label, path: kept, within } of keep) {
    const holds = contains(outDir, kept);
    const inside = within === true && contains(kept, outDir);
    if (holds || inside) {
      const how = path.relative(outDir, kept) === '' ? '就是' : holds ? '包含' : '位于';
      throw new Error(`输出文件夹 ${outDir} ${how}${label} ${kept}${inside && !holds ? ' 之内' : ''}：构建会替换整个输出文件夹，请用 --out 指定另一个文件夹（默认 dist）`);
    }
  }
  const stats = await stat(outDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (stats && !stats.isDirectory()) {
    throw new Error(`输出位置 ${outDir} 是一个文件，不是文件夹：为免误删，请用 --out 指定一个文件夹（默认 dist）`);
  }
  const entries = stats ? await readdir(outDir) : [];
  if (entries.length > 0 && !entries.includes('index.html')) {
    throw new Error(`输出文件夹 ${outDir} 不是空的，也不像已构建的站点（没有 index.html）：为免误删，请换一个文件夹，或先自行清空它`);
  }
}

/** A path as it is on disk (symlinks resolved; as given when it does not exist yet): a symlinked `dist` is replaced
 * where it points, and the safety checks compare real folders. */
export async function resolveOnDisk(target: string): Promise<string> {
  return realpath(target).catch(() => target);
}

/** A fresh staging folder next to `outDir` (same filesystem, so the final rename is atomic per folder). Old outputs
 * left in the trash by an earlier build (see `publish`) are removed first, in case their background deletion died. */
export async function createStaging(outDir: string): Promise<string> {
  await emptyTrash(outDir);
  const staging = path.join(path.dirname(outDir), `.${path.basename(outDir)}-staging-${process.pid}-${Date.now()}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  return staging;
}

/** The folder beside `outDir` where replaced outputs wait for deletion: `.dist-trash/`. */
function trashDir(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}-trash`);
}

/**
 * Replace `outDir` by `staging` with two renames: the previous output is moved into the trash folder, the staging
 * folder into place. Deleting the previous output (tens of thousands of files in a large archive: seconds) is left to
 * a detached background process, so publishing returns at once; the next build's `createStaging` finishes any
 * deletion that did not complete. The trash folder itself stays (a concurrent build may be moving into it).
 */
export async function publish(staging: string, outDir: string): Promise<void> {
  const trash = trashDir(outDir);
  await mkdir(trash, { recursive: true });
  const previous = path.join(trash, `${process.pid}-${Date.now()}`);
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
  if (moved) deleteInBackground(previous);
}

/** Delete a folder in a detached Node process that outlives this one (no output, no wait). */
function deleteInBackground(folder: string): void {
  const script = 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true, maxRetries: 3 })';
  const child = spawn(process.execPath, ['-e', script, folder], { detached: true, stdio: 'ignore' });
  child.on('error', () => {}); // the next build empties the trash anyway
  child.unref();
}

/** Remove what earlier builds left in the trash (normally already gone). */
async function emptyTrash(outDir: string): Promise<void> {
  const trash = trashDir(outDir);
  const entries = await readdir(trash).catch(() => []);
  await Promise.all(entries.map((entry) => rm(path.join(trash, entry), { recursive: true, force: true, maxRetries: 3 }).catch(() => {})));
}

/** Remove a staging folder after a failed build. */
export async function discard(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
}
