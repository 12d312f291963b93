import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bornDigitalPdf, scannedPdf, scannedPng } from '../fixtures/exhibits';
import type { RedTeam } from './context';
import { fullName, namesIn, person, type Person } from './forms';

/**
 * Exhibits (issue 14): documents the firm did not write, redacted with `exhibit redact`. Caught
 * when the command stops (exit 3) having written nothing, or when what it wrote names nobody
 * to an adversary's readers: pdftotext, and native tesseract on pdftoppm's page images.
 */
async function exhibitKeepsOut(team: RedTeam, file: string, who: Person, alsoAbsent: string[] = []): Promise<boolean> {
  const out = team.path('exhibit-out');
  const result = await team.cli(['exhibit', 'redact', '--case', team.caseId, file, '--out', out], { timeoutMs: 600_000 });
  const written = existsSync(out) ? readdirSync(out) : [];
  if (process.env.REDTEAM_DEBUG) process.stderr.write(`  exhibit redact: exit ${result.code}, ${written.length} files written\n`);
  if (result.code === 3) return written.length === 0;
  if (result.code !== 0) throw new Error(`exhibit redact failed (exit ${result.code}): ${result.stderr.slice(0, 300)}`);
  const pdf = join(out, written.find((name) => name.endsWith('-public.pdf'))!);
  const read = execFileSync('pdftotext', [pdf, '-']).toString() + ocrOf(pdf);
  const folded = read.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return !namesIn(read, who) && alsoAbsent.every((form) => !folded.includes(form.toLowerCase().replace(/[^a-z0-9]+/g, '')));
}

function ocrOf(pdf: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'doevault-redteam-ocr-'));
  try {
    execFileSync('pdftoppm', ['-r', '200', '-gray', '-png', pdf, join(dir, 'page')]);
    return readdirSync(dir)
      .sort()
      .map((name) => execFileSync('tesseract', [join(dir, name), '-', '--psm', '3'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))
      .join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A name's letters as OCR confuses them: l → 1, m → rn, o → 0 (the first that applies). */
function ocrConfused(name: string): string {
  for (const [from, to] of [['l', '1'], ['m', 'rn'], ['o', '0']] as const) if (name.includes(from)) return name.replace(from, to);
  return name;
}

const AROUND = 'of the Gangs and Narcotics Division';

export const EXHIBIT_VECTORS = {
  /** The "redaction" courts keep publishing: a black picture over live text, and white text. */
  'a name in an exhibit under a black box and in white text': async (team: RedTeam) => {
    const [hidden, white] = [person(), person()];
    await team.add(hidden);
    await team.add(white);
    const file = team.write('exhibit.pdf', await bornDigitalPdf({ visible: ['Incident report', `Filed by the officer ${AROUND}.`], underImage: fullName(hidden), white: fullName(white) }));
    return (await exhibitKeepsOut(team, file, hidden)) && (await exhibitKeepsOut(team, file, white));
  },
  'a name in a scanned exhibit (no text layer)': async (team: RedTeam) => {
    const p = person();
    await team.add(p);
    const file = team.write('scan.pdf', await scannedPdf([{ lines: ['Incident report', `Officer ${fullName(p)} ${AROUND}`, 'was photographed at the scene.'], dpi: 200, rotate: 1.5 }]));
    return exhibitKeepsOut(team, file, p);
  },
  'a name an OCR misreads (l/1, rn/m, O/0) in a photographed page': async (team: RedTeam) => {
    const p = person();
    await team.add(p);
    const confused = `${p.given} ${ocrConfused(p.surname)}`;
    const file = team.write('photo.png', scannedPng({ lines: ['Posted online:', `${confused} lives on this street`, AROUND], dpi: 200, rotate: 1 }));
    return exhibitKeepsOut(team, file, p, [ocrConfused(p.surname)]);
  },
};
