// `npm run build`: validate the content, render the site and its search index, and publish into dist/ atomically.
import { buildSite, buildSlice, type BuildOptions } from '../build/build-site.ts';
import { parseSlice } from '../build/slice.ts';
import { progressTerminal } from '../build/phases.ts';
import { formatReport } from '../report/format-report.ts';
import { countOption, parseCli, pathPrefixOption, runMain } from './cli-args.ts';
import { readFile } from 'node:fs/promises';
import { privateKeyFrom } from '../sign/signing-key.ts';

/** The signing key: `--sign-key FILE`, else the PEM text in GAZETTE_SIGNING_KEY, else none. */
async function signingKeyOption(file: string | undefined) {
  if (file !== undefined) {
    const pem = await readFile(file, 'utf8').catch(() => {
      throw new Error(`读不到签名密钥文件 ${file}`);
    });
    return privateKeyFrom(pem, file);
  }
  const pem = process.env.GAZETTE_SIGNING_KEY;
  return pem?.trim() ? privateKeyFrom(pem, '环境变量 GAZETTE_SIGNING_KEY') : undefined;
}

const HELP = `
用法：npm run build -- [选项]

从内容文件夹构建整个站点（页面 + 全文检索索引）。先校验全部内容，有错误则不写任何文件、保留原有输出并以 1 退出。

选项：
  --content DIR      内容文件夹（默认 issues）
  --out DIR          输出文件夹（默认 dist）；构建成功后才替换
  --config FILE      站点配置（默认 gazette.config.yaml）
  --base-url URL     覆盖配置中的 base_url（部署时用）
  --path-prefix P    覆盖配置中的 path_prefix，如 /zhengbao/
  --no-search        跳过 Pagefind 检索索引
  --threads N        渲染用的工作线程数（不超过 CPU 数）；0 = 只用主线程。默认：待渲染文件不少于 300 篇时
                     每个 CPU 一个，最多 8 个
  --cache DIR        构建缓存文件夹（默认 .cache/gazette）：未改动的内容不再重新渲染和索引
  --no-cache         不读也不写构建缓存
  --keep-cache       构建后保留本次未用到的缓存条目。默认删除它们（旧版本的渲染、页面、检索分片），使缓存只有
                     一个站点那么大；几个站点共用一个缓存文件夹时用此项
  --shard K/N        分片构建（N 台机器各跑一片，K 为 1…N）：只渲染并索引第 K 片文件，结果写入构建缓存，不写页面。
                     把 N 片的缓存合并到一个缓存文件夹后，再运行一次不带 --shard 的构建，即由缓存组装出整个站点
                     （见 docs/deployment.md）
  --pdf              用无头 Chromium 把每期的打印版生成 PDF（A4，目录页码为 PDF 页码，每篇文件一个书签），
                     按打印版 HTML 的哈希缓存；需要 Chromium（apt-get install chromium）
  --sign-key FILE    用 Ed25519 私钥（PEM）为 api/manifest.json 签名；也可用环境变量 GAZETTE_SIGNING_KEY 给出 PEM 文本。
                     没有密钥时清单不签名，并给出提示（见 docs/authenticity.md）
  --quiet            只输出错误
  -h, --help         显示本帮助
`;

runMain(async () => {
  const { values } = parseCli(
    {
      content: { type: 'string' },
      out: { type: 'string' },
      config: { type: 'string' },
      'base-url': { type: 'string' },
      'path-prefix': { type: 'string' },
      'no-search': { type: 'boolean' },
      quiet: { type: 'boolean' },
      threads: { type: 'string' },
      cache: { type: 'string' },
      'no-cache': { type: 'boolean' },
      'keep-cache': { type: 'boolean' },
      shard: { type: 'string' },
      'sign-key': { type: 'string' },
      pdf: { type: 'boolean' },
    },
    HELP,
  );
  const slice = values.shard === undefined ? undefined : parseSlice(values.shard);
  if (values.shard !== undefined && !slice) {
    process.stderr.write(`--shard 应为 K/N，1 ≤ K ≤ N，如 --shard 2/4（收到 ${values.shard}）\n\n${HELP.trim()}\n`);
    return 2;
  }
  if (slice && values['no-cache']) {
    process.stderr.write('--shard 的结果只写入构建缓存，不能与 --no-cache 同用\n');
    return 2;
  }
  const renderThreads = countOption('threads', values.threads, HELP);
  const pathPrefix = pathPrefixOption(values['path-prefix'], HELP);
  const log = values.quiet ? () => {} : (line: string) => process.stdout.write(`${line}\n`);
  const signingKey = await signingKeyOption(values['sign-key']);
  const options: BuildOptions = {
    signingKey,
    pdf: values.pdf,
    content: values.content,
    out: values.out,
    config: values.config,
    baseUrl: values['base-url'],
    pathPrefix,
    search: !values['no-search'],
    renderThreads,
    cacheDir: values['no-cache'] ? false : values.cache,
    log,
    terminal: values.quiet ? undefined : progressTerminal(),
  };
  if (slice) {
    const result = await buildSlice({ ...options, slice });
    const report = formatReport(result.files);
    if (report) process.stderr.write(`${report}\n`);
    if (result.failed) return 1;
    log(`✔ 分片 ${slice.index}/${slice.count}：渲染 ${result.rendered.length} 篇、索引 ${result.shards} 个检索分片，已写入构建缓存（未写页面）`);
    log(`  ${result.phases.summary()}`);
    return 0;
  }
  const result = await buildSite({ ...options, pruneCache: !values['keep-cache'] });
  const report = formatReport(result.files);
  if (report) process.stderr.write(`${report}\n`);
  if (result.failed) {
    process.stderr.write('构建已停止：请按上面的提示改正内容后重试；原有输出未被改动。\n');
    return 1;
  }
  const count = result.model?.documents.length ?? 0;
  log(`✔ 已构建 ${result.model?.issues.length ?? 0} ${result.model?.config.issue_unit ?? '期'}、${count} 篇文件 → ${result.outDir}`);
  log(`  ${result.phases.summary()}`);
  const prefix = result.model?.config.path_prefix ?? '/';
  // The serve command that previews this build: the same folder, config and path prefix.
  const serveArgs = [
    values.out ? `--out ${values.out}` : '',
    values.config ? `--config ${values.config}` : '',
    pathPrefix ? `--path-prefix ${pathPrefix}` : '',
  ].filter(Boolean);
  log(`  预览：npm run serve${serveArgs.length ? ` -- ${serveArgs.join(' ')}` : ''}，然后打开 http://127.0.0.1:8080${prefix}`);
  return 0;
});
