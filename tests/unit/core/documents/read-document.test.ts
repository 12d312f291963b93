import { mkdtempSync, rmSync, truncateSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES, readDocument } from '../../../../src-main/core/documents';
import { codeOf } from '../../../fixtures/checks';
import { pdfOfPages, simpleDocx } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'doevault-documents-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('readDocument', () => {
  it.each([
    ['draft.txt', 'txt'],
    ['draft.TXT', 'txt'],
    ['draft.md', 'md'],
    ['draft.markdown', 'md'],
  ])('reads %s as UTF-8 text', async (name, format) => {
    const path = file(name, '\ufeffZoë Quillfeather\nline two\n');
    expect(await readDocument(path)).toEqual({ text: 'Zoë Quillfeather\nline two\n', format });
  });

  it('reads UTF-16 text with a byte-order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Zoë Quillfeather', 'utf16le')]);
    expect((await readDocument(file('unicode.txt', bytes))).text).toBe('Zoë Quillfeather');
  });

  it('refuses binary data and broken UTF-8 with a clear message', async () => {
    await expect(readDocument(file('binary.txt', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1])))).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('binary data, not text'),
    });
    await expect(readDocument(file('latin1.md', Uint8Array.from([0x5a, 0x6f, 0xeb])))).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('not valid UTF-8'),
    });
  });

  it('reads .docx body text', async () => {
    const path = file('draft.docx', await simpleDocx([['Zephy', 'rine Quillfeather'], ['Second.']]));
    const document = await readDocument(path);
    expect(document.format).toBe('docx');
    expect(document.text).toContain('Zephyrine Quillfeather');
  });

  it('reads .pdf page text with page starts', async () => {
    const path = file('filing.pdf', await pdfOfPages([['One.'], ['Two.']]));
    expect(await readDocument(path)).toEqual({ text: 'One.\nTwo.', pageStarts: [5], format: 'pdf' });
  });

  it('refuses other file types, naming the type and what is accepted, never the file name', async () => {
    const path = file('Zephyrine Quillfeather.xlsx', 'x');
    await expect(readDocument(path)).rejects.toMatchObject({ code: 'VALIDATION' });
    const message = await readDocument(path).catch((error: Error) => error.message);
    expect(message).toContain('.xlsx');
    expect(message).toContain('.txt, .md (.markdown), .docx and .pdf');
    expect(message).not.toContain('Quillfeather');
    expect(await codeOf(() => readDocument(file('README', 'x')))).toBe('VALIDATION');
  });

  it('refuses a .docx or .pdf that is not one', async () => {
    await expect(readDocument(file('fake.docx', 'plain text'))).rejects.toThrow(/not a Word document/);
    await expect(readDocument(file('fake.pdf', 'plain text'))).rejects.toThrow(/not a readable PDF/);
  });

  it('refuses a file over the size limit', async () => {
    const path = file('huge.txt', '');
    truncateSync(path, MAX_DOCUMENT_BYTES + 1);
    await expect(readDocument(path)).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('up to 50 MB') });
  });

  it('says NOT_FOUND for a missing file and refuses a folder', async () => {
    expect(await codeOf(() => readDocument(join(dir, 'missing.txt')))).toBe('NOT_FOUND');
    mkdirSync(join(dir, 'folder.txt'));
    expect(await codeOf(() => readDocument(join(dir, 'folder.txt')))).toBe('VALIDATION');
  });
});
