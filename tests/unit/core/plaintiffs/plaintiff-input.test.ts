import { describe, expect, it } from 'vitest';
import { isVaultError, type VaultError } from '../../../../src-main/core/errors';
import { parsePlaintiffInput, type PlaintiffInput } from '../../../../src-main/core/plaintiffs/plaintiff-input';

const VALID: PlaintiffInput = {
  legalName: 'Jane Q. Roe',
  aliases: ['Janie Roe'],
  gender: 'female',
  dob: '1984-03-07',
  email: 'jane.roe@example.org',
  phone: '+1 (555) 010-0199',
  address: '1 Example Street\nSpringfield',
  idNumbers: ['B-123456'],
  notes: 'Prefers contact by email.\n\tNo calls after 6 pm.',
};

function validationError(input: unknown): VaultError {
  try {
    parsePlaintiffInput(input);
  } catch (error) {
    if (isVaultError(error, 'VALIDATION')) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(input)}`);
}

function expectRefused(change: Partial<Record<keyof PlaintiffInput, unknown>>, field: string, message?: RegExp): void {
  const error = validationError({ ...VALID, ...change });
  expect(error.field).toBe(field);
  if (message) expect(error.message).toMatch(message);
}

describe('parsePlaintiffInput', () => {
  it('accepts a complete identity', () => {
    expect(parsePlaintiffInput(VALID)).toEqual(VALID);
  });

  it('needs only a legal name; gender defaults to unspecified; empty strings mean "not given"', () => {
    expect(parsePlaintiffInput({ legalName: 'Jane Roe' })).toEqual({
      legalName: 'Jane Roe',
      aliases: [],
      gender: 'unspecified',
      idNumbers: [],
    });
    const parsed = parsePlaintiffInput({ legalName: 'Jane Roe', dob: '', email: '', phone: null, notes: '  ' });
    expect(parsed.dob).toBeUndefined();
    expect(parsed.email).toBeUndefined();
    expect(parsed.phone).toBeUndefined();
    expect(parsed.notes).toBeUndefined();
    // What a form with blank fields sends.
    const blank = parsePlaintiffInput({ legalName: 'Jane Roe', dob: '  ', email: ' ', phone: '', address: '', aliases: [''] });
    expect(blank).toEqual({ legalName: 'Jane Roe', aliases: [], gender: 'unspecified', idNumbers: [] });
  });

  it('trims, normalises to NFC, drops empty and duplicate list entries', () => {
    const parsed = parsePlaintiffInput({
      legalName: '  Zoe\u0308 Roe ',
      aliases: ['J. Roe', '', '  ', 'J. Roe', 'Janie'],
      idNumbers: [' A-1 ', 'A-1'],
    });
    expect(parsed.legalName).toBe('Zoë Roe');
    expect(parsed.legalName).toBe('Zoë Roe'.normalize('NFC'));
    expect(parsed.aliases).toEqual(['J. Roe', 'Janie']);
    expect(parsed.idNumbers).toEqual(['A-1']);
  });

  it('counts characters, not UTF-16 units, against the 200-character limit', () => {
    const name = `${'ø'.repeat(100)} ${'𝔞'.repeat(99)}`; // 200 characters, 299 UTF-16 units
    expect(parsePlaintiffInput({ legalName: name }).legalName).toBe(name);
    expectRefused({ legalName: `${name}x` }, 'legalName', /longer than 200/);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['10,000 characters', 'a'.repeat(10_000)],
    ['digits only', '12345'],
    ['a bell character', 'Jane\u0007 Roe'],
    ['a right-to-left override', 'Jane \u202eeoR'],
    ['a zero-width space', 'Jane\u200bRoe'],
    ['a newline', 'Jane\nRoe'],
    ['a tab', 'Jane\tRoe'],
    ['a line separator', 'Jane\u2028Roe'],
    ['a number instead of text', 42],
    ['nothing', undefined],
  ])('refuses a legal name that is %s', (_, legalName) => {
    expectRefused({ legalName }, 'legalName');
  });

  it('says what is wrong with the name', () => {
    expectRefused({ legalName: '' }, 'legalName', /required/);
    expectRefused({ legalName: 'a'.repeat(10_000) }, 'legalName', /longer than 200/);
    expectRefused({ legalName: 'Jane\u202eRoe' }, 'legalName', /control or formatting characters/);
  });

  it('refuses control characters in aliases and ID numbers, naming the entry', () => {
    expectRefused({ aliases: ['ok', 'bad\u0000'] }, 'aliases.1');
    expectRefused({ idNumbers: ['\u202eX'] }, 'idNumbers.0');
    expectRefused({ aliases: Array.from({ length: 21 }, (_, i) => `Alias ${i}`) }, 'aliases');
  });

  it('allows newlines and tabs in address and notes, but no other control or bidi characters', () => {
    expect(parsePlaintiffInput({ legalName: 'Jane Roe', notes: 'a\r\nb' }).notes).toBe('a\nb');
    expectRefused({ notes: 'a\u0007b' }, 'notes');
    expectRefused({ address: 'street \u202e1' }, 'address');
    expectRefused({ notes: 'x'.repeat(10_001) }, 'notes', /longer than 10000/);
  });

  it.each([
    ['2023-02-30', /not a real calendar date/],
    ['2023-13-01', /not a real calendar date/],
    ['1984/03/07', /YYYY-MM-DD/],
    ['07.03.1984', /YYYY-MM-DD/],
    ['1984-3-7', /YYYY-MM-DD/],
    ['1899-12-31', /between 1900 and today/],
    ['2999-01-01', /between 1900 and today/],
  ])('refuses the date of birth %s', (dob, message) => {
    expectRefused({ dob }, 'dob', message);
  });

  it('accepts a leap day', () => {
    expect(parsePlaintiffInput({ ...VALID, dob: '2000-02-29' }).dob).toBe('2000-02-29');
    expectRefused({ dob: '1900-02-29' }, 'dob');
  });

  it.each(['jane', 'jane@', '@example.org', 'jane roe@example.org', 'jane@example', 'jane@@example.org'])(
    'refuses the email %j',
    (email) => {
      expectRefused({ email }, 'email', /not a valid address/);
    },
  );

  it.each(['555-019', 'call me', '+1 555 010 0199 0199 0199', '555\u0007 010 0199'])('refuses the phone %j', (phone) => {
    expectRefused({ phone }, 'phone');
  });

  it('accepts common phone notations', () => {
    for (const phone of ['+1 (555) 010-0199', '555.010.0199', '+44 20 7946 0958', '555-010-0199 x123']) {
      expect(parsePlaintiffInput({ legalName: 'Jane Roe', phone }).phone).toBe(phone);
    }
  });

  it('refuses an unknown gender', () => {
    expectRefused({ gender: 'other' }, 'gender', /female, male or unspecified/);
  });

  it('refuses input that is not an object', () => {
    for (const input of [null, 'Jane Roe', 42, []]) validationError(input);
  });

  it('names every field at fault in the message and the first in error.field', () => {
    const error = validationError({ legalName: '', dob: '1984/03/07', email: 'nope' });
    expect(error.field).toBe('legalName');
    expect(error.message).toMatch(/Legal name is required/);
    expect(error.message).toMatch(/Date of birth/);
    expect(error.message).toMatch(/Email/);
  });

  it('never repeats the refused value in the message', () => {
    const error = validationError({ ...VALID, legalName: 'Zephyrine\u202e Quill', email: 'zephyrine-at-example' });
    expect(error.message).not.toMatch(/Zephyrine|zephyrine/);
  });
});
