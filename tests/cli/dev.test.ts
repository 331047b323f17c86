// `npm run dev`: serves the site, rebuilds on a content save, shows content errors in the page and keeps running.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, makeSite, SMALL_CONTENT } from '../helpers/content.ts';

let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGTERM');
});

async function poll(url: string, until: (body: string) => boolean, timeout = 30_000): Promise<string> {
  const start = Date.now();
  let last = '';
  while (Date.now() - start < timeout) {
    try {
      last = await (await fetch(url)).text();
      if (until(last)) return last;
    } catch {
      // server not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${url}; last body:\n${last.slice(0, 500)}`);
}

describe('npm run dev', () => {
  it('live-rebuilds on save and shows content errors in the page without stopping', async () => {
    const cwd = makeSite({}, { from: SMALL_CONTENT });
    const port = 18_000 + (process.pid % 1000);
    child = spawn(path.join(REPO, 'node_modules/.bin/tsx'), [path.join(REPO, 'src/cli/dev.ts'), '--content', path.join(cwd, 'issues'), '--config', path.join(cwd, 'gazette.config.yaml'), '--port', String(port)], {
      cwd: REPO, // the content and config come from the flags, not from this folder
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
    const page = `http://localhost:${port}/2018/03/yzbh-2018-20/`;
    await poll(page, (body) => body.includes('永州市人民政府办公室关于测试文件的通知'));

    const file = path.join(cwd, 'issues/2018/03/yzbh-2018-20.md');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('关于测试文件的通知', '关于修改后文件的通知'));
    await poll(page, (body) => body.includes('关于修改后文件的通知'));

    writeFileSync(path.join(cwd, 'issues/2018/02/yzf-2018-3.md'), readFileSync(path.join(cwd, 'issues/2018/02/yzf-2018-3.md'), 'utf8').replace('date: 2018-02-01', 'date: 2018-02-30'));
    const withError = await poll(`http://localhost:${port}/`, (body) => body.includes('class="problems"'));
    expect(withError).toMatch(/yzf-2018-3\.md:\d+:\d+ {2}error {2}date（成文日期） 的值有误/);
    expect(stderr).toContain('document-schema');
    expect(child.exitCode).toBeNull();
  }, 90_000);
});
