/**
 * PDF/A-2b (ISO 19005-2, level B), the archival form some e-filing portals and records offices
 * ask for: what the writer adds to an ordinary export. The rest of what level B needs the
 * writer does always: every font embedded (Tinos, fonts.ts), no encryption, no JavaScript or
 * other actions, an XMP packet that says what the Info dictionary says, a file identifier.
 *
 * pdfkit has a `subset: 'PDF/A-2b'` option, but (0.20) it reads its colour profile with a
 * file: URL given as a path, which fails under Node, so the two parts are added here instead.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { VaultError } from '../errors';

export const PDFA_PART = 2;
export const PDFA_CONFORMANCE = 'B';
/** The output condition: the colours of the page (black text and rules) are sRGB. */
export const SRGB_CONDITION = 'sRGB IEC61966-2.1';

/** The PDF/A identification schema, an rdf:Description for the XMP packet. */
export function pdfaIdentification(): string {
  return [
    `<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">`,
    `<pdfaid:part>${PDFA_PART}</pdfaid:part>`,
    `<pdfaid:conformance>${PDFA_CONFORMANCE}</pdfaid:conformance>`,
    `</rdf:Description>`,
  ].join('\n');
}

let profile: Buffer | undefined;

/** The sRGB ICC profile pdfkit ships, read once (it is in the packaged app with pdfkit). */
export function srgbProfile(): Buffer {
  if (profile) return profile;
  try {
    // pdfkit exports no package.json: its main script is in js/, beside data/.
    const scripts = dirname(createRequire(import.meta.url).resolve('pdfkit'));
    const bytes = readFileSync(join(scripts, 'data', 'sRGB_IEC61966_2_1.icc'));
    // An ICC profile: 'acsp' at byte 36, an RGB colour space at byte 16.
    if (bytes.toString('latin1', 36, 40) !== 'acsp' || bytes.toString('latin1', 16, 20) !== 'RGB ') throw new Error('not an RGB ICC profile');
    profile = bytes;
    return bytes;
  } catch (cause) {
    throw new VaultError('INTERNAL', 'The sRGB colour profile that a PDF/A file needs was not found with the PDF library; the PDF/A export cannot be written.', {
      cause,
    });
  }
}

/** The catalog's /OutputIntents: one PDF/A intent with the sRGB profile embedded. */
export function addOutputIntent(pdf: PDFKit.PDFDocument): void {
  const internals = pdf as unknown as { _root?: { data?: Record<string, unknown> } };
  const catalog = internals._root?.data;
  if (!catalog) throw new VaultError('INTERNAL', 'The PDF library is not the expected version (no document catalog).');
  const icc = srgbProfile();
  const stream = pdf.ref({ N: 3 });
  stream.end(icc);
  const intent = pdf.ref({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: new String(SRGB_CONDITION),
    Info: new String(SRGB_CONDITION),
    DestOutputProfile: stream,
  });
  intent.end(undefined);
  catalog.OutputIntents = [intent];
}
