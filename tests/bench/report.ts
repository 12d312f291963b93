// The table and its footnotes.
import { formatCount, formatDuration, formatRatio, markdownTable, median } from './measure';
import { OPERATIONS, type Operation, type Samples } from './operations';

export interface ReportInput {
  plaintiffs: number;
  lookups: number;
  runs: number;
  kdfLabel: string;
  testKdf: boolean;
  environment: string;
  doevault: Samples;
  /** undefined: sqlite3 is not installed. */
  sqlite3?: { samples: Samples; baseline: number; version: string };
}

export const NOT_INSTALLED = 'n/a (apt-get install sqlite3)';

export function rowLabel(op: Operation, plaintiffs: number, lookups: number): string {
  const n = formatCount(plaintiffs);
  switch (op) {
    case 'create':
      return 'create vault (2 keyslots)';
    case 'unlock':
      return 'unlock (open + KDF)';
    case 'add':
      return `add ${n} plaintiffs, one transaction`;
    case 'sealedRoster':
      return `sealed roster of ${n} (identities)`;
    case 'publicRoster':
      return `public roster of ${n} (pseudonyms)`;
    case 'lookup':
      return `duplicate lookup among ${n}, per lookup (${formatCount(lookups)})`;
  }
}

export function renderReport(input: ReportInput): string {
  const header = ['operation', 'DoeVault (median)', 'sqlite3 unencrypted (median)', 'ratio (DoeVault / sqlite3)'];
  const body = OPERATIONS.map((op) => {
    const ours = median(input.doevault[op]);
    const theirs = input.sqlite3 ? median(input.sqlite3.samples[op]) : Number.NaN;
    return [
      rowLabel(op, input.plaintiffs, input.lookups),
      formatDuration(ours),
      input.sqlite3 ? formatDuration(theirs) : NOT_INSTALLED,
      input.sqlite3 && theirs > 0 ? formatRatio(ours / theirs) : '–',
    ];
  });

  const runs = input.runs === 1 ? '1 run' : `the median of ${input.runs} runs`;
  const notes = [
    `DoeVault: ${input.runs === 1 ? 'one run on a fresh vault' : `median of ${input.runs} runs, each on a fresh vault`}; every call goes through\n` +
      '   VaultService: validation, encryption, blind indexes and audit entries included.\n' +
      `   KDF: ${input.kdfLabel}.\n` +
      `   The lookup row is the median of ${formatCount(input.lookups)} single findDuplicates calls: keyed BLAKE2b\n` +
      '   of the folded name, an indexed SELECT, then the case key unwrapped and each match\n' +
      '   decrypted to compare dates of birth.',
    input.sqlite3
      ? `sqlite3 ${input.sqlite3.version}: the same rows in plain columns, the same pragmas (WAL, synchronous=FULL,\n` +
        '   secure_delete=ON, foreign_keys=ON), one sqlite3 process per job reading a .sql file. Where\n' +
        '   DoeVault writes an audit entry (create, unlock, add, sealed roster), sqlite3 inserts a plain one.\n' +
        `   Time = process wall time minus the wall time of an empty sqlite3 process (${formatDuration(input.sqlite3.baseline)}, median\n` +
        '   of 21): opening the file is included, process start-up is not. `.timer on` is not used: it\n' +
        '   reports whole milliseconds per statement. Lookup = one process running all ' +
        `${formatCount(input.lookups)} lookups\n` +
        '   (exact legal_name on an index), (wall - empty) / count: a mean, not a median.'
      : `sqlite3: not installed, so there is no reference column (Debian/Ubuntu: apt-get install sqlite3).`,
    input.testKdf
      ? 'TEST-ONLY INSECURE KDF (--quick --test-kdf): the create and unlock rows say nothing about the app.'
      : 'create and unlock are dominated by Argon2id, on purpose: at MODERATE each key derivation\n' +
        '   makes 3 passes over 256 MiB, about 0.5-1 s (create derives two keyslots, passphrase and\n' +
        '   recovery key; unlock one). That cost is what slows down guessing the passphrase of a\n' +
        '   stolen vault: the ratio in those two rows measures the defence, not overhead.',
  ];
  return [
    `DoeVault benchmark: ${formatCount(input.plaintiffs)} synthetic plaintiffs, ${runs}`,
    input.environment,
    '',
    ...markdownTable(header, body),
    '',
    ...notes.map((note, i) => `${i + 1}. ${note}`),
  ].join('\n');
}
