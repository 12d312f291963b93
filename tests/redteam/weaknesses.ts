import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { BIN } from './cli';
import { type RedTeam } from './context';
import { draft, faker, fullName, person } from './forms';

/** Weak passphrases that were accepted: init must refuse them and leave no vault behind. */
export async function weakPassphraseRefused(team: RedTeam): Promise<boolean> {
  const weak = faker.helpers.arrayElement(['aaaaaaaaaaaa', 'password1234', 'qwertyuiop12', '123456789012', 'letmein!letmein!']);
  const passFile = team.write('weak-passphrase', `${weak}\n`);
  const vault = team.path('weak.doevault');
  const result = await team.cli(['init', '--kdf', 'interactive'], { vault, passFile });
  return result.code !== 0 && !existsSync(vault);
}

/**
 * A small XLSX whose one sheet inflates to ~160 MB of XML (the 15 MB file of issue 11 reached
 * 3.4 GB): the dry run must refuse it with a message, and stay under 512 MiB, timed by GNU time.
 */
export async function hostileWorkbookRefused(team: RedTeam): Promise<boolean> {
  const zip = new JSZip();
  const row = (r: number) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${'x'.repeat(40)}</t></is></c></row>`;
  const rows: string[] = [];
  for (let r = 1; r <= 1_600_000; r++) rows.push(row(r));
  const PKG = 'http://schemas.openxmlformats.org/package/2006';
  const DOC = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0"?><Types xmlns="${PKG}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${SHEET}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${SHEET}.worksheet+xml"/></Types>`,
  );
  zip.file('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="${PKG}/relationships"><Relationship Id="rId1" Type="${DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0"?><Relationships xmlns="${PKG}/relationships"><Relationship Id="rId1" Type="${DOC}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`);
  zip.file('xl/workbook.xml', `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${DOC}"><sheets><sheet name="Roster" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`);
  const file = team.path('roster.xlsx');
  writeFileSync(file, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
  const report = team.path('time.txt');
  const result = await team.cli(['plaintiff', 'import', '--case', team.caseId, file, '--dry-run'], { wrap: ['/usr/bin/time', '-f', '%M', '-o', report], timeoutMs: 120_000 });
  const peakKiB = existsSync(report) ? Number(readFileSync(report, 'utf8').trim().split('\n').pop()) : Number.NaN;
  if (process.env.REDTEAM_DEBUG) process.stderr.write(`  exit ${result.code}, peak ${Math.round(peakKiB / 1024)} MiB: ${result.stderr.slice(0, 200)}\n`);
  return !result.timedOut && result.code !== 0 && peakKiB < 512 * 1024;
}

/** Every file under a folder (names only), depth-first. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * An export killed at a random moment: the next command must leave no staged file (sealed
 * versions, the declaration of identities) in the destination or anywhere beside the vault.
 */
export async function killedExportCleaned(team: RedTeam): Promise<boolean> {
  const p = person();
  await team.add(p);
  const dest = team.path('killed');
  const input = team.write('draft.md', draft(fullName(p)));
  const before = new Set(filesUnder(team.dir));
  const delay = faker.number.int({ min: 200, max: 3000 });
  await new Promise<void>((done) => {
    const child = spawn(process.execPath, [BIN, '--vault', team.vault, '--passphrase-file', team.passFile, 'export', '--case', team.caseId, '--in', input, '--out', dest, '--title', 'Complaint'], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), delay);
    child.on('close', () => {
      clearTimeout(timer);
      done();
    });
  });
  const next = await team.cli(['case', 'list']);
  const staged = filesUnder(team.dir).filter((path) => !before.has(path) && /\.doevault-|partial|\.staging\//i.test(path));
  // Killed before the end, the export left nothing; killed after, its whole set at the final names.
  const written = existsSync(dest) ? readdirSync(dest).sort() : [];
  const whole = written.length === 0 || ['declaration-of-identities.pdf', 'manifest.json', 'public.pdf', 'sealed.pdf'].every((name) => written.includes(name));
  if (process.env.REDTEAM_DEBUG) process.stderr.write(`  killed after ${delay} ms; next exit ${next.code}; in destination: ${written.join(' ') || 'nothing'}; staged left: ${staged.join(', ') || 'none'}\n`);
  return next.code === 0 && staged.length === 0 && whole;
}
