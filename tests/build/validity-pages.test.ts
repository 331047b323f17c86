// 废止 and 已修改 as readers meet them in a build: the badge, the metadata link, the register, JSON-LD and open data.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { buildInto, sharedSeedSite, type BuiltSite, type SiteFolder } from '../helpers/built-site.ts';
import { makeSite, SMALL_CONTENT } from '../helpers/content.ts';

const REPEALED = '/2018/02/yzf-2018-3/';
const AMENDED = '/2018/02/yzbf-2018-1/';
const BY = '/2018/03/yzbh-2018-20/';

let site: BuiltSite;

/** Build the small fixture on 2020-01-01 with each `[file, from, to]` replacement made in its front matter. */
function buildEdited(edits: [file: string, from: string, to: string][]): Promise<BuiltSite> {
  const cwd = makeSite({}, { from: SMALL_CONTENT });
  for (const [file, from, to] of edits) {
    const full = path.join(cwd, 'issues', file);
    writeFileSync(full, readFileSync(full, 'utf8').replace(from, to));
  }
  return buildInto({ cwd, content: 'issues', search: false, today: '2020-01-01' });
}

beforeAll(async () => {
  site = await buildEdited([
    ['2018/02/yzf-2018-3.md', 'valid_until: 2022-06-30', 'valid_until: 2022-06-30\nrepealed_by: 永政办函〔2018〕20号'],
    ['2018/02/yzbf-2018-1.md', 'page: 26', 'page: 26\namended_by: [永政办函〔2018〕20号, 永政发〔2019〕2号]'],
  ]);
});

describe('废止 and 已修改', () => {
  it('show on the document page as the badge and in the metadata, linking the document that did it', () => {
    const repealed = site.html(REPEALED);
    expect(toText(select('.document-status .status', repealed)!)).toBe('废止');
    // the badge carries the records it is stated from as one JSON attribute, for the reading-page script
    const records = (page: typeof repealed) => JSON.parse(String(select('.document-status .status', page)!.properties.dataValidity)) as unknown;
    expect(records(repealed)).toEqual({ valid_until: '2022-06-30', repealed: true });
    const validity = selectAll('.metadata div', repealed).find((row) => toText(select('dt', row)!) === '时效性')!;
    expect(toText(validity)).toContain('已被永政办函〔2018〕20号废止');
    expect(select('a', validity)?.properties.href).toBe(BY);

    const amended = site.html(AMENDED);
    expect(toText(select('.document-status .status', amended)!)).toBe('已修改');
    expect(records(amended)).toEqual({ amended: true });
    const row = selectAll('.metadata div', amended).find((candidate) => toText(select('dt', candidate)!) === '时效性')!;
    expect(toText(row)).toContain('已被永政办函〔2018〕20号、永政发〔2019〕2号修改');
    expect(selectAll('a', row).map((a) => a.properties.href)).toEqual([BY]); // 永政发〔2019〕2号 is not in the corpus: plain text
  });

  it('show in the register, JSON-LD and documents.json', () => {
    const register = selectAll('.register tbody tr', site.html('/register/')).map((row) => selectAll('td', row).map((cell) => toText(cell).trim()));
    expect(register.find((cells) => cells[1] === '永政发〔2018〕3号')?.at(-1)).toBe('废止');
    const jsonLd = JSON.parse(toText(select('script[type="application/ld+json"]', site.html(REPEALED))!)) as { legislationLegalForce: string };
    expect(jsonLd.legislationLegalForce).toBe('https://schema.org/NotInForce');
    const records = site.json<{ url: string; status: string }[]>('/api/documents.json');
    const status = (sitePath: string) => records.find((record) => new URL(record.url).pathname === sitePath)?.status;
    expect([status(REPEALED), status(AMENDED), status(BY)]).toEqual(['废止', '已修改', '未标注']);
  });

  it('give the page a notice: what happened, since when, and by which document', () => {
    const model = site.result.model!;
    const notice = (sitePath: string) => model.documents.find((document) => document.url === sitePath)?.statusNotice;
    // 永政办函〔2018〕20号 took effect on its 成文日期 (no 施行日期 recorded)
    const by = model.documents.find((document) => document.url === BY)!;
    // 废止 wins over its 有效期至 (2022-06-30): no 失效 notice for later
    expect(notice(REPEALED)).toEqual({
      replaced: { status: '废止', date: by.date, dateText: by.dateText, by: [{ docNumber: '永政办函〔2018〕20号', url: BY, title: by.title, inForceFrom: by.date }] },
      expired: null,
    });
    expect(notice(AMENDED)?.replaced?.by.map((ref) => [ref.docNumber, ref.url])).toEqual([['永政办函〔2018〕20号', BY], ['永政发〔2019〕2号', null]]);
    expect(notice(AMENDED)?.expired).toBeNull();
    expect(notice(BY)).toBeNull();
  });
});

describe('时效性 from records only', () => {
  let records: BuiltSite;
  beforeAll(async () => {
    records = await buildEdited([
      ['2018/02/yzbf-2018-1.md', 'page: 26', 'page: 26\neffective: 2020-06-01'], // 施行日期 after the build date
      ['2018/03/yzbh-2018-20.md', 'page: 2\n', 'page: 2\nstatus: 失效\n'], // an explicit status, no date
    ]);
  });

  it('states 未标注, 尚未施行, an explicit status, or 有效 from 有效期至, alike in JSON, CSV, register and JSON-LD', () => {
    const json = records.json<{ doc_number: string; status: string | null; effective: string | null }[]>('/api/documents.json');
    expect(Object.fromEntries(json.map((record) => [record.doc_number, record.status]))).toEqual({
      '永政发〔2018〕3号': '有效', // 有效期至 2022-06-30 still ahead
      '永政办发〔2018〕1号': '尚未施行',
      '永政办函〔2018〕20号': '失效',
    });
    expect(json.find((record) => record.doc_number === '永政办发〔2018〕1号')?.effective).toBe('2020-06-01');
    const csv = records.read('/api/documents.csv');
    expect(csv).toContain(',2020-06-01,,尚未施行\r\n');
    const jsonLd = (sitePath: string) => JSON.parse(toText(select('script[type="application/ld+json"]', records.html(sitePath))!)) as Record<string, unknown>;
    expect(jsonLd(AMENDED)).toMatchObject({ legislationLegalForce: 'https://schema.org/NotInForce', legislationDateOfApplicability: '2020-06-01' });
    expect(jsonLd(REPEALED).legislationLegalForce).toBe('https://schema.org/InForce');
    const notice = (sitePath: string) => records.result.model!.documents.find((document) => document.url === sitePath)?.statusNotice;
    expect(notice(BY)).toEqual({ replaced: null, expired: { date: null, dateText: null, later: false } });
    // 有效 with an 有效期至 still ahead: the 失效 notice for later, which the page carries hidden
    expect(notice(REPEALED)).toEqual({ replaced: null, expired: { date: '2022-06-30', dateText: '2022年6月30日', later: true } });
  });
});

describe('a 栏目 or 文种 without 时效性 (config no_validity)', () => {
  let seed: SiteFolder;
  beforeAll(async () => {
    seed = await sharedSeedSite();
  });

  it('states no status anywhere: page, documents.json, CSV and JSON-LD', () => {
    const APPOINTMENT = '/2018/02/yzr-2018-1/';
    const page = seed.html(APPOINTMENT);
    expect(select('.status', page)).toBeUndefined();
    expect(toText(page)).not.toMatch(/有效|未标注|截至/);
    const record = seed.json<{ url: string; status: string | null }[]>('/api/documents.json').find((candidate) => new URL(candidate.url).pathname === APPOINTMENT);
    expect(record?.status).toBeNull();
    const row = seed.read('/api/documents.csv').split('\r\n').find((line) => line.includes(APPOINTMENT))!;
    expect(row.endsWith(',')).toBe(true);
    const jsonLd = JSON.parse(toText(select('script[type="application/ld+json"]', page)!)) as Record<string, unknown>;
    expect(jsonLd).not.toHaveProperty('legislationLegalForce');
    // the other documents of the issue still state theirs
    expect(seed.json<{ status: string | null }[]>('/api/documents.json').filter((candidate) => candidate.status !== null)).toHaveLength(8);
  });
});
