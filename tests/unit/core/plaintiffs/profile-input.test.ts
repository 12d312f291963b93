import { describe, expect, it } from 'vitest';
import { isVaultError, type VaultError } from '../../../../src-main/core/errors';
import { parsePlaintiffInput, PROFILE_LIMITS } from '../../../../src-main/core/plaintiffs/plaintiff-input';
import { plaintiffFields } from '../../../../src-preload/contract';

/** Issue 11, the doxxing surface: what the core accepts and what it refuses, with which message. */

function refused(input: Record<string, unknown>): VaultError {
  try {
    parsePlaintiffInput({ legalName: 'Jane Roe', ...input });
  } catch (error) {
    if (isVaultError(error, 'VALIDATION')) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(input)}`);
}

describe('the doxxing surface of a plaintiff', () => {
  const full = {
    family: [{ name: ' Zofia  Roe ', relation: 'daughter' }, { name: 'Adam Roe' }],
    pastAddresses: ['12 Oak Lane\nFresno CA', ''],
    affiliations: [{ name: 'Hollingsworth Academy', kind: 'school' }, { name: 'Acme Freight' }],
    vehicles: [{ plate: '7ABC123', state: 'CA', description: 'grey 2019 sedan' }, { plate: '8 XYZ-001' }],
    handles: ['@jane_roe99', 'roe.jane', ''],
    characteristics: ['Dragon tattoo on the left forearm', 'Sagittarius unit'],
  };

  it('accepts a full profile, trimmed, with defaults for relation and kind', () => {
    const parsed = parsePlaintiffInput({ legalName: 'Jane Roe', ...full });
    expect(parsed.family).toEqual([
      { name: 'Zofia  Roe', relation: 'daughter' },
      { name: 'Adam Roe', relation: '' },
    ]);
    expect(parsed.pastAddresses).toEqual(['12 Oak Lane\nFresno CA']);
    expect(parsed.affiliations).toEqual([
      { name: 'Hollingsworth Academy', kind: 'school' },
      { name: 'Acme Freight', kind: 'other' },
    ]);
    expect(parsed.vehicles).toEqual([{ plate: '7ABC123', state: 'CA', description: 'grey 2019 sedan' }, { plate: '8 XYZ-001' }]);
    expect(parsed.handles).toEqual(['@jane_roe99', 'roe.jane']);
    expect(parsed.characteristics).toEqual(['Dragon tattoo on the left forearm', 'Sagittarius unit']);
    // The IPC contract lets the same shape through (the core checks meaning).
    expect(plaintiffFields.safeParse({ legalName: 'Jane Roe', ...full }).success).toBe(true);
  });

  it('leaves the lists out when they are empty, as in records written before them', () => {
    const parsed = parsePlaintiffInput({ legalName: 'Jane Roe', family: [], handles: [''], vehicles: [] });
    for (const field of ['family', 'pastAddresses', 'affiliations', 'vehicles', 'handles', 'characteristics'] as const) {
      expect(field in parsed && parsed[field] !== undefined, field).toBe(false);
    }
  });

  it('drops duplicate entries', () => {
    const parsed = parsePlaintiffInput({ legalName: 'Jane Roe', vehicles: [{ plate: '7ABC123' }, { plate: '7ABC123' }], handles: ['@x_y', '@x_y'] });
    expect(parsed.vehicles).toHaveLength(1);
    expect(parsed.handles).toEqual(['@x_y']);
  });

  it.each([
    [{ family: [{ name: '', relation: 'son' }] }, 'family.0.name', /Family member name is required/],
    [{ family: [{ name: '1234', relation: 'son' }] }, 'family.0.name', /Family member name must contain letters/],
    [{ family: ['Zofia Roe'] }, 'family.0', /family member must be \{ name, relation \}/],
    [{ family: [{ name: 'Zofia Roe', relation: 'x'.repeat(61) }] }, 'family.0.relation', /longer than 60/],
    [{ affiliations: [{ name: 'Acme', kind: 'club' }] }, 'affiliations.0.kind', /school, employer or other/],
    [{ vehicles: [{ plate: '7AB/C12' }] }, 'vehicles.0.plate', /Plate may contain only letters, digits, spaces and hyphens/],
    [{ vehicles: [{ plate: 'A'.repeat(16) }] }, 'vehicles.0.plate', /longer than 15/],
    [{ vehicles: [{ plate: '' }] }, 'vehicles.0.plate', /Plate is required/],
    [{ handles: ['https://x.com/jane'] }, 'handles.0', /username alone/],
    [{ handles: ['jane roe'] }, 'handles.0', /username alone/],
    [{ characteristics: ['tattoo\u202Eoof'] }, 'characteristics.0', /control or formatting characters/],
    [{ handles: Array.from({ length: PROFILE_LIMITS.handles + 1 }, (_, i) => `h${i}`) }, 'handles', /Handles: at most 20/],
    [{ vehicles: Array.from({ length: PROFILE_LIMITS.vehicles + 1 }, (_, i) => ({ plate: `P${i}00` })) }, 'vehicles', /Vehicles: at most 10/],
    [{ pastAddresses: 'Oak Lane' }, 'pastAddresses', /Past addresses must be a list/],
  ])('refuses %j naming the field', (input, field, message) => {
    const error = refused(input);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });
});
