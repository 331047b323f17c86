// Peak memory of a whole process tree (a child, its worker threads and every process it spawns), sampled from /proc.
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_BYTES = 4096;

/** The parent pid of every process, from /proc/<pid>/stat (field 4, after the parenthesised command name). */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      map.set(Number(name), Number(fields[1]));
    } catch {
      // the process ended between listing and reading
    }
  }
  return map;
}

/** `root` and all its descendants that are alive now. */
export function descendants(root: number, parentOf = parents()): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parentOf) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const tree: number[] = [];
  const queue = parentOf.has(root) ? [root] : [];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Resident set size of one process in bytes (/proc/<pid>/statm, field 2, in pages); 0 once it has ended. */
function rssBytes(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_BYTES;
  } catch {
    return 0;
  }
}

/** The sum of RSS over `root`'s tree now, in bytes. Shared pages count once per process, so this errs high. */
export function treeRssBytes(root: number): number {
  return descendants(root).reduce((sum, pid) => sum + rssBytes(pid), 0);
}

export interface TreeWatch {
  /** stop sampling; the highest total seen, in KiB (0 when /proc is unavailable) */
  stop(): number;
}

/** Sample `root`'s tree every `intervalMs` (and at once) until stopped; keeps the peak of the summed RSS. */
export function watchTree(root: number, intervalMs = 100): TreeWatch {
  let peak = 0;
  const sample = () => {
    try {
      peak = Math.max(peak, treeRssBytes(root));
    } catch {
      // no /proc (not Linux): no figure
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.round(peak / 1024);
    },
  };
}
