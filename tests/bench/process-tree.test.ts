// The bench's memory figure covers the whole process tree: a child and the processes it spawns.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { descendants, treeRssBytes } from '../../scripts/bench/process-tree.ts';

describe('descendants', () => {
  it('walks the parent links from the root down', () => {
    const parents = new Map([[1, 0], [10, 1], [11, 10], [12, 10], [13, 11], [20, 1]]);
    expect(descendants(10, parents).sort()).toEqual([10, 11, 12, 13]);
    expect(descendants(99, parents)).toEqual([]);
  });

  it.runIf(process.platform === 'linux')('finds a live child and its grandchildren in /proc', async () => {
    const child = spawn('sh', ['-c', 'sleep 5 & sleep 5 & wait'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(descendants(child.pid!).length).toBe(3);
      expect(treeRssBytes(child.pid!)).toBeGreaterThan(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
