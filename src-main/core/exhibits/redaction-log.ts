/**
 * The sealed redaction log (issue 14, item 6): one row per redaction, with its reference,
 * page, box, reason and the pseudonym it protects. It is lodged under seal, and yet it names
 * no one: a real name would make it one more file that must never leak. A PDF in memory (a
 * few pages).
 */
import type PDFDocument from 'pdfkit';
import { loadFonts } from '../export/fonts';
import { KIND_WORDS } from '../shared/finding-kinds';
import { PRODUCER } from './public-pdf';
import type { Box } from './types';

export interface LoggedRedaction {
  ref: string;
  /** Page of the exhibit (the cover, when there is one, is not counted). */
  page: number;
  /** Page of the public PDF (the cover counted). */
  outputPage: number;
  box: Box;
  kind: keyof typeof KIND_WORDS | 'face' | 'manual';
  /** 'automatic': the rules redact it; 'decided': the attorney said redact; 'drawn': a box drawn by hand. */
  decided: 'automatic' | 'decided' | 'drawn';
  /** Pseudonyms of whom it may name (none for a face or a drawn box). */
  protects: string[];
}

const reasonOf = (r: LoggedRedaction) =>
  `${r.kind === 'face' ? 'face' : r.kind === 'manual' ? 'box drawn by hand' : KIND_WORDS[r.kind]}${r.decided === 'decided' ? ' (attorney decided)' : ''}`;

export function logRows(redactions: readonly LoggedRedaction[]): string[][] {
  return redactions.map((r) => [
    r.ref,
    String(r.page),
    String(r.outputPage),
    `${r.box.x.toFixed(0)}, ${r.box.y.toFixed(0)}, ${r.box.width.toFixed(0)} × ${r.box.height.toFixed(0)}`,
    reasonOf(r),
    r.protects.join(', ') || '—',
  ]);
}

export async function writeRedactionLog(
  fontsDir: string,
  facts: { exhibit: string; caseNumber: string; created: Date; publicSha256: string; sourceSha256: string },
  redactions: readonly LoggedRedaction[],
): Promise<Uint8Array> {
  const { default: PDF } = (await import('pdfkit')) as { default: typeof PDFDocument };
  const fonts = loadFonts(fontsDir);
  const pdf = new PDF({
    size: 'LETTER',
    margins: { top: 54, bottom: 54, left: 54, right: 54 },
    pdfVersion: '1.7',
    font: null as unknown as string,
    info: { Title: 'Redaction log (sealed)', Creator: PRODUCER, Producer: PRODUCER, CreationDate: facts.created, ModDate: facts.created },
  });
  pdf.registerFont('Tinos', fonts.regular.data);
  pdf.registerFont('Tinos-Bold', fonts.bold.data);
  const chunks: Uint8Array[] = [];
  const done = new Promise<void>((resolve, reject) => {
    pdf.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    pdf.on('end', () => resolve());
    pdf.on('error', reject);
  });
  pdf.font('Tinos-Bold').fontSize(14).text('REDACTION LOG: LODGED CONDITIONALLY UNDER SEAL');
  pdf.moveDown(0.5);
  pdf.font('Tinos').fontSize(10);
  pdf.text(`Exhibit: ${facts.exhibit}`);
  if (facts.caseNumber) pdf.text(`Case: ${facts.caseNumber}`);
  pdf.text(`Redactions: ${redactions.length}`);
  pdf.text(`Source SHA-256: ${facts.sourceSha256}`);
  pdf.text(`Public file SHA-256: ${facts.publicSha256}`);
  pdf.text('Boxes are in points (1/72 inch) from the top left of the exhibit page: x, y, width × height.');
  pdf.moveDown();
  const columns = [
    { title: 'Reference', width: 80 },
    { title: 'Page', width: 34 },
    { title: 'PDF page', width: 44 },
    { title: 'Box', width: 100 },
    { title: 'Reason', width: 130 },
    { title: 'Protects', width: 116 },
  ];
  const row = (cells: string[], bold = false) => {
    const y = pdf.y;
    if (y > 792 - 54 - 30) pdf.addPage();
    const top = pdf.y;
    let x = 54;
    let bottom = top;
    pdf.font(bold ? 'Tinos-Bold' : 'Tinos').fontSize(9);
    cells.forEach((cell, i) => {
      pdf.text(cell, x, top, { width: columns[i]!.width - 4 });
      bottom = Math.max(bottom, pdf.y);
      x += columns[i]!.width;
    });
    pdf.x = 54;
    pdf.y = bottom + 3;
  };
  row(columns.map((c) => c.title), true);
  for (const cells of logRows(redactions)) row(cells);
  pdf.end();
  await done;
  return Buffer.concat(chunks);
}
