// Cross-document rules that need the whole corpus: 发文字号 and 登记号 form, agreement and uniqueness; issue 目录 and 栏目.
import type { Corpus, LoadedDocument, LoadedIssue } from './load-corpus.ts';
import { documentSlug, formatDocNumber, issuerForCode, parseDocNumber, parseLooseDocNumber } from '../gazette/doc-number.ts';
import { report, type RuleId } from './rules.ts';
import { contentExamples, corpusExampleSource } from './examples.ts';
import { compareCodePoints } from '../gazette/order.ts';


/** Run every corpus rule; messages land on the files. */
export function validateCorpus(corpus: Corpus): void {
  for (const document of corpus.documents) checkDocument(corpus, document);
  checkUnique(corpus.documents, (document) => document.data.doc_number, 'doc_number', '发文字号', 'unique-doc-number');
  checkUnique(
    corpus.documents.filter((document) => document.data.registration_code),
    (document) => document.data.registration_code!,
    'registration_code',
    '登记号',
    'unique-registration-code',
  );
  for (const issue of corpus.issues) checkIssue(corpus, issue);
  checkSequence(corpus.issues);
}

function checkDocument(corpus: Corpus, document: LoadedDocument): void {
  const { data, file, placeOf } = document;
  const at = (key: string) => placeOf([key], { value: true });
  const year = Number(data.date.slice(0, 4));

  const number = parseDocNumber(data.doc_number);
  if (!number) {
    const loose = parseLooseDocNumber(data.doc_number);
    const fix = loose ? `，应为 ${formatDocNumber(loose)}` : `，格式为 机关代字〔年份〕序号号，如 ${contentExamples(corpus.config, corpusExampleSource(corpus)).docNumber}`;
    report(file, `发文字号 ${data.doc_number} 不符合 GB/T 9704：年份应使用六角括号〔〕，序号不编虚位${fix}`, at('doc_number'), 'doc-number');
  } else {
    const owner = issuerForCode(corpus.config.issuers, number.code);
    if (!owner) {
      const codes = corpus.config.issuers.flatMap((issuer) => issuer.codes.map((code) => code.code));
      report(file, `机关代字「${number.code}」未在配置中登记：请改为已登记的代字（${codes.join('、')}），或在 gazette.config.yaml 的 issuers 中添加`, at('doc_number'), 'doc-number-issuer');
    } else {
      if (!data.issuers.includes(owner.issuer)) {
        report(file, `机关代字「${number.code}」属于 ${owner.issuer}，但发文机关是 ${data.issuers.join('、')}：请核对发文字号或发文机关`, at('issuers'), 'doc-number-issuer');
      }
      const expected = documentSlug(owner.slug, number);
      if (document.slug !== expected) {
        report(file, `文件名 ${document.slug}.md 与发文字号不对应：请改名为 ${expected}.md`, { line: 1, column: 1 }, 'file-name');
      }
    }
    if (number.year !== year) {
      report(file, `发文字号年份 ${number.year} 与成文日期 ${data.date} 的年份不一致：请核对其一`, at('doc_number'), 'doc-number-year');
    }
  }

  const known = corpus.config.issuers.map((issuer) => issuer.name);
  data.issuers.forEach((issuer, index) => {
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
    const fix = loose ? `，应为 ${formatDocNumber(loose)}` : '，格式为 机关代字〔年份〕序号号';
    report(file, `${String(path[0])} 中的发文字号 ${value} 不符合 GB/T 9704${fix}`, placeOf(path, { value: true }), 'doc-number');
  }

  const types = corpus.config.types.map((type) => type.name);
  if (!types.includes(data.type)) {
    report(file, `文种「${data.type}」未在配置中登记：请改为 ${types.join('、')} 之一，或在 gazette.config.yaml 的 types 中添加`, at('type'), 'type');
  }

  if (data.registration_code !== undefined) {
    const prefix = corpus.config.registration_prefix;
    const match = new RegExp(`^${prefix}-(\\d{4})-(\\d{5})$`).exec(data.registration_code);
    if (!match) {
      report(file, `登记号 ${data.registration_code} 格式有误：应为 ${prefix}-年份-五位序号，如 ${prefix}-${year}-00001`, at('registration_code'), 'registration-code');
    } else if (Number(match[1]) !== year) {
      report(file, `登记号年份 ${match[1]} 与成文日期 ${data.date} 的年份不一致：请核对其一`, at('registration_code'), 'registration-code');
    }
  }

  if (data.valid_until !== undefined && data.valid_until < data.date) {
    report(file, `有效期至 ${data.valid_until} 早于成文日期 ${data.date}：请核对`, at('valid_until'), 'date');
  }
}

function checkUnique(
  documents: LoadedDocument[],
  keyOf: (document: LoadedDocument) => string,
  field: string,
  label: string,
  ruleId: RuleId,
): void {
  const byKey = new Map<string, LoadedDocument[]>();
  for (const document of documents) byKey.set(keyOf(document), [...(byKey.get(keyOf(document)) ?? []), document]);
  for (const [key, group] of byKey) {
    if (group.length < 2) continue;
    for (const document of group) {
      const others = group.filter((other) => other !== document).map((other) => other.file.path);
      report(document.file, `${label} ${key} 重复，另见 ${others.join('、')}：同一文件只保留一份，或改正其中的${label}`, document.placeOf([field], { value: true }), ruleId);
    }
  }
}

function checkIssue(corpus: Corpus, issue: LoadedIssue): void {
  const { data, file, placeOf } = issue;
  const expectedFolder = `${data.year}/${String(data.number).padStart(2, '0')}`;
  if (issue.folder !== expectedFolder) {
    report(file, `期刊文件夹 ${issue.folder} 与年份 ${data.year}、期号 ${data.number} 不符：请移到 ${expectedFolder}/`, placeOf(['number'], { value: true }), 'issue-folder');
  }
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
  for (const document of issue.documents) {
    if (!listed.has(document.slug)) {
      report(document.file, `本文件未列入 ${issue.folder}/issue.md 的目录（contents）：请把 ${document.slug} 加到目录的相应位置`, { line: 1, column: 1 }, 'issue-contents');
    }
    if (!data.sections.includes(document.data.section)) {
      report(document.file, `栏目「${document.data.section}」不是本期的栏目：应为 ${data.sections.join('、')} 之一`, document.placeOf(['section'], { value: true }), 'section');
    }
    if (document.data.date > data.published) {
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

function checkSequence(issues: LoadedIssue[]): void {
  const sorted = [...issues].sort((a, b) => compareCodePoints(a.key, b.key));
  const totals = new Map<number, LoadedIssue>();
  sorted.forEach((issue, index) => {
    const other = totals.get(issue.data.total_number);
    if (other) {
      report(issue.file, `总期号 ${issue.data.total_number} 与 ${other.file.path} 重复：请改正`, issue.placeOf(['total_number'], { value: true }), 'issue-sequence');
    }
    totals.set(issue.data.total_number, issue);
    const previous = sorted[index - 1];
    if (!previous) return;
    const step = issue.data.total_number - previous.data.total_number;
    if (step < 1) {
      report(issue.file, `总期号 ${issue.data.total_number} 不大于前一期（${previous.key}）的 ${previous.data.total_number}：总期号应逐期加一`, issue.placeOf(['total_number'], { value: true }), 'issue-sequence');
    } else if (step > 1) {
      report(issue.file, `总期号从 ${previous.data.total_number}（${previous.key}）跳到 ${issue.data.total_number}：中间缺 ${step - 1} 期，如属实可忽略`, issue.placeOf(['total_number'], { value: true }), 'issue-sequence', 'warning');
    }
  });
}
