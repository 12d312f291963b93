import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../../src-main/core/documents';
import { LeakScanner } from '../../../../src-main/core/scan';
import { pdfOfPages, pdfWithoutText, pdfWithSplitWord } from './fixtures';

describe('pdfText', () => {
  it('gives each line on its own line and where pages begin', async () => {
    const pdf = await pdfText(await pdfOfPages([['First page, line one.', 'Line two.'], ['Second page: Zephyrine Quillfeather.'], ['Third page.']]));
    expect(pdf.pageCount).toBe(3);
    expect(pdf.text.split('\n')).toEqual(['First page, line one.', 'Line two.', 'Second page: Zephyrine Quillfeather.', 'Third page.']);
    expect(pdf.pageStarts).toEqual([pdf.text.indexOf('Second'), pdf.text.indexOf('Third')]);
  });

  it('reads Unicode names back, and the scanner places them by page and line', async () => {
    const pdf = await pdfText(await pdfOfPages([['Caption'], ['Preface', 'Nguyễn Thị Minh Khai, Łukasz Wiśniewski, Zoë Quill']]));
    expect(pdf.text).toContain('Nguyễn Thị Minh Khai, Łukasz Wiśniewski, Zoë Quill');
    const scanner = LeakScanner.build([
      { plaintiffId: 'p1', caseId: 'c', pseudonym: 'Doe 1', legalName: 'Łukasz Wiśniewski', aliases: [], idNumbers: [] },
    ]);
    expect(scanner.scan(pdf).map((hit) => [hit.text, hit.page, hit.line])).toEqual([['Łukasz Wiśniewski', 2, 2]]);
  });

  it('joins a word drawn in two pieces', async () => {
    const pdf = await pdfText(await pdfWithSplitWord());
    expect(pdf.text.split('\n')).toEqual(['Zephyrine Quillfeather', 'next line']);
  });

  it('gives every metadata string', async () => {
    const pdf = await pdfText(
      await pdfOfPages([['Body.']], { Title: 'Declaration of Evander Mossgrove', Author: 'Wilhelmina Thorncastle', Subject: 'Zoë', Keywords: 'Peregrine' }),
    );
    expect(pdf.metadata).toEqual(expect.arrayContaining(['Declaration of Evander Mossgrove', 'Wilhelmina Thorncastle', 'Zoë', 'Peregrine']));
    expect(pdf.text).not.toContain('Thorncastle');
  });

  it('refuses a PDF without a text layer, saying what to do', async () => {
    await expect(pdfText(await pdfWithoutText())).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'The PDF has no text layer (a scanned image?), so it cannot be checked for names. Run OCR on it first, or scan the source document instead.',
    });
  });

  it.each([
    ['text', new TextEncoder().encode('Zephyrine Quillfeather')],
    ['a damaged PDF', new TextEncoder().encode('%PDF-1.7\n1 0 obj garbage')],
    ['nothing', new Uint8Array()],
  ])('refuses %s as not a PDF', async (_label, bytes) => {
    await expect(pdfText(bytes)).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('not a readable PDF') });
  });

  it('leaves the caller’s bytes usable', async () => {
    const bytes = await pdfOfPages([['Body.']]);
    await pdfText(bytes);
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect((await pdfText(bytes)).text).toBe('Body.');
  });
});
