// Five print layouts of other gazettes (tests/import/layouts/<name>/: the source text, how the gazette prints its pages,
// its config, the raw text at page offset 0 and the expected Markdown). Each is printed at several page offsets, so the
// page breaks and running heads fall elsewhere each time, and imported: ≥ 98% of the printed paragraphs must come back,
// no running head or page mark may be left, the 总期号 must be right, and every guess must be flagged — in the review
// and as a 待核对 comment in the written file. expected/ is the truth (checked by hand); UPDATE_FIXTURES=1 rewrites
// input.txt, and writes expected/ from offset 0 only when it is missing.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { GUESS_MARK } from '../../src/content/guess-comments.ts';
import { readLayout } from './helpers/paginate.ts';
import { importAt, recovery } from './helpers/layout-recovery.ts';
import { UPDATE, validationErrors } from './helpers/fixture.ts';

const LAYOUTS = path.join(import.meta.dirname, 'layouts');
const YAML_GUESS = new RegExp(`^(\\w+): .* # ${GUESS_MARK}：`, 'gmu');
const HTML_GUESS = new RegExp(`<!-- ${GUESS_MARK}：`, 'gu');

describe('other gazettes’ print layouts', () => {
  for (const name of readdirSync(LAYOUTS).sort()) {
    const folder = path.join(LAYOUTS, name);
    const { layout } = readLayout(folder);
    describe(name, () => {
      it('input.txt is the layout printed at offset 0, and its import is a valid issue', async () => {
        const { raw, result } = await importAt(folder, 0);
        if (UPDATE) {
          writeFileSync(path.join(folder, 'input.txt'), raw);
          // expected/ is the truth, corrected by hand where the import is wrong: written only when it is missing.
          if (!existsSync(path.join(folder, 'expected'))) {
            mkdirSync(path.join(folder, 'expected'));
            for (const file of result.files) writeFileSync(path.join(folder, 'expected', file.name), file.text);
          }
        }
        expect(raw).toBe(readFileSync(path.join(folder, 'input.txt'), 'utf8'));
        expect(result.notes.failed, JSON.stringify(result.notes.items.filter((note) => note.severity === 'error'))).toBe(false);
        expect(result.files.map((file) => file.name).sort()).toEqual(readdirSync(path.join(folder, 'expected')).sort());
        expect(await validationErrors(folder, result)).toEqual([]);
      });

      for (const offset of layout.offsets) {
        it(`at page offset ${offset}: ≥ 98% of paragraphs, no running head left, the right 总期号, every guess flagged`, async () => {
          const { raw, result } = await importAt(folder, offset);
          expect(result.notes.failed, JSON.stringify(result.notes.items.filter((note) => note.severity === 'error'))).toBe(false);
          // The page furniture is really there, and none of it is left in a body.
          const furniture = layout.furniture.map((source) => new RegExp(source, 'mu'));
          expect(furniture.every((pattern) => pattern.test(raw.slice(raw.indexOf('\n', 200))))).toBe(true);
          const left = result.documents.flatMap((document) => furniture.filter((pattern) => pattern.test(document.body)).map((pattern) => `${document.slug}: ${pattern.source}`));
          expect(left).toEqual([]);

          expect(result.issue?.total_number).toBe(layout.issue.total);
          const expectedIssue = matter(readFileSync(path.join(folder, 'expected', 'issue.md'), 'utf8')).data as Record<string, unknown>;
          const { editorial_board, statements, ...issue } = result.issue!;
          expect({ ...issue, ...(editorial_board.length ? { editorial_board } : {}), ...(statements.length ? { statements } : {}) }).toEqual({
            ...expectedIssue,
            published: (expectedIssue.published as Date).toISOString().slice(0, 10),
          });

          const measured = recovery(folder, result);
          expect(measured.total).toBeGreaterThanOrEqual(40);
          expect(measured.identical / measured.total, measured.differences.join('\n')).toBeGreaterThanOrEqual(0.98);
          expect(measured.frontMatter).toEqual([]);

          // Every guess is in the review as a warning, and in its file as a 待核对 comment; the layout's known guesses are there.
          const warned = new Set(result.notes.items.filter((note) => note.severity === 'warning').map((note) => note.rule));
          const comments = result.files.flatMap((file) => [
            ...[...file.text.matchAll(YAML_GUESS)].map((match) => `${file.name}:${match[1]}`),
            ...[...file.text.matchAll(HTML_GUESS)].map(() => `${file.name}:body`),
          ]);
          for (const guess of layout.guesses) expect(comments, guess).toContain(guess);
          for (const document of result.documents) {
            for (const key of Object.keys(document.guesses)) expect(comments).toContain(`${document.slug}.md:${key}`);
            if (document.blocks.some((block) => block.kind === 'table' && block.markdown.includes(GUESS_MARK))) expect(warned.has('import-table')).toBe(true);
          }
          if (comments.some((comment) => comment.startsWith('issue.md:'))) expect(warned.has('import-cover')).toBe(true);
          if (comments.some((comment) => /:(?:page|section)$/.test(comment))) expect(warned.has('import-front-matter')).toBe(true);
        });
      }
    });
  }
});
