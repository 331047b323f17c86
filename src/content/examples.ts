// Examples in messages, hints and placeholders come from the site's own config and corpus (its 机关代字, a real
// 发文字号, a word of a real title), never from one city.
import type { GazetteConfig } from './schema.ts';
import { documentSlug, formatDocNumber, issuerForCode, parseDocNumber } from '../gazette/doc-number.ts';
import { formatRegistrationCode } from '../gazette/registration-code.ts';
import { issueLabel, totalLabel, type IssueAddress } from '../gazette/issue-address.ts';
import { fieldLabelsIn } from '../gazette/fields.ts';
import { withoutTitleNote } from '../gazette/titles.ts';
import { byNewest, compareCodePoints } from '../gazette/order.ts';
import type { Corpus } from './load-corpus.ts';
import type { Fields } from './schema-messages.ts';

export interface ContentExamples {
  /** a real 发文字号 of the corpus, else one with the first configured 机关代字 and the newest year: 永政发〔2018〕3号 */
  docNumber: string;
  /** a real 登记号, else one with the configured prefix; null when the gazette has no 登记号 system */
  registrationCode: string | null;
  /** a word of a real title (就业创业), for search hints; null without documents */
  titleWord: string | null;
  /** the first configured 发文机关 */
  issuer: string;
  section: string;
  type: string;
  /** the file name (without .md) of `docNumber` */
  slug: string;
  /** the year of the examples: the newest content year, else the current year */
  year: number;
  /** the newest issue of the content, else number 1 of `year` */
  issue: IssueAddress;
  /** `issue` as printed on a cover, in the configured unit: 2020年第5号 */
  issueLabel: string;
  /** the newest issue's 总期号 as printed (总第55号), else the form with N (总第N期) */
  totalLabel: string;
}

/** What the corpus offers the examples (any of it may be missing while the content is still being loaded). */
export interface ExampleSource {
  /** the newest year of the content folder */
  year?: number;
  /** the newest issue of the content folder, with its 总期号 */
  issue?: IssueAddress & { total?: number };
  /** documents, newest first */
  documents?: readonly { title: string; doc_number: string; registration_code?: string | undefined; issuers: readonly string[] }[];
}

/** Words too general to show what a search finds. */
const GENERAL_WORDS = new Set(['关于', '工作', '做好', '进一步', '加强', '实施', '意见', '通知', '印发', '开展', '有关', '事项', '问题', '管理', '办法', '方案', '决定', '全市', '全省', '我市', '当前', '今后', '一段', '时期', '规定', '暂行', '试行']);

export function contentExamples(config: GazetteConfig, source: ExampleSource = {}): ContentExamples {
  // The first 发文机关 that has a 机关代字 (a configured issuer may have none).
  const issuer = config.issuers.find((candidate) => candidate.codes.length > 0) ?? config.issuers[0]!;
  const code = issuer.codes[0] ?? { code: '某政发', slug: 'mzf' };
  const year = source.year ?? source.issue?.year ?? new Date().getUTCFullYear();
  // The first document whose 发文字号 is in the standard form (parsed once).
  const real = source.documents?.flatMap((document) => {
    const parsed = parseDocNumber(document.doc_number);
    return parsed ? [{ document, parsed }] : [];
  })[0];
  const number = real?.parsed ?? { code: code.code, year, serial: 1 };
  const slugOfReal = real && issuerForCode(config.issuers, number.code)?.slug;
  const registered = source.documents?.find((document) => document.registration_code)?.registration_code;
  const issue = source.issue ? { year: source.issue.year, number: source.issue.number } : { year, number: 1 };
  return {
    docNumber: real?.document.doc_number ?? formatDocNumber(number),
    registrationCode: config.registration_prefix ? (registered ?? formatRegistrationCode({ prefix: config.registration_prefix, year, serial: 1 })) : null,
    titleWord: source.documents ? titleWord(source.documents, config) : null,
    issuer: real?.document.issuers[0] ?? issuer.name,
    section: config.sections[0]!.name,
    type: config.types[0]!.name,
    slug: documentSlug(slugOfReal ?? code.slug, number),
    year: number.year,
    issue,
    issueLabel: issueLabel(issue, config.issue_unit),
    totalLabel: totalLabel(source.issue?.total ?? 'N', config.issue_unit),
  };
}

/**
 * A word that stands for what a title is about (就业创业): the longest word of the first title that has one, after
 * its 发文机关, 关于 and 文种 are taken off, skipping general words. Words come from `Intl.Segmenter` (ICU).
 */
function titleWord(documents: NonNullable<ExampleSource['documents']>, config: GazetteConfig): string | null {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const types = config.types.map((type) => type.name);
  for (const document of documents) {
    let subject = withoutTitleNote(document.title);
    const about = subject.indexOf('关于');
    if (about >= 0) subject = subject.slice(about + 2);
    for (const type of types) if (subject.endsWith(type)) subject = subject.slice(0, -type.length);
    const words = [...segmenter.segment(subject)]
      .filter((segment) => segment.isWordLike && /^\p{Script=Han}{2,6}$/u.test(segment.segment) && !GENERAL_WORDS.has(segment.segment))
      .map((segment) => segment.segment);
    const word = words.reduce<string | undefined>((best, candidate) => (!best || candidate.length > best.length ? candidate : best), undefined);
    if (word) return word;
  }
  return null;
}

/** Front-matter examples (`key: value`) that depend on the config and corpus; the others are in `fieldLabels`. */
export function fieldExamples(config: GazetteConfig, source: ExampleSource = {}): Record<string, string> {
  const example = contentExamples(config, source);
  const second = config.sections[1]?.name;
  const parsed = parseDocNumber(example.docNumber)!;
  const later = (years: number) => formatDocNumber({ ...parsed, year: parsed.year + years });
  return {
    title: `title: ${example.issuer}关于……的${example.type}`,
    doc_number: `doc_number: ${example.docNumber}`,
    ...(example.registrationCode ? { registration_code: `registration_code: ${example.registrationCode}` } : {}),
    issuers: `issuers: [${example.issuer}]`,
    section: `section: ${example.section}`,
    type: `type: ${example.type}`,
    repealed_by: `repealed_by: ${later(2)}`,
    amended_by: `amended_by: [${later(1)}]`,
    sections: `sections: [${[example.section, second].filter(Boolean).join(', ')}]`,
    contents: `contents: [${example.slug}]`,
    year: `year: ${example.year}`,
    date: `date: ${example.year}-02-06`,
    published: `published: ${example.year}-02-28`,
    valid_until: `valid_until: ${example.year + 5}-02-28`,
  };
}

/**
 * Label and example of every front-matter key, for schema messages, in this gazette's forms: its issue unit (number is
 * 期号 or 号数) and the examples of `fieldExamples`.
 */
export function messageFields(config: GazetteConfig, source: ExampleSource = {}): Fields {
  const examples = fieldExamples(config, source);
  return Object.fromEntries(Object.entries(fieldLabelsIn(config.issue_unit)).map(([key, field]) => [key, { label: field.label, example: examples[key] ?? field.example }]));
}

/** The example source of a loaded corpus: its newest year and issue, and its documents, newest issue first. */
export function corpusExampleSource(corpus: Pick<Corpus, 'issues' | 'documents'>): ExampleSource {
  const documents = [...corpus.documents].sort(byNewest((document) => document.issueKey, (document) => document.data.doc_number));
  const newest = [...corpus.issues].sort((a, b) => compareCodePoints(a.key, b.key)).at(-1);
  return {
    year: newest?.address.year,
    ...(newest ? { issue: { ...newest.address, total: newest.data.total_number } } : {}),
    documents: documents.map((document) => document.data),
  };
}
