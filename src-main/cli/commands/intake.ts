import { stringOption, listOption } from '../args';
import { UsageError } from '../exit-codes';
import { printJson } from '../output';
import { withUnlockedVault, type Command, type CommandContext } from './command';
import { applyOverrides, describeDuplicate, type ImportSummary, IntakeRejected, type OperationControl } from '../../core';

const ON_DUPLICATE = ['skip', 'import', 'fail'] as const;

const importCommand: Command = {
  path: ['plaintiff', 'import'],
  usage: 'plaintiff import --case ID FILE.csv|FILE.xlsx [--sheet NAME] [--map HEADER=field]... [--on-duplicate skip|import|fail] [--dry-run]',
  summary: 'import plaintiffs from a spreadsheet, all rows or none; any invalid row or (by default) duplicate stops it',
  options: {
    case: { type: 'string', help: '--case ID' },
    sheet: { type: 'string', help: '--sheet NAME      the workbook sheet to read (default: the first)' },
    map: { type: 'string', multiple: true, help: '--map HEADER=field   a column\'s field (legalName, firstName, middleName, lastName, aliases, gender, dob, email, phone, address, idNumbers, notes, ignore); repeatable' },
    'on-duplicate': { type: 'string', help: '--on-duplicate skip|import|fail   rows naming someone already in the file or the vault (default fail)' },
    'dry-run': { type: 'boolean', help: '--dry-run         check and count, write nothing' },
  },
  required: ['case'],
  positionals: ['FILE'],
  async run(ctx) {
    const [file] = ctx.args as [string];
    const caseId = stringOption(ctx.options, 'case')!;
    const onDuplicate = stringOption(ctx.options, 'on-duplicate') ?? 'fail';
    if (!(ON_DUPLICATE as readonly string[]).includes(onDuplicate)) throw new UsageError('--on-duplicate takes skip, import or fail');
    const sheet = stringOption(ctx.options, 'sheet');
    const dryRun = ctx.options['dry-run'] === true;
    const summary = await withUnlockedVault(ctx, async (vault) => {
      const inspection = await vault.intake.inspect(caseId, file, { sheet });
      const mapping = applyOverrides(inspection.headers, inspection.mapping, listOption(ctx.options, 'map'));
      try {
        return await vault.intake.import(caseId, file, {
          sheet,
          mapping,
          onDuplicate: onDuplicate as (typeof ON_DUPLICATE)[number],
          dryRun,
          control: progressOnTerminal(ctx),
        });
      } catch (error) {
        if (error instanceof IntakeRejected) printRejection(ctx, error);
        throw error;
      } finally {
        clearProgress(ctx);
      }
    });
    if (ctx.json) {
      printJson(ctx.io, jsonSummary(summary));
      return;
    }
    const { added, skipped, merged, rejected } = summary;
    const range = summary.pseudonyms ? ` (${summary.pseudonyms.first} to ${summary.pseudonyms.last})` : '';
    ctx.io.stdout.write(`${dryRun ? 'Dry run, nothing written: would add' : 'Added'} ${added}${range}, skipped ${skipped}, merged ${merged}, rejected ${rejected}.\n`);
    for (const d of summary.duplicates) ctx.io.stdout.write(`  duplicate: ${describeDuplicate(d)}\n`);
  },
};

function jsonSummary(summary: ImportSummary) {
  return {
    added: summary.added,
    skipped: summary.skipped,
    merged: summary.merged,
    rejected: summary.rejected,
    problems: summary.problems,
    duplicates: summary.duplicates,
    ...(summary.pseudonyms ? { pseudonyms: summary.pseudonyms } : {}),
    ...(summary.dryRun ? { dryRun: true } : {}),
  };
}

/** Every problem (row and field) or duplicate, before the one-line error. */
function printRejection(ctx: CommandContext, error: IntakeRejected): void {
  if (ctx.json) {
    printJson(ctx.io, jsonSummary(error.summary));
    return;
  }
  // Like `scan`: the list on stdout, then the one-line error on stderr.
  for (const p of error.summary.problems) ctx.io.stdout.write(`${p.message}\n`);
  if (error.code === 'CONFLICT') for (const d of error.summary.duplicates) ctx.io.stdout.write(`duplicate: ${describeDuplicate(d)}\n`);
}

function isTerminal(ctx: CommandContext): boolean {
  return (ctx.io.stderr as { isTTY?: boolean }).isTTY === true && !ctx.json;
}

/** Progress on stderr, one rewritten line, only when stderr is a terminal. */
function progressOnTerminal(ctx: CommandContext): OperationControl | undefined {
  if (!isTerminal(ctx)) return undefined;
  let last = 0;
  return {
    onProgress(done, total, step) {
      const now = Date.now();
      if (now - last < 100 && done !== total) return;
      last = now;
      ctx.io.stderr.write(`\r\x1b[2K${step}: ${done.toLocaleString('en-US')}${total === null ? '' : ` of ${total.toLocaleString('en-US')}`}`);
    },
  };
}

function clearProgress(ctx: CommandContext): void {
  if (isTerminal(ctx)) ctx.io.stderr.write('\r\x1b[2K');
}

export const intakeCommands: Command[] = [importCommand];
