import { describe, expect, it } from 'vitest';
import { fold, initialsOf } from '../../../../src-main/core/text/normalize';

describe('fold', () => {
  it.each([
    ['Ramírez-Núñez, MARÍA', 'ramirez nunez maria'],
    ['  Jane   ROE  ', 'jane roe'],
    ["O'Brien", 'o brien'],
    ['Straße', 'strasse'],
    ['Łucja Wiśniewska-Zoë', 'lucja wisniewska zoe'],
    ['Øyvind Ødegård', 'oyvind odegard'],
    ['Đorđe', 'dorde'],
    ['ＪＯＨＮ　ＤＯＥ', 'john doe'], // full-width letters and space
    ['Jose\u0301', 'jose'], // decomposed accent
    ['John Doe 12', 'john doe 12'],
    ['J.D.', 'j d'],
    ['---', ''],
    ['', ''],
  ])('%j -> %j', (input, folded) => {
    expect(fold(input)).toBe(folded);
  });

  it('folds composed and decomposed forms alike', () => {
    expect(fold('Zoë'.normalize('NFC'))).toBe(fold('Zoë'.normalize('NFD')));
  });

  it('keeps letters of other scripts', () => {
    expect(fold('Иван Петров')).toBe('иван петров');
    expect(fold('山田 太郎')).toBe('山田 太郎');
  });
});

describe('initialsOf', () => {
  it.each([
    ['John Doe', 'J.D.'],
    ['María de la Cruz', 'M.C.'],
    ['jane q. roe', 'J.R.'],
    ['Jean-Luc Picard', 'J.P.'],
    ["Siobhán O'Connell", 'S.O.'],
    ['Cher', 'C.'],
    ['Łucja Wiśniewska-Zoë', 'Ł.W.'],
    ['Élodie Émond', 'É.É.'],
    ['', ''],
    ['123 456', ''],
  ])('%j -> %j', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });

  it('gives the same initials for composed and decomposed names', () => {
    expect(initialsOf('Élodie Émond'.normalize('NFD'))).toBe('É.É.');
  });
});
