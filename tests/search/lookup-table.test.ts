// The lookup table and the number series, from the 永州 seed model: exact hits with their status, citing documents, nearest numbers.
import { describe, expect, it } from 'vitest';
import { sharedSeedSite } from '../helpers/built-site.ts';
import { lookupTable, MENTIONS_LISTED, seriesTable } from '../../src/search/lookup-table.ts';
import { lookupBucket, lookupBucketCount, lookupKey, nearestInSeries, numberSeries } from '../../src/search/lookup-keys.ts';
import { cardStatus, searchCard } from '../../src/search/search-card.ts';
import { loadSite } from '../../src/build/load-site.ts';
import { SHARED_SEED_BUILD } from '../helpers/content.ts';

describe('lookupTable', () => {
  it('answers every 发文字号 and 登记号 with its card: title, numbers, date, issuers, status and the records it is stated from', async () => {
    const model = (await sharedSeedSite()).result.model!;
    const table = lookupTable(model);
    const card = table.get(lookupKey('永政发〔2018〕3号')!)!.document!;
    expect(card).toEqual({
      url: '/2018/02/yzf-2018-3/',
      title: '永州市人民政府关于做好当前和今后一段时期就业创业工作的实施意见',
      docNumber: '永政发〔2018〕3号',
      registrationCode: 'YZCR-2018-00001',
      dateText: '2018年2月1日',
      issuers: ['永州市人民政府'],
      validity: { valid_until: '2022-06-30' },
    });
    expect(table.get(lookupKey('YZCR-2018-00001')!)!.document).toEqual(card);
    for (const document of model.documents) expect(table.get(lookupKey(document.docNumber)!)?.document?.url).toBe(document.url);
    // a document that carries no validity (人事任免) has none
    expect(cardStatus(table.get(lookupKey('永政人〔2018〕1号')!)!.document!, '2020-01-01')).toBeNull();
    // the status is not stored: the page restates it from the records (有效 before 有效期至 2022-06-30)
    expect(cardStatus(card, '2020-01-01')).toBe('有效');
  });

  it('lists under a number the documents whose text cites it, held or not', async () => {
    const table = lookupTable((await sharedSeedSite()).result.model!);
    expect(table.get(lookupKey('永政发〔2018〕1号')!)!.mentions!.map((card) => card.docNumber).sort()).toEqual(['永政办发〔2018〕1号', '永政发〔2018〕2号']);
    const notHeld = table.get(lookupKey('国发〔2017〕28号')!)!;
    expect(notHeld.document).toBeUndefined();
    expect(notHeld.mentions!.map((card) => card.docNumber)).toEqual(['永政发〔2018〕3号']);
    expect(table.get(lookupKey('永政发〔2018〕3号')!)!.mentions).toBeUndefined();
  });

  it(`lists at most ${MENTIONS_LISTED} citing documents, newest first, and counts the rest`, async () => {
    const model = (await sharedSeedSite()).result.model!;
    const source = model.documents[0]!;
    const many = Array.from({ length: MENTIONS_LISTED + 3 }, (_, n) => ({ ...source, url: `/x/${n}/`, docNumber: `永政发〔2019〕${n + 1}号`, date: `2019-01-${String(n + 1).padStart(2, '0')}`, cites: [], references: ['国发〔2017〕28号'] }));
    const entry = lookupTable({ documents: many }).get(lookupKey('国发〔2017〕28号')!)!;
    expect(entry.mentions).toHaveLength(MENTIONS_LISTED);
    expect(entry.more).toBe(3);
    expect(entry.mentions![0]!.url).toBe(`/x/${MENTIONS_LISTED + 2}/`);
  });
});

describe('lookup buckets', () => {
  it('are 256 up to 4,096 documents, then twice as many each time the corpus doubles', () => {
    expect([1, 4000, 4096, 4097, 8192, 8193, 20000, 100000].map(lookupBucketCount)).toEqual([256, 256, 256, 512, 512, 1024, 2048, 8192]);
  });

  it('spread keys over all of them', () => {
    const keys = Array.from({ length: 20000 }, (_, serial) => lookupKey(`永政发〔2018〕${serial + 1}号`)!);
    const used = new Set(keys.map((key) => lookupBucket(key, 2048)));
    expect(Math.min(...used)).toBe(0);
    expect(Math.max(...used)).toBe(2047);
    expect(used.size).toBeGreaterThan(2000);
  });

  it('the search page tells its script how many there are', async () => {
    const site = await sharedSeedSite();
    expect(site.read('/search/')).toContain(`data-lookup-buckets="${lookupBucketCount(site.result.model!.documents.length)}"`);
    expect(site.read('/search/')).toContain('data-lookup-buckets="256"');
  });
});

describe('series and nearest numbers', () => {
  it('holds each 机关代字 and year, and each 登记号 year, by serial', async () => {
    const series = seriesTable((await sharedSeedSite()).result.model!);
    expect(series.get('doc:永政发〔2018〕')!.map(([serial]) => serial)).toEqual([1, 2, 3, 4]);
    expect(series.get('reg:YZCR-2018')!.map(([serial]) => serial)).toEqual([1]);
  });

  it('finds the nearest held numbers around one the site does not hold, and names them in the standard form', async () => {
    const series = seriesTable((await sharedSeedSite()).result.model!);
    const missing = numberSeries(lookupKey('永政发[2018]5号')!)!;
    expect(missing.key).toBe('doc:永政发〔2018〕');
    expect(nearestInSeries(series.get(missing.key)!, missing.serial).map(([serial]) => missing.name(serial))).toEqual(['永政发〔2018〕3号', '永政发〔2018〕4号']);
    expect(nearestInSeries([[1, 'a', ''], [3, 'b', ''], [10, 'c', ''], [12, 'd', ''], [20, 'e', '']], 11).map(([serial]) => serial)).toEqual([3, 10, 12, 20]);
    expect(numberSeries(lookupKey('yzcr 2018 00009')!)!.name(1)).toBe('YZCR-2018-00001');
  });
});

describe('cardStatus', () => {
  it('restates a card from its own records for the reader\'s day, as the document page does', async () => {
    const site = await loadSite(SHARED_SEED_BUILD);
    const model = site.model!;
    const card = (docNumber: string) => searchCard(model.documents.find((document) => document.docNumber === docNumber)!);
    expect(card('永政发〔2018〕3号').validity).toEqual({ valid_until: '2022-06-30' }); // only the records present
    expect(cardStatus(card('永政发〔2018〕3号'), '2021-01-01')).toBe('有效');
    expect(cardStatus(card('永政发〔2018〕3号'), '2022-07-01')).toBe('失效');
    expect(cardStatus(card('永政发〔2018〕1号'), '2030-01-01')).toBe('未标注');
    expect(cardStatus(card('永政人〔2018〕1号'), '2030-01-01')).toBeNull(); // 人事任免: no_validity
    expect(cardStatus({ validity: { repealed: true, valid_until: '2022-06-30' } }, '2023-01-01')).toBe('废止');
    expect(cardStatus({ validity: { effective: '2021-01-01' } }, '2020-06-01')).toBe('尚未施行');
  });
});
