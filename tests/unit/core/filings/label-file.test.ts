import { describe, expect, it } from 'vitest';
import { parseLabelFile } from '../../../../src-main/core/filings/label-file';
import { codeOf } from '../../../fixtures/checks';

/** `export --labels FILE` (issue 13, item 4): one label a line, [public] and [sealed] for one version. */
describe('a labels file', () => {
  it('lines without a section are both versions’ labels', () => {
    expect(parseLabelFile('FILED UNDER SEAL\n\nBY ORDER OF THE COURT\n', 'labels.txt')).toEqual({
      public: ['FILED UNDER SEAL', 'BY ORDER OF THE COURT'],
      sealed: ['FILED UNDER SEAL', 'BY ORDER OF THE COURT'],
    });
  });

  it('sections set one version; a version the file leaves out keeps the court’s; an empty section prints none', () => {
    expect(parseLabelFile('# the sealed papers only\n[sealed]\nLODGED CONDITIONALLY UNDER SEAL\n', 'l.txt')).toEqual({ sealed: ['LODGED CONDITIONALLY UNDER SEAL'] });
    expect(parseLabelFile('[Public]\n[sealed]\r\nUNDER SEAL\r\n', 'l.txt')).toEqual({ public: [], sealed: ['UNDER SEAL'] });
    // Lines before the sections go to the version that has no section of its own.
    expect(parseLabelFile('\uFEFFBOTH\n[public]\nPUBLIC ONLY\n', 'l.txt')).toEqual({ public: ['PUBLIC ONLY'], sealed: ['BOTH'] });
  });

  it('[lodged] sets the declaration of identities’ labels; lines before any section are not its', () => {
    expect(parseLabelFile('FILED UNDER SEAL\n[lodged]\nLODGED UNDER SEAL PER ORDER OF MAY 1, 2026\n', 'l.txt')).toEqual({
      public: ['FILED UNDER SEAL'],
      sealed: ['FILED UNDER SEAL'],
      lodged: ['LODGED UNDER SEAL PER ORDER OF MAY 1, 2026'],
    });
    expect(parseLabelFile('[LODGED]\n', 'l.txt')).toEqual({ lodged: [] });
  });

  it.each([
    ['an unknown section', '[Sealded]\nX\n', /l\.txt, line 1: "\[Sealded\]" is not a section of a labels file; write \[public\], \[sealed\] or \[lodged\]/],
    ['a section given twice', '[public]\nA\n[public]\nB\n', /line 3: \[public\] is given twice/],
    ['a fifth label', 'A\nB\nC\nD\nE\n', /line 5: at most 4 labels a version/],
    ['a label too long', `${'X'.repeat(201)}\n`, /line 1: a label is at most 200 characters/],
    ['an invisible character', 'UNDER\u200bSEAL\n', /line 1: a label holds a control or invisible character/],
    ['no label at all', '# nothing\n\n', /l\.txt holds no label\. .*--labels none/],
  ])('refuses %s, naming the file and line', async (_, text, message) => {
    expect(await codeOf(() => parseLabelFile(text, 'l.txt'))).toBe('VALIDATION');
    expect(() => parseLabelFile(text, 'l.txt')).toThrow(message);
  });
});
