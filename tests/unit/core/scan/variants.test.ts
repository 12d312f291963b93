import { describe, expect, it } from 'vitest';
import { identityVariants, phoneKey, type ScanIdentity } from '../../../../src-main/core/scan';
import { parseName } from '../../../../src-main/core/scan/names';

const identity = (legalName: string, extra: Partial<ScanIdentity> = {}): ScanIdentity => ({
  plaintiffId: 'p1',
  caseId: 'c1',
  pseudonym: 'Jane Doe 1',
  legalName,
  aliases: [],
  idNumbers: [],
  ...extra,
});

describe('parseName', () => {
  it.each([
    ['Maria Elena Ramírez', 'Maria', ['Elena'], ['Ramírez'], ['Ramírez']],
    ['María de la Cruz', 'María', [], ['de', 'la', 'Cruz'], ['Cruz']],
    ['Ludwig van der Berg', 'Ludwig', [], ['van', 'der', 'Berg'], ['Berg']],
    ['Juan García y Pérez', 'Juan', [], ['García', 'y', 'Pérez'], ['García', 'y', 'Pérez']],
    ['Van Morrison', 'Van', [], ['Morrison'], ['Morrison']],
    ['John Smith Jr.', 'John', [], ['Smith'], ['Smith']],
    ['Ramírez, Maria Elena', 'Maria', ['Elena'], ['Ramírez'], ['Ramírez']],
    ['Cher', 'Cher', [], [], []],
  ])('%j', (name, given, middles, surname, surnameCore) => {
    expect(parseName(name)).toEqual({ given, middles, surname, surnameCore });
  });
});

describe('identityVariants', () => {
  const texts = (id: ScanIdentity, kind?: string) =>
    identityVariants(id)
      .filter((v) => kind === undefined || v.kind === kind)
      .map((v) => v.text);

  it('gives the written forms of a name', () => {
    const id = identity('Maria Elena Ramírez');
    expect(texts(id, 'full-name')).toEqual(
      expect.arrayContaining(['Maria Elena Ramírez', 'Maria Ramírez', 'Ramírez, Maria', 'Ramírez Maria', 'M. Ramírez', 'Ramírez, M.', 'Maria E. Ramírez', 'M. E. Ramírez', 'Ramírez, Maria Elena', 'Maria Elena']),
    );
    expect(texts(id, 'surname')).toEqual(['Ramírez']);
    expect(texts(id, 'given-name')).toEqual(['Maria', 'Elena']);
  });

  it('spells hyphenated and apostrophe names every way', () => {
    expect(texts(identity('Ana Garcia-Lopez'), 'surname')).toEqual(['Garcia-Lopez', 'GarciaLopez', 'Garcia Lopez', 'Garcia', 'Lopez']);
    expect(texts(identity("Seán O'Brien"), 'surname')).toEqual(["O'Brien", 'OBrien']);
    expect(texts(identity('Jean-Luc Picard'), 'full-name')).toEqual(expect.arrayContaining(['J. Picard', 'J.-L. Picard', 'JeanLuc Picard']));
  });

  it('keeps particles with the surname and offers the surname without them', () => {
    const variants = texts(identity('María de la Cruz'));
    expect(variants).toEqual(expect.arrayContaining(['María de la Cruz', 'de la Cruz, María', 'María Cruz', 'Cruz, María', 'de la Cruz', 'delaCruz', 'Cruz']));
    expect(variants).not.toContain('de');
    expect(variants).not.toContain('la');
  });

  it('gives contact data with its own keys', () => {
    const variants = identityVariants(
      identity('Kit Ames', {
        email: 'Kit.Ames@Example.org',
        phone: '+1 (555) 010-0199 ext. 12',
        idNumbers: ['B-123456', 'AB', 'XYZ-ABC'],
        dob: '1990-01-02',
        address: '1234 North Elm Street Apt 5, Springfield',
        aliases: ['Kitty Ames'],
      }),
    );
    const of = (kind: string) => variants.filter((v) => v.kind === kind).map((v) => [v.text, v.key, v.channel]);
    expect(of('email')).toEqual([['Kit.Ames@Example.org', 'kit ames example org', 'words']]);
    expect(of('phone')).toEqual([['+1 (555) 010-0199 ext. 12', '5550100199', 'digits']]);
    expect(of('id-number')).toEqual([
      ['B-123456', 'b123456', 'digits'],
      ['XYZ-ABC', 'xyz abc', 'words'],
      ['XYZABC', 'xyzabc', 'words'],
    ]);
    expect(of('date-of-birth').map(([text]) => text)).toEqual(['1990-01-02', '1/2/1990', '01/02/1990', 'January 2, 1990', 'Jan. 2, 1990', '2 January 1990']);
    expect(of('address').map(([text]) => text)).toEqual(
      expect.arrayContaining(['1234 North Elm Street Apt 5', '1234 N. Elm Street Apt 5', '1234 North Elm St. Apt 5', '1234 North Elm Street', '1234 North Elm St.']),
    );
    expect(of('alias').map(([text]) => text)).toEqual(['Kitty Ames', 'Ames, Kitty', 'K. Ames', 'KittyAmes', 'AmesKitty']);
  });

  it('gives the run-together forms of names and aliases (issue 11, leak 2)', () => {
    const variants = identityVariants(
      identity('Marta Anna Kowalczyk', { aliases: ['Kasia Nowak'] }),
    );
    const joined = variants.filter((v) => v.channel === 'joined').map((v) => [v.kind, v.text, v.key]);
    expect(joined).toEqual([
      ['full-name', 'MartaAnnaKowalczyk', 'martaannakowalczyk'],
      ['full-name', 'KowalczykMartaAnna', 'kowalczykmartaanna'],
      ['full-name', 'MartaKowalczyk', 'martakowalczyk'],
      ['full-name', 'KowalczykMarta', 'kowalczykmarta'],
      ['alias', 'KasiaNowak', 'kasianowak'],
      ['alias', 'NowakKasia', 'nowakkasia'],
    ]);
  });

  it.each([
    ['(555) 010-0199', '5550100199'],
    ['+1 555 010 0199', '5550100199'],
    ['555.010.0199 x42', '5550100199'],
    ['+44 20 7946 0958', '2079460958'],
    ['010-0199', '0100199'],
    ['12345', undefined],
  ])('phoneKey(%j) = %j', (phone, key) => {
    expect(phoneKey(phone)).toBe(key);
  });
});
