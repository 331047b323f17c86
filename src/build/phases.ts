// Named build phases with wall-time and memory figures, printed as progress while a long build runs.

export interface PhaseResult {
  name: string;
  ms: number;
  /** resident set size after the phase, in bytes */
  rss: number;
}

/** Told how far a long phase is (`render 1200/4000`, `search shard 3/9`); `label` defaults to the running phase's name. */
export type Progress = (done: number, total: number, label?: string) => void;

export interface PhasesOptions {
  /**
   * Where a progress line is shown and rewritten in place (`\r`): a terminal, see `progressTerminal()`. Without one,
   * progress is silent, so a CI log has only the phases' own lines.
   */
  terminal?: { write(text: string): unknown };
}

/** The stream to show progress on: stdout when it is a TTY and not in CI (`CI` set and not `false`/`0`), else none. */
export function progressTerminal(stream: { isTTY?: boolean; write(text: string): unknown } = process.stdout, env: NodeJS.ProcessEnv = process.env): PhasesOptions['terminal'] {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return stream.isTTY && !ci ? stream : undefined;
}

/** The progress line is rewritten at most this often (and always at the end). */
const PROGRESS_EVERY_MS = 100;

export class Phases {
  readonly results: PhaseResult[] = [];
  #current = '';
  #showing = false;
  #lastProgress = 0;

  constructor(
    private readonly log: (line: string) => void = () => {},
    private readonly options: PhasesOptions = {},
  ) {}

  async run<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
    this.say(`▸ ${name} …`);
    const start = performance.now();
    const outer = this.#current;
    this.#current = name;
    try {
      return await fn();
    } finally {
      this.#current = outer;
      const result = { name, ms: performance.now() - start, rss: process.memoryUsage().rss };
      this.results.push(result);
      this.say(`  ${name} ${formatMs(result.ms)}`);
    }
  }

  /** A detail line under the running phase (e.g. how it was run). */
  note(line: string): void {
    this.say(`  ${line}`);
  }

  /** Show how far the running phase is, on the terminal's last line; silent without a terminal (CI, tests, pipes). */
  readonly progress: Progress = (done, total, label) => {
    const terminal = this.options.terminal;
    if (!terminal) return;
    const now = performance.now();
    if (done < total && now - this.#lastProgress < PROGRESS_EVERY_MS) return;
    this.#lastProgress = now;
    terminal.write(`\r\x1b[K  ${label ?? this.#current} ${done}/${total}`);
    this.#showing = true;
  };

  summary(): string {
    const total = this.results.reduce((sum, result) => sum + result.ms, 0);
    const parts = this.results.map((result) => `${result.name} ${formatMs(result.ms)}`);
    return `${parts.join(' · ')} — 共 ${formatMs(total)}`;
  }

  /** A log line; a progress line showing is cleared first, so the line takes its place. */
  private say(line: string): void {
    if (this.#showing) this.options.terminal?.write('\r\x1b[K');
    this.#showing = false;
    this.log(line);
  }
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}
