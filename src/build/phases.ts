// Named build phases with wall-time and memory figures, printed as progress while a long build runs.

export interface PhaseResult {
  name: string;
  ms: number;
  /** resident set size after the phase, in bytes */
  rss: number;
}

export class Phases {
  readonly results: PhaseResult[] = [];
  constructor(private readonly log: (line: string) => void = () => {}) {}

  async run<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
    this.log(`▸ ${name} …`);
    const start = performance.now();
    try {
      return await fn();
    } finally {
      const result = { name, ms: performance.now() - start, rss: process.memoryUsage().rss };
      this.results.push(result);
      this.log(`  ${name} ${formatMs(result.ms)}`);
    }
  }

  /** A detail line under the running phase (e.g. how it was run). */
  note(line: string): void {
    this.log(`  ${line}`);
  }

  summary(): string {
    const total = this.results.reduce((sum, result) => sum + result.ms, 0);
    const parts = this.results.map((result) => `${result.name} ${formatMs(result.ms)}`);
    return `${parts.join(' · ')} — 共 ${formatMs(total)}`;
  }
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}
