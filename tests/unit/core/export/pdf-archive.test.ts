import { execFileSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RenderedDocument } from '../../../../src-main/core/filings/document';
import { writePdf } from '../../../../src-main/core/export/pdf-writer';
import { FONTS_DIR, readPdf, sampleFiling, type ReadPdf } from './typeset-fixtures';

/**
 * PDF/A-2b, checked part by part (veraPDF is in no registry this project reaches): what level B
 * requires of a file like ours, read from the bytes and with poppler, an independent reader.
 */
const write = (doc: RenderedDocument, pdfa: boolean) => writePdf(doc, { fontsDir: FONTS_DIR, pdfa });

/** The dictionary (and inflated stream, if any) of object `n`. */
function object(bytes: Uint8Array, n: number): { dict: string; stream?: Buffer } {
  const buffer = Buffer.from(bytes);
  const latin = buffer.toString('latin1');
  const start = latin.indexOf(`\n${n} 0 obj\n`);
  expect(start, `object ${n}`).toBeGreaterThanOrEqual(0);
  const end = latin.indexOf('endobj', start);
  const body = latin.slice(start, end);
  const at = body.indexOf('stream\n');
  if (at < 0) return { dict: body };
  const from = start + at + 'stream\n'.length;
  const raw = buffer.subarray(from, latin.indexOf('\nendstream', from));
  return { dict: body.slice(0, at), stream: /\/Filter \/FlateDecode/.test(body.slice(0, at)) ? inflateSync(raw) : raw };
}

const refOf = (dict: string, key: string): number => Number(new RegExp(`/${key} \\[?(\\d+) 0 R`).exec(dict)?.[1]);

function catalog(bytes: Uint8Array): string {
  const latin = Buffer.from(bytes).toString('latin1');
  const trailer = latin.slice(latin.lastIndexOf('trailer'));
  return object(bytes, refOf(trailer, 'Root')).dict;
}

describe.each(['california', 'federal'] as const)('writePdf with pdfa, %s format', (format) => {
  const doc = sampleFiling(format);
  let bytes: Uint8Array;
  let read: ReadPdf;
  beforeAll(async () => {
    bytes = await write(doc, true);
    read = await readPdf(bytes);
  });

  it('identifies itself as PDF/A-2b in its XMP metadata, which is not compressed', () => {
    const root = catalog(bytes);
    const metadata = object(bytes, refOf(root, 'Metadata'));
    expect(metadata.dict).not.toContain('/Filter');
    const xmp = metadata.stream!.toString('utf8');
    expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(xmp.startsWith('<?xpacket begin=')).toBe(true);
  });

  it('says in XMP what its Info dictionary says (title, creator tool, producer, dates)', () => {
    expect(read.xmp?.title).toBe(read.info.Title);
    expect(read.info.Title).toBe(doc.metadataTitle);
    expect(read.xmp?.raw).toContain(`<xmp:CreatorTool>${read.info.Creator as string}</xmp:CreatorTool>`);
    expect(read.xmp?.raw).toContain(`<pdf:Producer>${read.info.Producer as string}</pdf:Producer>`);
    expect(read.info.CreationDate).toBe('D:20250304050607Z');
    expect(read.xmp?.raw).toContain('<xmp:CreateDate>2025-03-04T05:06:07Z</xmp:CreateDate>');
    expect(read.info.ModDate).toBe('D:20250304050607Z');
    expect(read.xmp?.raw).toContain('<xmp:ModifyDate>2025-03-04T05:06:07Z</xmp:ModifyDate>');
    expect(read.info.Author ?? '').toBe('');
  });

  it('has one PDF/A output intent with an embedded sRGB ICC profile', () => {
    const root = catalog(bytes);
    expect(root).toMatch(/\/OutputIntents \[\d+ 0 R\]/);
    const intent = object(bytes, refOf(root, 'OutputIntents')).dict;
    expect(intent).toContain('/S /GTS_PDFA1');
    expect(intent).toContain('/OutputConditionIdentifier (sRGB IEC61966-2.1)');
    const profile = object(bytes, refOf(intent, 'DestOutputProfile'));
    expect(profile.dict).toMatch(/\/N 3/);
    expect(profile.stream!.toString('latin1', 36, 40)).toBe('acsp');
    expect(profile.stream!.toString('latin1', 16, 20)).toBe('RGB ');
    expect(profile.stream!.readUInt32BE(0)).toBe(profile.stream!.length);
  });

  it('embeds every font it uses, and no other', () => {
    const rows = execFileSync('pdffonts', ['-'], { input: Buffer.from(bytes), encoding: 'utf8' }).split('\n').slice(2).filter((row) => row.trim() !== '');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row, row).toMatch(/^\S+\+Tinos\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it('is not encrypted and carries no JavaScript, actions or attachments; its header marks it binary', () => {
    const info = execFileSync('pdfinfo', ['-'], { input: Buffer.from(bytes), encoding: 'utf8' });
    expect(info).toMatch(/^Encrypted:\s+no$/m);
    expect(info).toMatch(/^JavaScript:\s+no$/m);
    const latin = Buffer.from(bytes).toString('latin1');
    for (const key of ['/Encrypt', '/JavaScript', '/JS', '/AA', '/OpenAction', '/Launch', '/EmbeddedFiles', '/URI']) {
      expect(latin, key).not.toMatch(new RegExp(`${key.replace('/', '\\/')}\\b`));
    }
    expect(latin.slice(0, 15)).toMatch(/^%PDF-1\.7\n%[\x80-\xff]{4}/);
    expect(latin.slice(latin.lastIndexOf('trailer'))).toMatch(/\/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]/);
  });

  it('prints the same pages as the ordinary PDF, byte for byte the same every time', async () => {
    const plain = await readPdf(await write(doc, false));
    expect(read.pages.map((page) => page.text)).toEqual(plain.pages.map((page) => page.text));
    // Two writes after the first: the first write of a process differs (a cold width cache), with or without pdfa.
    expect(Buffer.from(await write(doc, true)).equals(Buffer.from(await write(doc, true)))).toBe(true);
  });
});

describe('writePdf without pdfa (the default)', () => {
  it('claims no PDF/A conformance and adds no output intent, but shows the title as the window title', async () => {
    const bytes = await writePdf(sampleFiling('california'), { fontsDir: FONTS_DIR });
    const latin = Buffer.from(bytes).toString('latin1');
    expect(latin).not.toContain('pdfaid');
    expect(catalog(bytes)).not.toContain('/OutputIntents');
    expect(object(bytes, refOf(catalog(bytes), 'ViewerPreferences')).dict).toContain('/DisplayDocTitle true');
  });
});
