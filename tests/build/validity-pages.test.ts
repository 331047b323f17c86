// 废止 and 已修改 as readers meet them in a build: the badge, the metadata link, the register, JSON-LD and open data.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { buildInto, type BuiltSite } from '../helpers/built-site.ts';
import { makeSite, SMALL_CONTENT } from '../helpers/content.ts';

const REPEALED = '/2018/02/yzf-2018-3/';
const AMENDED = '/2018/02/yzbf-2018-1/';
const BY = '/2018/03/yzbh-2018-20/';

let site: BuiltSite;

beforeAll(async () => {
  const cwd = makeSite({}, { from: SMALL_CONTENT });
  const edit = (file: string, from: string, to: string) => {
    const full = path.join(cwd, 'issues', file);
    writeFileSync(full, readFileSync(full, 'utf8').replace(from, to));
  };
  edit('2018/02/yzf-2018-3.md', 'valid_until: 2022-06-30', 'valid_until: 2022-06-30\nrepealed_by: 永政办函〔2018〕20号');
  edit('2018/02/yzbf-2018-1.md', 'page: 26', 'page: 26\namended_by: [永政办函〔2018〕20号, 永政发〔2019〕2号]');
  site = await buildInto({ cwd, content: 'issues', search: false, today: '2020-01-01' });
});

describe('废止 and 已修改', () => {
  it('show on the document page as the badge and in the metadata, linking the document that did it', () => {
    const repealed = site.html(REPEALED);
    expect(toText(select('.document-status .status', repealed)!)).toBe('废止');
    const validity = selectAll('.metadata div', repealed).find((row) => toText(select('dt', row)!) === '时效性')!;
    expect(toText(validity)).toContain('已被永政办函〔2018〕20号废止');
    expect(select('a', validity)?.properties.href).toBe(BY);

    const amended = site.html(AMENDED);
    expect(toText(select('.document-status .status', amended)!)).toBe('已修改');
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
    expect([status(REPEALED), status(AMENDED), status(BY)]).toEqual(['废止', '已修改', '有效']);
  });
});
