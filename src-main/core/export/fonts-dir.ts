import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROBE = 'Tinos_400Regular.ttf';

/**
 * The folder of the fonts shipped in resources/fonts, found by walking up from this module:
 * the same answer from the sources (tests, tsx), the build in out/main (CLI, worker) and the
 * packaged app, which carries resources/fonts beside out/.
 */
export function defaultFontsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 6; up++) {
    const candidate = join(dir, 'resources', 'fonts');
    if (existsSync(join(candidate, PROBE))) return candidate;
    dir = dirname(dir);
  }
  return join(dirname(fileURLToPath(import.meta.url)), 'resources', 'fonts');
}
