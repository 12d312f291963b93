/**
 * `npm run redteam`: tries every known way a real name got past DoeVault (issue 11) through the
 * built command line, with synthetic people (faker, fixed seed), and prints a table: vector,
 * tries, caught. Exits 1 unless every try of every vector was caught.
 *
 *   npm run redteam -- [--tries N] [--seed N] [--only TEXT]
 */
import { parseArgs } from 'node:util';
import { runRedTeam } from './run';

const { values } = parseArgs({
  options: { tries: { type: 'string', default: '5' }, seed: { type: 'string', default: '1104' }, only: { type: 'string' } },
});
const tries = Number(values.tries);
if (!Number.isInteger(tries) || tries < 1) throw new Error('--tries must be a whole number of at least 1');

const rows = await runRedTeam({ tries, seed: Number(values.seed), only: values.only, log: (line) => process.stderr.write(`${line}\n`) });

const width = Math.max('vector'.length, ...rows.map((r) => r.vector.length));
const line = (a: string, b: string, c: string, d: string) => `${a.padEnd(width)}  ${b.padStart(5)}  ${c.padStart(6)}  ${d}`;
console.log(line('vector', 'tries', 'caught', ''));
console.log(line('-'.repeat(width), '-----', '------', ''));
for (const r of rows) console.log(line(r.vector, String(r.tries), String(r.caught), r.caught === r.tries ? 'all caught' : 'MISSED'));
const missed = rows.filter((r) => r.caught < r.tries);
console.log(missed.length === 0 ? `\nAll ${rows.length} vectors caught on every try.` : `\n${missed.length} vector(s) got through.`);
process.exitCode = missed.length === 0 ? 0 : 1;
