import { createHash } from 'node:crypto';
import { basename, dirname, extname, join } from 'node:path';
import { readFile, stat } from 'node:fs/promises';
import { stringOption } from '../args';
import { UsageError } from '../exit-codes';
import { cell, mayName, printJson, printTable } from '../output';
import { readSecretFile } from '../secrets';
import { withUnlockedVault, type Command, type CommandContext } from './command';
import { readCounselFile } from './counsel';
import { IDENTITY_SETS, type IdentitySelection, type IdentitySet } from '../../core/shared';
import { checkNewPassphrase, courtById, type FactOverrides, parseLabelFile, describeFileHit, type DocumentPart, docxPartsText, draftTitle, type ExportReport, type FileHit, KIND_WORDS, type PackageProtection, toFileHit, type LeakHit, pdfText, type Question, readDocument, readPublicKey, type ScanSource, splitDraft, VaultError } from '../../core';


const where = (hit: { page?: number | undefined; line: number }, parts?: readonly DocumentPart[]) => {
  // A .docx read part by part: each part is a "page"; the part's name says where (issue 11, leak 7).
  if (parts && hit.page !== undefined && parts[hit.page - 1]) return `${parts[hit.page - 1]!.name} line ${hit.line}`;
  return hit.page !== undefined ? `p. ${hit.page}, l. ${hit.line}` : `line ${hit.line}`;
};
const whom = (hit: LeakHit, caseId: string | undefined) => (hit.kind === 'mixed-script' ? `(${(hit.scripts ?? []).join(' and ')} letters)` : mayName(hit.targets, caseId));
const confidence = (h: LeakHit) => h.confidence + (h.reasons.length ? ` (${h.reasons.join(', ')})` : '');

const scan: Command = {
  path: ['scan'],
  usage: 'scan (--case ID | --all) FILE [--json]',
  summary: 'look for the vault’s identities in a .txt, .md, .docx or .pdf file; exit 3 when anything is found',
  options: {
    case: { type: 'string', help: '--case ID   look for this case’s plaintiffs' },
    all: { type: 'boolean', help: '--all       look for every plaintiff of the vault' },
  },
  required: [],
  positionals: ['FILE'],
  async run(ctx) {
    const [file] = ctx.args;
    const caseId = stringOption(ctx.options, 'case');
    if ((caseId === undefined) === (ctx.options.all !== true)) throw new UsageError('give either --case ID or --all');
    // Every part of a .docx (comments, tracked changes, headers, notes, properties, embedded
    // objects): whatever a reader of the file could find.
    const source = await readDocument(file!, { allParts: true });
    const { parts } = source;
    const hits = await withUnlockedVault(ctx, (vault) => vault.filings.scanText(caseId === undefined ? 'all' : { caseId }, source));
    const partOf = (h: LeakHit) => (parts && h.page !== undefined ? { part: parts[h.page - 1]?.name } : {});
    if (ctx.json) {
      printJson(ctx.io, { file, hits: hits.map((h) => ({ ...h, ...partOf(h), targets: h.targets.map((t) => ({ pseudonym: t.pseudonym, caseId: t.caseId })) })) });
    } else {
      printTable(
        ctx.io,
        ['WHERE', 'KIND', 'CONFIDENCE', 'MAY NAME', 'TEXT'],
        hits.map((h) => [where(h, parts), KIND_WORDS[h.kind], confidence(h), whom(h, caseId), cell(h.text)]),
        `No identity of the vault found in ${file}.`,
      );
    }
    if (hits.length > 0) {
      throw new VaultError('LEAK_FOUND', `${hits.length} mention${hits.length === 1 ? '' : 's'} of identities in ${file}.`);
    }
  },
};

const exportCommand: Command = {
  path: ['export'],
  usage:
    'export --case ID --in DRAFT --out DIR [--format california|federal] [--title TEXT] [--order-date YYYY-MM-DD]\n' +
    '       [--court ID] [--counsel-file FILE] [--labels auto|none|FILE] [--identities all|active|cited|"Jane Doe 1,John Doe 4"]\n' +
    '       [--docx] [--pdfa] [--package-passphrase-file FILE | --package-recipient PUBKEY_FILE] [--json]',
  summary:
    'public and sealed PDFs, the declaration of identities, the reference list of what is redacted (and a manifest) from a draft, verified before they are written',
  options: {
    case: { type: 'string', help: '--case ID' },
    in: { type: 'string', help: '--in DRAFT           .txt, .md or .docx, with real names or {{pseudonym}} tokens' },
    out: { type: 'string', help: '--out DIR            a folder without an earlier export (created if missing)' },
    format: { type: 'string', help: '--format F           california (pleading paper, default) or federal' },
    title: { type: 'string', help: '--title TEXT         default: the draft’s first heading (never its file name)' },
    'order-date': { type: 'string', help: '--order-date DATE    date of the sealing order (changes the sealed label)' },
    court: { type: 'string', help: '--court ID           a court of resources/courts.json (e.g. ca-sup-los-angeles, cacd), over the front matter\'s' },
    'counsel-file': { type: 'string', help: '--counsel-file FILE  a YAML list of counsel, over the front matter\'s and the stored counsel' },
    labels: {
      type: 'string',
      help:
        '--labels L           first-page labels, over the front matter: auto (the court\'s; the public version\'s only when it redacts something), ' +
        'none, or a text file of labels, one a line ([public] and [sealed] sections for one version, [lodged] for the declaration of identities)',
    },
    identities: {
      type: 'string',
      help: '--identities SET     the plaintiffs the declaration of identities lists: all (default), active (not withdrawn), cited (by the body), or pseudonyms separated by commas',
    },
    docx: { type: 'boolean', help: '--docx               also public.docx, sealed.docx and declaration-of-identities.docx' },
    pdfa: { type: 'boolean', help: '--pdfa               every PDF as PDF/A-2b (archival), for portals that ask for it' },
    'package-passphrase-file': { type: 'string', help: '--package-passphrase-file FILE  also sealed.doesealed under this one-time passphrase' },
    'package-recipient': { type: 'string', help: '--package-recipient FILE        also sealed.doesealed for this recipient key (.pub)' },
  },
  required: ['case', 'in', 'out'],
  async run(ctx) {
    const o = ctx.options;
    const draftPath = stringOption(o, 'in')!;
    const draft = await readDocument(draftPath);
    if (draft.format === 'pdf') throw new UsageError('a PDF cannot be a draft; export from the .docx, .md or .txt it was made from');
    const packageProtection = await packageOption(ctx);
    const overrides = await factOverrides(o);
    // Never the file name: "MartaKowalczyk.txt" would print a plaintiff on every page. The
    // title is scanned like the body (it is part of the filing the check reads).
    // A fault in the front matter first, naming its line, before a title is looked for.
    splitDraft(draft.text);
    const title = stringOption(o, 'title') ?? draftTitle(draft.text);
    if (title === undefined) {
      throw new VaultError('VALIDATION', 'The draft has no title: begin it with a heading (for example "# Complaint for Damages") or pass --title. The file name is never used, since it may name someone.', {
        field: 'title',
      });
    }
    const input = {
      title,
      format: stringOption(o, 'format') ?? 'california',
      orderDate: stringOption(o, 'order-date'),
      body: draft.text,
    };
    const report = await withUnlockedVault(ctx, (vault) =>
      vault.filings.export(stringOption(o, 'case')!, input, { destination: stringOption(o, 'out')!, docx: o.docx === true, pdfa: o.pdfa === true, package: packageProtection, facts: overrides }),
    );
    printReport(ctx, report);
  },
};

const verify: Command = {
  path: ['verify'],
  usage: 'verify --case ID FILE [--json]',
  summary:
    'check a .pdf or .docx (text, metadata, every part) against every identity of the vault; exit 3 when any is found. ' +
    'Beside its export\'s manifest.json, the export\'s answers count and its sealed versions are recognised',
  options: {
    case: { type: 'string', help: '--case ID   the case the file belongs to (the whole vault is checked)' },
  },
  required: ['case'],
  positionals: ['FILE'],
  async run(ctx) {
    const [file] = ctx.args;
    const bytes = await readBounded(file!);
    const source = await readPublishedFile(file!, bytes);
    const manifest = await readManifestBeside(ctx, file!);
    const name = basename(file!);
    const check = await withUnlockedVault(ctx, (vault) =>
      vault.filings.verify(stringOption(ctx.options, 'case')!, { name, sha256: createHash('sha256').update(bytes).digest('hex'), source }, manifest),
    );
    if (check.manifest === 'not-authentic') {
      ctx.io.stderr.write('The manifest.json beside the file is not from an export of this case, or was changed since: its answers were not used.\n');
    }
    const fileHits: FileHit[] = check.hits.map((hit) => {
      const { page, ...unpaged } = hit;
      if (source.parts) return toFileHit(source.parts[page! - 1] ? `${name} (${source.parts[page! - 1]!.name})` : name, unpaged);
      // The PDF's metadata was scanned as one page past the last.
      if (page !== undefined && page > source.pageCount) return toFileHit(`${name} (metadata)`, unpaged);
      return toFileHit(name, hit, source.pleadingLines);
    });
    const { identities } = check;
    if (ctx.json) {
      printJson(ctx.io, { file, identitiesChecked: identities, sealedVersion: check.sealedVersion, clearedByExport: check.cleared, hits: check.sealedVersion ? [] : fileHits });
    } else if (check.sealedVersion) {
      const what = check.writtenBy === 'sealing-set' ? 'a file lodged under seal by a sealing set' : 'the sealed version of an export';
      ctx.io.stdout.write(
        `${file} is ${what} of this case, unchanged (its manifest.json says so, and it is authentic): ` +
          `it names plaintiffs by design (${fileHits.length} mentions). Lodge it only under seal; never file it publicly.\n`,
      );
    } else if (fileHits.length === 0) {
      ctx.io.stdout.write(
        `No identity of the vault found in ${file} (checked against ${identities} identities` +
          `${check.cleared > 0 ? `; ${check.cleared} marked "not a plaintiff" by the export` : ''}).\n`,
      );
    } else for (const hit of fileHits) ctx.io.stdout.write(`${describeFileHit(hit)}\n`);
    if (fileHits.length > 0 && !check.sealedVersion) {
      throw new VaultError('LEAK_FOUND', `${file} names ${fileHits.length === 1 ? 'someone' : `people (${fileHits.length} mentions)`} in the vault. Do not file it.`);
    }
  },
};

/** A file verify reads: at most this much (a filing with exhibits is far smaller). */
const MAX_VERIFY_BYTES = 512 * 1024 * 1024;
const MAX_MANIFEST_BYTES = 1024 * 1024;

async function readBounded(file: string): Promise<Uint8Array> {
  const extension = extname(file).toLowerCase();
  if (extension !== '.pdf' && extension !== '.docx') throw new UsageError(`verify reads .pdf and .docx files, not ${extension || 'files without an extension'}`);
  const info = await stat(file);
  if (!info.isFile()) throw new VaultError('VALIDATION', `${file} is not a regular file. Give the path of the .pdf or .docx to check.`);
  if (info.size > MAX_VERIFY_BYTES) throw new VaultError('VALIDATION', `${file} is larger than 512 MB; DoeVault checks files up to that size. Split it and check each part.`);
  return new Uint8Array(await readFile(file));
}

/** The export's manifest.json in the file's folder, parsed; undefined when there is none. */
async function readManifestBeside(ctx: CommandContext, file: string): Promise<unknown> {
  const path = join(dirname(file), 'manifest.json');
  const info = await stat(path).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isFile() || info.size > MAX_MANIFEST_BYTES) {
    ctx.io.stderr.write(`${path} is not an export's manifest (not a regular file, or over 1 MB); it was ignored.\n`);
    return undefined;
  }
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch {
    ctx.io.stderr.write(`${path} is not valid JSON; it was ignored.\n`);
    return undefined;
  }
}

/**
 * Text, metadata and every XML part: whatever a reader of the file could see. A .docx's parts
 * are its "pages"; a PDF's metadata is one page past its last.
 */
type PublishedText = ScanSource & { pageCount: number; parts?: DocumentPart[]; pleadingLines?: number[][] };

async function readPublishedFile(file: string, bytes: Uint8Array): Promise<PublishedText> {
  if (extname(file).toLowerCase() === '.docx') {
    // Each part a "page", so a hit names its part (word/footer1.xml) rather than a page number.
    const { text, parts } = await docxPartsText(bytes);
    return { text, pageStarts: parts.slice(1).map((part) => part.start), pageCount: parts.length, parts };
  }
  const pdf = await pdfText(bytes);
  const metadataStart = pdf.text.length + 1;
  return {
    text: `${pdf.text}\n${pdf.metadata.join('\n')}`,
    pageStarts: [...pdf.pageStarts, metadataStart],
    pageCount: pdf.pageCount,
    pleadingLines: pdf.pleadingLines,
  };
}

/**
 * `--package-passphrase-file` or `--package-recipient`: the sealed package's protection, read and
 * checked before the vault is unlocked or the destination made, as the app's handler does.
 */
export async function packageOption(ctx: CommandContext): Promise<PackageProtection | undefined> {
  const passphraseFile = stringOption(ctx.options, 'package-passphrase-file');
  const recipientFile = stringOption(ctx.options, 'package-recipient');
  if (passphraseFile !== undefined && recipientFile !== undefined) {
    throw new UsageError('give --package-passphrase-file or --package-recipient, not both');
  }
  if (passphraseFile !== undefined) {
    const passphrase = readSecretFile(ctx.io, passphraseFile, 'package passphrase');
    checkNewPassphrase(passphrase);
    return { passphrase };
  }
  return recipientFile === undefined ? undefined : { recipientPublicKey: await readPublicKey(recipientFile) };
}

/** `--court ID`, checked against the list of courts before the vault is unlocked: a wrong id is a usage error naming the nearest. */
export function courtOption(o: CommandContext['options']): string | undefined {
  const courtId = stringOption(o, 'court');
  if (courtId !== undefined) {
    try {
      courtById(courtId);
    } catch (error) {
      if (error instanceof VaultError) throw new UsageError(`--court: ${error.message.replace(/\.$/, '')}`);
      throw error;
    }
  }
  return courtId;
}

/** `--court`, `--counsel-file`, `--labels` and `--identities`, checked before the vault is unlocked. */
async function factOverrides(o: CommandContext['options']): Promise<FactOverrides | undefined> {
  const identities = identitiesOption(stringOption(o, 'identities'));
  const courtId = courtOption(o);
  const counselFile = stringOption(o, 'counsel-file');
  const labels = stringOption(o, 'labels');
  const facts: FactOverrides = {
    ...(courtId !== undefined ? { court: courtId } : {}),
    ...(counselFile !== undefined ? { counsel: await readCounselFile(counselFile) } : {}),
    ...(labels !== undefined ? { labels: labels === 'auto' || labels === 'none' ? labels : await readLabelFile(labels) } : {}),
    ...(identities !== undefined ? { identities } : {}),
  };
  return Object.keys(facts).length > 0 ? facts : undefined;
}

/** The most a labels file holds: four labels a version, with room for comments. */
const MAX_LABEL_FILE = 16 * 1024;

/** `--labels FILE`: anything but "auto" and "none" is a file (label-file.ts says how it reads). */
async function readLabelFile(file: string): Promise<FactOverrides['labels']> {
  const info = await stat(file).catch(() => undefined);
  if (!info) throw new UsageError(`--labels takes auto, none or a labels file; "${file}" is none of them`);
  if (!info.isFile()) throw new VaultError('VALIDATION', `${file} is not a regular file. Give the path of a text file of labels, one a line.`, { field: 'labels' });
  if (info.size > MAX_LABEL_FILE) throw new VaultError('VALIDATION', `${file} is larger than 16 KiB; a labels file holds up to four labels a version.`, { field: 'labels' });
  return parseLabelFile(await readFile(file, 'utf8'), file);
}

/**
 * all, active or cited, or pseudonyms separated by commas. Whether each pseudonym is the case's
 * is known only once the vault is open; an empty name or a misspelt set is a usage error now.
 */
function identitiesOption(value: string | undefined): IdentitySelection | undefined {
  if (value === undefined) return undefined;
  const usage = (problem: string) =>
    new UsageError(`--identities: ${problem}; give all, active, cited, or the plaintiffs' pseudonyms separated by commas (--identities "Jane Doe 1,John Doe 4")`);
  const set = value.trim().toLowerCase();
  if ((IDENTITY_SETS as readonly string[]).includes(set)) return set as IdentitySet;
  const pseudonyms = value.split(',').map((part) => part.trim());
  if (pseudonyms.some((part) => part === '')) throw usage(value.trim() === '' ? 'nothing was given' : `"${value}" holds an empty name`);
  // A lone lower-case word is a misspelt set ("cite"), not a pseudonym: pseudonyms are capitalised.
  if (pseudonyms.length === 1 && /^[a-z]+$/.test(pseudonyms[0]!)) throw usage(`"${value}" is not a set DoeVault knows`);
  return pseudonyms;
}

function printReport(ctx: CommandContext, report: ExportReport): void {
  if (ctx.json) printJson(ctx.io, report.status === 'needs-resolution' ? { status: report.status, questions: report.questions.map(questionJson) } : report);
  switch (report.status) {
    case 'needs-resolution':
      if (!ctx.json) {
        printTable(
          ctx.io,
          ['WHERE', 'KIND', 'MAY NAME', 'WHY', 'TEXT'],
          report.questions.map((q) => [`${q.field === 'body' ? '' : `${q.field} `}${where(q)}`, KIND_WORDS[q.kind], whom(q, stringOption(ctx.options, 'case')), why(q), cell(q.text)]),
          '',
        );
        if (report.questions.some((q) => q.field === 'case')) {
          ctx.io.stdout.write(
            "\nThe case's own title, court or number (\"case\" above) names someone. Every export prints it, in its manifest\nand on the caption where the draft gives no parties. Change it, then export again:\n" +
              `  doe-vault case update --case ${stringOption(ctx.options, 'case')} --title …   (or --court, --number)\n`,
          );
        }
        if (!report.questions.every((q) => q.field === 'case')) {
          ctx.io.stdout.write(
            [
              '',
              'Say in the draft what each one is, then export again:',
              '  {{Jane Doe 3|text}}         the text names that plaintiff (public: the pseudonym)',
              '  {{redacted|text}}           print a numbered [REDACTED-n] in the public version',
              '  {{not a plaintiff|text}}    it names nobody in the vault (given names, surnames and dates only)',
              '',
            ].join('\n'),
          );
        }
      }
      throw new VaultError('LEAK_FOUND', `${report.questions.length} mention${report.questions.length === 1 ? ' needs' : 's need'} a decision; nothing was written.`);
    case 'leak-found':
      if (!ctx.json) for (const hit of report.verification.hits) ctx.io.stdout.write(`${describeFileHit(hit)}\n`);
      throw new VaultError('LEAK_FOUND', `The public files named someone in the vault (${report.verification.hits.length} mentions); every file of this export was deleted.`);
    case 'exported':
      if (!ctx.json) {
        printTable(ctx.io, ['FILE', 'ROLE', 'BYTES', 'SHA-256'], report.files.map((f) => [f.name, f.role, String(f.bytes), f.sha256]), '');
        const v = report.verification;
        ctx.io.stdout.write(
          `\nVerified: ${v.scanned.join(' and ')} checked against ${v.identities} identities: nothing found` +
            `${v.cleared > 0 ? ` (${v.cleared} marked "not a plaintiff")` : ''}; the sealed version names every plaintiff it cites and shows every redacted text, ` +
            `the declaration of identities every plaintiff it lists.\n` +
            `Written to ${report.folder}\n`,
        );
      }
  }
}

function why(q: Question): string {
  if (q.kind === 'mixed-script') return `mixes ${(q.scripts ?? []).join(' and ') || 'several scripts’'} letters: retype it in one script, or redact it`;
  if (q.cannotClear) return 'a full name or contact detail cannot be "not a plaintiff"';
  if (q.action.kind !== 'ask') return 'names someone; caption fields take no tokens';
  switch (q.action.why) {
    case 'several':
      return 'may name several people';
    case 'common-word':
      return 'also an ordinary word';
    case 'other-case':
      return 'names someone of another case';
    case 'date':
      return 'a date of birth, or just a date';
    case 'initials':
      return 'a plaintiff’s initials, or an abbreviation';
    case 'mixed-script':
      return 'mixes scripts: retype it in one script, or redact it';
    case 'repeated':
      return 'the same plaintiff twice in one list: edit the draft';
    case 'beside-other':
      return 'a name beside another plaintiff’s pseudonym: edit the draft';
  }
}

function questionJson(q: Question) {
  return { field: q.field, line: q.line, kind: q.kind, confidence: q.confidence, text: q.text, targets: q.targets.map(({ pseudonym, caseId }) => ({ pseudonym, caseId })), why: why(q) };
}

export const filingCommands: Command[] = [scan, exportCommand, verify];
