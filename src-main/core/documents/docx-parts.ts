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
 * The text of every XML part: WordprocessingML parts (body, headers, footers, footnotes,
 * endnotes, comments, text boxes) with each paragraph's runs joined and one paragraph per
 * line, deleted text of tracked changes included; document properties (core.xml, app.xml,
 * custom.xml) value by value; external relationship targets (mailto: links). Each part begins
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
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
  if (!names.some((name) => name.toLowerCase() === 'word/document.xml')) throw notADocx(bytes);
  const xmlParts = names
    .filter((name) => /\.(xml|rels)$/i.test(name) && !/^\[content_types\]\.xml$/i.test(name))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

  let text = '';
  const parts: DocumentPart[] = [];
  for (const name of xmlParts) {
    let xml: string;
    try {
      xml = await zip.files[name]!.async('string');
    } catch (error) {
      throw notADocx(bytes, error);
    }
    const lower = name.toLowerCase();
    const lines = lower.endsWith('.rels')
      ? relationshipTargets(xml)
      : lower.startsWith('word/')
        ? wordprocessingText(xml)
        : plainXmlText(xml);
    if (lines.length === 0) continue;
    if (text !== '') text += '\n';
    parts.push({ name, start: text.length });
    text += `${lines.join('\n')}\n`;
  }
  return { text, parts };
}
