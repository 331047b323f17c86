// `npm run import`: turn the raw text of a printed issue into an issue folder, check it, and print the review report.
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { loadConfig, DEFAULT_CONFIG_FILE } from '../content/load-config.ts';
import { report } from '../content/rules.ts';
import { loadSite } from '../build/load-site.ts';
import { loadCorpus, type Corpus } from '../content/load-corpus.ts';
import { contentExamples, corpusExampleSource } from '../content/examples.ts';
import { issueFolder, issueKey, parseIssueFolder, type IssueAddress } from '../gazette/issue-address.ts';
import { compareCodePoints } from '../gazette/order.ts';
import { formatReport } from '../report/format-report.ts';
import { decodeRaw } from '../import/read-raw.ts';
import { importIssue } from '../import/import-issue.ts';
import { notesToFile } from '../import/review-notes.ts';
import { summaryReport } from '../import/review-report.ts';
import { parseCli, runMain } from './cli-args.ts';

/** The help's example: an issue of this year (the help is shown before any config is read). */
const EXAMPLE_ADDRESS = { year: new Date().getUTCFullYear(), number: 1 };
const EXAMPLE = issueFolder(EXAMPLE_ADDRESS);

const HELP = `
用法：npm run import -- <原文.txt> --out <内容文件夹>/<年份>/<期号> [选项]

把从印刷版 PDF 提取出的一期政报全文，转换为一个期刊文件夹：issue.md（期号、总期号、出版日期、栏目、目录、
编辑委员会、封面声明）和每篇文件一个 Markdown 文件。写入后用与 npm run check 相同的校验器检查，并打印审阅报告：
目录条目与正文文件的对应表，以及每一处需要人工核对的地方（原文.txt:行号  说明  规则）。原文可以是 UTF-8、GBK 或
GB18030 编码。推断出的值（出版日期、总期号、页码、重建的表格……）在写出的文件里带“待核对”注释，核对后删去。

例：npm run import -- scans/${issueKey(EXAMPLE_ADDRESS)}.txt --out issues/${EXAMPLE}

选项：
  --out DIR          输出文件夹，形如 issues/${EXAMPLE}（必填；年份、期号须与封面一致）
  --config FILE      站点配置（默认 gazette.config.yaml）：机关代字、栏目、文种、刊名都从这里读
  --force            输出文件夹已存在且不为空时，删除其中的 .md 文件后重新写入
  --verbose          也列出例行的修复（删除的页眉、接合的段落、改写的文号……）
  -h, --help         显示本帮助

退出码：0 已写入且校验通过；1 无法导入（编码无法识别、不是政报、找不到文件、目录与正文对不上、输出文件夹已存在且不为空）或写入后校验未通过；2 用法错误。
`;

runMain(async () => {
  const { values, positionals } = parseCli(
    { out: { type: 'string' }, config: { type: 'string' }, force: { type: 'boolean' }, verbose: { type: 'boolean' } },
    HELP,
  );
  const [rawArg] = positionals;
  if (!rawArg || !values.out || positionals.length > 1) {
    process.stderr.write(`${!rawArg ? '缺少原文文件' : !values.out ? '缺少 --out <内容文件夹>/<年份>/<期号>' : `多余的参数：${positionals.slice(1).join(' ')}`}\n\n${HELP.trim()}\n`);
    return 2;
  }
  const cwd = process.cwd();
  const out = path.resolve(cwd, values.out);
  const outName = path.relative(cwd, out) || '.';
  const rawPath = path.resolve(cwd, rawArg);
  const rawFile = new VFile({ path: path.relative(cwd, rawPath) || rawPath, cwd });
  const configPath = values.config ?? DEFAULT_CONFIG_FILE;
  const { config, file: configFile } = await loadConfig(configPath, cwd);
  const target = parseIssueFolder(out);
  if (!target) {
    // The example: the newest issue of the default content folder, when the config loads.
    const example = config ? issueFolder(contentExamples(config, corpusExampleSource(await loadCorpus('issues', config, { cwd }))).issue) : EXAMPLE;
    process.stderr.write(`--out 应为 <内容文件夹>/<年份>/<期号>，如 issues/${example}（收到 ${values.out}）\n`);
    return 2;
  }
  const contentRoot = path.dirname(path.dirname(out));
  if (!config) {
    process.stderr.write(`${formatReport([configFile])}\n`);
    return 1;
  }

  const bytes = await readFile(rawPath).catch(() => undefined);
  if (!bytes) {
    process.stderr.write(`无法读取原文 ${rawFile.path}\n`);
    return 1;
  }
  const raw = decodeRaw(bytes);
  if (!raw.ok) {
    report(rawFile, raw.reason, { line: raw.line, column: raw.column }, 'import-input');
    process.stderr.write(`${formatReport([rawFile])}\n`);
    return 1;
  }

  const kind = await stat(out).catch(() => undefined);
  if (kind && !kind.isDirectory()) {
    report(rawFile, `--out ${outName} 是一个文件，不是文件夹：没有写入任何文件。请指定期刊文件夹 <内容文件夹>/<年份>/<期号>`, { line: 1, column: 1 }, 'import-output');
    process.stderr.write(`${formatReport([rawFile])}\n`);
    return 1;
  }
  const existing = await readdir(out).catch(() => [] as string[]);
  if (existing.length > 0 && !values.force) {
    report(rawFile, `输出文件夹 ${outName} 已存在且不为空：没有写入任何文件。确认要重新导入时加 --force（会删除其中的 .md 文件）`, { line: 1, column: 1 }, 'import-output');
    process.stderr.write(`${formatReport([rawFile])}\n`);
    return 1;
  }

  const corpus = await loadCorpus(contentRoot, config, { cwd });
  const result = importIssue(raw.lines, { config, target, previousTotal: previousTotal(corpus, target), exampleSource: corpusExampleSource(corpus) });
  process.stdout.write(`${summaryReport(result, rawFile.path, outName, config.issue_unit, raw.encoding)}\n`);
  notesToFile(rawFile, result.notes.items, { verbose: values.verbose });
  const review = formatReport([rawFile]);
  if (review) process.stdout.write(`\n${review}\n`);
  if (result.notes.failed) {
    process.stderr.write(`\n✖ 没有写入任何文件\n`);
    return 1;
  }

  await mkdir(out, { recursive: true });
  for (const name of existing.filter((entry) => entry.endsWith('.md'))) await rm(path.join(out, name));
  for (const file of result.files) await writeFile(path.join(out, file.name), file.text);

  const site = await loadSite({ cwd, content: path.relative(cwd, contentRoot) || '.', config: configPath });
  const inside = (file: VFile) => path.resolve(cwd, file.path).startsWith(out + path.sep);
  const ours = site.files.filter((file) => inside(file) || file === site.files[0]);
  const failed = ours.some((file) => file.messages.some((message) => message.fatal === true));
  const others = site.files.filter((file) => !ours.includes(file) && file.messages.some((message) => message.fatal === true)).length;
  const checked = formatReport(ours);
  if (checked) process.stdout.write(`\n校验 ${outName}：\n${checked}\n`);
  if (failed) {
    process.stderr.write(`\n✖ 已写入 ${outName}（issue.md 和 ${result.documents.length} 篇文件），但校验未通过：请按上面的提示改正后运行 npm run check\n`);
    return 1;
  }
  process.stdout.write(
    `\n✔ 已写入 ${outName}：issue.md 和 ${result.documents.length} 篇文件，校验通过${others ? `（内容文件夹中其他 ${others} 个文件另有错误，与本期无关）` : ''}\n`,
  );
  return 0;
});

/** 总期号 of the latest issue before `target` in the content folder (as loaded and schema-checked), if any. */
function previousTotal(corpus: Corpus, target: IssueAddress): number | undefined {
  const key = issueKey(target);
  const earlier = corpus.issues.filter((issue) => compareCodePoints(issue.key, key) < 0).sort((a, b) => compareCodePoints(a.key, b.key));
  return earlier.at(-1)?.data.total_number;
}
