// `npm run new -- gazette`: a commented config that loads (with and without 登记号, with 号), never overwritten by accident.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/content/load-config.ts';
import { makeGazette, runCli } from '../helpers/other-gazette.ts';

const REQUIRED = [
  'gazette',
  '--name', '江州政报',
  '--supervisor', '江州市人民政府',
  '--publisher', '江州市人民政府办公室',
  '--base-url', 'https://zhengbao.example.gov.cn',
  '--issuer', '江州市人民政府:jzszf:江政发=jzf,江政函=jzh',
  '--issuer', '江州市人民政府办公室:jzszfb:江政办发=jzbf',
  '--section', '市政府文件:city-government',
  '--section', '市政府办文件:government-office',
];

describe('npm run new -- gazette', () => {
  it('writes a commented config that loads, without 登记号 by default, and an empty issues/ folder', async () => {
    const cwd = makeGazette({}, { config: null });
    const result = runCli('new', cwd, REQUIRED);
    expect(result.code, result.stderr).toBe(0);
    const text = readFileSync(path.join(cwd, 'gazette.config.yaml'), 'utf8');
    expect(text).toMatch(/^name: 江州政报 # 刊名$/m);
    expect(text).toMatch(/^# 本刊没有规范性文件登记号制度/m);
    expect(text).not.toMatch(/^registration_prefix:/m);
    expect(text).toContain('  - { code: 江政发, slug: jzf }');
    const { config, file } = await loadConfig('gazette.config.yaml', cwd);
    expect(file.messages.map((message) => message.reason)).toEqual([]);
    expect(config).toMatchObject({ issue_unit: '期', frequency: '月刊', path_prefix: '/', description: '江州市人民政府机关刊物' });
    expect(config?.registration_prefix).toBeUndefined();
    expect(config?.issuers.map((issuer) => issuer.codes.map((code) => code.code))).toEqual([['江政发', '江政函'], ['江政办发']]);
    expect(config?.types.map((type) => type.name)).toEqual(expect.arrayContaining(['通知', '意见', '决定', '命令', '公告', '通告', '通报', '报告', '请示', '批复', '议案', '函', '纪要', '决议', '公报']));
    expect(statSync(path.join(cwd, 'issues')).isDirectory()).toBe(true);
  });

  it('writes 号, a 刊期, a 登记号 prefix, a path prefix and chosen 文种', async () => {
    const cwd = makeGazette({}, { config: null });
    const args = [...REQUIRED, '--unit', '号', '--frequency', '旬刊', '--registration-prefix', 'JZCR', '--path-prefix', '/zhengbao/', '--type', '通知:notice', '--type', '决定:decision', '--config', 'site/jz.yaml'];
    const result = runCli('new', cwd, args);
    expect(result.code, result.stderr).toBe(0);
    const { config, file } = await loadConfig('site/jz.yaml', cwd);
    expect(file.messages).toEqual([]);
    expect(config).toMatchObject({ issue_unit: '号', frequency: '旬刊', registration_prefix: 'JZCR', path_prefix: '/zhengbao/' });
    expect(config?.types).toEqual([{ name: '通知', slug: 'notice' }, { name: '决定', slug: 'decision' }]);
    expect(readFileSync(path.join(cwd, 'site/jz.yaml'), 'utf8')).toMatch(/^registration_prefix: JZCR # 规范性文件登记号前缀：JZCR-2020-00001/m);
  });

  it('refuses to overwrite an existing config without --force, and overwrites with it', async () => {
    const cwd = makeGazette();
    const before = readFileSync(path.join(cwd, 'gazette.config.yaml'), 'utf8');
    const refused = runCli('new', cwd, [...REQUIRED, '--unit', '号']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(path.join(cwd, 'gazette.config.yaml'), 'utf8')).toBe(before);
    const forced = runCli('new', cwd, [...REQUIRED, '--unit', '号', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect((await loadConfig('gazette.config.yaml', cwd)).config?.issue_unit).toBe('号');
  });

  it('names the missing flags (exit 2), and writes nothing when the flags make a config that does not load (exit 1)', () => {
    const cwd = makeGazette({}, { config: null });
    const missing = runCli('new', cwd, ['gazette', '--name', '江州政报']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--supervisor、--publisher、--base-url、--issuer、--section');
    const badSlug = runCli('new', cwd, [...REQUIRED, '--section', '人事任免:Appointments']);
    expect(badSlug.code).toBe(1);
    expect(badSlug.stderr).toContain('gazette.config.yaml');
    expect(existsSync(path.join(cwd, 'gazette.config.yaml'))).toBe(false);
    expect(runCli('new', cwd, [...REQUIRED, '--issuer', '江州市人民政府']).code).toBe(2);
    expect(runCli('new', cwd, [...REQUIRED, '--frequency', '季刊']).code).toBe(2);
  });
});
