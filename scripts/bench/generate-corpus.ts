// Generates a valid N-document gazette corpus by replicating the seed issue under fresh 发文字号, dates, pages and issues.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { documentSlug, formatDocNumber } from '../../src/gazette/doc-number.ts';
import { issueFolder } from '../../src/gazette/issue-address.ts';
import { formatRegistrationCode } from '../../src/gazette/registration-code.ts';
import { loadConfig } from '../../src/content/load-config.ts';
import type { GazetteConfig } from '../../src/content/schema.ts';
import { DEFAULT_SEED, readSeed, type FrontMatterData, type Seed, type SeedDocument, type SeedSource } from './seed-corpus.ts';

export interface GenerateOptions {
  /** folder to fill: `gazette.config.yaml` and `issues/<year>/<NN>/` are written into it */
  root: string;
  /** number of documents */
  docs: number;
  /** documents per issue (default 9: each issue is one copy of the seed issue) */
  perIssue?: number;
  /** year of the first issue (default 2018; moved earlier if the corpus would run past 2100) */
  startYear?: number;
  /** the issue replicated and the config copied (default: the 永州 fixture's 2018年第2期, DEFAULT_SEED) */
  seed?: SeedSource;
  /** called after every issue written */
  onProgress?: (written: number, total: number) => void;
}

export interface GeneratedCorpus {
  /** `<root>/issues` */
  contentDir: string;
  /** `<root>/gazette.config.yaml` */
  configPath: string;
  documents: number;
  issues: number;
  firstYear: number;
  lastYear: number;
  /** Markdown bytes written */
  bytes: number;
}

export const ISSUES_PER_YEAR = 12;
const FIRST_PAGE = 3;
const MAX_YEAR = 2100;

interface PlannedDocument {
  slug: string;
  data: FrontMatterData;
  body: string;
}

interface PlannedIssue {
  folder: string;
  data: FrontMatterData;
  documents: PlannedDocument[];
}

/** Numbering state across the whole corpus: 发文字号 serial per code and year, 登记号 serial per year. */
class Counters {
  private readonly serials = new Map<string, number>();
  private readonly registrations = new Map<number, number>();

  nextSerial(codeSlug: string, year: number): number {
    return this.bump(this.serials, `${codeSlug}-${year}`);
  }

  nextRegistration(year: number): number {
    return this.bump(this.registrations, year);
  }

  private bump<K>(map: Map<K, number>, key: K): number {
    const next = (map.get(key) ?? 0) + 1;
    map.set(key, next);
    return next;
  }
}

/** Write the corpus and the seed's config into `options.root`. */
export async function generateCorpus(options: GenerateOptions): Promise<GeneratedCorpus> {
  if (!Number.isInteger(options.docs) || options.docs < 1) throw new Error('docs must be a positive integer');
  const configPath = path.join(options.root, 'gazette.config.yaml');
  const contentDir = path.join(options.root, 'issues');
  await mkdir(contentDir, { recursive: true });
  const seed = options.seed ?? DEFAULT_SEED;
  await copyFile(seed.configFile, configPath);
  const config = await readConfig(configPath);
  const plan = planCorpus(await readSeed(config, seed.issueDir), config, options);
  let bytes = 0;
  for (const [index, issue] of plan.entries()) {
    bytes += await writeIssue(contentDir, issue);
    options.onProgress?.(index + 1, plan.length);
  }
  const years = plan.map((issue) => Number(issue.data.year));
  return { contentDir, configPath, documents: options.docs, issues: plan.length, firstYear: years[0]!, lastYear: years.at(-1)!, bytes };
}

async function readConfig(configPath: string): Promise<GazetteConfig> {
  const { config } = await loadConfig(configPath);
  if (!config) throw new Error(`invalid config ${configPath}`);
  return config;
}

/** Decide every issue and document (pure: no file system). */
export function planCorpus(seed: Seed, config: GazetteConfig, options: Pick<GenerateOptions, 'docs' | 'perIssue' | 'startYear'>): PlannedIssue[] {
  const perIssue = options.perIssue ?? seed.documents.length;
  if (!Number.isInteger(perIssue) || perIssue < 1) throw new Error('perIssue must be a positive integer');
  const issueCount = Math.ceil(options.docs / perIssue);
  const startYear = firstYear(issueCount, options.startYear ?? 2018);
  const counters = new Counters();
  return Array.from({ length: issueCount }, (_, index) => {
    const count = Math.min(perIssue, options.docs - index * perIssue);
    const seeds = seedsForIssue(seed.documents, index * perIssue, count);
    return planIssue(seed, config, counters, { index, year: startYear + Math.floor(index / ISSUES_PER_YEAR), seeds });
  });
}

function firstYear(issueCount: number, wanted: number): number {
  const years = Math.ceil(issueCount / ISSUES_PER_YEAR);
  const year = Math.min(wanted, MAX_YEAR - years + 1);
  if (year < 1949) throw new Error(`too many issues (${issueCount}) to fit 1949–${MAX_YEAR} at ${ISSUES_PER_YEAR} a year; raise --per-issue`);
  return year;
}

/** The seed documents an issue replicates, cycling through the seed, grouped in seed (目录) order so 栏目 stay together. */
function seedsForIssue(documents: SeedDocument[], offset: number, count: number): SeedDocument[] {
  const indices = Array.from({ length: count }, (_, k) => (offset + k) % documents.length).sort((a, b) => a - b);
  return indices.map((index) => documents[index]!);
}

function planIssue(
  seed: Seed,
  config: GazetteConfig,
  counters: Counters,
  at: { index: number; year: number; seeds: SeedDocument[] },
): PlannedIssue {
  const number = (at.index % ISSUES_PER_YEAR) + 1;
  // Issue N is published in month N (two digits in its dates).
  const month = String(number).padStart(2, '0');
  let page = FIRST_PAGE;
  const documents = at.seeds.map((source) => {
    const document = planDocument(source, config, counters, { year: at.year, month, page });
    page += source.pageSpan;
    return document;
  });
  const data: FrontMatterData = {
    ...seed.issue,
    year: at.year,
    number,
    total_number: at.index + 1,
    published: `${at.year}-${month}-28`,
    contents: documents.map((document) => document.slug),
  };
  return { folder: issueFolder({ year: at.year, number }), data, documents };
}

function planDocument(
  source: SeedDocument,
  config: GazetteConfig,
  counters: Counters,
  at: { year: number; month: string; page: number },
): PlannedDocument {
  const serial = counters.nextSerial(source.codeSlug, at.year);
  const seedDate = String(source.data.date);
  const day = String(Math.min(Number(seedDate.slice(8, 10)), 28)).padStart(2, '0');
  const date = `${at.year}-${at.month}-${day}`;
  const data: FrontMatterData = { ...source.data, doc_number: formatDocNumber({ code: source.code, year: at.year, serial }), date, page: at.page };
  if (source.data.registration_code !== undefined) {
    data.registration_code = formatRegistrationCode({ prefix: config.registration_prefix!, year: at.year, serial: counters.nextRegistration(at.year) });
  }
  if (source.data.valid_until !== undefined) data.valid_until = shiftValidity(String(source.data.valid_until), seedDate, date);
  return { slug: documentSlug(source.codeSlug, { year: at.year, serial }), data, body: source.body };
}

/** Keep the seed's validity period: same number of years after the 成文日期, never before it. */
function shiftValidity(validUntil: string, seedDate: string, date: string): string {
  const years = Number(validUntil.slice(0, 4)) - Number(seedDate.slice(0, 4));
  const monthDay = validUntil.slice(5) === '02-29' ? '02-28' : validUntil.slice(5);
  const shifted = `${Number(date.slice(0, 4)) + years}-${monthDay}`;
  return shifted < date ? date : shifted;
}

async function writeIssue(contentDir: string, issue: PlannedIssue): Promise<number> {
  const folder = path.join(contentDir, issue.folder);
  await mkdir(folder, { recursive: true });
  let bytes = await writeMarkdown(path.join(folder, 'issue.md'), issue.data, '');
  for (const document of issue.documents) {
    bytes += await writeMarkdown(path.join(folder, `${document.slug}.md`), document.data, document.body);
  }
  return bytes;
}

async function writeMarkdown(file: string, data: FrontMatterData, body: string): Promise<number> {
  const text = `---\n${stringify(data, { lineWidth: 0 })}---\n${body}`;
  await writeFile(file, text);
  return Buffer.byteLength(text);
}
