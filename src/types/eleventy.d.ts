// Type declarations for the parts of Eleventy's (untyped) programmatic API that we use.
declare module '@11ty/eleventy' {
  export interface EleventyRunOptions {
    source?: 'cli' | 'script';
    runMode?: 'build' | 'serve' | 'watch';
    configPath?: string | false;
    pathPrefix?: string;
    quietMode?: boolean;
    config?: (eleventyConfig: never) => unknown;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyRunOptions);
    init(): Promise<void>;
    write(): Promise<unknown>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    close(): Promise<void>;
    setIsVerbose(verbose: boolean): void;
    /** Silence every Eleventy log line, forced ones ("Wrote N files") included; errors still throw. */
    disableLogger(): void;
  }
  export const HtmlBasePlugin: unknown;
}
