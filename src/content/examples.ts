// Examples in messages come from the site's own config (its 机关代字, 登记号 prefix, 栏目), never from one city.
import type { GazetteConfig } from './schema.ts';
import { documentSlug } from './load-config.ts';

export interface ContentExamples {
  /** a 发文字号 with the first configured 机关代字: 永政发〔2018〕3号 */
  docNumber: string;
  /** a 登记号 with the configured prefix: YZCR-2018-00001 */
  registrationCode: string;
  /** the first configured 发文机关 */
  issuer: string;
  section: string;
  type: string;
  /** the file name (without .md) of `docNumber` */
  slug: string;
}

export function contentExamples(config: GazetteConfig): ContentExamples {
  // The first 发文机关 that has a 机关代字 (a configured issuer may have none).
  const issuer = config.issuers.find((candidate) => candidate.codes.length > 0) ?? config.issuers[0];
  const code = issuer?.codes[0] ?? { code: '某政发', slug: 'mzf' };
  return {
    docNumber: `${code.code}〔2018〕3号`,
    registrationCode: `${config.registration_prefix}-2018-00001`,
    issuer: issuer?.name ?? '某市人民政府',
    section: config.sections[0]?.name ?? '市政府文件',
    type: config.types[0]?.name ?? '通知',
    slug: documentSlug(code.slug, { year: 2018, serial: 3 }),
  };
}

/** Front-matter examples (`key: value`) that depend on the config; the others are in `fieldLabels`. */
export function fieldExamples(config: GazetteConfig): Record<string, string> {
  const example = contentExamples(config);
  const second = config.sections[1]?.name;
  return {
    title: `title: ${example.issuer}关于……的${example.type}`,
    doc_number: `doc_number: ${example.docNumber}`,
    registration_code: `registration_code: ${example.registrationCode}`,
    issuers: `issuers: [${example.issuer}]`,
    section: `section: ${example.section}`,
    type: `type: ${example.type}`,
    repealed_by: `repealed_by: ${example.docNumber.replace('2018', '2020')}`,
    amended_by: `amended_by: [${example.docNumber.replace('2018', '2019')}]`,
    sections: `sections: [${[example.section, second].filter(Boolean).join(', ')}]`,
    contents: `contents: [${example.slug}]`,
  };
}
