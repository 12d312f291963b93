import { printJson, printTable } from '../output';
import { withUnlockedVault, type Command } from './command';
import { VaultError } from '../../core';

const list: Command = {
  path: ['audit', 'list'],
  usage: 'audit list',
  summary: 'the audit log, oldest first',
  options: {},
  async run(ctx) {
    const entries = await withUnlockedVault(ctx, (vault) => vault.audit.list());
    if (ctx.json) {
      printJson(ctx.io, entries);
      return;
    }
    printTable(
      ctx.io,
      ['#', 'TIME (UTC)', 'ACTION', 'DETAILS'],
      entries.map((e) => [
        String(e.seq),
        e.at.replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
        e.action,
        Object.entries(e.details)
          .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(',') : String(value)}`)
          .join(' '),
      ]),
      'The audit log is empty.',
    );
  },
};

const verify: Command = {
  path: ['audit', 'verify'],
  usage: 'audit verify',
  summary: 'check the hash chain and MACs; exit 4 naming the first altered, removed or reordered entry',
  options: {},
  async run(ctx) {
    const result = await withUnlockedVault(ctx, (vault) => vault.audit.verify());
    if (ctx.json) printJson(ctx.io, result);
    if (!result.ok) {
      throw new VaultError(
        'DAMAGED',
        `audit log check failed at entry #${result.firstBadEntry}: ${result.problem}. Keep this vault file as evidence and restore a backup to keep working.`,
      );
    }
    if (!ctx.json) ctx.io.stdout.write(`Audit log intact: ${result.entries} entries, hash chain and MACs verified.\n`);
  },
};

export const auditCommands: Command[] = [list, verify];
