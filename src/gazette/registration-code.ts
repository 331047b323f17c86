// 登记号 (规范性文件登记号) PREFIX-YYYY-NNNNN: its pattern for a configured prefix, loose parsing, the standard form and the lookup key.

export interface RegistrationCode {
  /** the configured registration_prefix, e.g. ABCR */
  prefix: string;
  year: number;
  /** the serial within the year, without leading zeros */
  serial: number;
}

/** A configured registration_prefix: 2 to 10 capital letters. */
export const REGISTRATION_PREFIX = /^[A-Z]{2,10}$/;

/** What may stand between the prefix, year and serial as people and extraction write it: spaces, dashes, underscores. */
const SEPARATOR = '[\\s\\-_－—–]*';

/** A 登记号 in any common written form, unanchored, with groups prefix, year, serial: abcr 2020 00001, ABCR－2020－00001. */
export const REGISTRATION_CODE_LOOSE_SOURCE = `([A-Za-z]{2,10})${SEPARATOR}(\\d{4})${SEPARATOR}(\\d{5})`;

const LOOSE = new RegExp(`^${REGISTRATION_CODE_LOOSE_SOURCE}$`);

/** A 登记号 inside running text (a 目录 entry prints it next to the 发文字号): capital prefix, dashes optional. */
export const REGISTRATION_CODE_IN_TEXT = /([A-Z]{2,10})-?(\d{4})-?(\d{5})/;

/** The standard form of a 登记号 with this prefix, anchored, with groups year and serial: `^ABCR-(\d{4})-(\d{5})$`. */
function registrationPattern(prefix: string): RegExp {
  return new RegExp(`^${prefix.replace(/[^A-Za-z]/g, '')}-(\\d{4})-(\\d{5})$`);
}

/** How the standard form reads, for messages: ABCR-年份-五位序号. */
export function registrationForm(prefix: string): string {
  return `${prefix}-年份-五位序号`;
}

/** Parse a 登记号 in the standard form of this prefix only (ABCR-2020-00001). */
export function parseRegistrationCode(text: string, prefix: string): RegistrationCode | undefined {
  const match = registrationPattern(prefix).exec(text);
  return match ? { prefix, year: Number(match[1]), serial: Number(match[2]) } : undefined;
}

/** Parse a 登记号 in any common written form, any prefix (abcr 2020 00001, ABCR202000001); the prefix comes back in capitals. */
export function parseLooseRegistrationCode(text: string): RegistrationCode | undefined {
  return fromGroups(LOOSE.exec(text.trim()));
}

/** The parts of a match of `REGISTRATION_CODE_LOOSE_SOURCE` or `REGISTRATION_CODE_IN_TEXT` (groups 1–3). */
export function fromGroups(match: RegExpExecArray | null): RegistrationCode | undefined {
  return match ? { prefix: match[1]!.toUpperCase(), year: Number(match[2]), serial: Number(match[3]) } : undefined;
}

/** The standard form: ABCR-2020-00001. */
export function formatRegistrationCode(code: RegistrationCode): string {
  return `${formatRegistrationSeries(code)}-${String(code.serial).padStart(5, '0')}`;
}

/** A series of 登记号, one prefix and year, as the codes of it begin: ABCR-2020. */
export function formatRegistrationSeries(code: Pick<RegistrationCode, 'prefix' | 'year'>): string {
  return `${code.prefix}-${code.year}`;
}

/** The canonical key of a 登记号 in any written form (ABCR-2020-00001), or undefined. */
export function registrationKey(text: string): string | undefined {
  const code = parseLooseRegistrationCode(text);
  return code ? formatRegistrationCode(code) : undefined;
}
