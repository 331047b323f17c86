// Loads and validates the site config (gazette.config.yaml): everything city-specific lives there, not in code.
import path from 'node:path';
import type { VFile } from 'vfile';
import { configSchema, type GazetteConfig } from './schema.ts';
import { readSource } from './read-source.ts';
import { parseYamlWithPlaces } from './yaml-places.ts';
import { validateWithSchema } from './schema-messages.ts';
import { report } from './rules.ts';
import { BROWSE_KINDS, type BrowseKindName } from '../gazette/browse.ts';

export const DEFAULT_CONFIG_FILE = 'gazette.config.yaml';

export interface LoadedConfig {
  config: GazetteConfig | undefined;
  file: VFile;
}

/** Read, parse and validate the config; problems are fatal messages on the returned file. */
export async function loadConfig(configPath = DEFAULT_CONFIG_FILE, cwd = process.cwd()): Promise<LoadedConfig> {
  const file = await readSource(path.resolve(cwd, configPath), { cwd });
  if (file.messages.length > 0) return { config: undefined, file };
  const placed = parseYamlWithPlaces(String(file.value));
  for (const problem of placed.problems) {
    report(file, `配置文件${problem.reason}`, problem.place, 'config-yaml');
  }
  if (placed.problems.length > 0) return { config: undefined, file };
  const config = validateWithSchema(configSchema, placed.data, file, placed.placeOf, 'config-schema');
  if (config) {
    checkIssuerCodes(config, file, placed.placeOf);
    checkUniqueNames(config, file, placed.placeOf);
  }
  return { config, file };
}

function checkIssuerCodes(config: GazetteConfig, file: VFile, placeOf: ReturnType<typeof parseYamlWithPlaces>['placeOf']): void {
  const seen = new Map<string, string>();
  config.issuers.forEach((issuer, i) => {
    issuer.codes.forEach((code, j) => {
      for (const key of [code.code, code.slug]) {
        const other = seen.get(key);
        if (other) {
          report(file, `机关代字或其 slug「${key}」在 ${other} 和 ${issuer.name} 中重复：每个代字只能属于一个发文机关`, placeOf(['issuers', i, 'codes', j]), 'config-schema');
        }
        seen.set(key, issuer.name);
      }
    });
  });
}

/** The config's lists that name browse pages (发文机关, 栏目, 文种), with their labels. */
const LISTS = Object.fromEntries(BROWSE_KINDS.map((kind) => [kind.kind, kind.label])) as Record<BrowseKindName, string>;

/**
 * Names and slugs of 发文机关, 栏目 and 文种 are each unique: a slug names a browse page (/sections/<slug>/), and two
 * entries with one slug would write the same page.
 */
function checkUniqueNames(config: GazetteConfig, file: VFile, placeOf: ReturnType<typeof parseYamlWithPlaces>['placeOf']): void {
  for (const [list, label] of Object.entries(LISTS) as [BrowseKindName, string][]) {
    for (const field of ['name', 'slug'] as const) {
      const seen = new Map<string, number>();
      config[list].forEach((entry, index) => {
        const value = entry[field];
        const first = seen.get(value);
        if (first === undefined) seen.set(value, index);
        else report(file, `${label}的 ${field}「${value}」与第 ${first + 1} 项重复：每个${label}的 name 和 slug 都须唯一（slug 是浏览页网址，如 /${list}/${value}/）`, placeOf([list, index, field]), 'config-schema');
      });
    }
  }
}
