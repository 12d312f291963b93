import { describe, expect, it } from 'vitest';
import { isVaultError } from '../../../../../src-main/core/errors';
import { parsePlaintiffInput } from '../../../../../src-main/core/plaintiffs/plaintiff-input';
import { fieldErrors } from '../../../../../src-renderer/src/screens/roster/fieldErrors';
import { blankRow, EMPTY_PROFILE, profileFromRevealed, profileToFields, type ProfileRows } from '../../../../../src-renderer/src/screens/roster/profileRows';
import { plaintiffFields } from '../../../../../src-preload/contract';

/** Issue 11: the plaintiff form's lists of the doxxing surface. */

const ROWS: ProfileRows = {
  family: [{ name: ' Ottilie Brannigan ', relation: 'daughter' }, blankRow('family')],
  pastAddresses: [{ text: '12 Oak Lane, Fresno' }, blankRow('pastAddresses')],
  affiliations: [{ name: 'Hollingsworth Academy', kind: 'school' }, blankRow('affiliations')],
  vehicles: [{ plate: '7QXZ918', state: '', description: 'grey sedan' }, blankRow('vehicles')],
  handles: [{ text: '@zq_rides77' }],
  characteristics: [blankRow('characteristics')],
};

describe('the plaintiff form: profile rows', () => {
  it('sends every list with blank rows left out, accepted by the contract and the core', () => {
    const fields = profileToFields(ROWS);
    expect(fields).toEqual({
      family: [{ name: 'Ottilie Brannigan', relation: 'daughter' }],
      pastAddresses: ['12 Oak Lane, Fresno'],
      affiliations: [{ name: 'Hollingsworth Academy', kind: 'school' }],
      vehicles: [{ plate: '7QXZ918', description: 'grey sedan' }],
      handles: ['@zq_rides77'],
      characteristics: [],
    });
    const sent = { legalName: 'Zephyrine Quillfeather', ...fields };
    expect(plaintiffFields.safeParse(sent).success).toBe(true);
    const stored = parsePlaintiffInput(sent);
    expect(stored.family).toEqual(fields.family);
    expect(stored.characteristics).toBeUndefined();
  });

  it('a list emptied in the form clears the stored one (it is sent as [])', () => {
    expect(profileToFields(EMPTY_PROFILE)).toEqual({ family: [], pastAddresses: [], affiliations: [], vehicles: [], handles: [], characteristics: [] });
  });

  it('opens a revealed record as rows, and saving unchanged rows sends the same values back', () => {
    const revealed = {
      id: '0123456789abcdef',
      seq: 1,
      pseudonym: 'Jane Doe 1',
      status: 'active' as const,
      legalName: 'Zephyrine Quillfeather',
      aliases: [],
      gender: 'female' as const,
      idNumbers: [],
      family: [{ name: 'Ottilie Brannigan', relation: '' }],
      vehicles: [{ plate: '7QXZ918', state: 'CA' }],
      handles: ['@zq_rides77'],
    };
    const rows = profileFromRevealed(revealed);
    expect(rows.vehicles).toEqual([{ plate: '7QXZ918', state: 'CA', description: '' }]);
    expect(rows.pastAddresses).toEqual([]);
    expect(profileToFields(rows)).toMatchObject({ family: revealed.family, vehicles: revealed.vehicles, handles: revealed.handles });
  });

  it("puts the core's messages on the list at fault", () => {
    for (const [input, list] of [
      [{ vehicles: [{ plate: '7AB/C12' }] }, 'vehicles'],
      [{ family: [{ name: '', relation: 'son' }] }, 'family'],
      [{ handles: ['https://x.com/zq'] }, 'handles'],
      [{ affiliations: [{ name: '123' }] }, 'affiliations'],
    ] as const) {
      let caught: unknown;
      try {
        parsePlaintiffInput({ legalName: 'Zephyrine Quillfeather', ...input });
      } catch (error) {
        caught = error;
      }
      if (!isVaultError(caught, 'VALIDATION')) throw new Error(`accepted ${JSON.stringify(input)}`);
      const errors = fieldErrors(caught.field, caught.message);
      expect(Object.keys(errors), JSON.stringify(input)).toEqual([list]);
    }
  });
});
