// `npm run check`: validate every content file and print placed messages; exit 1 on any error, never writes output.
import { loadSite } from '../build/load-site.ts';
import { BuildCache } from '../build/cache.ts';
import { formatReport, type ReportFormat } from '../report/format-report.ts';
import { parseCli, runMain } from './cli-args.ts';

const HELP = `
用法：npm run check -- [选项]

校验内容文件夹中的全部期刊和文件，一次列出所有问题（文件:行:列  级别  说明  规则）。有错误时以 1 退出；只有警告时以 0 退出。

选项：
  --content DIR      内容文件夹（默认 issues）
  --config FILE      站点配置（默认 gazette.config.yaml）
  --format FMT       text（默认）或 json（供 CI 标注使用）
  --cache DIR        构建缓存文件夹（默认 .cache/gazette），与 npm run build 共用：未改动的文件不再重新渲染
  --no-cache         不读也不写构建缓存
  -h, --help         显示本帮助
`;

runMain(async () => {
  const { values } = parseCli(
    { content: { type: 'string' }, config: { type: 'string' }, format: { type: 'string' }, cache: { type: 'string' }, 'no-cache': { type: 'boolean' } },
    HELP,
  );
  const format = (values.format ?? 'text') as ReportFormat;
  if (format !== 'text' && format !== 'json') {
    process.stderr.write(`未知的 --format ${format}：可用 text 或 json\n`);
    return 2;
  }
  const cache = await BuildCache.open({ dir: values['no-cache'] ? false : values.cache });
  const site = await loadSite({ content: values.content, config: values.config, cache, messagesOnly: true });
  for (const note of cache.notes) process.stderr.write(`⚠ ${note}\n`);
  const report = formatReport(site.files, format);
  if (format === 'json') process.stdout.write(`${report}\n`);
  else if (report) process.stderr.write(`${report}\n`);
  if (!site.failed && format === 'text') {
    process.stdout.write(`✔ 内容无错误：${site.corpus?.issues.length ?? 0} ${site.corpus?.config.issue_unit ?? '期'}、${site.corpus?.documents.length ?? 0} 篇文件\n`);
  }
  return site.failed ? 1 : 0;
});
