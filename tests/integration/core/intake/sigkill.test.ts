import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeIntakeCsv } from '../../../fixtures/intake-files';
import { syntheticPlaintiffs } from '../../../fixtures/synthetic';
import { tempVault } from '../../../fixtures/temp-vault';
import { bundleChild, runChild } from '../helpers/kill-child';
import { openUnlocked, withDb } from '../helpers/raw';

const CHILD_SOURCE = fileURLToPath(new URL('../helpers/intake-child.ts', import.meta.url));
/** The size; DOEVAULT_SIGKILL_ROWS sets another (a quicker run while working on intake). */
const ROWS = Number(process.env.DOEVAULT_SIGKILL_ROWS ?? 100_000);
const KILLS = 20;

describe(`SIGKILL during an import of ${ROWS.toLocaleString('en-US')} rows`, () => {
  let path: string;
  let dir: string;
  let caseId: string;
  let cleanup: () => void;
  let child: string;

  beforeAll(async () => {
    child = await bundleChild(CHILD_SOURCE);
    const created = await tempVault();
    ({ path, dir, cleanup } = created);
    caseId = created.vault.cases.create({ title: 'Doe v. Example Corp', scheme: 'neutral' }).id;
    created.vault.close();
    copyFileSync(path, `${path}.pristine`);
  });

  /** Every run imports into the same empty vault: no duplicates pile up, every run costs the same. */
  function freshVault(): void {
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    copyFileSync(`${path}.pristine`, path);
  }
  afterAll(() => {
    cleanup();
    rmSync(child, { force: true });
  });

  async function checkVault(): Promise<{ count: number; imports: number }> {
    const vault = await openUnlocked(path);
    let count: number;
    let imports: number;
    try {
      count = vault.cases.list()[0]!.plaintiffs;
      expect(vault.audit.verify()).toMatchObject({ ok: true });
      imports = vault.audit.list().filter((e) => e.action === 'plaintiffs.imported').length;
    } finally {
      vault.close();
    }
    withDb(
      path,
      (db) => {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const next = (db.prepare('SELECT next_seq FROM cases').get() as { next_seq: number }).next_seq;
        expect(next).toBe(count + 1);
      },
      { readonly: true },
    );
    return { count, imports };
  }

  it(`leaves all rows or none, ${KILLS} times, and a sound vault`, { timeout: 900_000 }, async () => {
    const csv = join(dir, 'intake.csv');
    writeIntakeCsv(csv, syntheticPlaintiffs(ROWS, 2026));
    freshVault();
    const calibration = await runChild(child, [path, caseId, csv]);
    expect(calibration.stderr).toBe('');
    expect(calibration).toMatchObject({ code: 0, sawTx: true, sawDone: true });
    const txMs = calibration.txMs!;
    expect(await checkVault()).toEqual({ count: ROWS, imports: 1 });
    let rolledBack = 0;
    for (let i = 0; i < KILLS; i++) {
      freshVault();
      // Most kills anywhere inside the transaction; every fifth around its end (the commit).
      const delay = i % 5 === 4 ? txMs * (0.9 + Math.random() * 0.2) : Math.random() * txMs;
      const run = await runChild(child, [path, caseId, csv], delay);
      if (run.signal !== 'SIGKILL' && !(run.code === 0 && run.sawDone)) throw new Error(`the child failed (code ${run.code}): ${run.stderr}`);
      expect(run.sawTx).toBe(true);
      const now = await checkVault();
      expect([0, ROWS], `after kill ${i + 1} at ${delay.toFixed(0)} ms`).toContain(now.count);
      expect(now.imports).toBe(now.count / ROWS);
      if (now.count === 0) rolledBack++;
    }
    expect(rolledBack).toBeGreaterThanOrEqual(KILLS / 2);
  });
});
