// The search pages built from the model index exactly as the built document pages did: Pagefind writes the same bundle.
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedSeedSite } from '../helpers/built-site.ts';
import { searchPage } from '../../src/search/search-html.ts';

afterAll(() => pagefind.close());

/** Every file of a Pagefind bundle by path, as text (base64 for binary files). */
async function bundle(add: (index: pagefind.PagefindIndex) => Promise<unknown>): Promise<Record<string, string>> {
  const { index } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  await add(index!);
  const { files } = await index!.getFiles();
  await index!.deleteIndex();
  return Object.fromEntries(files.map((file) => [file.path, Buffer.from(file.content).toString('base64')]));
}

const toFile = (page: { url: string; html: string }) => ({ url: page.url, content: page.html });

describe('searchPage', () => {
  it('gives Pagefind the same index, meta, filters, sort and fragments as the built pages', async () => {
    const site = await sharedSeedSite();
    const model = site.result.model!;
    // Pages are added in the same order both times: Pagefind numbers them in the order they come.
    const fromPages = await bundle((index) => Promise.all(model.documents.map((document) => index.addHTMLFile({ url: document.url, content: site.read(document.url) }))));
    const fromModel = await bundle((index) => Promise.all(model.documents.map((document) => index.addHTMLFile(toFile(searchPage(document, model))))));
    expect(Object.keys(fromModel).sort()).toEqual(Object.keys(fromPages).sort());
    for (const file of Object.keys(fromPages)) expect(fromModel[file], file).toBe(fromPages[file]);
  });
});
