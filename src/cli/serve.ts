// `npm run serve`: preview the built site (dist/ by default) at http://127.0.0.1:8080/.
import path from 'node:path';
import { serveStatic } from '../build/static-server.ts';
import { parseCli, runMain } from './cli-args.ts';

const HELP = `
用法：npm run serve -- [选项]

在本机预览已构建的站点（先运行 npm run build）。

选项：
  --out DIR      站点文件夹（默认 dist）
  --port N       端口（默认 8080）
  -h, --help     显示本帮助
`;

runMain(async () => {
  const { values } = parseCli({ out: { type: 'string' }, port: { type: 'string' } }, HELP);
  const root = path.resolve(values.out ?? 'dist');
  const server = await serveStatic(root, { port: Number(values.port ?? 8080) });
  process.stdout.write(`预览：${server.url}（Ctrl+C 退出）\n`);
  await new Promise(() => {});
});
