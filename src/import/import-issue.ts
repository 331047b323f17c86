// The importer as one pure function: raw lines + config → the issue file, one Markdown file per document, and review notes.
import type { DocumentFrontMatter, GazetteConfig, IssueFrontMatter } from '../content/schema.ts';
import { formatDocNumber } from '../gazette/doc-number.ts';
import type { RawLine } from './line-patterns.ts';
import { firstAtOrAfter } from './line-search.ts';
import { Notes } from './review-notes.ts';
import { parseCover, type Cover } from './parse-cover.ts';
import { findContentsHeading, parseContents, type Contents, type ContentsEntry } from './parse-contents.ts';
import { detectRunningHeads, type RunningHeads } from './detect-running-heads.ts';
import { findNumberLines, splitDocuments, type DocHeading } from './split-documents.ts';
import { contentsByNumber, matchContents } from './match-contents.ts';
import { segmentBody } from './segment-body.ts';
import { classifyBlocks } from './classify-blocks.ts';
import { repairNumbering } from './repair-numbering.ts';
import { joinParagraphs } from './join-paragraphs.ts';
import { renderBody, type RenderedBlock } from './render-body.ts';
import { buildFrontMatter } from './build-front-matter.ts';
import { documentFileText, issueFileText } from './write-issue.ts';
import { contentExamples, type ExampleSource } from '../content/examples.ts';
import { issueFolder, issueLabel, issueNumberName, parsePrintedLabels, totalNumberName } from '../gazette/issue-address.ts';
import { noteCitedBrackets } from './cited-brackets.ts';
import { scheduledDate } from '../gazette/issue-calendar.ts';

export interface ImportOptions {
  config: GazetteConfig;
  /** year and 期号 of the output folder (`--out …/2018/02`): used when the cover has none; a disagreement is an error */
  target?: { year: number; number: number };
  /** 总期号 of the issue before this one in the content folder, for a cover that prints none */
  previousTotal?: number;
  /** what the content folder offers the examples in messages (content/examples.ts corpusExampleSource) */
  exampleSource?: ExampleSource;
}

export interface ImportedDocument {
  slug: string;
  data: DocumentFrontMatter;
  body: string;
  blocks: RenderedBlock[];
  heading: DocHeading;
  entry?: ContentsEntry;
  /** front-matter key → why its value is a guess (a `# 待核对：…` comment in the file) */
  guesses: Record<string, string>;
  /** paired with its 目录 entry by title: the titles' similarity */
  similarity?: number;
}

export interface ImportResult {
  notes: Notes;
  cover: Cover;
  contents: Contents;
  heads: RunningHeads;
  issue?: IssueFrontMatter;
  /** in 目录 order */
  documents: ImportedDocument[];
  /** 目录 entries no document was found for */
  orphans: ContentsEntry[];
  /** file name (issue.md, <slug>.md) → text */
  files: { name: string; text: string }[];
}

export function importIssue(input: RawLine[], options: ImportOptions): ImportResult {
  const { config } = options;
  const notes = new Notes();
  const examples = contentExamples(config, options.exampleSource);
  const empty: Contents = { sections: [], entries: [], lastIndex: -1 };
  const nothing = (heads: RunningHeads, contents: Contents = empty): ImportResult => ({ notes, cover: { editorialBoard: [], statements: [] }, contents, heads, documents: [], orphans: [], files: [] });
  const contentsAt = findContentsHeading(input);

  // Not a gazette at all: no 目录 and no issue label on its first pages.
  if (contentsAt < 0 && !input.slice(0, 120).some((line) => parsePrintedLabels(line.text).issue)) {
    notes.error(input.find((line) => line.text)?.n ?? 1, 'import-input', `这不像一期政报的全文：开头没有“${examples.issueLabel}”这样的年份和${issueNumberName(config.issue_unit)}，也没有“目录”。请导入从政报印刷版 PDF 提取出的整期全文`);
    return nothing({ removed: new Map(), edits: new Map(), heads: [], pages: [] });
  }

  // First pass: where the 目录 ends and which 栏目 it names (its notes are not kept; the real parse comes later).
  const firstNumbers = findNumberLines(input, Math.max(0, contentsAt), new Map(), config);
  const firstDoc = firstNumbers[0] ?? input.length;
  const firstStart = firstNumbers.length > 0 ? splitDocuments(input, [firstDoc], new Map(), new Map(), config, new Notes())[0]!.start : firstDoc;
  const draft = contentsAt >= 0 && contentsAt < firstStart ? parseContents(input.slice(contentsAt + 1, firstStart), config, new Notes()) : undefined;
  const docsFrom = draft && draft.entries.length > 0 ? contentsAt + 2 + draft.lastIndex : Math.max(0, firstStart - 2);
  const sectionNames = [...(draft?.sections.map((section) => section.name) ?? []), ...config.sections.map((section) => section.name)];
  const heads = detectRunningHeads(input, docsFrom, sectionNames, config, notes);
  // Lines a running head was cut out of.
  const lines = heads.edits.size === 0 ? input : input.map((line, index) => (heads.edits.has(index) ? { ...line, text: heads.edits.get(index)! } : line));

  const numberLines = findNumberLines(lines, docsFrom, heads.removed, config, notes);
  if (numberLines.length === 0) {
    if (!notes.failed) notes.error(lines.find((line) => line.text)?.n ?? 1, 'import-input', `没有找到任何文件：正文中没有单独成行、机关代字已在配置中登记的发文字号（如 ${examples.docNumber}）。请确认这是政报的全文、--config 是这种政报的配置，或检查文号行是否与标题连在了一行`);
    return nothing(heads, draft ?? empty);
  }

  const headings = splitDocuments(lines, numberLines, heads.removed, contentsByNumber(draft ?? empty, new Notes()), config, notes);
  const coverEnd = headings[0]!.start;
  let contents = empty;
  if (contentsAt >= 0 && contentsAt < coverEnd) {
    contents = parseContents(lines.slice(contentsAt + 1, coverEnd), config, notes, lines[contentsAt]!.n);
    if (contents.entries.length === 0) notes.warn(lines[contentsAt]!.n, 'import-contents', '目录下没有读出任何条目（标题，或标题 + 发文字号）：目录按正文顺序生成，栏目和页码是推断的，请核对');
    else if (contents.entries.every((entry) => entry.page === undefined)) notes.warn(lines[contentsAt]!.n, 'import-contents', '目录没有印页码：页码按正文中的页码行推算，没有页码行时暂填，请核对每篇的 page');
  } else {
    notes.warn(lines[coverEnd]?.n ?? 1, 'import-contents', '没有找到“目录”：目录按正文顺序生成，栏目和页码是推断的，请核对');
  }
  // Messages show the issue being imported (from --out), else the newest issue of the content.
  const example = options.target
    ? { issue: options.target, ...(options.previousTotal !== undefined ? { total: options.previousTotal + 1 } : {}) }
    : { issue: examples.issue };
  const cover = parseCover(lines.slice(0, coverEnd), contentsAt < coverEnd ? contentsAt : -1, config, notes, example);

  // 年份/期号: the cover's, checked against --out.
  const issueLine = cover.issueLine ?? lines[0]?.n ?? 1;
  const year = cover.year ?? options.target?.year;
  const number = cover.number ?? options.target?.number;
  if (options.target && cover.number !== undefined && ((cover.year !== undefined && cover.year !== options.target.year) || cover.number !== options.target.number)) {
    notes.error(issueLine, 'import-output', `封面为 ${issueLabel({ year: cover.year ?? options.target.year, number: cover.number }, config.issue_unit)}，但 --out 指向 ${issueFolder(options.target)}：请改正 --out`);
  }
  if (year === undefined || number === undefined) {
    notes.error(issueLine, 'import-cover', `没有年份和${issueNumberName(config.issue_unit)}：封面上没有“${examples.issueLabel}”这样的年份和${issueNumberName(config.issue_unit)}，也没有 --out <年份>/<${issueNumberName(config.issue_unit)}>`);
  }

  const reconciled = matchContents(headings, contents, notes);
  if (notes.failed || year === undefined || number === undefined) {
    return { notes, cover, contents, heads, documents: [], orphans: reconciled.orphans, files: [] };
  }
  // No printed 出版日期: the date the 刊期 implies (parse-cover has flagged it), else the year's last day (不定期), and why.
  const guessed = cover.published === undefined ? guessPublished(config.frequency, year, number) : undefined;
  const published = cover.published ?? guessed!.date;
  const sectionDefault = contents.sections[0]?.name ?? config.sections[0]!.name;

  // Paragraphs separated by blank lines (as in most extractions): then lines without a blank between are one paragraph.
  const printed = lines.slice(coverEnd).filter((line) => line.text).length;
  const wraps = printed > 0 && lines.slice(coverEnd).filter((line, index, all) => line.text && !all[index + 1]?.text).length / printed >= 0.5;

  const documents: ImportedDocument[] = [];
  const pages = pageLocator(heads);
  const sectionHeads = sectionHeadLocator(heads, sectionNames);
  let previousPage = 0;
  let previousSection: string | undefined;
  for (const index of reconciled.order) {
    const heading = headings[index]!;
    const entry = reconciled.entryOf.get(index);
    const segs = segmentBody(lines, heading.bodyStart, heading.bodyEnd, heads.removed);
    if (segs.length === 0) notes.warn(heading.numberLine.n, 'import-heading', `${formatDocNumber(heading.number)} 的发文字号下没有正文：请核对原文是否缺页`);
    let blocks = classifyBlocks(segs, { config, issuer: heading.owner.issuer, notes });
    blocks = repairNumbering(blocks, notes);
    blocks = joinParagraphs(blocks, notes, { wraps });
    noteCitedBrackets(blocks, notes, config);
    const { body, blocks: rendered } = renderBody(blocks);

    const section = entry?.section ? { name: entry.section } : guessSection(heading, sectionHeads, previousSection, sectionDefault, contents);
    const page = entry?.page !== undefined ? { value: entry.page } : guessPage(heading, pages, previousPage, contents);
    if (page.value < previousPage) {
      page.why = `${page.why ? `${page.why}；` : ''}小于目录中前一篇的页码 ${previousPage}`;
    }
    const built = buildFrontMatter({ heading, blocks, rendered, entry, config, published, section, page }, notes);
    documents.push({ slug: built.slug, data: built.data, body, blocks: rendered, heading, entry, guesses: built.guesses, similarity: reconciled.similarity.get(index) });
    previousPage = Math.max(previousPage, built.data.page);
    previousSection = built.data.section;
  }

  const slugs = new Set<string>();
  for (const document of documents) {
    if (slugs.has(document.slug)) notes.error(document.heading.numberLine.n, 'import-heading', `两篇文件都得出文件名 ${document.slug}.md（发文字号 ${document.data.doc_number} 重复）：请核对文号`);
    slugs.add(document.slug);
  }

  // A guessed 出版日期 is no earlier than the latest 成文日期 printed in the issue.
  let issueDate = published;
  let publishedWhy = guessed?.why;
  const latest = documents.filter((document) => !document.guesses.date).map((document) => document.data.date).sort().at(-1);
  if (guessed && latest !== undefined && latest > published) {
    issueDate = latest;
    publishedWhy = `出版日期暂填本期最晚的成文日期（封面上没有；${guessed.basis} ${published} 早于它）`;
    notes.warn(lines[coverEnd]?.n ?? 1, 'import-cover', `${publishedWhy}：请按印刷件改正 published`);
  }

  const used = [...new Set(documents.map((document) => document.data.section))];
  const sections = contents.sections.length > 0 ? [...new Set([...contents.sections.map((section) => section.name), ...used])] : used;
  for (const section of contents.sections) {
    if (!config.sections.some((configured) => configured.name === section.name)) {
      notes.warn(section.line, 'import-contents', `栏目「${section.name}」未在配置中登记：请在配置的 sections 中添加（含 slug），否则校验不通过`);
    }
  }
  const totalNumber = cover.totalNumber ?? (options.previousTotal !== undefined ? options.previousTotal + 1 : 1);
  const issue: IssueFrontMatter = {
    year,
    number,
    total_number: totalNumber,
    published: issueDate,
    sections,
    contents: documents.map((document) => document.slug),
    editorial_board: cover.editorialBoard,
    statements: cover.statements,
  };
  const total = totalNumberName(config.issue_unit);
  const issueGuesses: Record<string, string> = {
    ...(cover.year === undefined ? { year: '年份取自 --out（封面上没有）' } : {}),
    ...(cover.number === undefined ? { number: `${issueNumberName(config.issue_unit)}取自 --out（封面上没有）` } : {}),
    ...(cover.totalNumber === undefined ? { total_number: options.previousTotal !== undefined ? `${total}按上一期加一推算（封面上没有）` : `${total}暂填 1（封面上没有，内容中也没有上一期）` } : {}),
    ...(publishedWhy !== undefined ? { published: publishedWhy } : {}),
  };
  const files = [
    { name: 'issue.md', text: issueFileText(issue, issueGuesses) },
    ...documents.map((document) => ({ name: `${document.slug}.md`, text: documentFileText(document.data, document.body, document.guesses) })),
  ];
  return { notes, cover, contents, heads, issue, documents, orphans: reconciled.orphans, files };
}

/** A 出版日期 the cover does not print: the date the 刊期 implies, else the year's last day; with what it is and why. */
function guessPublished(frequency: GazetteConfig['frequency'], year: number, number: number): { date: string; basis: string; why: string } {
  const scheduled = scheduledDate(frequency, { year, number });
  if (scheduled) return { date: scheduled, basis: '按刊期推算的', why: `出版日期按刊期（${frequency}）推算（封面上没有）` };
  return { date: `${year}-12-31`, basis: '当年最后一天', why: `出版日期暂填当年最后一天（封面上没有，刊期“${frequency}”推算不出）` };
}

/** The printed page marks, found by line index in one pass each way (the import stays linear in the number of pages). */
function pageLocator(heads: RunningHeads): { after: (index: number) => { index: number; page: number } | undefined; before: (index: number) => { index: number; page: number } | undefined } {
  const pages = heads.pages;
  return { after: (index) => pages[firstAtOrAfter(pages, index)], before: (index) => pages[firstAtOrAfter(pages, index) - 1] };
}

/** The 栏目 running heads in text order, for the documents missing from the 目录. */
function sectionHeadLocator(heads: RunningHeads, sectionNames: string[]): { index: number; text: string }[] {
  const names = new Set(sectionNames);
  return [...heads.removed]
    .filter(([, removed]) => removed.kind === 'head' && names.has(removed.text))
    .map(([index, removed]) => ({ index, text: removed.text }))
    .sort((a, b) => a.index - b.index);
}

/** A document missing from the 目录: the 栏目 of the running heads on its pages, else the previous document's. */
function guessSection(heading: DocHeading, sectionHeads: { index: number; text: string }[], previous: string | undefined, fallback: string, contents: Contents): { name: string; why?: string } {
  const counts = new Map<string, number>();
  for (let at = firstAtOrAfter(sectionHeads, heading.start - 4); at < sectionHeads.length && sectionHeads[at]!.index < heading.bodyEnd; at++) {
    counts.set(sectionHeads[at]!.text, (counts.get(sectionHeads[at]!.text) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  const missing = contents.entries.length > 0 ? '不在目录中' : '没有目录';
  if (best) return { name: best[0], why: `${missing}，取它所在页的页眉` };
  if (previous) return { name: previous, why: `${missing}，页上也没有栏目页眉，沿用前一篇的栏目` };
  return { name: fallback, why: `${missing}，页上也没有栏目页眉` };
}

/** A page the 目录 does not print: the printed page number after the title (a footer), else the previous document's page. */
function guessPage(heading: DocHeading, pages: ReturnType<typeof pageLocator>, previous: number, contents: Contents): { value: number; why?: string } {
  const reason = contents.entries.length > 0 ? '目录没有印这一篇的页码' : '没有目录';
  const after = pages.after(heading.start);
  if (after) return { value: after.page, why: `${reason}，按标题之后的第一个页码行（第 ${after.index + 1} 行）推算` };
  const before = pages.before(heading.start);
  if (before) return { value: before.page + 1, why: `${reason}，按标题之前的最后一个页码行（第 ${before.index + 1} 行）推算` };
  return { value: Math.max(1, previous), why: `${reason}，正文中也没有页码行` };
}
