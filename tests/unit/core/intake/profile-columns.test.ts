import { describe, expect, it } from 'vitest';
import { checkMapping, detectMapping } from '../../../../src-main/core/intake/column-mapping';
import { rowToIdentity } from '../../../../src-main/core/intake/row-validation';
import type { IntakeField } from '../../../../src-main/core/intake/types';
import { profileColumns } from '../../../../src-main/core/plaintiffs/roster-export';

/** Issue 11: intake files carry the doxxing surface in repeatable, numbered columns. */

const HEADERS = [
  'Full Name',
  'Family 1',
  'Family 1 relation',
  'Family 2',
  'Family 2 Relationship',
  'Spouse',
  'Past address 1',
  'Previous Address 2',
  'School',
  "Child's school",
  'Employer',
  'Organisation',
  'Vehicle 1 plate',
  'Vehicle 1 state',
  'Vehicle 1 make/model',
  'License Plate 2',
  'Handle',
  'Instagram',
  'Identifying characteristics',
  'Tattoo',
];

describe('intake of the doxxing surface', () => {
  it('detects numbered and synonym headers', () => {
    expect(detectMapping(HEADERS)).toEqual<(IntakeField | null)[]>([
      'legalName',
      'familyName',
      'familyRelation',
      'familyName',
      'familyRelation',
      'familyName',
      'pastAddresses',
      'pastAddresses',
      'schools',
      'schools',
      'employers',
      'affiliations',
      'vehiclePlate',
      'vehicleState',
      'vehicleDescription',
      'vehiclePlate',
      'handles',
      'handles',
      'characteristics',
      'characteristics',
    ]);
    expect(() => checkMapping(HEADERS, detectMapping(HEADERS))).not.toThrow();
  });

  it('leaves the meaning of existing headers alone: "Family name" is the surname, "Address 2" is not a past address', () => {
    expect(detectMapping(['First name', 'Family name', 'Address', 'Address 2'])).toEqual(['firstName', 'lastName', 'address', null]);
  });

  it('pairs relations with family members and states with plates, in column order', () => {
    const cells = [
      'Marta Quillfeather',
      'Ottilie Quillfeather',
      'daughter',
      'Ambrose Quillfeather (father); Ida Quillfeather (aunt)',
      '',
      'Jonas Quillfeather',
      '12 Oak Lane\nFresno CA',
      '9 Elm Court, Visalia',
      'Hollingsworth Academy',
      'Lakeside Elementary',
      'Brightwater Freight',
      'Lakeside Rowing Club',
      '7QXZ918',
      'CA',
      'grey sedan',
      '8XYZ001',
      "'@quill_rider77",
      'zquill; quill.art',
      'Phoenix tattoo on the left forearm',
      '',
    ];
    const result = rowToIdentity({ row: 2, cells }, HEADERS, detectMapping(HEADERS));
    expect(result.problems).toBeUndefined();
    expect(result.identity).toMatchObject({
      legalName: 'Marta Quillfeather',
      family: [
        { name: 'Ottilie Quillfeather', relation: 'daughter' },
        { name: 'Ambrose Quillfeather', relation: 'father' },
        { name: 'Ida Quillfeather', relation: 'aunt' },
        { name: 'Jonas Quillfeather', relation: 'spouse' },
      ],
      pastAddresses: ['12 Oak Lane\nFresno CA', '9 Elm Court, Visalia'],
      affiliations: [
        { name: 'Hollingsworth Academy', kind: 'school' },
        { name: 'Lakeside Elementary', kind: 'school' },
        { name: 'Brightwater Freight', kind: 'employer' },
        { name: 'Lakeside Rowing Club', kind: 'other' },
      ],
      vehicles: [{ plate: '7QXZ918', state: 'CA', description: 'grey sedan' }, { plate: '8XYZ001' }],
      handles: ['@quill_rider77', 'zquill', 'quill.art'],
      characteristics: ['Phoenix tattoo on the left forearm'],
    });
  });

  it('a bad value is a problem naming the row, the field and the column, never the value', () => {
    const headers = ['Name', 'Vehicle plate', 'Handle'];
    const result = rowToIdentity({ row: 7, cells: ['Ann Other', '7AB/C12', 'https://x.com/secretname'] }, headers, detectMapping(headers));
    expect(result.problems).toEqual([
      { row: 7, field: 'vehicles', message: expect.stringMatching(/^Row 7, vehicles \(column "Vehicle plate"\): Plate may contain only letters/) },
      { row: 7, field: 'handles', message: expect.stringMatching(/^Row 7, handles \(column "Handle"\): Handle: write the username alone/) },
    ]);
    expect(JSON.stringify(result.problems)).not.toContain('secretname');
  });

  it('reads back the columns the sealed roster writes', () => {
    const identity = {
      legalName: 'Marta Quillfeather',
      aliases: [],
      gender: 'unspecified' as const,
      idNumbers: [],
      family: [{ name: 'Ottilie Quillfeather', relation: 'daughter' }],
      pastAddresses: ['12 Oak Lane'],
      affiliations: [
        { name: 'Hollingsworth Academy', kind: 'school' as const },
        { name: 'Brightwater Freight', kind: 'employer' as const },
        { name: 'Lakeside Rowing Club', kind: 'other' as const },
      ],
      vehicles: [{ plate: '7QXZ918', state: 'CA', description: 'grey sedan' }],
      handles: ['@quill_rider77'],
      characteristics: ['Phoenix tattoo'],
    };
    const columns = profileColumns([identity]);
    const headers = ['Legal Name', ...columns.map((c) => c.header)];
    const cells = [identity.legalName, ...columns.map((c) => c.cell(identity)).map((cell) => (cell.startsWith('@') ? `'${cell}` : cell))];
    const mapping = detectMapping(headers);
    expect(mapping.includes(null)).toBe(false);
    expect(rowToIdentity({ row: 2, cells }, headers, mapping).identity).toMatchObject(identity);
  });
});
