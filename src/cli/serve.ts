// `npm run serve`: preview the built site (dist/ by default) at http://127.0.0.1:8080/.
import path from 'node:path';
import { serveStatic } from '../build/static-server.ts';
import { countOption, parseCli, pathPrefixOption, runMain } from './cli-args.ts';

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
  const prefix = pathPrefixOption(values['path-prefix'], HELP) ?? '/';
  const port = countOption('port', values.port, HELP, 65_535) ?? 8080;
  const server = await serveStatic(root, { port, prefix }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new Error(`端口 ${port} 已被占用：请用 --port 换一个端口，如 --port 8081`);
    throw error;
  });
  process.stdout.write(`预览：${server.url}（Ctrl+C 退出）\n`);
  await new Promise(() => {});
}, '预览失败');
