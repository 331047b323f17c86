// Stage 4, search: builds the Pagefind index of a rendered site folder (only elements marked data-pagefind-body).
import path from 'node:path';
import * as pagefind from 'pagefind';

export interface IndexStats {
  pages: number;
}

/** Index every HTML page under `siteDir` and write the index to `<siteDir>/pagefind/`. */
export async function indexSite(siteDir: string): Promise<IndexStats> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  try {
    if (!index) throw new Error(`Pagefind 无法启动：${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Pagefind 索引失败：${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind 写入失败：${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
