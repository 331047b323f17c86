// `npm run new`: write a new gazette's config, scaffold the next issue, or add a document with its front matter filled in.
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig, DEFAULT_CONFIG_FILE } from '../content/load-config.ts';
import { loadCorpus, ISSUE_FILE, type Corpus } from '../content/load-corpus.ts';
import { parseKey, scaffoldDocument, scaffoldIssue, ScaffoldError } from '../content/scaffold.ts';
import { configText, DEFAULT_TYPES, parseIssuerSpec, parseNamedSlug, type NewGazette } from '../content/config-text.ts';
import { contentExamples, corpusExampleSource } from '../content/examples.ts';
import type { GazetteConfig } from '../content/schema.ts';
import { ISSUE_UNITS, issueFolder, issueKey, issueLabel, issueNumberName, type IssueUnit } from '../gazette/issue-address.ts';
import { documentSlug, formatDocNumber } from '../gazette/doc-number.ts';
import { FREQUENCIES, nextAddress, type Frequency } from '../gazette/issue-calendar.ts';
import { formatReport } from '../report/format-report.ts';
import { countOption, parseCli, pathPrefixOption, runMain, usageError } from './cli-args.ts';

/** What the examples of the help show: this gazette's own forms when its config and content load, else neutral ones. */
interface HelpExamples {
  year: number;
  docNumber: string;
  slug: string;
  issuer: string;
  type: string;
  unit: IssueUnit;
  /** an issue of the content (the newest), for `doc` */
  issue: string;
  /** the issue after it, for `issue` */
  next: string;
}

function helpText(example: HelpExamples): string {
  return `
用法：
  npm run new -- gazette --name 刊名 --supervisor 主管单位 --publisher 主办单位 --base-url URL
                         --issuer 发文机关:slug:机关代字=slug --section 栏目:slug [选项]
      开办一种政报：写出带中文注释的站点配置（--config，默认 gazette.config.yaml）和空的内容文件夹（--content，
      默认 issues）。写出的配置当场按 npm run check 的规则校验。
  npm run new -- issue [${example.next}] [--published YYYY-MM-DD] [--total N]
      新建一期：issues/<年份>/<${issueNumberName(example.unit)}>/issue.md。不写${issueNumberName(example.unit)}时新建最新一期的下一期（按配置的刊期 frequency，一年期满后为
      下一年第 1 ${example.unit}）。总${issueNumberName(example.unit)}为上一期加 1，栏目和封面声明沿用上一期。出版日期按刊期推算（月刊：当月最后一天；半月刊：
      15 日和月末；旬刊：10 日、20 日和月末；周刊：同年上一期之后每期 7 天），推算的日期在文件中带注释，请核对。
  npm run new -- doc ${example.issue} --number ${example.docNumber} --title ${example.issuer}关于……的${example.type} [选项]
      在该期新建文件：文件名由发文字号得出（${example.slug}.md），发文机关由机关代字得出，并加入本期目录。

gazette 的选项：
  --name 刊名            必填，如 某市政报
  --supervisor 单位      必填，主管单位
  --publisher 单位       必填，主办单位
  --description 文字     刊物性质，默认“<主管单位>机关刊物”
  --motto 文字           封面宣传语（可选）
  --base-url URL         必填，站点发布地址（不含路径前缀），如 https://zhengbao.example.gov.cn
  --path-prefix P        站点所在的路径前缀，如 /zhengbao/（默认 /）
  --issuer 机关:slug[:代字=slug,代字=slug]
                         发文机关、它的 slug 和它的机关代字（各带 slug），可重复，至少一个。如
                         --issuer "某市人民政府:msszf:某政发=mzf,某政函=mzh" --issuer "某市人民政府办公室:msszfb:某政办发=mzbf"
  --section 栏目:slug    栏目，按印刷顺序，可重复，至少一个。如 --section 市政府文件:city-government
  --type 文种:slug       文种，可重复；不写时用公文处理工作条例的 15 种文种和办法、规定、细则、方案
  --unit 期|号           期号写作“第2期”还是“第2号”（默认 期）
  --frequency 刊期       ${FREQUENCIES.join('、')}（默认 月刊）
  --registration-prefix ABCR
                         规范性文件登记号前缀（登记号形如 ABCR-2020-00001）；不写表示本刊没有登记号制度
  --force                配置文件已存在时覆盖它

issue 的选项：
  --published YYYY-MM-DD 出版日期；不定期的政报必填，其他刊期默认按刊期推算
  --total N              总${issueNumberName(example.unit)}；内容文件夹中还没有更早的一期时必填，默认为上一期加 1

doc 的选项：
  --number 发文字号    必填；[${example.year}]、(${example.year}) 等写法会被改为〔${example.year}〕
  --title 标题         必填
  --section 栏目       默认沿用同一机关代字最近一篇的栏目
  --date YYYY-MM-DD    成文日期，默认本期出版日期
  --page N             印刷页码，默认本期最后一页之后
  --type 文种          默认取标题末尾的文种（通知、意见、决定……）

通用选项：
  --content DIR        内容文件夹（默认 issues）
  --config FILE        站点配置（默认 gazette.config.yaml）
  -h, --help           显示本帮助

退出码：0 已写入；1 无法写入（已存在、校验未通过……）；2 用法错误（缺少或写错选项）。
`;
}

const YEAR = new Date().getUTCFullYear();
const NEUTRAL: HelpExamples = {
  year: YEAR,
  docNumber: formatDocNumber({ code: '某政发', year: YEAR, serial: 5 }),
  slug: documentSlug('mzf', { year: YEAR, serial: 5 }),
  issuer: '某市人民政府',
  type: '通知',
  unit: '期',
  issue: issueKey({ year: YEAR, number: 1 }),
  next: issueKey({ year: YEAR, number: 2 }),
};

/** The value of `--name V` / `--name=V` in argv, before the options are parsed (the help depends on --config). */
function rawOption(argv: readonly string[], name: string): string | undefined {
  const at = argv.indexOf(`--${name}`);
  if (at >= 0) return argv[at + 1];
  return argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

/** The help's examples from the config and the content (a real 发文字号, the newest issue), neutral without a config. */
function helpExamples(config: GazetteConfig | undefined, corpus: Corpus | undefined): HelpExamples {
  if (!config) return NEUTRAL;
  const example = contentExamples(config, corpus ? corpusExampleSource(corpus) : {});
  const hasIssues = (corpus?.issues.length ?? 0) > 0;
  return { ...example, unit: config.issue_unit, issue: issueKey(example.issue), next: issueKey(hasIssues ? nextAddress(config.frequency, example.issue) : example.issue) };
}

const exists = (file: string) => access(file).then(() => true, () => false);

runMain(async () => {
  const argv = process.argv.slice(2);
  // The config and the content are read before the options are parsed: the help shows their forms.
  const root = path.resolve(rawOption(argv, 'content') ?? 'issues');
  const loaded = await loadConfig(rawOption(argv, 'config')).catch(() => undefined);
  const corpus = loaded?.config && argv[0] !== 'gazette' ? await loadCorpus(root, loaded.config) : undefined;
  const HELP = helpText(helpExamples(loaded?.config, corpus));
  const { values, positionals } = parseCli(
    {
      number: { type: 'string' },
      title: { type: 'string' },
      section: { type: 'string', multiple: true },
      date: { type: 'string' },
      page: { type: 'string' },
      type: { type: 'string', multiple: true },
      published: { type: 'string' },
      total: { type: 'string' },
      name: { type: 'string' },
      description: { type: 'string' },
      supervisor: { type: 'string' },
      publisher: { type: 'string' },
      motto: { type: 'string' },
      'base-url': { type: 'string' },
      'path-prefix': { type: 'string' },
      issuer: { type: 'string', multiple: true },
      unit: { type: 'string' },
      frequency: { type: 'string' },
      'registration-prefix': { type: 'string' },
      force: { type: 'boolean' },
      content: { type: 'string' },
      config: { type: 'string' },
    },
    HELP,
    argv,
  );
  const [kind, key, ...extra] = positionals;
  if (kind !== 'gazette' && kind !== 'issue' && kind !== 'doc') return usageError(kind ? `未知的类别 ${kind}：可用 gazette、issue 或 doc` : '请写明要新建什么：gazette、issue 或 doc', HELP);
  if (extra.length > 0 || (kind === 'gazette' && key)) return usageError(`多余的参数：${[kind === 'gazette' ? key : undefined, ...extra].filter(Boolean).join(' ')}`, HELP);
  const list = (value: unknown) => (Array.isArray(value) ? (value as string[]) : []);
  if (kind === 'gazette') return newGazette(values, list(values.issuer), list(values.section), list(values.type), root, HELP);

  if (!loaded?.config || !corpus) {
    process.stderr.write(`${formatReport([(loaded ?? (await loadConfig(values.config))).file])}\n`);
    return 1;
  }
  const config = loaded.config;
  try {
    if (kind === 'issue') {
      const total = countOption('total', values.total, HELP);
      if (total === 0) return usageError('--total 应为正整数（印刷版上的总期号）', HELP);
      const created = scaffoldIssue(corpus, { key, published: values.published, total });
      const target = path.join(root, created.folder, ISSUE_FILE);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, created.text, { flag: 'wx' });
      const label = issueLabel(created.address, config.issue_unit);
      process.stdout.write(`✔ 已新建 ${path.relative(process.cwd(), target)}（${label}）：请核对总期号和栏目\n`);
      for (const guess of created.guesses) process.stdout.write(`  ${guess}\n`);
      return 0;
    }
    if (!key) return usageError(`请写明新文件所在的期，如 npm run new -- doc ${helpExamples(config, corpus).issue} --number … --title …`, HELP);
    const single = (name: string, value: string[]) => (value.length > 1 ? usageError(`doc 只接受一个 --${name}`, HELP) : value[0]);
    if (!values.number || !values.title) throw new ScaffoldError('新建文件需要 --number 发文字号 和 --title 标题（见 --help）', true);
    const issuePath = path.join(root, issueFolder(parseKey(key, corpus)), ISSUE_FILE);
    const issue = corpus.issues.find((candidate) => path.join(root, candidate.folder, ISSUE_FILE) === issuePath);
    const issueText = issue ? await readFile(issuePath, 'utf8') : '';
    const created = scaffoldDocument(corpus, issueText, {
      issue: key,
      number: values.number,
      title: values.title,
      section: single('section', list(values.section)),
      date: values.date,
      page: values.page ? Number(values.page) : undefined,
      type: single('type', list(values.type)),
    });
    const target = path.join(root, created.file);
    if (await exists(target)) throw new ScaffoldError(`${path.relative(process.cwd(), target)} 已经存在`);
    await writeFile(target, created.text, { flag: 'wx' });
    await writeFile(issuePath, created.issueText);
    process.stdout.write(`✔ 已新建 ${path.relative(process.cwd(), target)}，并加入 ${path.relative(process.cwd(), issuePath)} 的目录\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    process.stderr.write(`无法新建：${error.message}\n`);
    return error.usage ? 2 : 1;
  }
});

type GazetteValues = Partial<Record<'name' | 'description' | 'supervisor' | 'publisher' | 'motto' | 'base-url' | 'path-prefix' | 'unit' | 'frequency' | 'registration-prefix' | 'config', string>> & { force?: boolean };

/** `new -- gazette`: the config from the flags, checked by loadConfig before it takes the config's place, and the content folder. */
async function newGazette(values: GazetteValues, issuerArgs: string[], sectionArgs: string[], typeArgs: string[], root: string, help: string): Promise<number> {
  const missing = (['name', 'supervisor', 'publisher', 'base-url'] as const).filter((name) => !values[name]?.trim()).map((name) => `--${name}`);
  if (issuerArgs.length === 0) missing.push('--issuer');
  if (sectionArgs.length === 0) missing.push('--section');
  if (missing.length > 0) return usageError(`新建政报配置还缺少 ${missing.join('、')}（见下面的说明）`, help);
  const unit = values.unit ?? '期';
  if (!(ISSUE_UNITS as readonly string[]).includes(unit)) return usageError(`--unit 应为 ${ISSUE_UNITS.join(' 或 ')}（收到 ${unit}）`, help);
  const frequency = values.frequency ?? '月刊';
  if (!(FREQUENCIES as readonly string[]).includes(frequency)) return usageError(`--frequency 应为 ${FREQUENCIES.join('、')} 之一（收到 ${frequency}）`, help);
  const issuers = issuerArgs.map((arg) => parseIssuerSpec(arg) ?? usageError(`--issuer 应写作 发文机关:slug:机关代字=slug,机关代字=slug（收到 ${arg}）`, help));
  const named = (flag: string) => (arg: string) => parseNamedSlug(arg) ?? usageError(`--${flag} 应写作 名称:slug（收到 ${arg}）`, help);
  const gazette: NewGazette = {
    name: values.name!.trim(),
    description: values.description?.trim() || `${values.supervisor!.trim()}机关刊物`,
    supervisor: values.supervisor!.trim(),
    publisher: values.publisher!.trim(),
    ...(values.motto ? { motto: values.motto } : {}),
    base_url: values['base-url']!.trim(),
    path_prefix: pathPrefixOption(values['path-prefix'], help) ?? '/',
    issue_unit: unit as IssueUnit,
    frequency: frequency as Frequency,
    ...(values['registration-prefix'] ? { registration_prefix: values['registration-prefix'] } : {}),
    issuers,
    sections: sectionArgs.map(named('section')),
    types: typeArgs.length > 0 ? typeArgs.map(named('type')) : [...DEFAULT_TYPES],
  };

  const target = path.resolve(values.config ?? DEFAULT_CONFIG_FILE);
  const shown = path.relative(process.cwd(), target) || target;
  if (!values.force && (await exists(target))) {
    process.stderr.write(`无法新建：${shown} 已经存在，没有改动。确认要覆盖时加 --force\n`);
    return 1;
  }
  // Written beside the target and loaded as the build would load it; only a config that loads takes its place.
  const draft = `${target}.${process.pid}.new`;
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(draft, configText(gazette), { flag: 'wx' });
  const { config, file } = await loadConfig(draft);
  if (!config) {
    await rm(draft, { force: true });
    file.path = shown;
    process.stderr.write(`${formatReport([file])}\n无法新建：按这些选项写出的配置不能通过校验（见上），没有写入任何文件\n`);
    return 1;
  }
  await rename(draft, target);
  await mkdir(root, { recursive: true });
  process.stdout.write(
    `✔ 已写出 ${shown}（${config.name}，${config.frequency}，期号写作“${issueLabel({ year: NEUTRAL.year, number: 1 }, config.issue_unit)}”，${config.registration_prefix ? `登记号前缀 ${config.registration_prefix}` : '没有登记号'}）和内容文件夹 ${path.relative(process.cwd(), root) || root}\n` +
      `  下一步：npm run new -- issue ${NEUTRAL.issue} --total N（N 为印刷版封面上的总${issueNumberName(config.issue_unit)}）\n`,
  );
  return 0;
}
