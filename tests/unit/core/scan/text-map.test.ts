import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from '../../../../src-main/core/text/normalize';
import { buildTextMap, normalizedText, normalizeKey, originalEnd } from '../../../../src-main/core/scan/text-map';

const norm = (text: string, joinHyphens = true) => normalizedText(buildTextMap(text, { joinHyphens }));

describe('buildTextMap: one normalisation pass', () => {
  it.each([
    ['Ramírez-Núñez, MARÍA', 'ramirez nunez maria'],
    ['  Jane\n\n\tROE  ', 'jane roe'],
    ['O’Brien O‘Brien Oʼbrien O´Brien O`Brien', 'o brien o brien o brien o brien o brien'],
    ['a‐b a‑b a–b a—b a−b', 'a b a b a b a b a b'],
    ['Straße Łukasz Øyvind Đorđe', 'strasse lukasz oyvind dorde'],
    ['Þórunn Sigurðardóttir Æsa Œuvre', 'thorunn sigurdardottir aesa oeuvre'],
    ['ＪＯＨＮ　ＤＯＥ', 'john doe'],
    ['Jose\u0301', 'jose'],
    ['Ra\u00admírez Ra\u200bmírez \ufeffRamírez', 'ramirez ramirez ramirez'],
    ['Ramírez¹ and ²', 'ramirez and'],
    ['x.org/?u=name%40example.org', 'x org u name example org'],
    // Look-alikes fold to their confusable skeleton (UTS #39): Cyrillic "И" has none in Latin.
    ['Иван Петров 山田', 'ᴎbah πetpob 山田'],
    ['Mаrta Kowаlczyk Μαrta Іvan օlga ԁavid', 'marta kowalczyk marta ivan olga david'],
    ['𝐀𝐝𝐚 (math bold)', 'ada math bold'],
  ])('%j -> %j', (text, expected) => {
    expect(norm(text)).toBe(expected);
    expect(buildTextMap(text).words).toBe(expected.split(' ').length);
  });

  it('agrees with fold() of core/text on the letters and digits', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        // fold() keeps the words the scanner keeps, minus the scanner's extra transliterations
        // and its dropping of format characters and superscripts.
        if (/[\p{Cf}\p{No}ʼʻʽİı]/u.test(text) || /[þðæœħıŧς]/u.test(text.normalize('NFKD').toLowerCase().normalize('NFKD'))) return;
        // Folding first changes nothing; where fold() leaves only ASCII, no skeleton applies.
        expect(norm(fold(text), false)).toBe(norm(text, false));
        if (/^\p{ASCII}*$/u.test(fold(text))) expect(norm(text, false)).toBe(fold(text));
      }),
      { numRuns: 500, seed: 20_260_101 },
    );
  });

  it('joins end-of-line hyphenation and records where', () => {
    const text = 'Ramí-\nrez and Garcia-  \r\n  Lopez';
    const map = buildTextMap(text);
    expect(normalizedText(map)).toBe('ramirez and garcialopez');
    expect(map.joinOffsets.map((at) => text[at])).toEqual(['-', '-']);
    expect(normalizedText(buildTextMap(text, { joinHyphens: false }))).toBe('rami rez and garcia lopez');
  });

  it.each([
    ['a hyphen before a blank line', 'Ramí-\n\nrez', 'rami rez'],
    ['a hyphen before a digit', 'B-\n12', 'b 12'],
    ['a digit before the hyphen', '555-\n0199', '555 0199'],
    ['a dash that is not a hyphen', 'Ramí–\nrez', 'rami rez'],
    ['a hyphen inside a line', 'Garcia-Lopez', 'garcia lopez'],
  ])('does not join %s', (_label, text, expected) => {
    expect(norm(text)).toBe(expected);
  });

  it('maps every normalised character back to where it came from', () => {
    const text = 'Mari\u0301a  Ramí-\nrez, 𝐀𝐝𝐚 Straße';
    const map = buildTextMap(text);
    const normalized = normalizedText(map);
    const at = (word: string) => {
      const k = normalized.indexOf(word);
      return text.slice(map.starts[k]!, originalEnd(map, k + word.length - 1));
    };
    expect(at('maria')).toBe('Mari\u0301a');
    expect(at('ramirez')).toBe('Ramí-\nrez');
    expect(at('ada')).toBe('𝐀𝐝𝐚');
    expect(at('strasse')).toBe('Straße');
  });

  it('makes room for characters that fold to several (ß, ligatures, ﷺ)', () => {
    const text = 'ß'.repeat(500) + ' ﬃ ' + '\ufdfa'.repeat(50) + ' end';
    const map = buildTextMap(text);
    const normalized = normalizedText(map);
    expect(normalized.startsWith('ss'.repeat(500) + ' ffi ')).toBe(true);
    expect(normalized.endsWith(' end')).toBe(true);
    expect(text.slice(map.starts[normalized.length - 3]!, originalEnd(map, normalized.length - 1))).toBe('end');
  });

  it('maps a range of a text, with absolute offsets', () => {
    const text = 'xxxx Maria yyyy';
    const map = buildTextMap(text, { from: 5, to: 10 });
    expect(normalizedText(map)).toBe('maria');
    expect(map.starts[0]).toBe(5);
    expect(originalEnd(map, 4)).toBe(10);
  });
});

describe('normalizeKey', () => {
  it.each([
    ['Maria', 'maria'],
    ['maria ramirez', 'maria ramirez'],
    [' maria  ramirez ', 'maria ramirez'],
    ['Maria.Ramirez@Example.org', 'maria ramirez example org'],
    ["O'Brien", 'o brien'],
    ['Ramírez', 'ramirez'],
    ['', ''],
  ])('%j -> %j', (text, key) => {
    expect(normalizeKey(text)).toBe(key);
    expect(normalizeKey(text)).toBe(norm(text, false));
  });

  // Its fast paths (plain words, capitals, ASCII punctuation) must fold as the text map does:
  // a key folded otherwise than the draft is a name the scanner no longer finds.
  it('folds any ASCII text as the text map does', () => {
    const unit = fc.constantFrom(...'aZm09 \t.,@_%-\'/4Fc'.split(''));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 24 }), (text) => {
        expect(normalizeKey(text)).toBe(norm(text, false));
      }),
      { numRuns: 2000 },
    );
  });
});
