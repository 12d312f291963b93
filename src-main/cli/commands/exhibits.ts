import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { stringOption } from '../args';
import { UsageError } from '../exit-codes';
import { mayName, printJson, printTable } from '../output';
import { withUnlockedVault, type Command, type CommandContext } from './command';
import { courtOption } from './filings';
import { EXHIBIT_EXTENSIONS, KIND_WORDS, VaultError, type ExhibitFinding, type ResidualHit } from '../../core';

const EXTENSIONS = Object.keys(EXHIBIT_EXTENSIONS).join(' ');
const MAX_DECISIONS_BYTES = 1024 * 1024;

const kindWords = (kind: ExhibitFinding['kind']) => (kind === 'face' ? 'face' : KIND_WORDS[kind]);
const boxText = (b: { x: number; y: number; width: number; height: number }) => `${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}×${Math.round(b.height)}`;
const needs = (f: ExhibitFinding) => (f.action.kind === 'ask' ? `question (${f.action.why})` : 'redact');

/** Findings without the text read: a real name goes to a terminal only in --json, for a program that asked for it. */
function findingRows(findings: readonly ExhibitFinding[], caseId: string): string[][] {
  return findings.map((f) => [f.id, String(f.page), boxText(f.box), kindWords(f.kind), f.source, needs(f), mayName(f.targets, caseId) || '—']);
}
const HEADERS = ['ID', 'PAGE', 'BOX (pt)', 'KIND', 'READ BY', 'ACTION', 'MAY NAME'];

function exhibitFile(ctx: CommandContext): string {
  const [file] = ctx.args;
  const extension = extname(file!).toLowerCase();
  if (!(extension in EXHIBIT_EXTENSIONS)) throw new UsageError(`exhibits are ${EXTENSIONS} files, not ${extension || 'files without an extension'}`);
  return file!;
}

function dpiOption(ctx: CommandContext): number | undefined {
  const value = stringOption(ctx.options, 'dpi');
  if (value === undefined) return undefined;
  if (!/^\d{2,3}$/.test(value)) throw new UsageError('--dpi takes a whole number of dots per inch, 72 to 600');
  return Number(value);
}

/** Progress on a terminal only (OCR of a long scan takes minutes); scripts get a quiet stderr. */
function progress(ctx: CommandContext) {
  let last = '';
  if (ctx.json || (ctx.io.stderr as { isTTY?: boolean }).isTTY !== true) return undefined;
  return {
    onProgress: (done: number, total: number | null, step: string) => {
      const line = `${step}: ${done}${total ? `/${total}` : ''}`;
      if (line !== last) ctx.io.stderr.write(`${line}\r`);
      last = line;
    },
  };
}

const scan: Command = {
  path: ['exhibit', 'scan'],
  usage: 'exhibit scan --case ID FILE [--dpi N] [--faces] [--json]',
  summary: `find the vault’s identities in an exhibit (${EXTENSIONS}), its text layer and OCR of every page; exit 3 when anything is found`,
  options: {
    case: { type: 'string', help: '--case ID   the case the exhibit belongs to (every identity of the vault is looked for)' },
    dpi: { type: 'string', help: '--dpi N     render pages at N dots per inch (default: 300 for scans, 200 for born-digital pages)' },
    faces: { type: 'boolean', help: '--faces     propose the faces in pictures and scanned photographs, each a question' },
  },
  required: ['case'],
  positionals: ['FILE'],
  async run(ctx) {
    const file = exhibitFile(ctx);
    const dpi = dpiOption(ctx);
    const result = await withUnlockedVault(ctx, (vault) => vault.exhibits.scan(stringOption(ctx.options, 'case')!, file, { dpi, faces: ctx.options.faces === true, control: progress(ctx) }));
    if (ctx.json) {
      printJson(ctx.io, { ...result, findings: result.findings.map((f) => ({ ...f, targets: f.targets.map((t) => ({ pseudonym: t.pseudonym, caseId: t.caseId })) })) });
    } else {
      printTable(ctx.io, HEADERS, findingRows(result.findings, stringOption(ctx.options, 'case')!), `No identity of the vault found in ${file} (${result.pages.length} page${result.pages.length === 1 ? '' : 's'}).`);
      if (result.questions > 0) {
        ctx.io.stdout.write(`${result.questions} finding${result.questions === 1 ? ' needs' : 's need'} a decision: list them in a file, one "<ID> redact|keep" a line, and pass it to \`exhibit redact --decisions FILE\`.\n`);
      }
    }
    if (result.findings.length > 0) {
      throw new VaultError('LEAK_FOUND', `${result.findings.length} place${result.findings.length === 1 ? '' : 's'} in ${file} name${result.findings.length === 1 ? 's' : ''} or may name someone of the vault.`);
    }
  },
};

const redact: Command = {
  path: ['exhibit', 'redact'],
  usage:
    'exhibit redact --case ID FILE --out DIR [--decisions FILE] [--ocr-layer] [--bates PREFIX[:START]] [--cover TEXT] [--dpi N] [--faces] [--court ID] [--json]',
  summary:
    'redact an exhibit for real: DIR/<name>-public.pdf (new page images, boxes burned in, read back and checked before it is written), ' +
    'DIR/<name>-redaction-log.pdf (sealed) and DIR/<name>-manifest.json; exit 3 listing the questions when a finding needs a decision',
  options: {
    case: { type: 'string', help: '--case ID' },
    out: { type: 'string', help: '--out DIR            the folder to write to (created if missing; nothing is overwritten)' },
    decisions: { type: 'string', help: '--decisions FILE     answers to the questions, one "<ID> redact|keep" a line (# starts a comment)' },
    'ocr-layer': { type: 'boolean', help: '--ocr-layer          an invisible text layer read by OCR from the REDACTED pages, so the file is searchable' },
    bates: { type: 'string', help: '--bates PREFIX[:START]  Bates numbers PREFIX000001 … (from START) on every exhibit page' },
    cover: { type: 'string', help: '--cover TEXT         a cover page, e.g. "EXHIBIT A"' },
    dpi: { type: 'string', help: '--dpi N              resolution of the public pages (default: 300 for scans, 200 for born-digital pages)' },
    faces: { type: 'boolean', help: '--faces              propose the faces in pictures and scanned photographs, each a question to answer redact|keep' },
    court: { type: 'string', help: '--court ID           the court (an id of resources/courts.json, e.g. cacd) whose redaction reference the boxes carry' },
  },
  required: ['case', 'out'],
  positionals: ['FILE'],
  async run(ctx) {
    const file = exhibitFile(ctx);
    const o = ctx.options;
    const dpi = dpiOption(ctx);
    const bates = batesOption(stringOption(o, 'bates'));
    const decisionsPath = stringOption(o, 'decisions');
    const decisions = decisionsPath === undefined ? undefined : await readDecisions(decisionsPath);
    const report = await withUnlockedVault(ctx, (vault) =>
      vault.exhibits.redact(stringOption(o, 'case')!, file, {
        destination: stringOption(o, 'out')!,
        dpi,
        decisions,
        ocrLayer: o['ocr-layer'] === true,
        bates,
        cover: stringOption(o, 'cover'),
        faces: o.faces === true,
        court: courtOption(o),
        control: progress(ctx),
      }),
    );
    if (ctx.json) printJson(ctx.io, report.status === 'needs-decision' ? { ...report, questions: report.questions.map(({ text: _text, ...q }) => q) } : report);
    switch (report.status) {
      case 'needs-decision':
        if (!ctx.json) {
          printTable(ctx.io, HEADERS, findingRows(report.questions, stringOption(o, 'case')!), '');
          ctx.io.stdout.write('Answer each in a file, one "<ID> redact|keep" a line, and run again with --decisions FILE. Nothing was written.\n');
        }
        throw new VaultError('LEAK_FOUND', `${report.questions.length} finding${report.questions.length === 1 ? ' needs' : 's need'} a decision; nothing was written.`);
      case 'leak-found':
        if (!ctx.json) for (const hit of report.hits) ctx.io.stdout.write(`${describeResidual(hit, stringOption(o, 'case')!)}\n`);
        throw new VaultError('LEAK_FOUND', `The redacted file still names or shows someone when read back (${report.hits.length} place${report.hits.length === 1 ? '' : 's'}); nothing was written. Draw a box over each place (or answer "redact") and run again.`);
      case 'written':
        if (!ctx.json) {
          ctx.io.stdout.write(`Redacted ${report.pages} page${report.pages === 1 ? '' : 's'}: ${report.redactions} redaction${report.redactions === 1 ? '' : 's'}${report.kept ? `, ${report.kept} kept by decision` : ''}; read back with text extraction, OCR${o.faces === true ? ' and the face detector' : ''}: nothing found.\n`);
          for (const f of report.files) ctx.io.stdout.write(`  ${report.folder}/${f.name}  sha256 ${f.sha256}\n`);
          ctx.io.stdout.write('File the public PDF; lodge the redaction log under seal.\n');
        }
    }
  },
};

function describeResidual(hit: ResidualHit, caseId: string): string {
  const where = hit.page === 0 ? 'the cover' : `page ${hit.page}`;
  if (hit.kind === 'face') return `${where}, box ${boxText(hit.box)}: a face the face detector still finds`;
  return `${where}, box ${boxText(hit.box)}: ${kindWords(hit.kind)} (read by ${hit.source}) may name ${mayName(hit.targets, caseId) || 'someone'}`;
}

function batesOption(value: string | undefined): { prefix: string; start: number } | undefined {
  if (value === undefined) return undefined;
  const match = /^([A-Za-z0-9_-]{1,20})(?::(\d{1,6}))?$/.exec(value);
  if (!match) throw new UsageError('--bates takes PREFIX or PREFIX:START (letters, digits, "-" or "_", then a number), e.g. DOE or DOE:101');
  const start = match[2] === undefined ? 1 : Number(match[2]);
  if (start < 1) throw new UsageError('--bates START is 1 or more');
  return { prefix: match[1]!, start };
}

/** `<id> redact|keep` a line; blank lines and # comments ignored. */
async function readDecisions(path: string): Promise<Record<string, 'redact' | 'keep'>> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new VaultError('VALIDATION', `${path} is not a file. Give the decisions file: one "<ID> redact|keep" a line.`, { field: 'decisions' });
  if (info.size > MAX_DECISIONS_BYTES) throw new VaultError('VALIDATION', `${path} is over 1 MB; a decisions file has one short line per finding.`, { field: 'decisions' });
  const decisions: Record<string, 'redact' | 'keep'> = {};
  (await readFile(path, 'utf8')).split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') return;
    const match = /^(x[0-9a-f]{12})\s+(redact|keep)$/i.exec(line);
    if (!match) {
      throw new VaultError('VALIDATION', `${path} line ${i + 1}: write "<ID> redact" or "<ID> keep" (the ids \`exhibit scan\` lists, e.g. x0123456789ab redact).`, { field: 'decisions' });
    }
    decisions[match[1]!.toLowerCase()] = match[2]!.toLowerCase() as 'redact' | 'keep';
  });
  return decisions;
}

export const exhibitCommands: readonly Command[] = [scan, redact];
