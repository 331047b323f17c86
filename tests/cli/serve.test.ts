// `npm run serve`: previews a built site on 127.0.0.1, under the path prefix it was built for.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildInto } from '../helpers/built-site.ts';
import { REPO, SMALL } from '../helpers/content.ts';

let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGTERM');
});

describe('npm run serve', () => {
  it('serves a site built with --path-prefix under that prefix, and the 404 page elsewhere', async () => {
    const site = await buildInto({ ...SMALL, pathPrefix: '/zhengbao/', search: false });
    child = spawn(path.join(REPO, 'node_modules/.bin/tsx'), [path.join(REPO, 'src/cli/serve.ts'), '--out', site.dir, '--port', '0', '--path-prefix', '/zhengbao/'], {
      cwd: path.dirname(site.dir), // not the repository: nothing of the site's own content is near
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
    const url = /http:\/\/127\.0\.0\.1:\d+\/zhengbao\//.exec(String(chunk))?.[0];
    expect(url, String(chunk)).toBeDefined();
    const home = await fetch(url!);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('href="/zhengbao/2018/03/"');
    const outside = await fetch(new URL('/2018/03/', url));
    expect(outside.status).toBe(404);
    const malformed = await fetch(`${url}%E4`); // a bad escape answers 400; it does not crash the server
    expect(malformed.status).toBe(400);
    expect((await fetch(url!)).status).toBe(200);
  });
});
