// Builds a document's front matter: 发文字号, 登记号, 成文日期 and 发文机关 from the 落款, 栏目, 文种, 页码, 施行日期, 有效期至.
import type { DocumentFrontMatter, GazetteConfig } from '../content/schema.ts';
import { documentSlug, formatDocNumber } from '../gazette/doc-number.ts';
import { isoFromChineseDate } from './line-patterns.ts';
import type { Block } from './classify-blocks.ts';
import type { RenderedBlock } from './render-body.ts';
import type { ContentsEntry } from './parse-contents.ts';
import type { DocHeading } from './split-documents.ts';
import type { Notes } from './review-notes.ts';
import { typeOfTitle } from '../gazette/titles.ts';
import { DOCUMENT_FIELDS } from '../gazette/fields.ts';

export interface FrontMatterInput {
  heading: DocHeading;
  blocks: Block[];
  rendered: RenderedBlock[];
  entry?: ContentsEntry;
  config: GazetteConfig;
  /** 出版日期 of the issue: the placeholder for a missing 成文日期 */
  published: string;
  /** 栏目 and page when the 目录 does not give them, with why */
  section: { name: string; why?: string };
  page: { value: number; why?: string };
}

export interface BuiltFrontMatter {
  slug: string;
  data: DocumentFrontMatter;
  /** key → why its value is a guess: left in the file as a `# 待核对：…` comment on the key's line */
  guesses: Record<string, string>;
}

const VALID_UNTIL = /有效期至(\d{4}年\d{1,2}月\d{1,2}日)/u;
const EFFECTIVE = /自(\d{4}年\d{1,2}月\d{1,2}日)起(?:施行|执行|实施)/u;
const VALID_FOR = /有效期(?:为|限为)?([一二三四五六七八九十\d]{1,3})年/u;

export function buildFrontMatter(input: FrontMatterInput, notes: Notes): BuiltFrontMatter {
  const { heading, blocks, rendered, entry, config } = input;
  const docNumber = formatDocNumber(heading.number);
  const { owner } = heading;
  const at = heading.numberLine.n;
  const titleLine = heading.titleLines[0]?.n ?? at;
  const guesses: Record<string, string> = {};
  if (heading.titleGuessed) guesses.title = '标题从哪一行起是推断的';

  // 落款: the first one with a date gives 成文日期 and 发文机关.
  const signature = blocks.find((block) => block.kind === 'signature' && !block.undated) ?? blocks.find((block) => block.kind === 'signature');
  let date = signature && !signature.undated ? isoFromChineseDate(signature.lines.at(-1)!) : undefined;
  if (!signature) {
    notes.warn(at, 'import-signature', `${docNumber} 没有找到落款（发文机关 + 成文日期）：成文日期暂填本期出版日期 ${input.published}，请按印刷件改正 date`);
  } else if (!signature.undated && !date) {
    notes.warn(signature.segs.at(-1)!.line, 'import-signature', `落款日期「${signature.lines.at(-1)}」不是有效日期：成文日期暂填本期出版日期，请核对`);
  }
  if (!date) guesses.date = `成文日期暂填本期出版日期（${signature && !signature.undated ? '落款日期无效' : '没有落款日期'}）`;
  date ??= input.published;
  if (Number(date.slice(0, 4)) !== heading.number.year && signature && !signature.undated) {
    notes.warn(signature.segs.at(-1)!.line, 'import-signature', `成文日期 ${date} 与发文字号 ${docNumber} 的年份不同：请核对落款日期或文号`);
  }

  const known = (organ: string) => config.issuers.some((issuer) => issuer.name === organ);
  // 发文机关: the 落款's organs; without a 落款, the organs of a joint 版头; else the owner of the 机关代字.
  const signed = signature ? signature.lines.slice(0, signature.undated ? undefined : -1) : [];
  const organs = signed.length > 0 ? signed : heading.banner.length > 1 && heading.banner.every(known) ? heading.banner : [];
  const configured = organs.filter(known);
  const issuers = configured.length === organs.length && organs.length > 0 ? organs : [owner.issuer];
  if (signed.length === 0 && organs.length > 0) notes.info(at, 'import-signature', `没有落款：发文机关取版头的 ${organs.join('、')}`);
  if (organs.length > 0 && configured.length !== organs.length) {
    guesses.issuers = `发文机关暂填（落款机关 ${organs.join('、')} 未全部在配置中登记，取机关代字对应的机关）`;
    notes.warn(signature!.segs[0]!.line, 'import-signature', `落款机关「${organs.join('、')}」未全部在配置中登记：发文机关取机关代字对应的 ${owner.issuer}，请核对或在配置中添加`);
  } else if (organs.length > 0 && !organs.includes(owner.issuer)) {
    notes.warn(signature!.segs[0]!.line, 'import-signature', `落款机关「${organs.join('、')}」与机关代字 ${heading.number.code} 的发文机关 ${owner.issuer} 不同：请核对`);
  }

  let registration = heading.registration?.code;
  if (!registration && entry?.registration) {
    registration = entry.registration;
    notes.warn(at, 'import-heading', `登记号 ${registration} 只印在目录里（第 ${entry.line} 行），正文文号下没有：已采用，请核对`);
  } else if (registration && entry?.registration && entry.registration !== registration) {
    notes.warn(heading.registration!.line, 'import-heading', `登记号 ${registration} 与目录中的 ${entry.registration} 不同：采用正文的，请核对`);
  }
  if (registration && !registration.startsWith(`${config.registration_prefix}-`)) {
    notes.warn(heading.registration?.line ?? at, 'import-heading', `登记号 ${registration} 的前缀不是配置的 ${config.registration_prefix}：请核对`);
  }

  let type = typeOfTitle(heading.title, config.types);
  if (!type) {
    type = config.types[0]!.name;
    guesses.type = '文种暂填（标题末尾不是已配置的文种）';
    notes.warn(titleLine, 'import-front-matter', `标题末尾不是已配置的文种：文种暂填「${type}」，请改正 type（或在配置的 types 中添加）`);
  }

  // A date the text states (施行日期, 有效期至): the first one, with a note; each later one is a warning.
  const found: Record<'effective' | 'valid_until', string | undefined> = { effective: undefined, valid_until: undefined };
  const take = (field: keyof typeof found, match: RegExpExecArray | null, line: number, later: string) => {
    if (!match) return;
    const { label } = DOCUMENT_FIELDS[field];
    if (found[field]) return notes.warn(line, 'import-front-matter', `正文中又一处${label}：${field} 取第一处 ${found[field]}，请核对${later}`);
    found[field] = isoFromChineseDate(match[1]!);
    notes.info(line, 'import-front-matter', `${label} ${found[field]}（取自正文）`);
  };
  for (const block of rendered) {
    const text = block.markdown.replace(/\s+/g, '');
    take('effective', EFFECTIVE.exec(text), block.line, '（附件中的办法另有施行日期时，以本文件为准）');
    const match = VALID_UNTIL.exec(text);
    take('valid_until', match, block.line, '');
    if (!match && VALID_FOR.test(text) && !found.valid_until) {
      notes.warn(block.line, 'import-front-matter', '正文写明了有效期的年数，但没有“有效期至”日期：请按施行日期算出 valid_until 并填写');
    }
  }
  const { effective, valid_until: validUntil } = found;

  if (input.section.why) {
    notes.warn(at, 'import-front-matter', `栏目暂填「${input.section.name}」：${input.section.why}`);
    guesses.section = `栏目暂填（${input.section.why}）`;
  }
  if (input.page.why) {
    notes.warn(at, 'import-front-matter', `页码暂填 ${input.page.value}：${input.page.why}`);
    guesses.page = `页码暂填（${input.page.why}）`;
  }

  const slug = documentSlug(owner.slug, heading.number);
  const data: DocumentFrontMatter = {
    title: heading.title,
    doc_number: docNumber,
    registration_code: registration,
    date,
    issuers,
    section: input.section.name,
    type,
    page: input.page.value,
    effective,
    valid_until: validUntil,
  };
  return { slug, data, guesses };
}
