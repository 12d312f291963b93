import { describe, expect, it } from 'vitest';
import { runRedTeam } from '../../redteam/run';
import { VECTORS } from '../../redteam/vectors';

/**
 * `npm run redteam` in every CI run, one try per vector with a seed of its own (the script's
 * default seed tries more): every known way a name got through is caught at every door.
 */
describe('the red team', () => {
  it('catches every known vector through the built command line', { timeout: 600_000 }, async () => {
    const log: string[] = [];
    const rows = await runRedTeam({ tries: 1, seed: 2026, log: (line) => log.push(line) });
    expect(rows.map((r) => r.vector)).toEqual(VECTORS.map((v) => v.name));
    expect(rows.filter((r) => r.caught < r.tries), log.join('\n')).toEqual([]);
  });
});
