import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticPlaintiffs } from '../../fixtures/synthetic';
import { tempVault } from '../../fixtures/temp-vault';
import { bundleChild, runChild } from './helpers/kill-child';
import { openUnlocked, withDb } from './helpers/raw';

const CHILD_SOURCE = fileURLToPath(new URL('./helpers/bulk-add-child.ts', import.meta.url));
const BATCH = 10_000;
const KILLS = 20;

describe('SIGKILL in the middle of adding 10,000 plaintiffs in one transaction', () => {
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
  });
  afterAll(() => {
    cleanup();
    rmSync(child, { force: true });
  });

  /** Opens the vault as the app would after the crash and checks it. Returns the plaintiff count. */
  async function checkVault(): Promise<{ count: number; additions: number }> {
    const vault = await openUnlocked(path);
    let count: number;
    let additions: number;
    try {
      count = vault.cases.list()[0]!.plaintiffs;
      expect(vault.audit.verify()).toMatchObject({ ok: true });
      additions = vault.audit.list().filter((e) => e.action === 'plaintiffs.added').length;
    } finally {
      vault.close();
    }
    withDb(
      path,
      (db) => {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const seqs = db.prepare('SELECT count(*) AS n, min(seq) AS lo, max(seq) AS hi FROM plaintiffs').get() as { n: number; lo: number | null; hi: number | null };
        const next = (db.prepare('SELECT next_seq FROM cases').get() as { next_seq: number }).next_seq;
        expect(seqs.n).toBe(count);
        // Numbers reserved by a rolled-back transaction are not lost or skipped: 1..n, next n+1.
        if (count > 0) expect([seqs.lo, seqs.hi]).toEqual([1, count]);
        expect(next).toBe(count + 1);
      },
      { readonly: true },
    );
    return { count, additions };
  }

  it(`leaves all or none of each batch, ${KILLS} times, and a sound vault`, { timeout: 600_000 }, async () => {
    const started = performance.now();
    const dataPath = join(dir, 'plaintiffs.json');
    writeFileSync(dataPath, JSON.stringify(syntheticPlaintiffs(BATCH, 4242)));

    // Calibration: one complete run measures how long the transaction takes on this machine now.
    const calibration = await runChild(child, [path, caseId, dataPath]);
    expect(calibration.stderr).toBe('');
    expect(calibration).toMatchObject({ code: 0, sawTx: true, sawDone: true });
    const txDurations = [calibration.txMs!];
    let previous = await checkVault();
    expect(previous).toEqual({ count: BATCH, additions: 1 });

    const outcomes = { rolledBack: 0, committed: 0, finished: 0 };
    for (let i = 0; i < KILLS; i++) {
      // Most kills anywhere inside the transaction; every fifth one around its expected end,
      // where the commit and the checkpoint after it write to the file.
      const txMs = [...txDurations].sort((a, b) => a - b)[txDurations.length >> 1]!;
      const delay = i % 5 === 4 ? txMs * (0.9 + Math.random() * 0.2) : Math.random() * txMs;
      const run = await runChild(child, [path, caseId, dataPath], delay);
      // A kill aimed past the end may come after the child has finished: that is an addition.
      if (run.signal !== 'SIGKILL' && !(run.code === 0 && run.sawDone)) {
        throw new Error(`the child failed (code ${run.code}): ${run.stderr}`);
      }
      expect(run.sawTx).toBe(true);
      if (run.sawDone) txDurations.push(run.txMs!);

      const now = await checkVault();
      expect([previous.count, previous.count + BATCH], `after kill ${i + 1} at ${delay.toFixed(0)} ms`).toContain(now.count);
      expect(now.count % BATCH).toBe(0);
      // The audit entry of the addition commits with it, or neither does.
      expect(now.additions).toBe(now.count / BATCH);
      if (now.count === previous.count) outcomes.rolledBack++;
      else if (run.signal === 'SIGKILL') outcomes.committed++;
      else outcomes.finished++;
      previous = now;
    }

    const vault = await openUnlocked(path);
    try {
      const roster = vault.plaintiffs.roster(caseId);
      expect(roster).toHaveLength(previous.count);
      expect(roster.at(-1)).toMatchObject({ seq: previous.count, pseudonym: `Doe ${previous.count}` });
    } finally {
      vault.close();
    }
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `SIGKILL x${KILLS}: ${outcomes.rolledBack} rolled back mid-transaction, ${outcomes.committed} killed after commit, ` +
        `${outcomes.finished} finished before the kill; ` +
        `transaction ~${txDurations[0]!.toFixed(0)} ms; ${seconds.toFixed(1)} s in all`,
    );
    // Most kills must have landed inside the transaction, or the test proves little.
    expect(outcomes.rolledBack).toBeGreaterThanOrEqual(KILLS / 2);
  });
});
