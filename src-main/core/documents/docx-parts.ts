/**
 * Every XML part of a .docx, as text, for the export verifier: whatever a reader of the file
 * could find, not only what Word shows on the page (jszip: the only user of that library here).
 */
import JSZip from 'jszip';
import type { ScanSource } from '../scan/types';
import { bytesSource, checkZip, ZipUnreadable } from '../files/zip-guard';
import { looksLikeZip, notADocx } from './docx-check';
import type { DocumentPart } from './types';
import { plainXmlText, relationshipTargets, wordprocessingText } from './xml-text';

/** Reading order: the body first, then what surrounds it, then metadata, then the rest. */
function rank(name: string): number {
  const lower = name.toLowerCase();
  if (lower === 'word/document.xml') return 0;
  if (/^word\/(header|footer)\d*\.xml$/.test(lower)) return 1;
  if (/^word\/(footnotes|endnotes)\.xml$/.test(lower)) return 2;
  if (/^word\/comments[^/]*\.xml$/.test(lower)) return 3;
  if (lower.startsWith('word/') && lower.endsWith('.xml')) return 4;
  if (lower.startsWith('docprops/')) return 5;
  if (lower.endsWith('.rels')) return 7;
  return 6;
}

/**
 * The text of every part: WordprocessingML parts (body, headers, footers, footnotes, endnotes,
 * comments, text boxes) with each paragraph's runs joined and one paragraph per line, deleted
 * and inserted text of tracked changes, field codes (w:instrText, w:fldSimple) included;
 * document properties (core.xml, app.xml, custom.xml) and custom XML value by value; external
 * relationship targets (mailto: links); embedded objects (see packageLines). Each part begins
 * on a new line; `parts` says where.
 */
export async function docxPartsText(bytes: Uint8Array): Promise<ScanSource & { parts: DocumentPart[] }> {
  if (!looksLikeZip(bytes)) throw notADocx(bytes);
  await checkZip(bytesSource(bytes), 'Word document').catch((error: unknown) => {
    throw error instanceof ZipUnreadable ? notADocx(bytes, error) : error;
  });
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw notADocx(bytes, error);
  }
  if (!Object.keys(zip.files).some((name) => name.toLowerCase() === 'word/document.xml')) throw notADocx(bytes);
  let text = '';
  const parts: DocumentPart[] = [];
  for (const { name, lines } of await packageLines(zip, bytes, 0)) {
    if (lines.length === 0) continue;
    if (text !== '') text += '\n';
    parts.push({ name, start: text.length });
    text += `${lines.join('\n')}\n`;
  }
  return { text, parts };
}

/** Nested packages read inside a package (a .docx in a .docx): deeper ones are read as strings. */
const MAX_NESTING = 2;
/** Shortest run of printable characters taken from a binary part (as `strings` does). */
const MIN_STRING = 4;

/**
 * The lines of every part of an Office package, in reading order: XML parts as text, embedded
 * objects (word/embeddings/…, xl/embeddings/…) too: a nested .docx, .xlsx or .pptx package
 * part by part (its parts named "outer!inner"), any other binary (OLE objects, old .doc or .xls,
 * images' metadata) by its printable strings, so a name typed into an embedded spreadsheet is
 * seen. Media files (images, sound) are not embedded objects and are not read.
 */
async function packageLines(zip: JSZip, bytes: Uint8Array, depth: number): Promise<{ name: string; lines: string[] }[]> {
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
  const xmlParts = names
    .filter((name) => /\.(xml|rels)$/i.test(name) && !/^\[content_types\]\.xml$/i.test(name))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const out: { name: string; lines: string[] }[] = [];
  const read = async (name: string, type: 'string' | 'uint8array') => {
    try {
      return await zip.files[name]!.async(type as 'string');
    } catch (error) {
      throw notADocx(bytes, error);
    }
  };
  for (const name of xmlParts) {
    const xml = await read(name, 'string');
    const lower = name.toLowerCase();
    const lines = lower.endsWith('.rels')
      ? relationshipTargets(xml)
      : /^(word|ppt)\//.test(lower)
        ? wordprocessingText(xml)
        : plainXmlText(xml);
    out.push({ name, lines });
  }
  const embedded = names.filter((name) => /^[^/]+\/embeddings\//i.test(name) && !/\.(xml|rels)$/i.test(name)).sort();
  for (const name of embedded) {
    const inner = (await read(name, 'uint8array')) as unknown as Uint8Array;
    if (depth < MAX_NESTING && looksLikeZip(inner)) {
      const nested = await JSZip.loadAsync(inner).catch(() => undefined);
      if (nested) {
        for (const part of await packageLines(nested, inner, depth + 1)) out.push({ name: `${name}!${part.name}`, lines: part.lines });
        continue;
      }
    }
    out.push({ name, lines: printableStrings(inner) });
  }
  return out;
}

/**
 * The printable strings of a binary part, in 8-bit text (ASCII and Latin-1) and in UTF-16LE
 * (what OLE objects and old Office files store), each at least MIN_STRING characters long.
 */
export function printableStrings(bytes: Uint8Array): string[] {
  const found: string[] = [];
  const printable = (code: number) => (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || code === 0x09;
  let run = '';
  const flush = () => {
    if (run.trim().length >= MIN_STRING) found.push(run.trim());
    run = '';
  };
  for (const byte of bytes) {
    if (printable(byte)) run += String.fromCharCode(byte);
    else flush();
  }
  flush();
  for (let offset = 0; offset < 2; offset++) {
    for (let i = offset; i + 1 < bytes.length; i += 2) {
      const code = bytes[i]! | (bytes[i + 1]! << 8);
      if (nameCharacter(code)) {
        run += String.fromCharCode(code);
      } else flush();
    }
    flush();
  }
  return [...new Set(found)];
}

/**
 * A character of the UTF-16 strings read from binaries: printable ASCII, Latin-1 and Latin
 * Extended-A letters (Ł, ś), the Romanian and Vietnamese letters of Extended-B, basic Greek and
 * Cyrillic. Narrow on purpose: binary noise read as UTF-16 is mostly other code points, and a
 * wider range glues noise to the end of a name ("PaucekȀ") so the name is no longer a word.
 */
function nameCharacter(code: number): boolean {
  return (
    (code >= 0x20 && code < 0x7f) ||
    (code >= 0xa0 && code <= 0x17f) ||
    (code >= 0x1a0 && code <= 0x1b0) ||
    (code >= 0x218 && code <= 0x21b) ||
    (code >= 0x386 && code <= 0x3ce) ||
    (code >= 0x400 && code <= 0x45f)
  );
}

/** A note of a .docx draft, as a Markdown footnote: its label and its text on one line. */
export interface DraftNote {
  label: string;
  text: string;
}

/**
 * A .docx draft's footnotes and endnotes, for the export (issue 11, leak 7): the body's XML
 * with each note reference replaced by the text "[^fn2]" (footnote 2) or "[^en1]" (endnote 1),
 * so the body reader (mammoth) keeps the reference where it stands, and the notes' texts to
 * append as Markdown footnote definitions. Word's separator notes are not notes.
 */
export async function docxDraftNotes(bytes: Uint8Array): Promise<{ bytes: Uint8Array; notes: DraftNote[] }> {
  if (!looksLikeZip(bytes)) throw notADocx(bytes);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw notADocx(bytes, error);
  }
  const file = (name: string) => Object.keys(zip.files).find((key) => key.toLowerCase() === name);
  const documentName = file('word/document.xml');
  if (!documentName) throw notADocx(bytes);
  const notes: DraftNote[] = [];
  const used = new Set<string>();
  let documentXml = await zip.files[documentName]!.async('string');
  for (const [kind, prefix] of [['footnote', 'fn'], ['endnote', 'en']] as const) {
    const partName = file(`word/${kind}s.xml`);
    const texts = new Map<string, string>();
    if (partName) {
      const xml = await zip.files[partName]!.async('string');
      const NOTE = new RegExp(`<w:${kind}\\b([^>]*)>([\\s\\S]*?)</w:${kind}>`, 'g');
      for (const match of xml.matchAll(NOTE)) {
        const attributes = match[1]!;
        if (/\bw:type\s*=\s*["'](separator|continuationSeparator|continuationNotice)["']/.test(attributes)) continue;
        const id = /\bw:id\s*=\s*["'](-?\d+)["']/.exec(attributes)?.[1];
        if (id === undefined) continue;
        texts.set(id, wordprocessingText(match[2]!).join(' ').replace(/\s+/g, ' ').trim());
      }
    }
    const REFERENCE = new RegExp(`<w:${kind}Reference\\b([^>]*?)/>`, 'g');
    documentXml = documentXml.replace(REFERENCE, (whole, attributes: string) => {
      const id = /\bw:id\s*=\s*["'](-?\d+)["']/.exec(attributes)?.[1];
      const text = id === undefined ? undefined : texts.get(id);
      if (text === undefined || text === '') return whole;
      const label = `${prefix}${id}`;
      if (!used.has(label)) {
        used.add(label);
        notes.push({ label, text });
      }
      return `<w:t xml:space="preserve">[^${label}]</w:t>`;
    });
  }
  if (notes.length === 0) return { bytes, notes };
  zip.file(documentName, documentXml);
  return { bytes: await zip.generateAsync({ type: 'uint8array' }), notes };
}
