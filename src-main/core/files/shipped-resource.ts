import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The path of a file the project ships under resources/ ("fonts", "Tinos_400Regular.ttf"),
 * found by walking up from this module: the same answer from the sources (tests, tsx), the
 * build in out/main (CLI, worker) and the packaged app, which carries resources/ beside out/.
 * When nothing is found, the path beside this module: the reader then names it in its error.
 */
export function shippedResource(...segments: string[]): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const relative = join('resources', ...segments);
  let dir = here;
  for (let up = 0; up < 6; up++) {
    if (existsSync(join(dir, relative))) return join(dir, relative);
    dir = dirname(dir);
  }
  return join(here, relative);
}
