// `npm run dev`: Eleventy dev server with live reload; content and template changes rebuild, content errors show in the page.
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import { loadSite } from '../build/load-site.ts';
import { BuildCache } from '../build/cache.ts';
import { formatReport } from '../report/format-report.ts';
import { gazetteEleventyConfig, TEMPLATES_DIR } from '../site/eleventy-config.ts';
import type { SiteModel } from '../site/site-model.ts';
import { countOption, parseCli, runMain } from './cli-args.ts';
import { DEFAULT_CONFIG_FILE } from '../content/load-config.ts';

const HELP = `
用法：npm run dev -- [选项]

启动本地预览服务器：保存内容文件或模板后自动重新构建并刷新浏览器。内容有错误时，终端列出错误，页面顶部也显示
出错的文件和行号，服务器继续运行。（开发预览不生成检索索引；检索请用 npm run build 后 npm run serve。）

选项：
  --content DIR      内容文件夹（默认 issues）
  --config FILE      站点配置（默认 gazette.config.yaml）
  --port N           端口（默认 8080）
  --cache DIR        构建缓存文件夹（默认 .cache/gazette），与 npm run build、check 共用：重启后未改动的文件不再重新渲染
  --no-cache         不读也不写构建缓存
  -h, --help         显示本帮助
`;

runMain(async () => {
  const { values } = parseCli(
    { content: { type: 'string' }, config: { type: 'string' }, port: { type: 'string' }, cache: { type: 'string' }, 'no-cache': { type: 'boolean' } },
    HELP,
  );
  const content = values.content ?? 'issues';
  const configFile = values.config ?? DEFAULT_CONFIG_FILE;
  const port = countOption('port', values.port, HELP, 65_535) ?? 8080;

  const cache = await BuildCache.open({ dir: values['no-cache'] ? false : values.cache });
  const model = async (): Promise<SiteModel> => {
    const site = await loadSite({ content, config: configFile, lenient: true, cache });
    for (const note of cache.notes.splice(0)) process.stderr.write(`⚠ ${note}\n`);
    const report = formatReport(site.files);
    process.stderr.write(report ? `${report}\n` : '✔ 内容无错误\n');
    if (!site.model) throw new Error(`配置文件有错误，无法预览：\n${report}`);
    return { ...site.model, config: { ...site.model.config, path_prefix: '/' } };
  };

  const out = path.resolve('.cache/dev-site');
  const eleventy = new Eleventy(path.relative(process.cwd(), TEMPLATES_DIR), out, {
    runMode: 'serve',
    configPath: false,
    quietMode: true,
    config: gazetteEleventyConfig({ model, watch: [content, configFile] }) as (config: never) => unknown,
  });
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(port);
  await new Promise(() => {});
});
