import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JoinedKeysBuilder } from '../../../../src-main/core/scan/joined';
import { Vocabulary } from '../../../../src-main/core/scan/vocabulary';

/**
 * The joined channel finds a run-together name as a row of pieces walked over a token
 * (joined.ts). Pieces overlap one another ("ann", "anna", "annalee"), and one text may be
 * several rows ("ann"+"alee", "anna"+"lee"): whatever they are, every occurrence of every key
 * must be found, exactly where a plain substring search finds it, and nothing else.
 */

/** Keys as rows of piece texts; found as "row@from-to" (one per row and occurrence). */
function matcher(rows: readonly (readonly string[])[]) {
  const vocabulary = new Vocabulary();
  const builder = new JoinedKeysBuilder(vocabulary, 16, rows.length);
  const ids = new Int32Array(16);
  for (const row of rows) {
    row.forEach((piece, k) => (ids[k] = vocabulary.intern(piece)));
    builder.add(ids, row.length);
  }
  // The value of a distinct row: its first index among `rows`.
  const keys = builder.finish((copies) => copies[0]!);
  return (token: string): string[] => {
    const codes = Uint16Array.from(token, (c) => c.charCodeAt(0));
    const found: string[] = [];
    keys.scan(codes, 0, codes.length, (from, to, row) => found.push(`${row}@${from}-${to}`));
    return found.sort();
  };
}

function naive(rows: readonly (readonly string[])[], token: string): string[] {
  const found: string[] = [];
  rows.forEach((row, r) => {
    if (rows.findIndex((other) => other.join('\u0000') === row.join('\u0000')) !== r) return;
    const key = row.join('');
    for (let at = token.indexOf(key); at >= 0; at = token.indexOf(key, at + 1)) found.push(`${r}@${at}-${at + key.length}`);
  });
  return found.sort();
}

describe('joined keys', () => {
  it('finds a key however its pieces overlap others, once per row that spells it', () => {
    const rows = [
      ['ann', 'alee'],
      ['anna', 'lee'],
      ['lee', 'ann'],
      ['marta', 'anna', 'kowalczyk'],
    ];
    const find = matcher(rows);
    // "annalee" is both rows 0 and 1; "leeanna" holds row 2 ("leeann").
    expect(find('xannaleex')).toEqual(['0@1-8', '1@1-8']);
    expect(find('leeannalee')).toEqual(['0@3-10', '1@3-10', '2@0-6']);
    expect(find('martaannakowalczyk2024')).toEqual(['3@0-18']);
    expect(find('martaannkowalczyk')).toEqual([]);
    expect(find('kowalczykmarta')).toEqual([]);
  });

  it('finds keys far into a token longer than its arrays were made for', () => {
    const find = matcher([['li', 'wang']]);
    expect(find(`${'a'.repeat(5000)}liwang${'b'.repeat(5000)}liwang`)).toEqual(['0@10006-10012', '0@5000-5006']);
  });

  it('property: the same occurrences as a substring search, over random pieces and tokens', () => {
    // A small alphabet, so that pieces overlap and repeat in every way.
    const piece = fc.stringMatching(/^[abc]{1,4}$/);
    const rows = fc.array(fc.array(piece, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 });
    const token = fc.stringMatching(/^[abcd]{0,40}$/);
    fc.assert(
      fc.property(rows, fc.array(token, { minLength: 1, maxLength: 4 }), (keys, tokens) => {
        const find = matcher(keys);
        for (const text of tokens) expect(find(text)).toEqual(naive(keys, text));
      }),
      { seed: 4, numRuns: 400 },
    );
  });
});
