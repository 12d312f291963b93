import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * OCR never downloads anything (issue 14): the engine, worker script and English model come
 * from node_modules. Proved by running it in a new network namespace with no interfaces up
 * (`unshare -n`, Linux, root or user namespaces): any fetch would fail there.
 */
const ROOT = join(import.meta.dirname, '../../../..');
const canUnshare = process.platform === 'linux' && spawnSync('unshare', ['-n', 'true']).status === 0;

describe('OCR offline', () => {
  it.skipIf(!canUnshare)('reads a line of text with no network at all', { timeout: 120_000 }, () => {
    const out = execFileSync('unshare', ['-n', process.execPath, '--import', 'tsx', join(import.meta.dirname, 'helpers/ocr-child.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 110_000,
    });
    expect(JSON.parse(out)).toEqual(['Gangs', 'and', 'Narcotics', 'Division']);
  });
});
