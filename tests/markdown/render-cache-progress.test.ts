// Render progress: told per document rendered, shown on a terminal as one rewritten line, silent in CI and pipes.
import { describe, expect, it } from 'vitest';
import { Phases, progressTerminal } from '../../src/build/phases.ts';
import { renderMany } from '../../src/markdown/render-pool.ts';

describe('progress', () => {
  it('renderMany tells how many of the documents to render are done', async () => {
    const seen: [number, number][] = [];
    const inputs = Array.from({ length: 3 }, (_, n) => ({ path: `progress-${n}.md`, body: `第 ${n} 篇正文。`, version: 'progress' }));
    const { rendered } = await renderMany(inputs, undefined, { threads: 0, progress: (done, total) => seen.push([done, total]) });
    expect(rendered).toEqual([0, 1, 2]);
    expect(seen).toEqual([[1, 3], [2, 3], [3, 3]]);
  });

  it('rewrites one line on a terminal, cleared before the next log line; silent without one', async () => {
    const written: string[] = [];
    const lines: string[] = [];
    const phases = new Phases((line) => lines.push(line), { terminal: { write: (text: string) => written.push(text) } });
    await phases.run('render', () => {
      phases.progress(1, 2);
      phases.progress(2, 2);
    });
    expect(written).toEqual(['\r\x1b[K  render 1/2', '\r\x1b[K  render 2/2', '\r\x1b[K']);
    expect(lines).toEqual(['▸ render …', expect.stringMatching(/^ {2}render \d+ ms$/)]);
    const quiet = new Phases((line) => lines.push(line));
    await quiet.run('search', () => quiet.progress(3, 9, 'search shard'));
    expect(lines.slice(2)).toEqual(['▸ search …', expect.stringMatching(/^ {2}search \d+ ms$/)]);
  });

  it('shows on a TTY outside CI only', () => {
    const tty = { isTTY: true, write: () => true };
    expect(progressTerminal(tty, {})).toBe(tty);
    expect(progressTerminal(tty, { CI: 'true' })).toBeUndefined();
    expect(progressTerminal(tty, { CI: 'false' })).toBe(tty);
    expect(progressTerminal({ isTTY: false, write: () => true }, {})).toBeUndefined();
  });
});
