// `npm run serve`: previews a built site on 127.0.0.1, under the path prefix it was built for, and adds a folder's missing trailing slash.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { get, type IncomingMessage } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInto, type BuiltSite } from '../helpers/built-site.ts';
import { REPO, SMALL } from '../helpers/content.ts';
import { serveStatic, type StaticServer } from '../../src/build/static-server.ts';

let child: ChildProcess | undefined;
let site: BuiltSite;
/** `npm run serve --path-prefix /zhengbao/`'s URL: http://127.0.0.1:<port>/zhengbao/ */
let url: string;

beforeAll(async () => {
  site = await buildInto({ ...SMALL, pathPrefix: '/zhengbao/', search: false });
  child = spawn(path.join(REPO, 'node_modules/.bin/tsx'), [path.join(REPO, 'src/cli/serve.ts'), '--out', site.dir, '--port', '0', '--path-prefix', '/zhengbao/'], {
    cwd: path.dirname(site.dir), // not the repository: nothing of the site's own content is near
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  const found = /http:\/\/127\.0\.0\.1:\d+\/zhengbao\//.exec(String(chunk))?.[0];
  expect(found, String(chunk)).toBeDefined();
  url = found!;
});

afterAll(() => {
  child?.kill('SIGTERM');
});

/** Status and Location of a request for `sitePath` (relative to the server's origin), redirects not followed. */
async function head(base: string, sitePath: string): Promise<[number, string | null]> {
  const response = await fetch(new URL(sitePath, base), { redirect: 'manual' });
  await response.arrayBuffer();
  return [response.status, response.headers.get('location')];
}

/** The same for a request line sent as written (fetch would normalise `/.//x` before sending it). */
async function rawHead(base: string, requestPath: string): Promise<[number, string | null]> {
  const request = get({ host: '127.0.0.1', port: new URL(base).port, path: requestPath });
  const [response] = (await once(request, 'response')) as [IncomingMessage];
  response.resume();
  return [response.statusCode!, response.headers.location ?? null];
}

describe('npm run serve', () => {
  it('serves a site built with --path-prefix under that prefix, and the 404 page elsewhere', async () => {
    const home = await fetch(url);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('href="/zhengbao/2018/03/"');
    const outside = await fetch(new URL('/2018/03/', url));
    expect(outside.status).toBe(404);
    const malformed = await fetch(`${url}%E4`); // a bad escape answers 400; it does not crash the server
    expect(malformed.status).toBe(400);
    expect((await fetch(url)).status).toBe(200);
  });

  it('redirects a page folder without its trailing slash (301), keeping the prefix and the query string', async () => {
    expect(await head(url, '/zhengbao/2018/02')).toEqual([301, '/zhengbao/2018/02/']);
    expect(await head(url, '/zhengbao/2018/02?q=%E9%80%9A%E7%9F%A5&x=1')).toEqual([301, '/zhengbao/2018/02/?q=%E9%80%9A%E7%9F%A5&x=1']);
    expect(await head(url, '/zhengbao/2018/03/yzbh-2018-20')).toEqual([301, '/zhengbao/2018/03/yzbh-2018-20/']);
    expect(await head(url, '/zhengbao')).toEqual([301, '/zhengbao/']);
    expect(await head(url, '/zhengbao?from=feed')).toEqual([301, '/zhengbao/?from=feed']);
    const followed = await fetch(new URL('/zhengbao/2018/02', url));
    expect([followed.status, followed.url]).toEqual([200, new URL('/zhengbao/2018/02/', url).href]);
    expect(await followed.text()).toContain('2018年第2期');
  });

  it('does not redirect files, folders without an index.html, missing paths or paths outside the prefix', async () => {
    expect(await head(url, '/zhengbao/2018/02/')).toEqual([200, null]);
    expect(await head(url, '/zhengbao/feed.xml')).toEqual([200, null]);
    expect(await head(url, '/zhengbao/api/documents')).toEqual([404, null]); // a folder of JSON files, no page
    expect(await head(url, '/zhengbao/2018/09')).toEqual([404, null]);
    expect(await head(url, '/2018/02')).toEqual([404, null]);
  });
});

describe('the static server at /', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(site.dir);
  });
  afterAll(() => server?.close());

  it('redirects a page folder without its trailing slash, and never to another host', async () => {
    expect(await head(server.url, '/2018/03?a=1')).toEqual([301, '/2018/03/?a=1']);
    expect(await head(server.url, '/2018/03/yzbh-2018-20')).toEqual([301, '/2018/03/yzbh-2018-20/']);
    expect(await rawHead(server.url, '/.//2018/03?a=1')).toEqual([301, '/2018/03/?a=1']); // not //2018/03/: a host named 2018
    expect(await head(server.url, '/')).toEqual([200, null]);
  });
});
