// `npm run serve`: preview the built site (dist/ by default) at http://127.0.0.1:8080/ under the config's path_prefix.
import path from 'node:path';
import { serveStatic } from '../build/static-server.ts';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../content/load-config.ts';
import { formatReport } from '../report/format-report.ts';
import { countOption, parseCli, pathPrefixOption, runMain } from './cli-args.ts';

const HELP = `
用法：npm run serve -- [选项]

在本机预览已构建的站点（先运行 npm run build）。

选项：
  --out DIR      站点文件夹（默认 dist）
  --port N       端口（默认 8080）
  --config FILE  站点配置（默认 gazette.config.yaml）：站点在其 path_prefix 下预览
  --path-prefix P
                 覆盖配置中的 path_prefix，如 /zhengbao/（按 npm run build -- --path-prefix 构建的站点用）；
                 没有配置文件时默认 /
  -h, --help     显示本帮助
`;

runMain(async () => {
  const { values } = parseCli({ out: { type: 'string' }, port: { type: 'string' }, config: { type: 'string' }, 'path-prefix': { type: 'string' } }, HELP);
  const root = path.resolve(values.out ?? 'dist');
  const prefix = pathPrefixOption(values['path-prefix'], HELP) ?? (await configPrefix(values.config));
  if (prefix === undefined) return 1;
  const port = countOption('port', values.port, HELP, 65_535) ?? 8080;
  const server = await serveStatic(root, { port, prefix }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new Error(`端口 ${port} 已被占用：请用 --port 换一个端口，如 --port 8081`);
    throw error;
  });
  process.stdout.write(`预览：${server.url}（Ctrl+C 退出）\n`);
  await new Promise(() => {});
}, '预览失败');

/**
 * The config's path_prefix. Without a config file: `/` when none was asked for (--config absent), else undefined after
 * printing why it did not load.
 */
async function configPrefix(configPath: string | undefined): Promise<string | undefined> {
  const { config, file } = await loadConfig(configPath ?? DEFAULT_CONFIG_FILE);
  if (config) return config.path_prefix;
  if (configPath === undefined && file.messages.some((message) => message.ruleId === 'file-location')) return '/';
  process.stderr.write(`${formatReport([file])}\n无法预览：配置文件有错误（见上）；也可以用 --path-prefix 直接给出路径前缀\n`);
  return undefined;
}
