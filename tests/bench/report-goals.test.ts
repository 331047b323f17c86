// The bench's goal lines: PASS/MISS from the measured runs, '—' (with the reason) when a figure was not measured.
import { describe, expect, it } from 'vitest';
import { goals, type BenchFigures, type Measured } from '../../scripts/bench/report-table.ts';

const corpus = { contentDir: '', configPath: '', documents: 4000, issues: 445, firstYear: 2018, lastYear: 2055, bytes: 0 };

function run(wallMs: number, treePeakKiB: number, phases: Record<string, number>): Measured {
  return {
    child: { code: 0, wallMs, treePeakKiB },
    result: { phases: Object.entries(phases).map(([name, ms]) => ({ name, ms, peakKiB: undefined })), maxRssKiB: 0, htmlFiles: 0 },
    pagefind: undefined,
  };
}

const GiB = 1024 * 1024;

describe('goals', () => {
  it('passes or misses each goal of issue #10 from the figures', () => {
    const figures: BenchFigures = {
      corpus,
      ours: {
        cold: run(80_000, 1.5 * GiB, { render: 30_000, pages: 20_000, downloads: 5_000, search: 25_000 }),
        warm: run(12_000, 2.5 * GiB, { render: 100, pages: 6_000, downloads: 500, search: 2_000 }),
        check: { code: 0, wallMs: 3_500, treePeakKiB: 0.3 * GiB },
      },
      baseline: undefined,
      hugo: { version: 'hugo', hugo: { code: 0, wallMs: 5_000, treePeakKiB: 0 }, pagefind: { code: 0, wallMs: 78_000, treePeakKiB: 0 }, htmlFiles: 0 },
    };
    expect(goals(figures).map((goal) => goal.verdict)).toEqual(['PASS', 'MISS', 'MISS', 'MISS']);
    expect(goals(figures)[0]!.text).toBe('cold ours / (Hugo + Pagefind CLI) = 80.00 / 83.00 s = 0.96× (goal ≤ 1.00×)');
    expect(goals(figures)[1]!.text).toMatch(/^warm after edit: pages \+ downloads \+ search = 8\.50 s \/ cold 80\.00 s = 0\.11×/);
    expect(goals(figures)[3]!.text).toBe('peak memory of the whole process tree: 2.50 GiB (warm) (goal ≤ 2 GiB at 4,000 documents)');
  });

  it('says why a goal was not measured, and takes the 20,000-document memory goal above 4,000', () => {
    const figures: BenchFigures = {
      corpus: { ...corpus, documents: 20_000 },
      ours: { cold: run(400_000, 3.5 * GiB, { pages: 1 }) },
      baseline: undefined,
      hugo: 'hugo is not on PATH (Debian: apt-get install hugo)',
    };
    expect(goals(figures)).toEqual([
      { verdict: '—', text: 'cold ours / (Hugo + Pagefind CLI): not measured (hugo is not on PATH (Debian: apt-get install hugo))' },
      { verdict: '—', text: 'warm after edit: not measured' },
      { verdict: '—', text: 'check, warm: not measured' },
      { verdict: 'PASS', text: 'peak memory of the whole process tree: 3.50 GiB (cold) (goal ≤ 4 GiB at 20,000 documents)' },
    ]);
  });
});
