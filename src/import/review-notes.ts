// Review notes: what the importer did at a raw line and why, or where it was unsure; and their vfile form for reporting.
import type { VFile } from 'vfile';
import { report, type RuleId } from '../content/rules.ts';

/** error: the import cannot produce a valid issue; warning: a human must look here; info: a routine repair, listed with --verbose. */
export type NoteSeverity = 'error' | 'warning' | 'info';

export interface Note {
  /** 1-based line in the raw text */
  line: number;
  severity: NoteSeverity;
  rule: RuleId;
  message: string;
}

/** Collects notes while the import runs. */
export class Notes {
  readonly items: Note[] = [];

  add(line: number, severity: NoteSeverity, rule: RuleId, message: string): void {
    this.items.push({ line, severity, rule, message });
  }

  error(line: number, rule: RuleId, message: string): void {
    this.add(line, 'error', rule, message);
  }

  warn(line: number, rule: RuleId, message: string): void {
    this.add(line, 'warning', rule, message);
  }

  info(line: number, rule: RuleId, message: string): void {
    this.add(line, 'info', rule, message);
  }

  get failed(): boolean {
    return this.items.some((item) => item.severity === 'error');
  }

  count(severity: NoteSeverity, rule?: RuleId): number {
    return this.items.filter((item) => item.severity === severity && (!rule || item.rule === rule)).length;
  }
}

/** A short quote of printed text for a message: its first and last characters. */
export function quote(text: string, length = 12): string {
  const compact = text.replace(/\s+/g, '');
  return compact.length <= length * 2 ? `「${compact}」` : `「${compact.slice(0, length)}……${compact.slice(-length)}」`;
}

/** The last characters of a text, for "ends with …" messages. */
export function tail(text: string, length = 10): string {
  const compact = text.replace(/\s+/g, '');
  return `「${compact.length > length ? '…' : ''}${compact.slice(-length)}」`;
}

/** The first characters of a text. */
export function head(text: string, length = 10): string {
  const compact = text.replace(/\s+/g, '');
  return `「${compact.slice(0, length)}${compact.length > length ? '…' : ''}」`;
}

/** Put the notes on the raw text's VFile as placed messages (errors and warnings through `report`, infos unmarked). */
export function notesToFile(file: VFile, notes: Note[], options: { verbose?: boolean } = {}): void {
  for (const note of notes) {
    const place = { line: note.line, column: 1 };
    if (note.severity === 'info') {
      if (!options.verbose) continue;
      const message = file.message(note.message, { place, ruleId: note.rule, source: 'gazette' });
      message.fatal = undefined;
    } else report(file, note.message, place, note.rule, note.severity);
  }
}
