// A large site's pages are rendered in several Eleventy runs (write-pages.ts): the runs cut the page set in order, and the site is byte for byte the one a single run writes.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInto } from '../helpers/built-site.ts';
import { SEED } from '../helpers/content.ts';
import { compareDirs, identical } from '../../scripts/bench/compare-dirs.ts';
import { pageRuns } from '../../src/site/write-pages.ts';
import type { PageSet } from '../../src/site/site-model.ts';

describe('pageRuns', () => {
  const set = { documents: ['d1', 'd2', 'd3'], documentJson: ['j1', 'j2', 'j3'], aliases: ['a1'], issues: ['i1'], printIssues: ['p1'] } as unknown as PageSet;

  it('cuts the items in order into runs of at most the size, every kind present in each', () => {
    const runs = pageRuns(set, 4);
    expect(runs).toHaveLength(3);
    expect(runs.map((run) => Object.values(run).flat())).toEqual([['d1', 'd2', 'd3', 'j1'], ['j2', 'j3', 'a1', 'i1'], ['p1']]);
    expect(Object.keys(runs[2]!)).toEqual(Object.keys(set));
  });

  it('makes one run of a small set, and one (empty) run of an empty set, which renders every other page', () => {
    expect(pageRuns(set, 100)).toEqual([set]);
    expect(pageRuns({ documents: [], documentJson: [], aliases: [], issues: [], printIssues: [] }, 10)).toHaveLength(1);
  });
});

describe('rendering in several runs', () => {
  it('writes the same site as one run, byte for byte, with and without the page cache', async () => {
    const options = { ...SEED, search: false, today: '2020-01-01', cacheDir: false } as const;
    const one = await buildInto(options);
    const several = await buildInto({ ...options, itemsPerRun: 7 });
    const comparison = await compareDirs(one.dir, several.dir);
    expect(identical(comparison), JSON.stringify(comparison).slice(0, 400)).toBe(true);
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'gazette-runs-cache-'));
    for (const run of ['cold', 'warm']) {
      const cached = await buildInto({ ...options, cacheDir, itemsPerRun: 7 });
      expect(identical(await compareDirs(one.dir, cached.dir)), run).toBe(true);
    }
  }, 120_000);
});
