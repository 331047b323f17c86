// `npm run new`: the next issue and a new document are created with computed front matter and pass the validator.
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/build/load-site.ts';
import { REPO, makeSite, SMALL_CONTENT } from '../helpers/content.ts';

function runNew(cwd: string, args: string[]) {
  const result = spawnSync(path.join(REPO, 'node_modules/.bin/tsx'), [path.join(REPO, 'src/cli/new.ts'), ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run new', () => {
  it('creates the next issue with 总期号 from the previous one, then a document added to its 目录', async () => {
    const cwd = makeSite({}, { from: SMALL_CONTENT });
    expect(runNew(cwd, ['issue', '2018-04']).code).toBe(0);
    const issue = readFileSync(path.join(cwd, 'issues/2018/04/issue.md'), 'utf8');
    expect(issue).toMatch(/^total_number: 105$/m);
    expect(issue).toMatch(/^number: 4$/m);

    const created = runNew(cwd, ['doc', '2018-04', '--number', '永政发[2018]05号', '--title', '永州市人民政府关于加强测试工作的意见']);
    expect(created.code).toBe(0);
    const document = readFileSync(path.join(cwd, 'issues/2018/04/yzf-2018-5.md'), 'utf8');
    expect(document).toContain('doc_number: 永政发〔2018〕5号');
    expect(document).toContain('issuers: [永州市人民政府]');
    expect(document).toContain('type: 意见');
    expect(readFileSync(path.join(cwd, 'issues/2018/04/issue.md'), 'utf8')).toMatch(/contents:\n\s+- yzf-2018-5/);

    const site = await loadSite({ cwd });
    expect(site.failed).toBe(false);
    // only the 出版日期 guessed from the 刊期 is flagged, until an editor checks it
    expect(site.files.flatMap((file) => file.messages.map((message) => `${file.path} ${message.ruleId}`))).toEqual(['issues/2018/04/issue.md unchecked-guess']);
  });

  it('refuses an unknown 机关代字 and an existing document, writing nothing', () => {
    const cwd = makeSite({}, { from: SMALL_CONTENT });
    const unknown = runNew(cwd, ['doc', '2018-02', '--number', '湘政发〔2018〕1号', '--title', '某通知']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('未在 gazette.config.yaml 中登记');
    const existing = runNew(cwd, ['doc', '2018-02', '--number', '永政发〔2018〕3号', '--title', '某通知']);
    expect(existing.code).toBe(1);
    expect(existing.stderr).toContain('已经存在');
    expect(runNew(cwd, ['issue', '2018-02']).code).toBe(1);
    expect(existsSync(path.join(cwd, 'issues/2018/02/yzf-2018-1.md'))).toBe(false);
  });
});
