import { rmSync } from 'node:fs';
import { assertBuilt } from './cli';
import { RedTeam } from './context';
import { seed } from './forms';
import { VECTORS } from './vectors';

export interface VectorResult {
  vector: string;
  tries: number;
  caught: number;
}

/**
 * Tries every vector (or those whose name contains `only`) `tries` times against one fresh
 * vault, through the built command line. A try that breaks the harness counts as missed.
 */
export async function runRedTeam(options: { tries: number; seed: number; only?: string; log?: (line: string) => void }): Promise<VectorResult[]> {
  assertBuilt();
  seed(options.seed);
  const log = options.log ?? (() => {});
  const team = new RedTeam();
  const rows: VectorResult[] = [];
  try {
    await team.setUp();
    for (const vector of VECTORS.filter((v) => options.only === undefined || v.name.includes(options.only))) {
      let caught = 0;
      for (let i = 0; i < options.tries; i++) {
        try {
          if (await vector.attempt(team, i)) caught++;
        } catch (error) {
          log(`${vector.name}, try ${i + 1}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      rows.push({ vector: vector.name, tries: options.tries, caught });
      log(`${caught === options.tries ? 'caught' : 'MISSED'}  ${vector.name} (${caught}/${options.tries})`);
    }
  } finally {
    rmSync(team.dir, { recursive: true, force: true });
  }
  return rows;
}
