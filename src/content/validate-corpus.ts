// Cross-document rules that need the whole corpus: 发文字号 and 登记号 form, agreement and uniqueness; issue 目录 and 栏目.
import type { Corpus, LoadedDocument, LoadedIssue, UnpublishedDocument } from './load-corpus.ts';
import { docNumberKey, documentSlug, formatDocNumber, issuerForCode, parseDocNumber, parseLooseDocNumber } from '../gazette/doc-number.ts';
import { report, type RuleId } from './rules.ts';
import { checkGuessComments } from './guess-comments.ts';
import { contentExamples, corpusExampleSource, type ContentExamples } from './examples.ts';
import { compareCodePoints } from '../gazette/order.ts';
import { issueFolder, issueLabel, issueNumberName, totalLabel, totalNumberName, type IssueUnit } from '../gazette/issue-address.ts';
import { fitsYear, numberProblem } from '../gazette/issue-calendar.ts';
import { formatRegistrationCode, parseRegistrationCode, registrationForm } from '../gazette/registration-code.ts';


/** A document as the rules see it: a published one, or an unpublished one with the fields that are valid on their own. */
type Checked = LoadedDocument | UnpublishedDocument;

/** Run every corpus rule; messages land on the files. Each rule runs on whatever fields it needs that are valid, so
 *  one problem never hides another (a wrong bracket does not hide an unknown 机关代字; a bad 页码 does not hide the 发文字号). */
export function validateCorpus(corpus: Corpus): void {
  const all: Checked[] = [...corpus.documents, ...corpus.unpublished];
  for (const document of all) checkDocument(corpus, document);
  for (const file of corpus.files) checkGuessComments(file);
  // The same 发文字号 in two bracket forms is still the same 发文字号.
  const numbered = all.filter((document) => document.data.doc_number !== undefined);
  checkUnique(numbered, (document) => docNumberKey(document.data.doc_number!) ?? document.data.doc_number!, 'doc_number', '发文字号', 'unique-doc-number');
  if (corpus.config.registration_prefix) {
    checkUnique(
      all.filter((document) => document.data.registration_code !== undefined),
      (document) => document.data.registration_code!,
      'registration_code',
      '登记号',
      'unique-registration-code',
    );
  }
  const unpublishedByIssue = new Map<string, UnpublishedDocument[]>();
  for (const document of corpus.unpublished) {
    const group = unpublishedByIssue.get(document.issueKey);
    if (group) group.push(document);
    else unpublishedByIssue.set(document.issueKey, [document]);
  }
  for (const issue of corpus.issues) checkIssue(corpus, issue, unpublishedByIssue.get(issue.key) ?? []);
  checkSequence(corpus.issues, corpus.config.issue_unit);
}

function checkDocument(corpus: Corpus, document: Checked): void {
  const { data, file, placeOf } = document;
  const at = (key: string) => placeOf([key], { value: true });
  const year = data.date === undefined ? undefined : Number(data.date.slice(0, 4));

  if (data.doc_number !== undefined) checkDocNumber(corpus, document, data.doc_number, year);

  const known = corpus.config.issuers.map((issuer) => issuer.name);
  (data.issuers ?? []).forEach((issuer, index) => {
    if (!known.includes(issuer)) {
      report(file, `发文机关「${issuer}」未在配置中登记：请改为 ${known.join('、')} 之一，或在 gazette.config.yaml 中添加`, placeOf(['issuers', index], { value: true }), 'issuer');
    }
  });

  const references = [
    ...(data.repealed_by ? [{ value: data.repealed_by, path: ['repealed_by'] as PropertyKey[] }] : []),
    ...(data.amended_by ?? []).map((value, index) => ({ value, path: ['amended_by', index] as PropertyKey[] })),
  ];
  for (const { value, path } of references) {
    if (parseDocNumber(value)) continue;
    const loose = parseLooseDocNumber(value);
    const fix = loose ? `，应为 ${formatDocNumber(loose)}` : `，格式为 机关代字〔年份〕序号号，如 ${exampleDocNumber(corpus)}`;
    report(file, `${String(path[0])} 中的发文字号 ${value} 不符合 GB/T 9704${fix}`, placeOf(path, { value: true }), 'doc-number');
  }

  const types = corpus.config.types.map((type) => type.name);
  if (data.type !== undefined && !types.includes(data.type)) {
    report(file, `文种「${data.type}」未在配置中登记：请改为 ${types.join('、')} 之一，或在 gazette.config.yaml 的 types 中添加`, at('type'), 'type');
  }

  if (data.registration_code !== undefined) checkRegistration(corpus, document, data.registration_code, year);

  if (data.valid_until !== undefined && data.date !== undefined && data.valid_until < data.date) {
    report(file, `有效期至 ${data.valid_until} 早于成文日期 ${data.date}：请核对`, at('valid_until'), 'date');
  }
}

/** 发文字号 form, 机关代字, file name and year: each independent, all from the loose parse when the form is wrong. */
function checkDocNumber(corpus: Corpus, document: Checked, value: string, year: number | undefined): void {
  const { data, file, placeOf } = document;
  const at = placeOf(['doc_number'], { value: true });
  const strict = parseDocNumber(value);
  const number = strict ?? parseLooseDocNumber(value);
  if (!strict) {
    const fix = number ? `，应为 ${formatDocNumber(number)}` : `，格式为 机关代字〔年份〕序号号，如 ${exampleDocNumber(corpus)}`;
    report(file, `发文字号 ${value} 不符合 GB/T 9704：年份应使用六角括号〔〕，序号不编虚位${fix}`, at, 'doc-number');
  }
  if (!number) return;
  const owner = issuerForCode(corpus.config.issuers, number.code);
  if (!owner) {
    const codes = corpus.config.issuers.flatMap((issuer) => issuer.codes.map((code) => code.code));
    report(file, `机关代字「${number.code}」未在配置中登记：请改为已登记的代字（${codes.join('、')}），或在 gazette.config.yaml 的 issuers 中添加`, at, 'doc-number-issuer');
  } else {
    if (data.issuers && !data.issuers.includes(owner.issuer)) {
      report(file, `机关代字「${number.code}」属于 ${owner.issuer}，但发文机关是 ${data.issuers.join('、')}：请核对发文字号或发文机关`, placeOf(['issuers'], { value: true }), 'doc-number-issuer');
    }
    const expected = documentSlug(owner.slug, number);
    if (document.slug !== expected) {
      report(file, `文件名 ${document.slug}.md 与发文字号不对应：请改名为 ${expected}.md`, { line: 1, column: 1 }, 'file-name');
    }
  }
  if (year !== undefined && number.year !== year) {
    report(file, `发文字号年份 ${number.year} 与成文日期 ${data.date} 的年份不一致：请核对其一`, at, 'doc-number-year');
  }
}

/** 登记号: only in a gazette with a 登记号 system (registration_prefix); then its form and its year. */
function checkRegistration(corpus: Corpus, document: Checked, code: string, year: number | undefined): void {
  const { data, file, placeOf } = document;
  const prefix = corpus.config.registration_prefix;
  if (!prefix) {
    report(
      file,
      `本刊没有登记号制度（gazette.config.yaml 中没有 registration_prefix），却写了登记号 ${code}：请删去 registration_code 这一行；如本刊确有登记号，应在配置中添加 registration_prefix（如 registration_prefix: ABCR）`,
      placeOf(['registration_code']),
      'registration-code',
    );
    return;
  }
  const parsed = parseRegistrationCode(code, prefix);
  if (!parsed) {
    const example = formatRegistrationCode({ prefix, year: year ?? examples(corpus).year, serial: 1 });
    report(file, `登记号 ${code} 格式有误：应为 ${registrationForm(prefix)}，如 ${example}`, placeOf(['registration_code'], { value: true }), 'registration-code');
  } else if (year !== undefined && parsed.year !== year) {
    report(file, `登记号年份 ${parsed.year} 与成文日期 ${data.date} 的年份不一致：请核对其一`, placeOf(['registration_code'], { value: true }), 'registration-code');
  }
}

/** This corpus's examples for messages, made once per corpus (they sort every document), only when a message needs one. */
const examplesOf = new WeakMap<Corpus, ContentExamples>();
function examples(corpus: Corpus): ContentExamples {
  let made = examplesOf.get(corpus);
  if (!made) examplesOf.set(corpus, (made = contentExamples(corpus.config, corpusExampleSource(corpus))));
  return made;
}

function exampleDocNumber(corpus: Corpus): string {
  return examples(corpus).docNumber;
}

function checkUnique(
  documents: Checked[],
  keyOf: (document: Checked) => string,
  field: string,
  label: string,
  ruleId: RuleId,
): void {
  const byKey = new Map<string, Checked[]>();
  for (const document of documents) {
    const key = keyOf(document);
    const group = byKey.get(key);
    if (group) group.push(document);
    else byKey.set(key, [document]);
  }
  for (const [key, group] of byKey) {
    if (group.length < 2) continue;
    for (const document of group) {
      const others = group.filter((other) => other !== document).map((other) => other.file.path);
      report(document.file, `${label} ${key} 重复，另见 ${others.join('、')}：同一文件只保留一份，或改正其中的${label}`, document.placeOf([field], { value: true }), ruleId);
    }
  }
}

function checkIssue(corpus: Corpus, issue: LoadedIssue, unpublished: readonly UnpublishedDocument[]): void {
  const { data, file, placeOf } = issue;
  checkIssueAddress(corpus, issue);
  const configured = corpus.config.sections.map((section) => section.name);
  data.sections.forEach((section, index) => {
    if (!configured.includes(section)) {
      report(file, `栏目「${section}」未在配置中登记：请改为 ${configured.join('、')} 之一，或在 gazette.config.yaml 中添加`, placeOf(['sections', index], { value: true }), 'section');
    }
  });

  if (data.contents.length === 0) {
    report(file, `本期目录为空：添加文件后请把文件名写入 contents（npm run new -- doc ${issue.key} … 会自动加入）`, placeOf(['contents']), 'issue-contents', 'warning');
  }
  const bySlug = new Map(issue.documents.map((document) => [document.slug, document]));
  const listed = new Set<string>();
  data.contents.forEach((slug, index) => {
    const place = placeOf(['contents', index], { value: true });
    if (listed.has(slug)) report(file, `目录中 ${slug} 出现了两次：请删除重复的一项`, place, 'issue-contents');
    listed.add(slug);
    if (!issue.slugs.includes(slug)) report(file, `目录列出的 ${slug} 在本期文件夹中没有对应文件：请添加 ${issue.folder}/${slug}.md，或从目录中删除`, place, 'issue-contents');
  });
  // Its documents, with those whose own front matter has errors (checked on the fields that are valid).
  const documents: Checked[] = [...issue.documents, ...unpublished];
  for (const document of documents) {
    if (!listed.has(document.slug)) {
      report(document.file, `本文件未列入 ${issue.folder}/issue.md 的目录（contents）：请把 ${document.slug} 加到目录的相应位置`, { line: 1, column: 1 }, 'issue-contents');
    }
    if (document.data.section !== undefined && !data.sections.includes(document.data.section)) {
      report(document.file, `栏目「${document.data.section}」不是本期的栏目：应为 ${data.sections.join('、')} 之一`, document.placeOf(['section'], { value: true }), 'section');
    }
    if (document.data.date !== undefined && document.data.date > data.published) {
      report(document.file, `成文日期 ${document.data.date} 晚于本期出版日期 ${data.published}：请核对成文日期`, document.placeOf(['date'], { value: true }), 'date');
    }
  }

  let previous: LoadedDocument | undefined;
  for (const slug of data.contents) {
    const document = bySlug.get(slug);
    if (!document) continue;
    if (previous && document.data.page < previous.data.page) {
      report(document.file, `页码 ${document.data.page} 小于目录中前一篇（${previous.slug}）的页码 ${previous.data.page}：请核对页码或目录顺序`, document.placeOf(['page'], { value: true }), 'page-order');
    }
    previous = document;
  }
}

/**
 * The issue's number fits the 刊期 (issue-number), and its year and number agree with its folder (issue-folder). The
 * folder rule offers each fix that leads to an issue the 刊期 has: change the front matter to the folder, or move it.
 */
function checkIssueAddress(corpus: Corpus, issue: LoadedIssue): void {
  const { data, file, placeOf } = issue;
  const { frequency, issue_unit: unit } = corpus.config;
  const name = issueNumberName(unit);
  const written = { year: data.year, number: data.number };
  const problem = numberProblem(frequency, written, unit);
  if (problem) report(file, `${name} ${data.number} 与刊期不符：${problem}`, placeOf(['number'], { value: true }), 'issue-number');
  const expectedFolder = issueFolder(written);
  if (issue.folder === expectedFolder) return;
  const { year, number } = issue.address;
  const edits = [...(data.year !== year ? [`year 改为 ${year}`] : []), ...(data.number !== number ? [`number 改为 ${number}`] : [])];
  const fixes = [
    ...(fitsYear(frequency, number) ? [`如文件夹无误，请把 ${edits.join('、')}`] : []),
    ...(fitsYear(frequency, data.number) ? [`如${name}无误，请把本期移到 ${expectedFolder}/`] : []),
  ];
  const fix = fixes.length > 0 ? fixes.join('；') : `${issue.folder} 和 ${expectedFolder} 都不是${frequency}的一${unit}：请先按刊期改正 number，再把本期移到相应的文件夹`;
  report(file, `期刊文件夹 ${issue.folder} 与年份 ${data.year}、${name} ${data.number} 不符：${fix}`, placeOf(['number'], { value: true }), 'issue-folder');
}

function checkSequence(issues: LoadedIssue[], unit: IssueUnit): void {
  const sorted = [...issues].sort((a, b) => compareCodePoints(a.key, b.key));
  const totals = new Map<number, LoadedIssue>();
  const total = totalNumberName(unit);
  sorted.forEach((issue, index) => {
    const other = totals.get(issue.data.total_number);
    if (other) {
      report(issue.file, `${total} ${issue.data.total_number} 与 ${other.file.path} 重复：请改正`, issue.placeOf(['total_number'], { value: true }), 'issue-sequence');
    }
    totals.set(issue.data.total_number, issue);
    const previous = sorted[index - 1];
    if (!previous) return;
    const step = issue.data.total_number - previous.data.total_number;
    if (step < 1) {
      report(issue.file, `${total} ${issue.data.total_number} 不大于前一期（${issueLabel(previous.address, unit)}）的 ${previous.data.total_number}：${total}应逐期加一`, issue.placeOf(['total_number'], { value: true }), 'issue-sequence');
    } else if (step > 1) {
      report(issue.file, `${total}从 ${totalLabel(previous.data.total_number, unit)}（${issueLabel(previous.address, unit)}）跳到 ${totalLabel(issue.data.total_number, unit)}：中间缺 ${step - 1} ${unit}，如属实可忽略`, issue.placeOf(['total_number'], { value: true }), 'issue-sequence', 'warning');
    }
  });
}
