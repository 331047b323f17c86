// Measures the importer: time on large raw texts (1.25 to 10 MB, layout 2 repeated with new numbers), and recovery in
// the composed layouts. Run by hand, not a test:
//   npx tsx tests/import/measure-import.ts                  (the time table)
//   npx tsx tests/import/measure-import.ts --write big.txt  (the 10 MB text alone, to time npm run import on it)
//   npx tsx tests/import/measure-import.ts --layouts        (the paragraphs recovered in each composed layout)
// It prints, per size, the documents, the time of decoding + import + report, and the time per MB: linear time keeps
// the last column flat. The figure in docs/editors-guide.md comes from one run of it.
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/content/load-config.ts';
import { decodeRaw } from '../../src/import/read-raw.ts';
import { importIssue } from '../../src/import/import-issue.ts';
import { notesToFile } from '../../src/import/review-notes.ts';
import { summaryReport } from '../../src/import/review-report.ts';
import { formatReport } from '../../src/report/format-report.ts';
import { VFile } from 'vfile';
import { paginate, readLayout } from './helpers/paginate.ts';
import { importAt, recovery } from './helpers/layout-recovery.ts';

const FOLDER = path.join(import.meta.dirname, 'layouts', 'hao-running-head');
const MB = 1024 * 1024;

/** A raw text of about `bytes`: the layout's body documents again and again, each copy with its own numbers and titles. */
function largeText(bytes: number): { text: string; documents: number } {
  const { layout, source } = readLayout(FOLDER);
  const [front, body] = source.split(/^§§$/m) as [string, string];
  const cover = front.slice(0, front.indexOf('目　录'));
  const documents = body.split(/\n(?=江陵市人民政府(?:办公室)?关于[^\n]*\n江政)/u).filter((part) => part.includes('江政'));
  const contents: string[] = [];
  const parts: string[] = [];
  let size = 0;
  let serial = 100;
  for (let copy = 1; size < bytes; copy++) {
    for (const document of documents) {
      serial++;
      // A new 发文字号 and title for each copy; the 目录 lists them all.
      const text = document
        .replace(/^§[^\n]*\n/gmu, '')
        .replace(/^(江陵市人民政府(?:办公室)?关于)/mu, `$1第${copy}批`)
        .replace(/^(江政(?:办)?[发函])〔2020〕\d+号$/mu, `$1〔2020〕${serial}号`);
      const [title, number] = text.split('\n');
      contents.push(title!, `${number}……（${2 + Math.floor(parts.length / 7)}）`);
      parts.push(text.trimEnd());
      size += Buffer.byteLength(text);
    }
  }
  const printed = `${cover}目　录\n\n市政府文件\n\n${contents.join('\n')}\n§§\n§市政府文件\n${parts.join('\n')}\n`;
  return { text: paginate(printed, layout, 0), documents: parts.length };
}

const { config } = await loadConfig(path.join(FOLDER, 'gazette.config.yaml'));
// `--layouts`: the paragraphs recovered of each composed layout, over all its page offsets (the editors' guide's table).
if (process.argv.includes('--layouts')) {
  const layouts = path.join(import.meta.dirname, 'layouts');
  console.log('layout                 offsets  paragraphs recovered  worst offset');
  for (const name of readdirSync(layouts).sort()) {
    const folder = path.join(layouts, name);
    let identical = 0;
    let total = 0;
    let worst = { share: 1, offset: 0 };
    for (const offset of readLayout(folder).layout.offsets) {
      const measured = recovery(folder, (await importAt(folder, offset)).result);
      identical += measured.identical;
      total += measured.total;
      if (measured.identical / measured.total < worst.share) worst = { share: measured.identical / measured.total, offset };
    }
    const offsets = readLayout(folder).layout.offsets;
    console.log(`${name.padEnd(22)} ${offsets.join(',').padEnd(8)} ${`${identical}/${total}`.padStart(9)} ${((100 * identical) / total).toFixed(1).padStart(6)}%   ${(100 * worst.share).toFixed(1)}% (offset ${worst.offset})`);
  }
  process.exit(0);
}
// `--write FILE`: only write the 10 MB text, to time `npm run import` on it.
const write = process.argv.indexOf('--write');
if (write >= 0) {
  writeFileSync(process.argv[write + 1]!, largeText(10 * MB).text);
  process.exit(0);
}
console.log('size     lines     documents  import+report  per MB');
for (const size of [1.25, 2.5, 5, 10]) {
  const { text, documents } = largeText(size * MB);
  const bytes = new TextEncoder().encode(text);
  const started = performance.now();
  const raw = decodeRaw(bytes);
  if (!raw.ok) throw new Error(raw.reason);
  const result = importIssue(raw.lines, { config: config!, target: { year: 2020, number: 2 } });
  const file = new VFile({ path: 'raw.txt' });
  summaryReport(result, 'raw.txt', 'out', config!.issue_unit, raw.encoding);
  notesToFile(file, result.notes.items);
  formatReport([file]);
  const seconds = (performance.now() - started) / 1000;
  if (result.notes.failed || result.documents.length !== documents) {
    if (process.env.DEBUG) console.log(result.notes.items.filter((note) => note.severity !== 'info').slice(0, 20));
    throw new Error(`import failed: ${result.documents.length}/${documents} documents`);
  }
  console.log(`${(bytes.length / MB).toFixed(2).padStart(5)} MB ${String(raw.lines.length).padStart(8)} ${String(documents).padStart(11)} ${seconds.toFixed(2).padStart(12)} s ${(seconds / (bytes.length / MB)).toFixed(2).padStart(7)} s`);
}
