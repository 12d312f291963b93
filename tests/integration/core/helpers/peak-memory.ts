import { readFileSync } from 'node:fs';

/** The process's peak resident memory in MiB: VmHWM on Linux, maxRSS elsewhere. For the hostile-input children. */
export function peakMiB(): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}
