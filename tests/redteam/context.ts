import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CliResult, runCli } from './cli';
import { draft, type Person, fullName, namesIn } from './forms';
import { docxAllText, docxWith, pdfWith } from './published';

/** A strong synthetic passphrase (zxcvbn score 4). */
export const PASSPHRASE = 'quartz lantern orbit meadow falcon';

/** One vault with one case, which every vector adds its synthetic people to. */
export class RedTeam {
  readonly dir = mkdtempSync(join(tmpdir(), 'doevault-redteam-'));
  readonly vault = join(this.dir, 'vault.doevault');
  readonly passFile = join(this.dir, 'passphrase');
  caseId = '';
  private files = 0;

  async setUp(): Promise<void> {
    writeFileSync(this.passFile, `${PASSPHRASE}\n`, { mode: 0o600 });
    chmodSync(this.passFile, 0o600);
    await this.ok(['init', '--kdf', 'interactive']);
    this.caseId = JSON.parse((await this.ok(['case', 'add', '--title', 'Jane Does 1 through 40 v. City of Springfield'])).stdout).id;
  }

  /** The CLI on this vault, with --json. */
  cli(args: string[], options: { vault?: string; passFile?: string; timeoutMs?: number; wrap?: string[] } = {}): Promise<CliResult> {
    return runCli(['--vault', options.vault ?? this.vault, '--passphrase-file', options.passFile ?? this.passFile, '--json', ...args], options);
  }

  async ok(args: string[], options: { vault?: string } = {}): Promise<CliResult> {
    const result = await this.cli(args, options);
    if (result.code !== 0) throw new Error(`doe-vault ${args[0]} ${args[1] ?? ''} failed (exit ${result.code}): ${result.stderr.slice(0, 500)}`);
    return result;
  }

  private secondCase = '';

  /** A second case, for rows moved between cases. */
  async ensureSecondCase(): Promise<void> {
    if (this.secondCase !== '') return;
    this.secondCase = JSON.parse((await this.ok(['case', 'add', '--title', 'John Does 1 through 5 v. County of Shelbyville'])).stdout).id;
    await this.ok(['plaintiff', 'add', '--case', this.secondCase, '--name', 'Quentin Harrowgate']);
  }

  /** Adds a plaintiff to the case; returns the pseudonym. */
  async add(person: Person | string, flags: string[] = []): Promise<string> {
    const name = typeof person === 'string' ? person : fullName(person);
    return JSON.parse((await this.ok(['plaintiff', 'add', '--case', this.caseId, '--name', name, ...flags])).stdout).pseudonym;
  }

  /** A fresh path in the work folder. */
  path(name: string): string {
    return join(this.dir, `${++this.files}-${name}`);
  }

  write(name: string, content: string | Uint8Array): string {
    const path = this.path(name);
    writeFileSync(path, content);
    return path;
  }

  /** `scan` of the text as a Markdown draft: caught when it exits 3. */
  async scanCatches(text: string): Promise<boolean> {
    return (await this.cli(['scan', '--case', this.caseId, this.write('draft.md', text)])).code === 3;
  }

  /**
   * `export` of the draft (Markdown text, or the path of a .docx): caught when it stops (exit 3) and writes nothing, or when what it
   * writes for the public names nobody: public.pdf (pdftotext) and public.docx (every XML part),
   * read independently of DoeVault and folded to the confusable skeleton, hold no form of the
   * person's name.
   */
  async exportKeepsOut(draftOrFile: string, who: Person): Promise<boolean> {
    const published = await this.exportPublished(draftOrFile);
    return published === false || (published !== true && !namesIn(published, who));
  }

  /**
   * `export` of the draft: false when it stops (exit 3) and writes nothing, true when it stops
   * and leaves something behind, else the text of what it writes for the public.
   */
  async exportPublished(draftOrFile: string): Promise<string | boolean> {
    const out = this.path('export');
    const input = draftOrFile.endsWith('.docx') ? draftOrFile : this.write('draft.md', draftOrFile);
    const result = await this.cli(['export', '--case', this.caseId, '--in', input, '--out', out, '--title', 'Complaint for Damages', '--docx']);
    const written = existsSync(out) ? readdirSync(out) : [];
    if (result.code === 3) return written.length > 0;
    if (result.code !== 0) throw new Error(`export failed (exit ${result.code}): ${result.stderr.slice(0, 300)}`);
    return execFileSync('pdftotext', [join(out, 'public.pdf'), '-']).toString() + (await docxAllText(readFileSync(join(out, 'public.docx'))));
  }

  /** `verify` of a PDF (or .docx) someone else made of the text: caught when it exits 3. */
  async verifyCatches(text: string, format: 'pdf' | 'docx' = 'pdf'): Promise<boolean> {
    const file = format === 'pdf' ? this.write('public.pdf', await pdfWith(text)) : this.write('public.docx', await docxWith(text));
    return (await this.cli(['verify', '--case', this.caseId, file])).code === 3;
  }

  /** The three doors a leaked form must not pass: scan, export and verify. */
  async allDoorsCatch(form: string, who: Person, verifyAs: 'pdf' | 'docx' = 'pdf'): Promise<boolean> {
    const text = draft(form);
    const [scanned, exported, verified] = [await this.scanCatches(text), await this.exportKeepsOut(text, who), await this.verifyCatches(text, verifyAs)];
    if (process.env.REDTEAM_DEBUG) process.stderr.write(`  ${JSON.stringify(form)}: scan ${scanned}, export ${exported}, verify ${verified}\n`);
    return scanned && exported && verified;
  }
}
