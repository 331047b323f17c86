// Stages 1–2 as one call: config → corpus (load, validate) → render every document → the site model, plus all messages.
import path from 'node:path';
import type { VFile } from 'vfile';
import { loadConfig, DEFAULT_CONFIG_FILE } from '../content/load-config.ts';
import { loadCorpus, type Corpus } from '../content/load-corpus.ts';
import { validateCorpus } from '../content/validate-corpus.ts';
import type { RenderOutput } from '../markdown/render-document.ts';
import { renderCorpus, renderCorpusSummaries, summaryOf } from './render-cache.ts';
import { buildSiteModel, documentUrl, type SiteModel } from '../site/site-model.ts';
import { buildCitationIndex } from '../content/citation-index.ts';
import type { Phases } from './phases.ts';
import { report } from '../content/rules.ts';
import { todayInChina } from '../gazette/validity.ts';
import { formatReport } from '../report/format-report.ts';
import type { BuildCache } from './cache.ts';
import { sliceIssueKeys, type Slice } from './slice.ts';

export interface SiteSource {
  /** content root, default `issues` */
  content?: string;
  /** config file, default `gazette.config.yaml` */
  config?: string;
  cwd?: string;
  /** override the config's base URL / path prefix (deploys) */
  baseUrl?: string;
  pathPrefix?: string;
  /** dev server: render what is valid even when other files have errors, and list the problems in the model */
  lenient?: boolean;
  /** the build date (YYYY-MM-DD) statuses are stated for; default SOURCE_DATE_EPOCH or today in China */
  today?: string;
  /** render worker threads (0 = this thread); default: one per CPU for large corpora, see render-pool.ts */
  renderThreads?: number;
  /** the persistent build cache (cache.ts); without it everything is rendered afresh */
  cache?: BuildCache;
  /**
   * `check`: only the messages are wanted. Renders are read from the cache's summary manifest (one entry), not from
   * each document's entry, and no site model is built.
   */
  messagesOnly?: boolean;
  /** the pipeline version in the render cache's keys (tests: stands for a changed src/markdown or lockfile) */
  pipelineVersion?: string;
  /** the build renders each issue's PDF (`--pdf`): every issue of the model links its PDF */
  pdf?: boolean;
  /** `--shard K/N`: render only the documents of this slice's issues (slice.ts); the others get no body */
  slice?: Slice;
}

export interface LoadedSite {
  /** every file read (config first), with its messages */
  files: VFile[];
  corpus: Corpus | undefined;
  model: SiteModel | undefined;
  /** true when any message is an error */
  failed: boolean;
  /** paths of the documents rendered in this run (the others came from the memo or the build cache) */
  rendered: string[];
}

/** Load, validate and render every valid document; the model is built only when nothing is in error (or `lenient`). */
export async function loadSite(source: SiteSource, phases?: Phases): Promise<LoadedSite> {
  const cwd = source.cwd ?? process.cwd();
  const run = <T>(name: string, fn: () => Promise<T> | T) => (phases ? phases.run(name, fn) : fn());

  const { config, file: configFile } = await run('config', () => loadConfig(source.config ?? DEFAULT_CONFIG_FILE, cwd));
  if (!config) return { files: [configFile], corpus: undefined, model: undefined, failed: true, rendered: [] };
  if (source.baseUrl) config.base_url = source.baseUrl;
  if (source.pathPrefix) config.path_prefix = source.pathPrefix;

  const corpus = await run('load', () => loadCorpus(path.resolve(cwd, source.content ?? 'issues'), config, { cwd, maxBytes: config.max_file_kb * 1024 }));
  await run('validate', () => validateCorpus(corpus));
  const files = [configFile, ...corpus.files];
  // Bodies are rendered even when other files have errors, and so are the bodies of documents that will not be
  // published (a front-matter error, or no valid issue.md): body messages (unsafe HTML, a split 落款) belong in the
  // same report.

  const inSlice = source.slice ? sliceIssueKeys(corpus.issues, config, source.slice) : undefined;
  const checked = [...corpus.documents, ...corpus.unpublished].filter((document) => !inSlice || inSlice.has(document.issueKey));
  const { outputs, rendered } = await run('render', async () => {
    const outputs = new Map<string, RenderOutput>();
    const index = buildCitationIndex(corpus, documentUrl);
    const inputs = checked.map((document) => ({ path: document.file.path, body: document.body, url: documentUrl(document) }));
    const options = { cache: source.cache, threads: source.renderThreads, version: source.pipelineVersion, corpus: corpus.root, progress: phases?.progress };
    const { outputs: results, rendered, threads } = source.messagesOnly ? await renderCorpusSummaries(inputs, index, options) : await renderCorpus(inputs, index, options);
    if (source.cache?.enabled) phases?.note(`${rendered.length} 篇渲染，${inputs.length - rendered.length} 篇取自缓存`);
    if (threads > 0) phases?.note(`${rendered.length} 篇文件，用 ${threads} 个工作线程渲染`);
    // Cache notes (a corrupt entry rebuilt, a folder that cannot be written) are told now, under the phase that met them.
    if (phases && source.cache) for (const note of source.cache.notes.splice(0)) phases.note(`⚠ ${note}`);
    for (const [position, document] of checked.entries()) {
      const output = results[position]!;
      for (const message of output.messages) {
        const place = message.line ? { line: message.line, column: message.column ?? 1 } : undefined;
        const copy = document.file.message(message.reason, { place, ruleId: message.ruleId, source: message.source });
        copy.fatal = message.fatal;
      }
      if (summaryOf(output).empty) {
        report(document.file, '正文为空：请按印刷件写入正文', { line: 1, column: 1 }, 'body-empty', 'warning');
      }
      if ('html' in output) outputs.set(document.file.path, output);
    }
    return { outputs, rendered: rendered.map((position) => checked[position]!.file.path) };
  });
  const failed = hasErrors(files);
  if ((failed && !source.lenient) || source.messagesOnly) return { files, corpus, model: undefined, failed, rendered };
  const problems = failed ? formatReport(files).split('\n').filter((line) => /\d+:\d+ {2}error/.test(line)) : [];
  return { files, corpus, model: buildSiteModel(corpus, outputs, source.today ?? buildDate(), problems, { pdf: source.pdf }), failed, rendered };
}

export function hasErrors(files: VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true));
}

/** Today in China, or the day of SOURCE_DATE_EPOCH when set (reproducible builds). */
export function buildDate(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '' && !/^\d+$/.test(epoch)) {
    throw new Error(`SOURCE_DATE_EPOCH 应为 Unix 时间戳（秒），如 1519833600，收到 ${epoch}`);
  }
  return todayInChina(epoch ? new Date(Number(epoch) * 1000) : new Date());
}
