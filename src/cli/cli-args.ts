// Shared command-line handling: parse options, print --help, and turn unexpected failures into one readable line.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { PATH_PREFIX, PATH_PREFIX_HINT } from '../content/schema.ts';

type Options = NonNullable<ParseArgsConfig['options']>;
type Value<T extends Options[string]> = T['type'] extends 'boolean' ? boolean : string;
/** Parsed values: an option with a default always has a value. */
type Values<O extends Options> = { [K in keyof O]: O[K] extends { default: unknown } ? Value<O[K]> : Value<O[K]> | undefined };

/** Parse argv with `options`; prints `help` and exits on --help, prints the problem and exits 2 on bad usage. */
export function parseCli<O extends Options>(options: O, help: string, argv = process.argv.slice(2)) {
  try {
    const parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    if ((parsed.values as Record<string, unknown>).help) {
      process.stdout.write(`${help.trim()}\n`);
      process.exit(0);
    }
    return parsed as unknown as { values: Values<O>; positionals: string[] };
  } catch (error) {
    return usageError((error as Error).message, help);
  }
}

/** Bad usage: the problem, then the help text; exit 2. */
export function usageError(message: string, help: string): never {
  process.stderr.write(`${message}\n\n${help.trim()}\n`);
  process.exit(2);
}

/** A `--name N` option that must be a whole number from 0 to `max` (digits only); undefined when not given. */
export function countOption(name: string, value: string | undefined, help: string, max?: number): number | undefined {
  if (value === undefined) return undefined;
  const count = Number(value);
  const range = max === undefined ? '不小于 0 的整数' : ` 0 到 ${max} 之间的整数`;
  if (!/^\d+$/.test(value) || count > (max ?? Number.MAX_SAFE_INTEGER)) return usageError(`--${name} 应为${range}，收到 ${value}`, help);
  return count;
}

/** A `--path-prefix` option: `/` or `/a/b/` (the rule of the config's path_prefix); undefined when not given. */
export function pathPrefixOption(value: string | undefined, help: string): string | undefined {
  if (value === undefined || PATH_PREFIX.test(value)) return value;
  return usageError(`--path-prefix ${PATH_PREFIX_HINT}，收到 ${value}`, help);
}

/** Run a command's main function; an unexpected error prints one line (stack only with DEBUG=1) and exits 1. */
export function runMain(main: () => Promise<number | void>, failure = '构建失败'): void {
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
      const text = process.env.DEBUG ? String((error as Error).stack ?? error) : String((error as Error).message ?? error);
      process.stderr.write(`${failure}：${text}\n`);
      process.exitCode = 1;
    },
  );
}
