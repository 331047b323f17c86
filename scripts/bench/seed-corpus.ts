// Reads the seed issue (issue.md + its documents, in 目录 order) that the benchmark corpus is replicated from.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { issuerForCode, parseDocNumber } from '../../src/gazette/doc-number.ts';
import type { GazetteConfig } from '../../src/content/schema.ts';

export const REPO = path.resolve(import.meta.dirname, '../..');

/** Where a seed issue comes from: its folder and the config that knows its 机关代字 (copied into the corpus). */
export interface SeedSource {
  /** an issue folder: `issue.md` and the documents of its 目录 */
  issueDir: string;
  /** the site config the corpus is built with */
  configFile: string;
}

/** Where `root` (a content folder's parent, like tests/fixtures/yongzhou) keeps its config and the issue `<year>/<NN>`. */
export function seedSource(root: string, issue: string): SeedSource {
  return { issueDir: path.join(root, 'issues', issue), configFile: path.join(root, 'gazette.config.yaml') };
}

/** The default seed: the 永州 test fixture's 2018年第2期, never the site's own issues/ (the benchmark runs on any content). */
export const DEFAULT_SEED = seedSource(path.join(REPO, 'tests/fixtures/yongzhou'), '2018/02');

export type FrontMatterData = Record<string, unknown>;

export interface SeedDocument {
  data: FrontMatterData;
  /** Markdown after the closing fence, unchanged */
  body: string;
  /** 机关代字, e.g. 永政发 */
  code: string;
  /** the code's slug from the config, e.g. yzf */
  codeSlug: string;
  /** printed pages this document takes in the seed issue */
  pageSpan: number;
}

export interface Seed {
  issue: FrontMatterData;
  /** in the seed issue's 目录 order */
  documents: SeedDocument[];
}

/** Split a content file into its parsed YAML front matter and the body that follows the closing `---`. */
export function splitFrontMatter(text: string): { data: FrontMatterData; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error('seed file without front matter');
  return { data: parse(match[1] ?? '') as FrontMatterData, body: text.slice(match[0].length) };
}

/** Load the seed issue; every document's 发文字号 must use a 机关代字 the config knows. */
export async function readSeed(config: GazetteConfig, seedDir = DEFAULT_SEED.issueDir): Promise<Seed> {
  const issue = splitFrontMatter(await readFile(path.join(seedDir, 'issue.md'), 'utf8')).data;
  const slugs = issue.contents as string[];
  const parts = await Promise.all(slugs.map(async (slug) => splitFrontMatter(await readFile(path.join(seedDir, `${slug}.md`), 'utf8'))));
  const pages = parts.map((part) => Number(part.data.page));
  const documents = parts.map((part, index) => seedDocument(config, part, pageSpan(pages, index)));
  return { issue, documents };
}

function seedDocument(config: GazetteConfig, part: { data: FrontMatterData; body: string }, span: number): SeedDocument {
  const number = parseDocNumber(String(part.data.doc_number));
  const owner = number && issuerForCode(config.issuers, number.code);
  if (!number || !owner) throw new Error(`seed 发文字号 ${String(part.data.doc_number)} has no configured 机关代字`);
  return { data: part.data, body: part.body, code: number.code, codeSlug: owner.slug, pageSpan: span };
}

/** Pages between a document and the next one in the 目录; the last document gets 2. */
function pageSpan(pages: number[], index: number): number {
  const next = pages[index + 1];
  return next === undefined ? 2 : Math.max(1, next - pages[index]!);
}
