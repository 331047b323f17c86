// The config's path_prefix reaches the preview: build prints the prefixed URL, serve serves under it (--path-prefix overrides).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/content.ts';
import { makeGazette, runCli } from '../helpers/other-gazette.ts';

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGTERM');
  child = undefined;
});

/** Start `npm run serve` in `cwd` and return the URL it prints. */
async function serve(cwd: string, args: string[]): Promise<string> {
  child = spawn(path.join(REPO, 'node_modules/.bin/tsx'), [path.join(REPO, 'src/cli/serve.ts'), '--port', '0', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  const url = /http:\/\/127\.0\.0\.1:\d+\/\S*?(?=（)/.exec(String(chunk))?.[0];
  expect(url, String(chunk)).toBeDefined();
  return url!;
}

describe('path_prefix from the config', () => {
  const cwd = makeGazette({}, { pathPrefix: '/zhengbao/' });

  it('build prints the preview URL with the prefix; serve serves under the config’s prefix', async () => {
    expect(runCli('new', cwd, ['issue', '2020-01', '--total', '1', '--published', '2020-01-31']).code).toBe(0);
    const doc = runCli('new', cwd, ['doc', '2020-01', '--number', '江政发〔2020〕1号', '--title', '江州市人民政府关于测试的通知']);
    expect(doc.code, doc.stderr).toBe(0);
    const built = runCli('build', cwd, ['--no-search']);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toContain('http://127.0.0.1:8080/zhengbao/');

    const url = await serve(cwd, []);
    expect(url).toMatch(/\/zhengbao\/$/);
    const home = await fetch(url);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('href="/zhengbao/2020/01/"');
    expect((await fetch(new URL('/2020/01/', url))).status).toBe(404);
  });

  it('--path-prefix overrides the config', async () => {
    const url = await serve(cwd, ['--path-prefix', '/other/']);
    expect(url).toMatch(/\/other\/$/);
  });

  it('a --config that does not load stops serve with its message', () => {
    const result = runCli('serve', cwd, ['--config', 'missing.yaml', '--port', '0']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('missing.yaml');
  });
});
