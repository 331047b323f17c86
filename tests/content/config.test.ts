// The site config is validated like content: placed messages, and a second city is a config change only.
import { writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/content/load-config.ts';
import { loadSite } from '../../src/build/load-site.ts';
import { makeSite, YONGZHOU } from '../helpers/content.ts';

describe('config', () => {
  it('the 永州 fixture config is valid', async () => {
    const { config, file } = await loadConfig('gazette.config.yaml', YONGZHOU);
    expect(file.messages).toEqual([]);
    expect(config?.name).toBe('永州政报');
    expect(config?.issuers.flatMap((issuer) => issuer.codes.map((code) => code.code))).toEqual(['永政发', '永政函', '永政人', '永政办发', '永政办函']);
  });

  it('a bad config value is reported at its line', async () => {
    const cwd = makeSite({});
    const configPath = path.join(cwd, 'gazette.config.yaml');
    writeFileSync(configPath, readFileSync(configPath, 'utf8').replace('registration_prefix: YZCR', 'registration_prefix: yzcr'));
    const { config, file } = await loadConfig('gazette.config.yaml', cwd);
    expect(config).toBeUndefined();
    const line = readFileSync(configPath, 'utf8').split('\n').findIndex((text) => text.startsWith('registration_prefix')) + 1;
    expect(file.messages[0]).toMatchObject({ line, ruleId: 'config-schema', fatal: true });
  });

  it.each([
    ['栏目 slug', '  - { name: 人事任免, slug: appointments }', '  - { name: 人事任免, slug: government-office }', 'slug「government-office」与第 2 项重复'],
    ['文种 name', '  - { name: 意见, slug: opinion }', '  - { name: 通知, slug: opinion }', 'name「通知」与第 1 项重复'],
    ['no_validity name that is no 栏目 or 文种', 'no_validity: [人事任免]', 'no_validity: [人事]', '「人事」不是配置中的栏目或文种：请写 sections 或 types 中的名称'],
  ])('a bad %s is reported at its line', async (_, from, to, reason) => {
    const cwd = makeSite({});
    const configPath = path.join(cwd, 'gazette.config.yaml');
    writeFileSync(configPath, readFileSync(configPath, 'utf8').replace(from, to));
    const { file } = await loadConfig('gazette.config.yaml', cwd);
    const line = readFileSync(configPath, 'utf8').split('\n').indexOf(to) + 1;
    expect(file.messages).toHaveLength(1);
    expect(file.messages[0]).toMatchObject({ line, ruleId: 'config-schema', fatal: true });
    expect(file.messages[0]!.reason).toContain(reason);
  });

  it('another city needs only its own config and content', async () => {
    const cwd = makeSite({
      'gazette.config.yaml': [
        'name: 长沙政报', 'description: 长沙市人民政府机关刊物', 'supervisor: 长沙市人民政府', 'publisher: 长沙市人民政府办公厅',
        'base_url: https://example.changsha.gov.cn', 'registration_prefix: CSCR',
        'issuers:', '  - name: 长沙市人民政府', '    slug: cs', '    codes: [{ code: 长政发, slug: czf }]',
        'sections: [{ name: 市政府文件, slug: city }]', 'types: [{ name: 通知, slug: notice }]', '',
      ].join('\n'),
      'issues/2019/01/issue.md': '---\nyear: 2019\nnumber: 1\ntotal_number: 1\npublished: 2019-01-31\nsections: [市政府文件]\ncontents: [czf-2019-2]\n---\n',
      'issues/2019/01/czf-2019-2.md': '---\ntitle: 长沙市人民政府关于测试的通知\ndoc_number: 长政发〔2019〕2号\nregistration_code: CSCR-2019-00001\ndate: 2019-01-10\nissuers: [长沙市人民政府]\nsection: 市政府文件\ntype: 通知\npage: 1\n---\n\n正文。\n',
    });
    const site = await loadSite({ cwd });
    expect(site.files.flatMap((file) => file.messages)).toEqual([]);
    expect(site.model?.documents[0]).toMatchObject({ url: '/2019/01/czf-2019-2/', docNumber: '长政发〔2019〕2号' });
    // Hints show a real 发文字号, 登记号 and title word of this gazette.
    expect(site.model?.examples).toMatchObject({ docNumber: '长政发〔2019〕2号', registrationCode: 'CSCR-2019-00001', titleWord: '测试', year: 2019 });

    // Its editors' messages give its own examples, not 永州's.
    const document = path.join(cwd, 'issues/2019/01/czf-2019-2.md');
    writeFileSync(document, readFileSync(document, 'utf8').replace('doc_number: 长政发〔2019〕2号\n', '').replace('issuers: [长沙市人民政府]', 'issuers: 长沙市人民政府'));
    const reasons = (await loadSite({ cwd })).files.flatMap((file) => file.messages.map((message) => message.reason));
    expect(reasons).toContainEqual(expect.stringContaining('如 doc_number: 长政发〔2019〕1号'));
    expect(reasons).toContainEqual(expect.stringContaining('如 issuers: [长沙市人民政府]'));
    expect(reasons.join('\n')).not.toMatch(/永州|永政|YZCR/);
  });
});
