// Open data under /api/: the catalogue (JSON and CSV), one JSON per document, and the byte-identical bulk zip.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { buildInto, buildInZone, sharedSeedSite, type BuiltSite, type SiteFolder } from '../helpers/built-site.ts';
import { makeSite, SMALL, SMALL_CONTENT, YONGZHOU } from '../helpers/content.ts';
import { loadSite } from '../../src/build/load-site.ts';
import { gazetteZip, MissingSourceError, packOf } from '../../src/site/downloads.ts';
import { BuildCache } from '../../src/build/cache.ts';
import type { SiteModel } from '../../src/site/site-model.ts';
import { documentsCsv, type DocumentDetail, type DocumentRecord } from '../../src/site/open-data.ts';

const CSV_HEADER = [
  '网址 url', '标题 title', '发文字号 doc_number', '登记号 registration_code', '成文日期 date', '发文机关 issuers',
  '文种 type', '栏目 section', '所在期 issue', '页码 page', '施行日期 effective', '有效期至 valid_until',
  '时效性 status',
];

let small: BuiltSite;
let seed: SiteFolder;

beforeAll(async () => {
  small = await buildInto({ ...SMALL, search: false, today: '2020-01-01' });
  seed = await sharedSeedSite(); // statuses as of 2020-01-01
});

const modelOf = (site: SiteFolder): SiteModel => site.result.model!;
const bytes = (site: SiteFolder, sitePath: string) => readFileSync(path.join(site.dir, sitePath));
/** Site path of an absolute URL of the default config. */
const sitePathOf = (url: string) => new URL(url).pathname;

describe('/api/documents.json', () => {
  it('keeps every catalogue field and adds json, status, cites and cited_by', () => {
    const records = small.json<DocumentRecord[]>('api/documents.json');
    expect(records).toHaveLength(3);
    expect(records.find((record) => record.doc_number === '永政发〔2018〕3号')).toEqual({
      url: 'https://zhengbao.yzcity.gov.cn/2018/02/yzf-2018-3/',
      title: '永州市人民政府关于做好当前和今后一段时期就业创业工作的实施意见',
      doc_number: '永政发〔2018〕3号',
      registration_code: 'YZCR-2018-00001',
      date: '2018-02-01',
      issuers: ['永州市人民政府'],
      type: '意见',
      issue: '2018-02',
      section: '市政府文件',
      page: 7,
      effective: null,
      valid_until: '2022-06-30',
      json: 'https://zhengbao.yzcity.gov.cn/api/documents/2018-02/yzf-2018-3.json',
      status: '有效',
      cites: [],
      cited_by: [],
    });
  });

  it('states 时效性 as of the build date', async () => {
    const later = await buildInto({ ...SMALL, search: false, today: '2022-07-01' });
    const status = (site: BuiltSite) => site.json<DocumentRecord[]>('api/documents.json').find((record) => record.doc_number === '永政发〔2018〕3号')?.status;
    expect([status(small), status(later)]).toEqual(['有效', '失效']);
  });

  it('lists citations both ways by 发文字号, and they agree', () => {
    const records = seed.json<DocumentRecord[]>('api/documents.json');
    const byNumber = new Map(records.map((record) => [record.doc_number, record]));
    expect(byNumber.get('永政发〔2018〕2号')?.cites).toEqual(['永政发〔2018〕1号']);
    expect(byNumber.get('永政发〔2018〕1号')?.cited_by).toEqual(['永政发〔2018〕2号', '永政办发〔2018〕1号']);
    for (const record of records) {
      for (const cited of record.cites) expect(byNumber.get(cited)?.cited_by, `${record.doc_number} → ${cited}`).toContain(record.doc_number);
      for (const citing of record.cited_by) expect(byNumber.get(citing)?.cites, `${citing} → ${record.doc_number}`).toContain(record.doc_number);
    }
  });
});

describe('/api/documents/<issue>/<slug>.json', () => {
  it('exists for every document, with the catalogue record, text, HTML, outline, attachments, citations and source', () => {
    const model = modelOf(seed);
    const records = seed.json<DocumentRecord[]>('api/documents.json');
    expect(records).toHaveLength(model.documents.length);
    for (const [index, document] of model.documents.entries()) {
      const record = records[index]!;
      expect(record.json).toBe(`https://zhengbao.yzcity.gov.cn/api/documents/${document.issue.key}/${document.slug}.json`);
      const detail = seed.json<DocumentDetail>(sitePathOf(record.json));
      expect(detail).toMatchObject(record);
      expect(detail.text).toBe(document.text);
      expect(detail.outline).toEqual(document.outline);
      expect(detail.attachments).toEqual(document.attachments);
      expect(detail.source).toBe(`issues/${document.issue.key.replace('-', '/')}/${document.slug}.md`);
      expect(detail.citations.references).toEqual(document.references);
      expect(detail.citations.cites.map((cited) => cited.doc_number)).toEqual(record.cites);
      expect(detail.citations.cited_by.map((citing) => citing.doc_number)).toEqual(record.cited_by);
      for (const link of [...detail.citations.cites, ...detail.citations.cited_by]) {
        expect(link.url).toBe(records.find((other) => other.doc_number === link.doc_number)?.url);
        expect(link.title).toBe(records.find((other) => other.doc_number === link.doc_number)?.title);
      }
      // the sanitized body, with site links made absolute and nothing else changed
      expect(detail.html).not.toMatch(/\s(href|src)="\//);
      expect(detail.html.replaceAll('"https://zhengbao.yzcity.gov.cn/', '"/')).toBe(document.html);
    }
  });

  it('makes a citation link absolute and keeps in-page anchors', () => {
    const detail = seed.json<DocumentDetail>('api/documents/2018-02/yzf-2018-2.json');
    expect(detail.html).toContain('href="https://zhengbao.yzcity.gov.cn/2018/02/yzf-2018-1/');
    expect(detail.html).toContain('href="#attachment-1"');
    expect(detail.citations.cites).toEqual([
      { doc_number: '永政发〔2018〕1号', title: '永州市人民政府关于印发《永州市人民政府提升执行力十条规定（试行）》的通知', url: 'https://zhengbao.yzcity.gov.cn/2018/02/yzf-2018-1/' },
    ]);
  });
});

describe('/api/documents.csv', () => {
  it('is UTF-8 with a BOM, CRLF line endings, and parses back to the records of documents.json', () => {
    for (const site of [small, seed]) {
      const raw = bytes(site, 'api/documents.csv');
      expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = raw.toString('utf8').slice(1);
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
      const [header, ...rows] = parseCsv(text);
      expect(header).toEqual(CSV_HEADER);
      const records = site.json<DocumentRecord[]>('api/documents.json');
      expect(rows).toEqual(
        records.map((record) => [
          record.url, record.title, record.doc_number, record.registration_code ?? '', record.date, record.issuers.join('、'),
          record.type, record.section, record.issue, String(record.page), record.effective ?? '', record.valid_until ?? '', record.status ?? '',
        ]),
      );
    }
  });

  it('quotes commas, quotes and line breaks (RFC 4180), and joins several 发文机关 with 、', () => {
    const model = modelOf(small);
    const [first, ...rest] = model.documents;
    const tricky = { ...first!, title: '关于"引号"、逗号,和\n换行的通知', issuers: ['永州市人民政府', '永州市人民政府办公室'] };
    const csv = documentsCsv({ ...model, documents: [tricky, ...rest] });
    expect(csv).toContain(',"关于""引号""、逗号,和\n换行的通知",');
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(1 + model.documents.length);
    expect(rows[1]![1]).toBe(tricky.title);
    expect(rows[1]![5]).toBe('永州市人民政府、永州市人民政府办公室');
  });

  it('neutralises cells a spreadsheet would run as a formula (= + - @, tab, carriage return)', () => {
    const model = modelOf(small);
    const [first, ...rest] = model.documents;
    const titles = ['=HYPERLINK("http://evil.example","点我")', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1'];
    for (const title of titles) {
      const rows = parseCsv(documentsCsv({ ...model, documents: [{ ...first!, title }, ...rest] }).slice(1));
      expect(rows[1]![1], title).toBe(`'${title}`);
    }
    const plain = parseCsv(documentsCsv({ ...model, documents: [{ ...first!, title: '关于=号的通知' }, ...rest] }).slice(1));
    expect(plain[1]![1]).toBe('关于=号的通知');
  });
});

describe('/api/gazette.zip', () => {
  it('holds every Markdown source, every open-data file and a README, sorted, and nothing else', () => {
    const model = modelOf(seed);
    const zip = bytes(seed, 'api/gazette.zip');
    const files = unzipSync(zip);
    const sources = [
      ...model.issues.map((issue) => `issues/${issue.key.replace('-', '/')}/issue.md`),
      ...model.documents.map((document) => `issues/${document.issue.key.replace('-', '/')}/${document.slug}.md`),
    ];
    const data = ['api/documents.json', 'api/issues.json', 'api/documents.csv', ...model.documents.map((document) => `api/documents/${document.issue.key}/${document.slug}.json`)];
    expect(Object.keys(files).sort()).toEqual(['README.txt', ...sources, ...data].sort());
    expect(centralDirectory(zip).map((entry) => entry.name)).toEqual(Object.keys(files).sort());
    for (const source of sources) expect(Buffer.from(files[source]!).equals(readFileSync(path.join(YONGZHOU, source))), source).toBe(true);
    for (const file of data) expect(Buffer.from(files[file]!).equals(bytes(seed, file)), file).toBe(true);
    expect(sources).toHaveLength(10);
  });

  it('every document JSON names its source in the zip', () => {
    const files = unzipSync(bytes(small, 'api/gazette.zip'));
    for (const record of small.json<DocumentRecord[]>('api/documents.json')) {
      const detail = small.json<DocumentDetail>(sitePathOf(record.json));
      expect(files[detail.source], detail.source).toBeDefined();
      expect(Buffer.from(files[detail.source]!).equals(readFileSync(path.join(SMALL_CONTENT, detail.source.replace(/^issues\//, ''))))).toBe(true);
    }
  });

  it('has a Chinese README (UTF-8 BOM, CRLF) that names the publisher for the licence and the counts', () => {
    const readme = Buffer.from(unzipSync(bytes(small, 'api/gazette.zip'))['README.txt']!);
    expect([...readme.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = readme.toString('utf8');
    expect(text.replaceAll('\r\n', '')).not.toMatch(/\n/);
    expect(text).toContain('永州政报');
    expect(text).toContain('主办单位（永州市人民政府办公室）');
    expect(text).toContain('2018年第2期（总第103期）至 2018年第3期（总第104期），共 2 期、3 篇文件');
    expect(text).toContain('api/documents.csv');
  });

  it('dates every entry on the newest issue’s 出版日期, never the build clock', () => {
    for (const entry of centralDirectory(bytes(small, 'api/gazette.zip'))) expect(entry.date, entry.name).toBe('2018-03-30 12:00:00');
  });

  it('is never written without a source: a file gone since it was read fails the zip, naming it', async () => {
    const cwd = makeSite({}, { from: SMALL_CONTENT });
    const site = await loadSite({ cwd, content: 'issues', today: '2020-01-01' });
    rmSync(path.join(cwd, 'issues/2018/03/yzbh-2018-20.md'));
    await expect(gazetteZip(site.model!, small.dir)).rejects.toThrow(MissingSourceError);
    await expect(gazetteZip(site.model!, small.dir)).rejects.toThrow(/找不到 1 个源文件（如 .*yzbh-2018-20\.md）/);
  });

  it('is the same from cached packs, and a corrupt pack is rebuilt with a note', async () => {
    const site = small.result;
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'zip-cache-'));
    const cache = await BuildCache.open({ dir: cacheDir });
    const fresh = Buffer.from(await gazetteZip(site.model!, small.dir));
    expect(Buffer.from(await gazetteZip(site.model!, small.dir, { cache })).equals(fresh)).toBe(true);
    // One pack per issue folder of sources and of document JSON, and one per other file.
    const packs = readdirSync(path.join(cacheDir, 'zip-pack'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(packs.length).toBe(new Set(Object.keys(unzipSync(fresh)).map(packOf)).size);
    expect(packOf('issues/2018/02/yzf-2018-3.md')).toBe('issues/2018/02/');
    expect(packOf('api/documents/2018-02/yzf-2018-3.json')).toBe('api/documents/2018-02/');
    expect(packOf('api/documents.json')).toBe('api/documents.json');
    // A warm zip takes every pack from the cache: none is compressed and written again (a rewrite is a new inode).
    const inodes = () => packs.map((entry) => statSync(path.join(entry.parentPath, entry.name)).ino);
    const before = inodes();
    expect(Buffer.from(await gazetteZip(site.model!, small.dir, { cache })).equals(fresh)).toBe(true);
    expect(inodes()).toEqual(before);
    const corrupt = path.join(packs[0]!.parentPath, packs[0]!.name);
    writeFileSync(corrupt, readFileSync(corrupt).subarray(0, 40));
    expect(Buffer.from(await gazetteZip(site.model!, small.dir, { cache })).equals(fresh)).toBe(true);
    expect(cache.notes.join('\n')).toContain('已损坏');
    expect(Buffer.from(await gazetteZip(site.model!, small.dir, { cache })).equals(fresh)).toBe(true);
  });

  it('is byte-identical across builds, build dates (same statuses) and time zones', async () => {
    const other = await buildInZone('America/Los_Angeles', { ...SMALL, search: false, today: '2021-06-30', out: path.join(mkdtempSync(path.join(tmpdir(), 'zip-')), 'dist') });
    expect(other.dir).not.toBe(small.dir);
    expect(bytes(other, 'api/gazette.zip').equals(bytes(small, 'api/gazette.zip'))).toBe(true);
    // The manifest states its build date (tests/sign/verify.test.ts checks it is byte-identical for the same date).
    for (const file of listFiles(path.join(small.dir, 'api')).filter((name) => name !== 'manifest.json')) {
      expect(bytes(other, `api/${file}`).equals(bytes(small, `api/${file}`)), file).toBe(true);
    }
  });
});

/** RFC 4180: fields separated by commas, records by CRLF; a quoted field may hold commas, CRLF/LF and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index++;
    } else if (char === '"' || char === '\r' || char === '\n') throw new Error(`bad CSV at ${index}: ${JSON.stringify(text.slice(index - 20, index + 20))}`);
    else field += char;
  }
  if (field !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}

/** The central directory of a zip: each entry's name and its DOS date and time. */
function centralDirectory(zip: Uint8Array): { name: string; date: string }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const entries: { name: string; date: string }[] = [];
  for (let index = 0; index < count; index++) {
    expect(view.getUint32(offset, true)).toBe(0x02014b50);
    const time = view.getUint16(offset + 12, true);
    const date = view.getUint16(offset + 14, true);
    const nameLength = view.getUint16(offset + 28, true);
    const name = new TextDecoder().decode(zip.subarray(offset + 46, offset + 46 + nameLength));
    const pad = (value: number) => String(value).padStart(2, '0');
    entries.push({
      name,
      date: `${(date >> 9) + 1980}-${pad((date >> 5) & 15)}-${pad(date & 31)} ${pad(time >> 11)}:${pad((time >> 5) & 63)}:${pad((time & 31) * 2)}`,
    });
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}
