// `npm run new`: scaffold the next issue folder or a new document with its front matter filled in and a valid file name.
import { mkdir, readFile, writeFile, access } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../content/load-config.ts';
import { loadCorpus, ISSUE_FILE } from '../content/load-corpus.ts';
import { scaffoldDocument, scaffoldIssue, ScaffoldError } from '../content/scaffold.ts';
import { formatReport } from '../report/format-report.ts';
import { parseCli, runMain } from './cli-args.ts';

const HELP = `
用法：
  npm run new -- issue 2018-03
      新建一期：issues/2018/03/issue.md，总期号按上一期推算，栏目沿用上一期。
  npm run new -- doc 2018-03 --number 永政发〔2018〕5号 --title 永州市人民政府关于……的通知 [选项]
      在该期新建文件：文件名由发文字号得出（yzf-2018-5.md），发文机关由机关代字得出，并加入本期目录。

doc 的选项：
  --number 发文字号    必填；[2018]、(2018) 等写法会被改为〔2018〕
  --title 标题         必填
  --section 栏目       默认沿用同一机关代字最近一篇的栏目
  --date YYYY-MM-DD    成文日期，默认本期出版日期
  --page N             印刷页码，默认本期最后一页之后
  --type 文种          默认取标题末尾的文种（通知、意见、决定……）

通用选项：
  --content DIR        内容文件夹（默认 issues）
  --config FILE        站点配置（默认 gazette.config.yaml）
  -h, --help           显示本帮助
`;

runMain(async () => {
  const { values, positionals } = parseCli(
    {
      number: { type: 'string' },
      title: { type: 'string' },
      section: { type: 'string' },
      date: { type: 'string' },
      page: { type: 'string' },
      type: { type: 'string' },
      content: { type: 'string' },
      config: { type: 'string' },
    },
    HELP,
  );
  const [kind, key] = positionals;
  if ((kind !== 'issue' && kind !== 'doc') || !key) {
    process.stderr.write(HELP.trim() + '\n');
    return 2;
  }
  const root = path.resolve(values.content ?? 'issues');
  const { config, file } = await loadConfig(values.config);
  if (!config) {
    process.stderr.write(`${formatReport([file])}\n`);
    return 1;
  }
  const corpus = await loadCorpus(root, config);
  try {
    if (kind === 'issue') {
      const created = scaffoldIssue(corpus, key);
      const target = path.join(root, created.folder, ISSUE_FILE);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, created.text, { flag: 'wx' });
      process.stdout.write(`✔ 已新建 ${path.relative(process.cwd(), target)}：请核对出版日期和栏目\n`);
      return 0;
    }
    if (!values.number || !values.title) throw new ScaffoldError('新建文件需要 --number 发文字号 和 --title 标题（见 --help）');
    const issue = corpus.issues.find((candidate) => candidate.key === key);
    const issuePath = path.join(root, issue?.folder ?? key.replace('-', '/'), ISSUE_FILE);
    const issueText = issue ? await readFile(issuePath, 'utf8') : '';
    const created = scaffoldDocument(corpus, issueText, {
      issue: key,
      number: values.number,
      title: values.title,
      section: values.section,
      date: values.date,
      page: values.page ? Number(values.page) : undefined,
      type: values.type,
    });
    const target = path.join(root, created.file);
    if (await access(target).then(() => true, () => false)) throw new ScaffoldError(`${path.relative(process.cwd(), target)} 已经存在`);
    await writeFile(target, created.text, { flag: 'wx' });
    await writeFile(issuePath, created.issueText);
    process.stdout.write(`✔ 已新建 ${path.relative(process.cwd(), target)}，并加入 ${path.relative(process.cwd(), issuePath)} 的目录\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    process.stderr.write(`无法新建：${error.message}\n`);
    return 1;
  }
});
