// Types for the part of Eleventy's (untyped JavaScript) configuration API that our config and plugins use.

export interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  addPlugin(plugin: unknown, options?: unknown): void;
  addPassthroughCopy(map: Record<string, string>): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  addWatchTarget(target: string): void;
  /** input paths (globs, relative to the working directory) Eleventy does not process */
  ignores: Set<string>;
  setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
  setTemplateFormats(formats: string[]): void;
  setServerOptions(options: Record<string, unknown>): void;
  on(event: 'eleventy.after', listener: (event: { directories: { output: string } }) => Promise<void>): void;
  /** Eleventy's internal timing groups (not public API: used optionally, to silence its performance tips). */
  benchmarkManager?: { get(name: string): { setIsVerbose(verbose: boolean): void } | undefined };
}
