// Incremental pages: each per-item page (document, its JSON, alias, issue, issue print view) is cached by the hash of its data and the templates version; Eleventy renders only the misses.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildCache } from '../build/cache.ts';
import { hashOf } from '../build/cache.ts';
import { documentJsonPath } from './open-data.ts';
import type { IssueView, PageSet, SiteModel } from './site-model.ts';
import { inParallel } from './in-parallel.ts';

const SITE_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(SITE_DIR, '../..');
/** What a rendered page depends on besides its data: the templates, the site code (filters) and the locked dependencies (Eleventy, Nunjucks, hast). */
const PAGE_CODE = [path.join(ROOT, 'templates'), SITE_DIR, path.join(ROOT, 'package-lock.json')];
const NAMESPACE = 'pages';

/** The hash of every file under templates/ and src/site/ and of the lockfile: a change to any of them invalidates every cached page. */
export async function templatesVersion(): Promise<string> {
  const files: string[] = [];
  const walk = async (entry: string): Promise<void> => {
    const children = await readdir(entry, { withFileTypes: true }).catch(() => undefined);
    if (!children) return void files.push(entry);
    for (const child of children) await walk(path.join(entry, child.name));
  };
  for (const entry of PAGE_CODE) await walk(entry);
  files.sort();
  const parts = await Promise.all(files.map(async (file) => [path.relative(ROOT, file), await readFile(file)] as const));
  return hashOf(...parts.flat());
}

/** One cacheable page: the file it is written to (under the output folder) and its cache key. */
interface PlannedPage {
  kind: keyof PageSet;
  file: string;
  key: string;
}

/** The output file of a permalink, as Eleventy writes it: `/2018/02/x/` → `2018/02/x/index.html`. */
export function outputFile(permalink: string): string {
  return (permalink.endsWith('/') ? `${permalink}index.html` : permalink).slice(1);
}

/**
 * What every cached page may read of the model besides its own item: everything but the large collections (a field
 * added to SiteModel later is part of every key unless it is listed here). The per-item templates and the layouts
 * must read only these, their item, and the item's issue.
 */
function sharedData(model: SiteModel): unknown {
  const { issues, documents, recent, years, issuers, types, sections, groupPages, register, aliases, pages, contentRoot, latest, browse, registerPages, ...rest } = model;
  return {
    ...rest,
    latest: latest ? { url: latest.url, label: latest.label } : null,
    browse: browse.map(({ groups, ...kind }) => ({ ...kind, groups: groups.length })),
    registerPages: registerPages.map((page) => ({ url: page.url, documents: page.documents.length })),
  };
}

/** An issue's own fields without its documents (a document page shows its issue's label, number and date). */
function issueHeader({ documents, sections, ...header }: IssueView): unknown {
  return header;
}

/** Every cacheable page of the model with its key. `version` is the templates version. */
function planPages(model: SiteModel, version: string): PlannedPage[] {
  const shared = JSON.stringify(sharedData(model));
  const key = (kind: string, item: unknown) => hashOf(version, kind, shared, JSON.stringify(item));
  const issueOf = new Map(model.issues.map((issue) => [issue.key, issueHeader(issue)]));
  const planned: PlannedPage[] = [];
  for (const document of model.pages.documents) {
    const item = [document, issueOf.get(document.issue.key)];
    planned.push({ kind: 'documents', file: outputFile(document.url), key: key('document', item) });
    planned.push({ kind: 'documentJson', file: outputFile(documentJsonPath(document)), key: key('document.json', item) });
  }
  for (const alias of model.pages.aliases) planned.push({ kind: 'aliases', file: outputFile(alias.url), key: key('alias', alias) });
  for (const issue of model.pages.issues) planned.push({ kind: 'issues', file: outputFile(issue.url), key: key('issue', issue) });
  for (const issue of model.pages.printIssues) planned.push({ kind: 'printIssues', file: outputFile(`${issue.url}print/`), key: key('issue-print', issue) });
  return planned;
}

export interface IncrementalPages {
  /** the model to give Eleventy: `pages` narrowed to the pages the cache does not hold */
  model: SiteModel;
  /** after Eleventy has written the misses into `outDir`: store them in the cache */
  finish: () => Promise<void>;
  /** pages taken from the cache / left to Eleventy, for the progress line */
  hits: number;
  misses: number;
}

/**
 * Look every per-item page up in the cache and write the pages found into `outDir` at once (byte for byte what
 * Eleventy wrote when they were stored; nothing is held in memory). The others stay in `model.pages` for Eleventy to
 * render, and `finish` stores them. Without a cache, everything is rendered.
 */
export async function incrementalPages(model: SiteModel, outDir: string, options: { cache: BuildCache; version?: string }): Promise<IncrementalPages> {
  const { cache } = options;
  if (!cache.enabled) return { model, finish: async () => {}, hits: 0, misses: 0 };
  const version = options.version ?? (await templatesVersion());
  const planned = planPages(model, version);
  const missed: PlannedPage[] = [];
  await inParallel(planned, async (page) => {
    const bytes = await cache.get(NAMESPACE, page.key);
    if (!bytes) return void missed.push(page);
    const target = path.join(outDir, page.file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, bytes);
  });
  const missing = (kind: keyof PageSet) => new Set(missed.filter((page) => page.kind === kind).map((page) => page.file));
  const documents = missing('documents');
  const documentJson = missing('documentJson');
  const aliases = missing('aliases');
  const issues = missing('issues');
  const printIssues = missing('printIssues');
  const pages: PageSet = {
    documents: model.pages.documents.filter((document) => documents.has(outputFile(document.url))),
    documentJson: model.pages.documentJson.filter((document) => documentJson.has(outputFile(documentJsonPath(document)))),
    aliases: model.pages.aliases.filter((alias) => aliases.has(outputFile(alias.url))),
    issues: model.pages.issues.filter((issue) => issues.has(outputFile(issue.url))),
    printIssues: model.pages.printIssues.filter((issue) => printIssues.has(outputFile(`${issue.url}print/`))),
  };
  // A rendered page that is not where its permalink says means the templates and this plan disagree: fail rather than
  // leave the page uncached (or a stale copy in place).
  const finish = () =>
    inParallel(missed, async (page) => {
      const bytes = await readFile(path.join(outDir, page.file)).catch(() => {
        throw new Error(`page cache: Eleventy did not write ${page.file}; the templates' permalinks and src/site/page-cache.ts disagree`);
      });
      await cache.put(NAMESPACE, page.key, bytes);
    });
  return { model: { ...model, pages }, finish, hits: planned.length - missed.length, misses: missed.length };
}
