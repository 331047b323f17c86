// The manifest of everything published that a reader may need to prove: document pages and JSON, the open data, the source zip and issue PDFs, each with its SHA-256 and size.
import type { WrittenPages } from '../site/page-cache.ts';
import { sha256Hex } from '../runtime/hash.ts';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteModel } from '../site/site-model.ts';
import { CATALOGUE_FILES, DOCUMENT_JSON_DIR, documentJsonPath } from '../site/open-data.ts';
import { ZIP_PATH } from '../site/downloads.ts';
import { DOCUMENT_SLUG } from '../gazette/doc-number.ts';
import { parseIssueFolder } from '../gazette/issue-address.ts';
import { absoluteUrl } from '../site/format.ts';
import { compareCodePoints } from '../gazette/order.ts';

import { MANIFEST_FORMAT, type Manifest, type ManifestEntry, type ManifestKind } from './manifest-format.ts';

/** A file the manifest lists, before it is hashed. */
interface Listed {
  path: string;
  kind: ManifestKind;
  title: string;
  issue: string | null;
}

/** Every file the manifest lists for this model, sorted by path: with the issue PDFs when the model links them (`--pdf`). */
function listedFiles(model: SiteModel): Listed[] {
  const name = model.config.name;
  const listed: Listed[] = [
    ...model.documents.flatMap((document): Listed[] => [
      { path: `${document.url.slice(1)}index.html`, kind: 'page', title: document.title, issue: document.issue.label },
      { path: documentJsonPath(document).slice(1), kind: 'json', title: document.title, issue: document.issue.label },
    ]),
    ...CATALOGUE_FILES.map((file): Listed => ({ path: file, kind: 'data', title: `${name}${CATALOGUE_TITLES[file]}`, issue: null })),
    { path: ZIP_PATH.slice(1), kind: 'zip', title: `${name}全部文件的 Markdown 原文与开放数据`, issue: null },
    ...model.issues.flatMap((issue): Listed[] => (issue.pdf ? [{ path: issue.pdf.slice(1), kind: 'pdf', title: `${name}全刊 PDF`, issue: issue.label }] : [])),
  ];
  return listed.sort((a, b) => compareCodePoints(a.path, b.path));
}

/**
 * Whether a site path is of a kind the manifest lists (a document page, a document's JSON, open data, the zip, a PDF):
 * such a file that the manifest does not list was not published by the office.
 */
export function isListable(sitePath: string): boolean {
  const [year, number, slug, file, ...rest] = sitePath.split('/');
  const documentPage = rest.length === 0 && file === 'index.html' && parseIssueFolder(`${year}/${number}`) !== undefined && DOCUMENT_SLUG.test(slug ?? '');
  return (
    documentPage ||
    (sitePath.startsWith(DOCUMENT_JSON_DIR) && sitePath.endsWith('.json')) ||
    (CATALOGUE_FILES as readonly string[]).includes(sitePath) ||
    sitePath === ZIP_PATH.slice(1) ||
    sitePath.endsWith('.pdf')
  );
}

const CATALOGUE_TITLES: Record<(typeof CATALOGUE_FILES)[number], string> = {
  'api/documents.json': '文件目录（JSON）',
  'api/issues.json': '各期目录（JSON）',
  'api/documents.csv': '文件目录（CSV）',
};

/**
 * Hash the listed files in `siteDir` and make the manifest; a file in `known` is not read again. Deterministic: the
 * same files, date and commit give the same bytes.
 */
export async function buildManifest(
  model: SiteModel,
  siteDir: string,
  /** `known`: digests of the pages the page cache verified or stored this build */
  options: { commit: string | null; signingKey: string | null; known?: WrittenPages },
): Promise<Manifest> {
  const files: ManifestEntry[] = [];
  for (const item of listedFiles(model)) {
    let digest = options.known?.get(item.path);
    if (!digest) {
      const bytes = await readFile(path.join(siteDir, item.path));
      digest = { sha256: sha256Hex(bytes), bytes: bytes.length };
    }
    files.push({ path: item.path, sha256: digest.sha256, bytes: digest.bytes, kind: item.kind, title: item.title, issue: item.issue });
  }
  return {
    format: MANIFEST_FORMAT,
    gazette: model.config.name,
    site: absoluteUrl(model.config, '/'),
    built: model.today,
    commit: options.commit,
    signing_key: options.signingKey,
    files,
  };
}

/** The manifest's bytes: JSON, keys in a fixed order, one entry per line (diffable), a final newline. */
export function manifestBytes(manifest: Manifest): Uint8Array {
  const { files, ...head } = manifest;
  const lines = files.map((entry) => `    ${JSON.stringify(entry)}`);
  const top = JSON.stringify(head, null, 2).slice(0, -2);
  return new TextEncoder().encode(`${top},\n  "files": [\n${lines.join(',\n')}\n  ]\n}\n`);
}

/** Parse manifest bytes; throws a one-line Error naming what is wrong. */
export function parseManifest(bytes: Uint8Array, source: string): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new Error(`${source} 不是有效的 JSON`);
  }
  const manifest = data as Partial<Manifest>;
  if (manifest?.format !== MANIFEST_FORMAT || !Array.isArray(manifest.files)) throw new Error(`${source} 不是本系统的清单（应有 "format": "${MANIFEST_FORMAT}" 和 files 列表）`);
  for (const entry of manifest.files) {
    if (typeof entry?.path !== 'string' || !/^[0-9a-f]{64}$/.test(String(entry.sha256)) || !Number.isInteger(entry.bytes) || entry.path.split('/').includes('..') || entry.path.startsWith('/')) {
      throw new Error(`${source} 中有一项格式不对：${JSON.stringify(entry).slice(0, 120)}`);
    }
  }
  return manifest as Manifest;
}

