// Incremental pages: each per-item page (document, its JSON, alias, issue, issue print view) is cached by the hash of its data and the templates version; Eleventy renders only the misses.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BuildCache } from '../build/cache.ts';
import { CacheFullError } from '../build/cache.ts';
import { hashOf, sha256Hex as sha256 } from '../runtime/hash.ts';
import { documentJsonPath } from './open-data.ts';
import type { DocumentView, IssueView, PageSet, SiteModel } from './site-model.ts';
import { inParallel } from '../runtime/in-parallel.ts';
import { PACKAGE_ROOT, sourcesVersion } from '../runtime/sources-version.ts';

/** What a rendered page depends on besides its data: the templates, the site code (filters) and the locked dependencies (Eleventy, Nunjucks, hast). */
const PAGE_SOURCES = ['templates', 'src/site', 'package-lock.json'];

/** The hash of every file under templates/ and src/site/ and of the lockfile: a change to any of them invalidates every cached page. */
export async function templatesVersion(): Promise<string> {
  return sourcesVersion(PACKAGE_ROOT, PAGE_SOURCES);
}

/** One cacheable page: the file it is written to (under the output folder) and its cache key. */
interface PlannedPage {
  kind: keyof PageSet;
  file: string;
  key: string;
}

/** The output file of a permalink, as Eleventy writes it: `/2018/02/x/` → `2018/02/x/index.html`. */
function outputFile(permalink: string): string {
  return (permalink.endsWith('/') ? `${permalink}index.html` : permalink).slice(1);
}

/**
 * What every cached page may read of the model besides its own item: everything but the large collections (a field
 * added to SiteModel later is part of every key unless it is listed here). The per-item templates and the layouts
 * must read only these, their item, and the item's issue.
 */
function sharedData(model: SiteModel): unknown {
  const { issues, byPublished, documents, years, issuers, types, sections, groupPages, aliases, pages, contentRoot, latest, browse, registerPages, ...rest } = model;
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

/**
 * The digest of one document view, computed once per build: its large strings (`html`, `text`) are hashed as they
 * are, the rest as JSON. A document page, its JSON, its issue and its issue's print view all key on this digest
 * instead of serialising the body again (four serialisations of every body were most of the plan's time).
 */
function documentDigests(documents: readonly DocumentView[]): Map<DocumentView, string> {
  const digests = new Map<DocumentView, string>();
  for (const document of documents) {
    if (digests.has(document)) continue; // the same view stands in an issue, in the document pages and in their JSON
    const { html, text, ...small } = document;
    digests.set(document, hashOf(JSON.stringify(small), html, text));
  }
  return digests;
}

/** Every cacheable page of the model with its key. `version` is the templates version. */
function planPages(model: SiteModel, version: string): { planned: PlannedPage[]; sharedKey: string } {
  const shared = hashOf(version, JSON.stringify(sharedData(model)));
  const key = (kind: string, item: string) => hashOf(shared, kind, item);
  const digests = documentDigests(model.issues.flatMap((issue) => issue.documents).concat(model.pages.documents, model.pages.documentJson));
  const digestOf = (document: DocumentView) => digests.get(document)!;
  // An issue page reads its own fields and its documents (in its 目录 and in order): its header, its sections by name
  // and each document's digest.
  const issueItem = (issue: IssueView) =>
    JSON.stringify([issueHeader(issue), issue.sections.map((section) => [section.name, section.documents.map(digestOf)]), issue.documents.map(digestOf)]);
  const headerOf = new Map(model.issues.map((issue) => [issue.key, JSON.stringify(issueHeader(issue))]));
  const documentItem = (document: DocumentView) => `${digestOf(document)}\n${headerOf.get(document.issue.key)}`;
  const planned: PlannedPage[] = [];
  for (const document of model.pages.documents) planned.push({ kind: 'documents', file: outputFile(document.url), key: key('document', documentItem(document)) });
  for (const document of model.pages.documentJson) planned.push({ kind: 'documentJson', file: outputFile(documentJsonPath(document)), key: key('document.json', documentItem(document)) });
  for (const alias of model.pages.aliases) planned.push({ kind: 'aliases', file: outputFile(alias.url), key: key('alias', JSON.stringify(alias)) });
  for (const issue of model.pages.issues) planned.push({ kind: 'issues', file: outputFile(issue.url), key: key('issue', issueItem(issue)) });
  for (const issue of model.pages.printIssues) planned.push({ kind: 'printIssues', file: outputFile(`${issue.url}print/`), key: key('issue-print', issueItem(issue)) });
  return { planned, sharedKey: shared };
}

/** Page files, raw (`pages-raw/<key[0..2]>/<key>`): hard-linked into the output, so they carry no header. */
const RAW = 'pages-raw';
/** One BuildCache entry per site state (`sharedKey`): every page key of the last build → the SHA-256 of its file. */
const MANIFEST = 'pages-manifest';
type Manifest = Record<string, string>;

function rawFile(cache: BuildCache, key: string): string {
  return cache.file(RAW, key);
}

/** Link `from` as `to`, or copy it when the two are on different file systems (or links are refused). */
async function linkOrCopy(from: string, to: string, bytes?: Uint8Array): Promise<void> {
  try {
    await link(from, to);
  } catch {
    await writeFile(to, bytes ?? (await readFile(from)));
  }
}

/**
 * Put the cached pages into `outDir` and return the pages not found. A page is served when the manifest names its
 * digest and its raw file still hashes to it (read synchronously: a small file in the OS page cache); it is then
 * hard-linked into `outDir` (no bytes written; copied across file systems), each folder made once. A file that is
 * unreadable or no longer matches (edited in place through a link, truncated) is noted, removed and rendered again.
 */
async function copyHits(planned: readonly PlannedPage[], outDir: string, cache: BuildCache, manifest: Manifest, written: WrittenPages): Promise<PlannedPage[]> {
  const missed: PlannedPage[] = [];
  const folders = new Map<string, Promise<unknown>>();
  await inParallel(planned, async (page) => {
    const digest = Object.hasOwn(manifest, page.key) ? manifest[page.key] : undefined;
    if (!digest) return void missed.push(page);
    const file = rawFile(cache, page.key);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') cache.notes.push(`缓存条目 ${file} 无法读取（${code}），已重新生成`);
      return void missed.push(page);
    }
    if (sha256(bytes) !== digest) {
      cache.notes.push(`缓存条目 ${file} 已损坏，已重新生成`);
      await rm(file, { force: true }).catch(() => {});
      return void missed.push(page);
    }
    const target = path.join(outDir, page.file);
    const folder = path.dirname(target);
    let made = folders.get(folder);
    if (!made) folders.set(folder, (made = mkdir(folder, { recursive: true })));
    await made;
    await linkOrCopy(file, target, bytes);
    cache.use(RAW, page.key);
    written.set(page.file, { sha256: digest, bytes: bytes.length });
  });
  return missed;
}

/**
 * Store the pages Eleventy rendered: each output file is linked (or copied) into `pages-raw/` under a temp name and
 * renamed into place, so a reader sees a whole file or none. A full disk fails the build (CacheFullError); any other
 * write error stops storing pages, with a note.
 */
async function storePages(pages: readonly PlannedPage[], outDir: string, cache: BuildCache, digests: Manifest, written: WrittenPages): Promise<void> {
  let failed = false;
  const folders = new Map<string, Promise<unknown>>();
  await inParallel(pages, async (page) => {
    const output = path.join(outDir, page.file);
    const bytes = await readFile(output).catch(() => {
      throw new Error(`page cache: Eleventy did not write ${page.file}; the templates' permalinks and src/site/page-cache.ts disagree`);
    });
    written.set(page.file, { sha256: sha256(bytes), bytes: bytes.length });
    if (failed) return;
    const file = rawFile(cache, page.key);
    const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      let made = folders.get(path.dirname(file));
      if (!made) folders.set(path.dirname(file), (made = mkdir(path.dirname(file), { recursive: true })));
      await made;
      await linkOrCopy(output, temp, bytes);
      await rename(temp, file);
      cache.use(RAW, page.key);
      digests[page.key] = written.get(page.file)!.sha256;
    } catch (error) {
      await rm(temp, { force: true }).catch(() => {});
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC' || code === 'EDQUOT') throw new CacheFullError(file);
      failed = true;
      cache.notes.push(`页面缓存无法写入 ${file}（${code ?? String(error)}），本次不再缓存页面`);
    }
  });
}

/** Per-item pages in `outDir` whose digest the page cache knows (output file → SHA-256 and size): the manifest uses them. */
export type WrittenPages = Map<string, { sha256: string; bytes: number }>;

export interface IncrementalPages {
  /** the model to give Eleventy: `pages` narrowed to the pages the cache does not hold */
  model: SiteModel;
  /** after Eleventy has written the misses into `outDir`: store them in the cache; gives every per-item page's digest */
  finish: () => Promise<WrittenPages>;
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
  if (!cache.enabled) return { model, finish: async () => new Map(), hits: 0, misses: 0 };
  const version = options.version ?? (await templatesVersion());
  const { planned, sharedKey } = planPages(model, version);
  const manifest = (await cache.getJson<Manifest>(MANIFEST, sharedKey)) ?? {};
  const written: WrittenPages = new Map();
  const missed = await copyHits(planned, outDir, cache, manifest, written);
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
  // A rendered page that is not where its permalink says means the templates and this plan disagree: storePages fails
  // rather than leave the page uncached (or a stale copy in place). The manifest then lists this build's pages only.
  const finish = async () => {
    const digests: Manifest = {};
    await storePages(missed, outDir, cache, digests, written);
    if (missed.length === 0) return written;
    const next: Manifest = {};
    for (const page of planned) {
      const digest = Object.hasOwn(digests, page.key) ? digests[page.key] : Object.hasOwn(manifest, page.key) ? manifest[page.key] : undefined;
      if (digest) next[page.key] = digest;
    }
    await cache.putJson(MANIFEST, sharedKey, next);
    return written;
  };
  return { model: { ...model, pages }, finish, hits: planned.length - missed.length, misses: missed.length };
}
