// /api/gazette.zip: the bulk download — every Markdown source, the open-data files and a README — byte-identical for
// the same content: entries sorted by path, every timestamp the newest issue's 出版日期, never the build clock.
import { readFileSync } from 'node:fs';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'fflate';
import type { SiteModel } from './site-model.ts';
import type { BuildCache } from '../build/cache.ts';
import { hashOf } from '../runtime/hash.ts';
import { crc32, zipArchive, type DeflatedEntry } from './zip-archive.ts';
import { inParallel } from '../runtime/in-parallel.ts';
import { absoluteUrl } from './format.ts';
import { CATALOGUE_FILES, documentJsonPath, documentSourcePath, recordFields } from './open-data.ts';
import { issueNumberName } from '../gazette/issue-address.ts';

/** Site path of the zip. */
export const ZIP_PATH = '/api/gazette.zip';

/** The open-data files the zip copies from the built site (site paths without the leading slash). */
export function openDataFiles(model: SiteModel): string[] {
  return [...CATALOGUE_FILES, ...model.documents.map((document) => documentJsonPath(document).slice(1))];
}

/** A source file the model names but the disk does not have (see `sourceFiles`). */
export class MissingSourceError extends Error {
  constructor(readonly files: string[]) {
    super(`找不到 ${files.length} 个源文件（如 ${files[0]}），未生成 ${ZIP_PATH}`);
  }
}

/** Every Markdown source as zip path → file on disk: `issues/<year>/<NN>/issue.md` and each document. */
export function sourceFiles(model: SiteModel): Map<string, string> {
  const files = new Map<string, string>();
  for (const issue of model.issues) {
    files.set(`issues/${issue.folder}/issue.md`, path.join(model.contentRoot, issue.folder, 'issue.md'));
    for (const document of issue.documents) files.set(documentSourcePath(document), path.join(model.contentRoot, issue.folder, `${document.slug}.md`));
  }
  return files;
}

/**
 * The zip's entries (path → bytes), sorted by path. `outputDir` is the built site holding the open-data files. The
 * ≈ 8,900 files of a 4,000-document site are read synchronously: one system call sequence per file, with none of the
 * promise API's thread-pool round trips (three times faster, and nothing else runs while the zip is built).
 */
export async function zipEntries(model: SiteModel, outputDir: string): Promise<[string, Uint8Array][]> {
  const sources = [...sourceFiles(model)];
  const read = sources.map(([, file]) => readIfThere(file));
  const missing = sources.filter((_, index) => !read[index]).map(([, file]) => path.relative(process.cwd(), file));
  if (missing.length > 0) throw new MissingSourceError(missing);
  const openData = openDataFiles(model);
  for (const file of openData) read.push(readFileSync(path.join(outputDir, file)));
  const entries = new Map<string, Uint8Array>([...sources.map(([zipPath]) => zipPath), ...openData].map((name, index) => [name, read[index]!]));
  entries.set('README.txt', new TextEncoder().encode(readme(model)));
  return [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** The compression of every entry: DEFLATE level 6 (fflate). */
const LEVEL = 6;
/** The lockfile pins fflate: its hash is part of every cached pack's key. */
const LOCKFILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../package-lock.json');
const CACHE_NAMESPACE = 'zip-pack';

/**
 * The pack an entry is cached in: its folder for the per-issue files (`issues/2018/01/…`, `api/documents/2018-01/…`),
 * else the entry alone (`api/documents.json`, `README.txt`). An edit then recompresses its issue's few files.
 */
export function packOf(name: string): string {
  return name.split('/').length >= 3 ? name.slice(0, name.lastIndexOf('/') + 1) : name;
}

/**
 * Build the zip in memory. The same model and files give the same bytes on any machine, in any time zone. With a
 * cache, the compressed bytes and CRCs of each pack of entries (packOf) are kept as one cache entry keyed by the
 * names and bytes of its files, so ≈ 900 entries are read or written for 4,000 documents (not one per file), and an
 * unchanged file is never compressed again; the archive is the same either way.
 */
export async function gazetteZip(model: SiteModel, outputDir: string, options: { cache?: BuildCache } = {}): Promise<Uint8Array> {
  const { cache } = options;
  const files = await zipEntries(model, outputDir);
  const entries: DeflatedEntry[] = new Array(files.length);
  const compress = (index: number) => {
    const [name, bytes] = files[index]!;
    entries[index] = { name, size: bytes.length, crc: crc32(bytes), deflated: deflateSync(bytes, { level: LEVEL }) };
  };
  if (!cache?.enabled) {
    files.forEach((_, index) => compress(index));
    return zipArchive(entries, zipDate(model));
  }
  const compressor = hashOf(`fflate level ${LEVEL}`, await readFile(LOCKFILE).catch(() => ''));
  const packs = new Map<string, number[]>();
  files.forEach(([name], index) => {
    const pack = packs.get(packOf(name));
    if (pack) pack.push(index);
    else packs.set(packOf(name), [index]);
  });
  await inParallel([...packs.values()], async (members) => {
    const key = hashOf('zip-pack', compressor, ...members.flatMap((index) => files[index]!));
    const cached = await cache.get(CACHE_NAMESPACE, key);
    if (cached && restorePack(cached, members, files, entries)) return;
    members.forEach(compress);
    await cache.put(CACHE_NAMESPACE, key, packBytes(members.map((index) => entries[index]!)));
  }, 8);
  return zipArchive(entries, zipDate(model));
}

/** A pack's cache payload: per entry, its CRC and compressed length (uint32 LE each), then the compressed bytes. */
function packBytes(members: DeflatedEntry[]): Buffer {
  const out = Buffer.allocUnsafe(members.reduce((sum, entry) => sum + 8 + entry.deflated.length, 0));
  let at = 0;
  for (const entry of members) {
    at = out.writeUInt32LE(entry.crc, at);
    at = out.writeUInt32LE(entry.deflated.length, at);
    out.set(entry.deflated, at);
    at += entry.deflated.length;
  }
  return out;
}

/** Fill the pack's entries from its payload; false (nothing trusted) when the payload does not fit its members. */
function restorePack(payload: Buffer, members: number[], files: [string, Uint8Array][], entries: DeflatedEntry[]): boolean {
  const restored: DeflatedEntry[] = [];
  let at = 0;
  for (const index of members) {
    if (at + 8 > payload.length) return false;
    const crc = payload.readUInt32LE(at);
    const length = payload.readUInt32LE(at + 4);
    if (at + 8 + length > payload.length) return false;
    const [name, bytes] = files[index]!;
    restored.push({ name, size: bytes.length, crc, deflated: payload.subarray(at + 8, at + 8 + length) });
    at += 8 + length;
  }
  if (at !== payload.length) return false;
  members.forEach((index, position) => (entries[index] = restored[position]!));
  return true;
}

export async function writeGazetteZip(model: SiteModel, outputDir: string, options: { cache?: BuildCache } = {}): Promise<void> {
  const bytes = await gazetteZip(model, outputDir, options);
  const target = path.join(outputDir, ZIP_PATH);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, bytes);
}

/**
 * The timestamp of every entry: noon of the newest issue's 出版日期 (1980-01-01 when there is none). Zip stores local
 * date and time fields, and fflate reads them with the local getters, so the Date is built from local fields too.
 */
export function zipDate(model: SiteModel): Date {
  const newest = model.issues.map((issue) => issue.published).sort().at(-1) ?? '1980-01-01';
  const [year, month, day] = newest.split('-').map(Number) as [number, number, number];
  return new Date(Math.max(year, 1980), month - 1, day, 12, 0, 0);
}

/** README.txt: what is inside, in Chinese. UTF-8 with a BOM and CRLF line endings, for Windows Notepad. */
export function readme(model: SiteModel): string {
  const { config, issueUnit: unit } = model;
  const number = issueNumberName(unit);
  const issues = [...model.issues].reverse();
  const span = issues.length === 0 ? '暂无期刊' : `${issues[0]!.label}（${issues[0]!.totalLabel}）至 ${issues.at(-1)!.label}（${issues.at(-1)!.totalLabel}），共 ${issues.length} ${unit}、${model.documents.length} 篇文件`;
  const exampleKey = model.issues.at(-1)?.key ?? `${new Date().getUTCFullYear()}-01`;
  // Aligned for a fixed-width font, where a Chinese character is two columns wide.
  const folderColumn = (left: string, right: string) => `${left}${' '.repeat(Math.max(1, 44 - [...left].reduce((width, char) => width + (char > '\u2e80' ? 2 : 1), 0)))}${right}`;
  const fieldNotes: Partial<Record<string, string>> = { issue: `（年份-${number}，如 ${exampleKey}）` };
  const lines = [
    `${config.name}　开放数据全量下载`,
    '',
    `${config.name}：${config.description}`,
    `主管：${config.supervisor}　主办：${config.publisher}`,
    `网站：${absoluteUrl(config, '/')}`,
    `收录：${span}。`,
    '',
    '一、文件夹内容',
    '',
    folderColumn('README.txt', '本说明'),
    folderColumn(`issues/<年份>/<${number}>/issue.md`, `每期的期刊文件：${number}、总${number}、出版日期、栏目、目录、编辑委员会`),
    folderColumn(`issues/<年份>/<${number}>/<文件名>.md`, '每篇文件的源文件：前置元数据（YAML）+ 正文（Markdown），即网站据以生成的原文'),
    folderColumn('api/documents.json', '文件目录（JSON 数组，每篇文件一条）'),
    folderColumn('api/documents.csv', '文件目录（CSV：UTF-8 带 BOM、CRLF 换行、RFC 4180 引号规则，可直接用电子表格打开）'),
    folderColumn('api/issues.json', '期刊目录（JSON 数组，每期一条，最新一期在前）'),
    folderColumn(`api/documents/<年份-${number}>/<文件名>.json`, '每篇文件的完整数据：目录字段，以及纯文本、HTML 正文、本文目录、附件和引用关系'),
    '',
    '二、文件目录的字段',
    '',
    ...recordFields(model).map((field) => `${field.name.padEnd(21)}${field.label}${fieldNotes[field.name] ?? field.note}`),
    '',
    '每篇文件的完整数据另有：text（纯文本正文）、html（经过安全过滤的 HTML 正文，站内链接为绝对网址）、outline（本文目录）、',
    'attachments（附件）、citations（cites 引用、cited_by 被引用，各含发文字号、标题和网址；references 为本刊未收录的被引文件的发文字号）、',
    'source（该文件的源文件在本压缩包中的路径）。',
    '',
    '以上 api/ 下的文件与网站上同名网址的内容完全相同，可单独获取：',
    `${absoluteUrl(config, '/api/documents.json')}`,
    `${absoluteUrl(config, '/api/documents.csv')}`,
    `${absoluteUrl(config, '/api/issues.json')}`,
    '',
    '三、使用许可',
    '',
    `本数据的使用许可由主办单位（${config.publisher}）规定。转载或再利用之前，请向主办单位确认。`,
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
