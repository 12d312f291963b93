import { describe, expect, it } from 'vitest';
import type { CaseDetails } from '../../../../src-main/core/cases/cases';
import { parseFilingInput } from '../../../../src-main/core/filings/filing-input';
import { renderFiling } from '../../../../src-main/core/filings/render';

/** Issue 11: the identity key can list the doxxing surface beside each legal name. */

const CASE: CaseDetails = { title: 'Jane Does 1–2 v. City of Springfield', court: 'Superior Court', number: '24STCV01234', scheme: { kind: 'gendered' } };

describe('identity key with the doxxing surface', () => {
  it('lists family, schools and employers, vehicles, handles, past addresses and characteristics, readably', () => {
    const renders = renderFiling(
      parseFilingInput({
        title: 'Complaint',
        body: '{{Jane Doe 1}} and {{Jane Doe 2}} sue.',
        keyFields: ['family', 'affiliations', 'vehicles', 'handles', 'pastAddresses', 'characteristics'],
      }),
      {
        caseDetails: CASE,
        plaintiffs: [
          {
            pseudonym: 'Jane Doe 1',
            seq: 1,
            identity: {
              legalName: 'Zephyrine Quillfeather',
              aliases: [],
              gender: 'female',
              idNumbers: [],
              family: [{ name: 'Ottilie Quillfeather', relation: 'daughter' }, { name: 'Ambrose Quillfeather', relation: '' }],
              affiliations: [{ name: 'Hollingsworth Academy', kind: 'school' }],
              vehicles: [{ plate: '7QXZ918', state: 'CA', description: 'grey sedan' }],
              handles: ['@quill_rider77'],
              pastAddresses: ['12 Oak Lane, Fresno'],
              characteristics: ['Phoenix tattoo'],
            },
          },
          { pseudonym: 'Jane Doe 2', seq: 2, identity: { legalName: 'Bartholomea Oakhaven', aliases: [], gender: 'female', idNumbers: [] } },
        ],
        now: '2026-11-22T10:00:00.000Z',
      },
    );
    const table = renders.identityKey.blocks.find((b) => b.type === 'table');
    if (!table || table.type !== 'table') throw new Error('no table in the identity key');
    expect(table.header.map((cell) => cell[0]!.text)).toEqual([
      'Pseudonym',
      'Legal name',
      'Family',
      'Schools and employers',
      'Vehicles',
      'Handles',
      'Past addresses',
      'Identifying characteristics',
    ]);
    expect(table.rows.map((row) => row.map((cell) => cell[0]!.text))).toEqual([
      [
        'Jane Doe 1',
        'Zephyrine Quillfeather',
        'Ottilie Quillfeather (daughter); Ambrose Quillfeather',
        'Hollingsworth Academy (school)',
        '7QXZ918 (CA, grey sedan)',
        '@quill_rider77',
        '12 Oak Lane, Fresno',
        'Phoenix tattoo',
      ],
      ['Jane Doe 2', 'Bartholomea Oakhaven', '', '', '', '', '', ''],
    ]);
  });
});
