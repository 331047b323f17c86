// Synthetic noisy input: prints a committed issue back to "extracted text", with running heads, page breaks splitting
// paragraphs mid-sentence, half-width punctuation, `- ` debris and broken titles, deterministically from a seed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';

/** Deterministic pseudo-random numbers (LCG) so a failing seed can be replayed. */
export function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function iso(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

function chineseDate(value: string): string {
  const [y, m, d] = value.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Some full-width punctuation back to half width, as extraction mixes them. */
function halfWidth(text: string, rnd: () => number): string {
  if (rnd() < 0.6) return text;
  return text.replace(/[，：；（）]/g, (char) => ({ '，': ',', '：': ':', '；': ';', '（': '(', '）': ')' })[char]!);
}

const TERMINAL = /[。！？；：…”’」』）》】)\]!?;:，、,]/u;
const MARKER = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,3}[、.．]|第)/u;

export interface PrintOptions {
  seed: number;
  /** running head printed at page breaks; default: the document's 栏目 */
  head?: (section: string) => string;
  /** document slugs to leave out (e.g. the one with a table) */
  skip?: string[];
}

/** Print the committed issue in `folder` as raw text; returns the text and the slugs printed. */
export function printIssue(folder: string, options: PrintOptions): { text: string; slugs: string[] } {
  const rnd = random(options.seed);
  const issue = matter(readFileSync(path.join(folder, 'issue.md'), 'utf8')).data as Record<string, unknown>;
  const slugs = (issue.contents as string[]).filter((slug) => !options.skip?.includes(slug));
  const documents = slugs.map((slug) => {
    const parsed = matter(readFileSync(path.join(folder, `${slug}.md`), 'utf8'));
    return { slug, data: parsed.data as Record<string, unknown>, body: parsed.content };
  });
  const out: string[] = [];
  const line = (text = '') => out.push(text);

  line('永州政报');
  line();
  line(`${issue.year}年第${issue.number}期`);
  line(`(总第${issue.total_number}期)`);
  line();
  line('主管');
  line('永州市人民政府');
  line();
  line('主办');
  line('永州市人民政府办公室');
  line();
  line('编辑委员会');
  line();
  for (const entry of issue.editorial_board as { role: string; members: string[] }[]) {
    line(`${entry.role}:${entry.members.map((name) => (name.length === 2 && rnd() < 0.5 ? `${name[0]} ${name[1]}` : name)).join(' ')}`);
  }
  line();
  line('永州市人民政府机关刊物');
  line();
  for (const statement of issue.statements as string[]) {
    line(statement);
    line();
  }
  line('目 录');
  line();
  let section = '';
  for (const document of documents) {
    if (document.data.section !== section) {
      section = String(document.data.section);
      line(`【${section}】`);
      line();
    }
    const number = String(document.data.doc_number).replace(/〔(\d{4})〕/, rnd() < 0.5 ? '[$1]' : '($1)');
    const registration = document.data.registration_code ? ` ${document.data.registration_code}` : '';
    line(`${halfWidth(String(document.data.title), rnd)}\t(${number}${registration})\t(${document.data.page})`);
  }
  line();
  line(`出版日期:${chineseDate(iso(issue.published))}`);
  line();

  for (const document of documents) {
    const head = options.head?.(String(document.data.section)) ?? String(document.data.section);
    const title = String(document.data.title).replace(/^(永州市人民政府(?:办公室)?)/, rnd() < 0.5 ? '$1 ' : '$1\n\n');
    line(title.replace(/《(.{6})/, (whole, start: string) => (rnd() < 0.5 ? `《${start} ` : whole)));
    line();
    line(String(document.data.doc_number));
    line();
    if (document.data.registration_code) {
      line(String(document.data.registration_code));
      line();
    }
    let sincePageBreak = 0;
    let debris = false;
    const blocks = document.body.trim().split(/\n{2,}/);
    for (const [index, block] of blocks.entries()) {
      if (block.startsWith('## ')) {
        line(block.slice(3));
        line();
        continue;
      }
      if (block.startsWith('- ')) {
        block.split('\n').forEach((item, index) => line(`${index === 0 ? '- ' : ''}${item.slice(2).replace(/\u3000/, ' ')}`));
        line();
        continue;
      }
      if (block.startsWith('<') || block.startsWith('|')) {
        line(block);
        line();
        continue;
      }
      const lines = block.split('\n');
      if (lines.length > 1) {
        // 落款 and 附件说明 keep their lines; the 附件说明 prints one item per paragraph, as extraction does.
        const attachmentList = /^附件?[:：]/.test(lines[0]!);
        for (const kept of lines) {
          line(kept);
          if (attachmentList) line();
        }
        line();
        continue;
      }
      let text = block.replace(/\u3000/, ' ');
      if (/^\d{1,3}、/.test(text) && rnd() < 0.3) debris = !debris;
      const prefix = debris && /^\d{1,3}、/.test(text) ? '- ' : '';
      sincePageBreak += text.length;
      if (sincePageBreak > 600 && text.length > 60 && !text.includes('\u3000')) {
        const at = splitPoint(text, rnd);
        if (at !== undefined) {
          line(halfWidth(prefix + text.slice(0, at), rnd));
          line();
          if (rnd() < 0.8) {
            line(head);
            line();
          }
          text = text.slice(at);
          sincePageBreak = text.length;
          line(halfWidth(text, rnd));
          line();
          continue;
        }
      }
      line(prefix ? prefix + text : halfWidth(text, rnd));
      // `- ` debris comes in runs of lines with no blank between, as in the seed.
      if (!prefix || !/^\d{1,3}、/.test(blocks[index + 1] ?? '') || rnd() < 0.3) line();
    }
    line();
  }
  return { text: out.join('\n'), slugs };
}

/** A point to break a paragraph at, mid-sentence: not after punctuation, not before a numbering marker. */
function splitPoint(text: string, rnd: () => number): number | undefined {
  for (let attempt = 0; attempt < 20; attempt++) {
    const at = 30 + Math.floor(rnd() * (text.length - 40));
    const before = text[at - 1] ?? '';
    const after = text.slice(at);
    if (!/\p{Script=Han}/u.test(before) || TERMINAL.test(text[at] ?? '') || MARKER.test(after)) continue;
    if (/[：:]/.test(before)) continue;
    return at;
  }
  return undefined;
}
