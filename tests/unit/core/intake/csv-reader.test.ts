import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvParser, detectDelimiter, readCsvRows } from '../../../../src-main/core/intake/csv-reader';
import { tempDir } from '../../../fixtures/temp-vault';

function parse(text: string, pieces = 1): string[][] {
  const parser = new CsvParser();
  const rows = [];
  const size = Math.ceil(text.length / pieces) || 1;
  for (let i = 0; i < text.length; i += size) rows.push(...parser.push(text.slice(i, i + size)));
  rows.push(...parser.end());
  return rows.map((r) => r.cells);
}

describe('CSV parser', () => {
  it('detects , ; and tab from the header line', () => {
    expect(detectDelimiter('Name,DOB\n')).toBe(',');
    expect(detectDelimiter('Name;DOB;Email\nA,B;C')).toBe(';');
    expect(detectDelimiter('Name\tDOB\n')).toBe('\t');
    expect(detectDelimiter('"Last, First";DOB\n')).toBe(';');
    expect(detectDelimiter('Name\n')).toBe(',');
  });

  it('reads quoted fields with delimiters, doubled quotes and embedded newlines, in any chunking', () => {
    const text = 'Name,Notes\r\n"Doe, Jane","said ""hi""\r\nthen left"\r\nBob,plain\n';
    for (const pieces of [1, 3, 7, text.length]) {
      expect(parse(text, pieces)).toEqual([
        ['Name', 'Notes'],
        ['Doe, Jane', 'said "hi"\r\nthen left'],
        ['Bob', 'plain'],
      ]);
    }
  });

  it('numbers rows as records: a quoted line break does not start a new row', () => {
    const parser = new CsvParser();
    const rows = [...parser.push('a,b\n"x\ny",z\nq,r'), ...parser.end()];
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3]);
  });

  it('accepts CR-only line ends and a last line without one', () => {
    expect(parse('a;b\rc;d')).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('refuses a quote that is never closed, naming the row', () => {
    expect(() => parse('a,b\n1,2\n"open,3\n')).toThrow(/Row 3: a quoted field is never closed/);
  });
});

describe('readCsvRows: encodings', () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);
  const file = (name: string, bytes: Uint8Array | string) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  async function all(path: string) {
    const info = {};
    const rows = [];
    for await (const row of readCsvRows(path, info)) rows.push(row.cells);
    return { rows, info };
  }

  it('reads UTF-8 with and without a BOM', async () => {
    expect(await all(file('plain.csv', 'Name\nZoë\n'))).toEqual({ rows: [['Name'], ['Zoë']], info: { encoding: 'utf-8', delimiter: ',' } });
    expect((await all(file('bom.csv', '\uFEFFName\nZoë\n'))).rows).toEqual([['Name'], ['Zoë']]);
  });

  it('reads UTF-16 LE and BE with their BOM', async () => {
    const le = Buffer.from('\uFEFFName;DOB\nŁucja;1990-01-02\n', 'utf16le');
    expect(await all(file('le.csv', le))).toEqual({ rows: [['Name', 'DOB'], ['Łucja', '1990-01-02']], info: { encoding: 'utf-16le', delimiter: ';' } });
    const be = Buffer.from(le);
    be.swap16();
    expect((await all(file('be.csv', be))).rows).toEqual([['Name', 'DOB'], ['Łucja', '1990-01-02']]);
  });

  it('refuses Windows-1252 text with how to re-save it', async () => {
    await expect(all(file('latin1.csv', Buffer.from('Name\nZo\xeb\n', 'latin1')))).rejects.toThrow(/not UTF-8 or UTF-16.*CSV UTF-8/);
  });

  it('refuses binary data', async () => {
    await expect(all(file('bin.csv', new Uint8Array([0x4e, 0x61, 0, 1, 2, 0xff, 0x10])))).rejects.toThrow(/binary data/);
  });
});
