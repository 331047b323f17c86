// Small helpers for the measurement script (scripts/bench.ts): option values and line output.

/** A flag's value as a whole number ≥ 1; throws with the flag's name otherwise. */
export function positiveInteger(flag: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${flag} must be a positive integer, got ${value}`);
  return number;
}

/** Print one line to stdout. */
export function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}
