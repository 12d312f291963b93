import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import type { RedTeam } from './context';
import { draft, fullName, person } from './forms';

/**
 * Changes to the vault file made with the file and no keys (issue 11, leaks 2 and 3), with
 * the attacker's own tool: the sqlite3 shell. Each runs on a copy; caught when the copy opens
 * DAMAGED, so that scan and export of a draft naming a plaintiff exit 4 and write nothing.
 */
export const TAMPERINGS: Record<string, string> = {
  'a plaintiff row deleted': 'DELETE FROM plaintiffs WHERE seq = (SELECT MIN(seq) FROM plaintiffs);',
  'a row moved to another case':
    // The moved row takes the next free seq of the case it joins, so the move never trips the
    // (case_id, seq) key however many people earlier vectors added to that case.
    'UPDATE plaintiffs SET case_id = t.id, seq = t.free FROM (SELECT c.id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM plaintiffs WHERE case_id = c.id) AS free FROM cases c WHERE c.id <> (SELECT MIN(id) FROM cases) LIMIT 1) AS t WHERE plaintiffs.case_id = (SELECT MIN(id) FROM cases) AND plaintiffs.seq = (SELECT MAX(seq) FROM plaintiffs WHERE case_id = (SELECT MIN(id) FROM cases));',
  'two seq values swapped':
    'UPDATE plaintiffs SET seq = -seq WHERE seq IN (1, 2); UPDATE plaintiffs SET seq = CASE seq WHEN -1 THEN 2 ELSE 1 END WHERE seq IN (-1, -2);',
  'a name_index flipped': 'UPDATE plaintiffs SET name_index = randomblob(length(name_index)) WHERE seq = 1;',
  'next_seq rewound': 'UPDATE cases SET next_seq = next_seq - 1;',
  'the recovery keyslot deleted': "DELETE FROM keyslots WHERE kind = 'recovery';",
  'the last audit entry removed': 'DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log);',
};

export async function tamperingCaught(team: RedTeam, sql: string): Promise<boolean> {
  const p = person();
  await team.add(p);
  await team.add(person());
  await team.ensureSecondCase();
  const copy = team.path('tampered.doevault');
  copyFileSync(team.vault, copy);
  for (const suffix of ['-wal', '-shm']) if (existsSync(team.vault + suffix)) copyFileSync(team.vault + suffix, copy + suffix);
  execFileSync('sqlite3', [copy, sql]);
  const text = draft(fullName(p));
  const scanned = (await team.cli(['scan', '--case', team.caseId, team.write('draft.md', text)], { vault: copy })).code;
  const out = team.path('export');
  const exported = (await team.cli(['export', '--case', team.caseId, '--in', team.write('draft.md', text), '--out', out, '--title', 'Complaint'], { vault: copy })).code;
  const written = existsSync(out) ? readdirSync(out).length : 0;
  if (process.env.REDTEAM_DEBUG) process.stderr.write(`  scan exit ${scanned}, export exit ${exported}, ${written} files written\n`);
  return scanned === 4 && exported === 4 && written === 0;
}
