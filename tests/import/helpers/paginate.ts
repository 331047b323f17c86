// Prints a layout's source text as a PDF extraction would give it: page furniture (running heads, page marks) at each page
// break, at a chosen page offset, with paragraphs split where a printed line ends.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** How one gazette prints its pages (tests/import/layouts/<name>/layout.json). */
export interface Layout {
  /** characters per printed line (a paragraph's first line is indented by two) */
  width: number;
  /** printed lines per page, furniture excluded */
  pageLines: number;
  /** page number of the first body page */
  firstPage: number;
  /** lines at the top of every page, or of odd and even pages; `{n}` is the page number, `{section}` the current 栏目 */
  top?: string[];
  topOdd?: string[];
  topEven?: string[];
  /** lines at the bottom of every page */
  bottom?: string[];
  /** the furniture stands between blank lines (else it is printed right against the text) */
  blankAround: boolean;
  /** page offsets the test prints the layout at (0 is input.txt) */
  offsets: number[];
  /** 年份, 期号/号数 and 总期号 the cover prints */
  issue: { year: number; number: number; total: number };
  /** text of the running heads and page marks, none of which may be left in a body (as regular expressions) */
  furniture: string[];
  /** what the import must guess and flag: `file:key` (front matter) or `file:body` (a body comment) */
  guesses: string[];
}

export function readLayout(folder: string): { layout: Layout; source: string } {
  return {
    layout: JSON.parse(readFileSync(path.join(folder, 'layout.json'), 'utf8')) as Layout,
    source: readFileSync(path.join(folder, 'source.txt'), 'utf8'),
  };
}

/** Titles, headings, 落款 lines and table cells: no sentence end, at most 60 characters. A page never splits them. */
function keptWhole(text: string): boolean {
  return !/[。；：！？]$/u.test(text) && [...text].length <= 60;
}

function printedLines(text: string, width: number): number {
  return Math.max(1, Math.ceil(([...text].length + 2) / width));
}

/**
 * The raw text of `source` at `offset`. The source is the cover and 目录, a line `§§`, then the body; in the body a
 * line `§<栏目>` sets the 栏目 named by `{section}` and a line `§page` forces a page break (neither is printed). The
 * first body page has `offset` printed lines fewer, so every later break falls elsewhere. Short lines (titles, 发文字号,
 * 落款, table cells) are kept together on a page, as a typesetter does, unless the run is longer than half a page.
 */
export function paginate(source: string, layout: Layout, offset: number): string {
  const [front, body] = source.split(/^§§$/m) as [string, string];
  const out: string[] = front.replace(/\n+$/, '').split('\n');
  out.push('');
  let page = layout.firstPage;
  let used = offset;
  let section = '';
  /** where the current run of short lines starts in `out`, and its printed lines */
  let run: { at: number; lines: number } | undefined;

  const furniture = (lines: string[] | undefined) =>
    (lines ?? []).map((line) => line.replaceAll('{n}', String(page)).replaceAll('{section}', section));
  const top = () => furniture(layout.top ?? (page % 2 === 1 ? layout.topOdd : layout.topEven));
  const around = (lines: string[]) => (lines.length === 0 ? [] : layout.blankAround ? ['', ...lines, ''] : lines);
  /** the furniture between this page and the next, inserted at `at` (default: the end) */
  const pageBreak = (at = out.length): number => {
    const bottom = around(furniture(layout.bottom));
    page++;
    const next = around(top());
    out.splice(at, 0, ...bottom, ...next);
    return bottom.length + next.length;
  };

  out.push(...around(top()));
  for (const line of body.replace(/^\n+|\n+$/g, '').split('\n')) {
    if (line === '§page') {
      pageBreak();
      used = 0;
      run = undefined;
      continue;
    }
    if (line.startsWith('§')) {
      section = line.slice(1);
      continue;
    }
    if (!line.trim()) {
      out.push(line);
      used++;
      if (run) run.lines++;
      continue;
    }
    let text = line;
    let lines = printedLines(text, layout.width);
    const whole = keptWhole(text);
    while (used + lines > layout.pageLines) {
      const room = layout.pageLines - used;
      if (!whole && room >= 1) {
        // The page ends inside the paragraph, where a printed line ends.
        const chars = [...text];
        const cut = room * layout.width - 2;
        out.push(chars.slice(0, cut).join(''));
        pageBreak();
        text = chars.slice(cut).join('');
        lines = Math.max(1, Math.ceil(chars.slice(cut).length / layout.width));
        used = 0;
        run = undefined;
        continue;
      }
      if (whole && run && run.lines + lines <= layout.pageLines / 2) {
        // A title, heading, 落款 or table cell goes to the next page with the short lines before it.
        run.at += pageBreak(run.at);
        used = run.lines;
        break;
      }
      pageBreak();
      used = 0;
      run = undefined;
    }
    if (whole) run ??= { at: out.length, lines: 0 };
    else run = undefined;
    out.push(text);
    used += lines;
    if (run) run.lines += lines;
  }
  out.push(...around(furniture(layout.bottom)));
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '')}\n`;
}
