// Lists the messages on a set of vfiles, one line each (path:line:col severity reason rule), for benchmark diagnostics.
import type { VFile } from 'vfile';

/** Every message, `path:line:col  error|warning  reason  rule`; empty string when there are none. */
export function listMessages(files: VFile[]): string {
  return files
    .flatMap((file) => file.messages.map((message) => {
      const severity = message.fatal === true ? 'error' : 'warning';
      return `${file.path}:${message.line ?? 1}:${message.column ?? 1}  ${severity}  ${message.reason}  ${message.ruleId ?? ''}`.trimEnd();
    }))
    .join('\n');
}
