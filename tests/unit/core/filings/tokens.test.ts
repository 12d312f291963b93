import { describe, expect, it } from 'vitest';
import { findTokens, formatToken, lineCounter, tokenSpans } from '../../../../src-main/core/filings/tokens';
import { codeOf } from '../../../fixtures/checks';

describe('plaintiff tokens', () => {
  it('reads the four kinds of token with their places and lines', () => {
    const text = 'Plaintiff {{Jane Doe 3}} met\n{{John Doe 12|Rob}} at {{redacted|12 Elm St}} in {{Not a Plaintiff|Washington}}.';
    const tokens = findTokens(text);
    expect(tokens.map((t) => t.token)).toEqual([
      { kind: 'plaintiff', pseudonym: 'Jane Doe 3' },
      { kind: 'plaintiff', pseudonym: 'John Doe 12', wording: 'Rob' },
      { kind: 'redacted', wording: '12 Elm St' },
      { kind: 'not-a-plaintiff', wording: 'Washington' },
    ]);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual([
      '{{Jane Doe 3}}',
      '{{John Doe 12|Rob}}',
      '{{redacted|12 Elm St}}',
      '{{Not a Plaintiff|Washington}}',
    ]);
    expect(tokens.map((t) => t.line)).toEqual([1, 2, 2, 2]);
    const spans = tokenSpans(text);
    expect(spans.map(({ start, end }) => ({ start, end }))).toEqual(tokens.map(({ start, end }) => ({ start, end })));
    // Only a plaintiff token has a head that prints publicly: its pseudonym, as written.
    expect(spans.map((s) => s.pseudonym && text.slice(s.pseudonym.start, s.pseudonym.end))).toEqual(['Jane Doe 3', 'John Doe 12', undefined, undefined]);
  });

  it('places a head written with spaces around it, and reads no head in a paragraph reference or an empty token', () => {
    const text = '{{  Jane  Doe 3 |x}} {{para:damages}} {{ }} {{ Redacted |y}}';
    const spans = tokenSpans(text);
    expect(spans).toHaveLength(4);
    expect(spans[0]!.pseudonym).toEqual({ start: 4, end: 15, text: 'Jane  Doe 3' });
    expect(spans.slice(1).map((s) => s.pseudonym)).toEqual([undefined, undefined, undefined]);
  });

  it('normalises spaces inside a token', () => {
    expect(findTokens('{{  Jane   Doe 3 |  Maria  Elena }}')[0]!.token).toEqual({ kind: 'plaintiff', pseudonym: 'Jane Doe 3', wording: 'Maria Elena' });
  });

  it.each([
    ['an unclosed token', 'Plaintiff {{Jane Doe 3 filed suit.', /Line 1: "\{\{" without a matching "\}\}"/],
    ['a token broken across lines', 'Plaintiff {{Jane\nDoe 3}} filed.', /Line 1/],
    ['a stray closing brace pair', 'ok\nthen }} here', /Line 2/],
    ['an empty token', 'x {{ }} y', /empty token/],
    ['nothing after the bar', '{{Jane Doe 3|}}', /nothing after "\|"/],
    ['a redaction without text', '{{redacted}}', /needs the text it applies to/],
  ])('refuses %s with the line and what to do', async (_, text, message) => {
    expect(await codeOf(() => findTokens(text))).toBe('VALIDATION');
    expect(() => findTokens(text)).toThrow(message);
  });

  it('formats tokens that read back as the same token, even from awkward wording', () => {
    const tokens = [
      { kind: 'plaintiff', pseudonym: 'Jane Doe 3' },
      { kind: 'plaintiff', pseudonym: 'Jane Doe 3', wording: 'M. {Ramírez} | Jr.' },
      { kind: 'redacted', wording: '(555) 010-0199' },
      { kind: 'not-a-plaintiff', wording: 'Grant' },
    ] as const;
    for (const token of tokens) {
      const [read] = findTokens(formatToken(token));
      expect(read!.token.kind).toBe(token.kind);
    }
    expect(findTokens(formatToken(tokens[1]))[0]!.token).toEqual({ kind: 'plaintiff', pseudonym: 'Jane Doe 3', wording: 'M. Ramírez Jr.' });
  });

  it('counts lines from offsets', () => {
    const lineOf = lineCounter('a\nbb\n\nc');
    expect([0, 1, 2, 4, 5, 6].map(lineOf)).toEqual([1, 1, 2, 2, 3, 4]);
  });

  it('reads {{para:label}} as a paragraph reference, never as a pseudonym, and writes it back the same', () => {
    const [placed] = findTokens('As alleged in paragraph {{ para:damages }}, …');
    expect(placed!.token).toEqual({ kind: 'paragraph-ref', label: 'damages' });
    expect(formatToken(placed!.token)).toBe('{{para:damages}}');
    expect(findTokens(formatToken(placed!.token))[0]!.token).toEqual(placed!.token);
  });

  it('refuses a paragraph reference without a proper label, naming the line', async () => {
    for (const text of ['x\n{{para:}}', 'x\n{{para:two words}}', 'x\n{{para:damages|wording}}']) {
      expect(await codeOf(() => findTokens(text)), text).toBe('VALIDATION');
      expect(() => findTokens(text)).toThrow(/^Line 2: /);
    }
  });
});

