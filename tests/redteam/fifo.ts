import { execFileSync } from 'node:child_process';

/** Node has no mkfifo: the coreutils command makes one. */
export function mkfifoSync(path: string): void {
  execFileSync('mkfifo', [path]);
}
