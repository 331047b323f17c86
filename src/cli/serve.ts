// `npm run serve`: preview the built site (dist/ by default) at http://127.0.0.1:8080/.
import path from 'node:path';
import { serveStatic } from '../build/static-server.ts';
import { countOption, parseCli, runMain, usageError } from './cli-args.ts';

const HELP = `
用法：npm run serve -- [选项]

在本机预览已构建的站点（先运行 npm run build）。

选项：
  --out DIR      站点文件夹（默认 dist）
  --port N       端口（默认 8080）
  --path-prefix P
                 站点所在的路径前缀，如 /zhengbao/（按 --path-prefix 构建的站点用；默认 /）
  -h, --help     显示本帮助
`;

runMain(async () => {
  const { values } = parseCli({ out: { type: 'string' }, port: { type: 'string' }, 'path-prefix': { type: 'string' } }, HELP);
  const root = path.resolve(values.out ?? 'dist');
  const prefix = values['path-prefix'] ?? '/';
  if (!/^\/(.+\/)?$/.test(prefix)) usageError(`--path-prefix 应以 / 开头并以 / 结尾，如 /zhengbao/，收到 ${prefix}`, HELP);
  const server = await serveStatic(root, { port: countOption('port', values.port, HELP) ?? 8080, prefix });
  process.stdout.write(`预览：${server.url}（Ctrl+C 退出）\n`);
  await new Promise(() => {});
});
