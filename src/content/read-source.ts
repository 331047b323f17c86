// Reads one content file as text: strict UTF-8 (BOM and CRLF accepted), size-limited, into a VFile with a repo-relative path.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { report } from './rules.ts';

export interface ReadOptions {
  /** Paths in messages are relative to this folder (default: the working directory). */
  cwd?: string;
  /** Largest accepted file, in bytes (default 2 MiB). */
  maxBytes?: number;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Read `filePath` into a VFile. Problems (encoding, size, empty) are fatal messages on the file, never exceptions. */
export async function readSource(filePath: string, options: ReadOptions = {}): Promise<VFile> {
  const cwd = options.cwd ?? process.cwd();
  const maxBytes = options.maxBytes ?? 2 * 1024 * 1024;
  const file = new VFile({ path: path.relative(cwd, filePath) || filePath, cwd, value: '' });
  const place = { line: 1, column: 1 };
  const stats = await stat(filePath).catch(() => undefined);
  if (!stats?.isFile()) {
    report(file, `找不到文件 ${file.path}：请检查路径（--content、--config 是相对于当前文件夹的）`, place, 'file-location');
    return file;
  }
  const size = stats.size;
  if (size > maxBytes) {
    report(file, `文件过大（${size} 字节，上限 ${maxBytes} 字节）：请拆分文件，或在配置中调高上限`, place, 'file-size');
    return file;
  }
  const bytes = await readFile(filePath);
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    report(file, '文件不是 UTF-8 编码（可能是 Windows 记事本保存的 GBK/GB2312）：请用编辑器“另存为 UTF-8”后重新提交', place, 'file-encoding');
    return file;
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    report(file, '文件为空：请写入前置元数据和正文，或删除此文件', place, 'file-empty');
    return file;
  }
  file.value = text;
  return file;
}

