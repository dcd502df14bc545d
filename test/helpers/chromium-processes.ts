import { readdirSync, readFileSync } from 'node:fs';

/** The Chromium processes descended from this one (read from /proc). */
export function chromiumProcesses(): number[] {
  const parents = new Map<number, number>();
  const names = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
      names.set(Number(entry), readFileSync(`/proc/${entry}/cmdline`, 'utf8'));
    } catch {
      // gone meanwhile
    }
  }
  const descends = (pid: number): boolean => {
    for (let at = parents.get(pid); at !== undefined && at > 1; at = parents.get(at))
      if (at === process.pid) return true;
    return false;
  };
  return [...names].filter(([pid, cmd]) => /chrom/i.test(cmd) && descends(pid)).map(([pid]) => pid);
}

/**
 * The memory of processes in bytes: their proportional set size (shared pages split between the
 * processes that map them, so a family is not counted several times), or their RSS where PSS is unreadable.
 */
export function memoryOf(pids: readonly number[]): number {
  let bytes = 0;
  for (const pid of pids) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      bytes += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
    } catch {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        bytes += Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
      } catch {
        // gone meanwhile
      }
    }
  }
  return bytes;
}
