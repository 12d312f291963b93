import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { docxPartsText } from '../../../../src-main/core/documents';
import { docxText } from '../../../../src-main/core/documents/docx-text';
import { codeOf } from '../../../fixtures/checks';
import { docxWithEveryPart, PLACES, simpleDocx } from './fixtures';

describe('docxText (body, through mammoth)', () => {
  it('joins a word split across runs and puts paragraphs on their own lines', async () => {
    const bytes = await simpleDocx([['Zephy', 'rine Quill', 'feather testified.'], ['Second paragraph.']]);
    const text = await docxText(bytes);
    expect(text).toContain('Zephyrine Quillfeather testified.');
    expect(text.split('\n').filter((line) => line !== '')).toEqual(['Zephyrine Quillfeather testified.', 'Second paragraph.']);
  });

  it.each([
    ['plain text', new TextEncoder().encode('Just some text, not a zip.')],
    ['an old .doc (OLE)', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0])],
    ['empty', new Uint8Array()],
  ])('refuses %s as not a Word document', async (_label, bytes) => {
    await expect(docxText(bytes)).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('not a Word document (.docx)') });
    await expect(docxText(bytes)).rejects.toThrow(/re-save it from Word as \.docx/);
  });

  it('refuses a zip without word/document.xml', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'Zephyrine');
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
    expect(await codeOf(() => docxText(bytes))).toBe('VALIDATION');
    expect(await codeOf(() => docxPartsText(bytes))).toBe('VALIDATION');
  });
});

describe('docxPartsText (every part, for the export verifier)', () => {
  it('finds names in the body, headers, footers, footnotes, comments, deleted text, metadata and link targets', async () => {
    const { text, parts } = await docxPartsText(await docxWithEveryPart());
    for (const [place, name] of Object.entries(PLACES)) expect(text, place).toContain(name);
    expect(parts.map((part) => part.name)).toEqual(
      expect.arrayContaining(['word/document.xml', 'word/header1.xml', 'word/footer1.xml', 'word/footnotes.xml', 'word/comments.xml', 'docProps/core.xml']),
    );
    expect(parts[0]).toEqual({ name: 'word/document.xml', start: 0 });
  });

  it('joins the runs of a paragraph without separators and puts paragraphs on separate lines', async () => {
    const { text } = await docxPartsText(await docxWithEveryPart());
    const body = text.slice(0, text.indexOf('\n\n'));
    expect(body.split('\n')).toEqual(expect.arrayContaining(['Declarant: Zephyrine Quillfeather', 'Second paragraph.']));
  });

  it('says where each part begins', async () => {
    const { text, parts } = await docxPartsText(await docxWithEveryPart());
    const footer = parts.find((part) => part.name === 'word/footer1.xml')!;
    expect(text.slice(footer.start)).toMatch(/^Copy to Ottoline Brackenbury/);
  });

  it('refuses what is not a .docx', async () => {
    expect(await codeOf(() => docxPartsText(new TextEncoder().encode('%PDF-1.7')))).toBe('VALIDATION');
  });
});
