import { stringOption } from '../args';
import { UsageError } from '../exit-codes';
import { cell, printJson, printTable } from '../output';
import { withUnlockedVault, type Command, type CommandContext } from './command';
import { readCounselFile } from './counsel';
import { courtOption, packageOption } from './filings';
import { describeFileHit, readDocument, type SealingSetReport, VaultError } from '../../core';

const sealingSet: Command = {
  path: ['sealing-set'],
  usage:
    'sealing-set --case ID --out DIR [--court ID] [--facts DRAFT] [--format california|federal] [--counsel-file FILE]\n' +
    '       [--docx] [--pdfa] [--package-passphrase-file FILE | --package-recipient PUBKEY_FILE] [--json]',
  summary:
    'the sealing papers of a Doe case: motion for leave to proceed under pseudonyms and to seal the identities, declaration of counsel, ' +
    'proposed order (public) and the declaration of identities (lodged under seal), verified before they are written',
  options: {
    case: { type: 'string', help: '--case ID' },
    out: { type: 'string', help: '--out DIR            a folder without an earlier set or export (created if missing)' },
    court: { type: 'string', help: '--court ID           a court of resources/courts.json (e.g. ca-sup-los-angeles, cacd): the form and the law the papers follow' },
    facts: { type: 'string', help: '--facts DRAFT        a draft (the complaint) whose front matter gives the caption: case number, judge, parties, counsel, dates' },
    format: { type: 'string', help: '--format F           california (default) or federal, when no court of the list is given' },
    'counsel-file': { type: 'string', help: "--counsel-file FILE  a YAML list of counsel, over the draft's and the stored counsel" },
    docx: { type: 'boolean', help: '--docx               also a Word file of each public paper, to complete its bracketed prompts' },
    pdfa: { type: 'boolean', help: '--pdfa               every PDF as PDF/A-2b (archival)' },
    'package-passphrase-file': { type: 'string', help: '--package-passphrase-file FILE  also sealing-set.doesealed (the lodged declaration and the manifest) under this passphrase' },
    'package-recipient': { type: 'string', help: '--package-recipient FILE        also sealing-set.doesealed for this recipient key (.pub)' },
  },
  required: ['case', 'out'],
  async run(ctx) {
    const o = ctx.options;
    const format = stringOption(o, 'format');
    if (format !== undefined && format !== 'california' && format !== 'federal') throw new UsageError(`--format must be california or federal, not "${format}"`);
    const court = courtOption(o);
    const factsPath = stringOption(o, 'facts');
    const draft = factsPath === undefined ? undefined : await readDocument(factsPath);
    if (draft?.format === 'pdf') throw new UsageError('--facts takes the draft (.md, .txt or .docx) whose front matter gives the caption, not a PDF');
    const counselFile = stringOption(o, 'counsel-file');
    const counsel = counselFile === undefined ? undefined : await readCounselFile(counselFile);
    const protection = await packageOption(ctx);
    const report = await withUnlockedVault(ctx, (vault) =>
      vault.filings.sealingSet(stringOption(o, 'case')!, {
        destination: stringOption(o, 'out')!,
        docx: o.docx === true,
        pdfa: o.pdfa === true,
        package: protection,
        court,
        format,
        facts: draft === undefined ? undefined : { draft: draft.text },
        counsel,
      }),
    );
    printReport(ctx, report);
  },
};

function printReport(ctx: CommandContext, report: SealingSetReport): void {
  if (ctx.json) printJson(ctx.io, report);
  if (report.status === 'leak-found') {
    if (!ctx.json) for (const hit of report.verification.hits) ctx.io.stdout.write(`${describeFileHit(hit)}\n`);
    throw new VaultError('LEAK_FOUND', `The public papers named someone in the vault (${report.verification.hits.length} mentions); nothing of the set was written.`);
  }
  if (ctx.json) return;
  printTable(
    ctx.io,
    ['FILE', 'ROLE', 'BYTES', 'SHA-256'],
    report.files.map((f) => [f.name, f.role ?? (f.name.endsWith('.doesealed') ? 'package' : 'manifest'), String(f.bytes), f.sha256]),
    '',
  );
  const v = report.verification;
  const lodged = report.files.filter((f) => f.role === 'lodged').map((f) => cell(f.name));
  ctx.io.stdout.write(
    `\nVerified: ${v.scanned.join(', ')} checked against ${v.identities} identities: nothing found` +
      `${v.cleared > 0 ? ` (${v.cleared} cleared: marked "not a plaintiff", or a lone given name or surname in the papers' own wording)` : ''}; ` +
      `${lodged.join(' and ')} names all ${report.manifest.set.plaintiffs} plaintiffs and is lodged conditionally under seal.\n` +
      'Complete the bracketed prompts before filing, then check each paper you file with `doe-vault verify`.\n' +
      `Written to ${report.folder}\n`,
  );
}

export const sealingSetCommands: Command[] = [sealingSet];
