// `npm run docs:images`: page 1 of the demo's complaint as a court receives it, in each format,
// rendered to the PNGs README.md and docs/SEALING.md show. The pictures are made from the files
// the export wrote, never drawn by hand: run this after any change to the writers.
//
//   public.pdf, California pleading paper (Superior Court, Los Angeles)  -> page1-california-pdf.png
//   public.docx of the same, rendered by LibreOffice                      -> page1-california-docx.png
//   public.pdf, federal pleading paper (C.D. Cal.)                        -> page1-cacd-pdf.png
//   public.docx of the same, rendered by LibreOffice                      -> page1-cacd-docx.png
//   declaration-of-identities.pdf (California), page 2: the 140-row table  -> declaration-140-page2.png
//
// Needs pdftoppm (poppler-utils) and soffice (libreoffice-writer-nogui); `.ci/run` installs both.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TEST_ONLY_INSECURE_KDF } from '../../src-main/core/crypto';
import { VaultService } from '../../src-main/core/service';
import { runDemo } from './demo';

const OUT = resolve(process.argv[2] ?? 'docs/screenshots');

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'doevault-docs-images-'));
  try {
    // The demo's own flow: vault, 140 synthetic plaintiffs, the complaint scanned and exported.
    const demo = await runDemo({ dir, log: () => undefined, kdf: TEST_ONLY_INSECURE_KDF });
    const federal = join(dir, 'export-cacd');
    const vault = await VaultService.open(demo.vaultPath);
    try {
      vault.vault.unlock(readFileSync(demo.passphraseFile, 'utf8').trim());
      const { details } = vault.filings.get(demo.caseId, demo.filingId);
      const body = details.body.replace(/^court: ca-sup-los-angeles$/m, 'court: cacd\ndivision: Western Division').replace(/^caseNumber: .*$/m, 'caseNumber: 2:26-cv-01402');
      if (body === details.body) throw new Error('the demo complaint no longer names its court on a line "court: ca-sup-los-angeles"');
      const report = await vault.filings.export(demo.caseId, { ...details, body }, { destination: federal, docx: true });
      if (report.status !== 'exported') throw new Error(`the federal export stopped: ${report.status}`);
    } finally {
      vault.close();
    }
    for (const [folder, form] of [
      [demo.folder, 'california'],
      [federal, 'cacd'],
    ] as const) {
      page1(join(folder, 'public.pdf'), `page1-${form}-pdf`);
      execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'lo-profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', join(folder, 'lo'), join(folder, 'public.docx')], {
        stdio: 'ignore',
        timeout: 180_000,
      });
      page1(join(folder, 'lo', 'public.pdf'), `page1-${form}-docx`);
    }
    page(join(demo.folder, 'declaration-of-identities.pdf'), 2, 'declaration-140-page2');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  function page1(pdf: string, name: string): void {
    page(pdf, 1, name);
  }

  function page(pdf: string, number: number, name: string): void {
    const prefix = join(dir, name);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(number), '-l', String(number), '-singlefile', pdf, prefix]);
    copyFileSync(`${prefix}.png`, join(OUT, `${name}.png`));
    console.log(`wrote ${join(OUT, `${name}.png`)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
