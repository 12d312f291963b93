import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../../src-main/core/filings/document';
import { parseBody, parseNumberedBody, withoutTitleHeading } from '../../../../src-main/core/filings/markdown';
import { isVaultError } from '../../../../src-main/core/errors';

describe('filing body Markdown', () => {
  it('gives headings, paragraphs with styles, lists, quotes, tables and footnotes in order', () => {
    const blocks = parseBody(
      [
        '# Complaint for Damages',
        '',
        'The **City** failed _twice_ to act.[^1]',
        'Second line of the same paragraph.',
        '',
        '1. First claim',
        '2. Second claim',
        '',
        '> Quoted testimony.',
        '',
        '| Officer | Unit |',
        '|---|---|',
        '| Doe 1 | Vice |',
        '',
        '[^1]: A footnote.',
      ].join('\n'),
    );
    expect(blocks).toEqual([
      { type: 'heading', level: 1, runs: [{ text: 'Complaint for Damages' }] },
      {
        type: 'paragraph',
        runs: [
          { text: 'The ' },
          { text: 'City', bold: true },
          { text: ' failed ' },
          { text: 'twice', italic: true },
          { text: ' to act.' },
          // The reference is a run of its own: the writers print it superscript and put the note at the page's foot.
          { text: '1', noteRef: true },
          { text: ' Second line of the same paragraph.' },
        ],
      },
      { type: 'list', ordered: true, start: 1, items: [[{ text: 'First claim' }], [{ text: 'Second claim' }]] },
      { type: 'quote', runs: [{ text: 'Quoted testimony.' }] },
      { type: 'table', header: [[{ text: 'Officer' }], [{ text: 'Unit' }]], rows: [[[{ text: 'Doe 1' }], [{ text: 'Vice' }]]] },
      { type: 'footnotes', notes: [{ label: '1', runs: [{ text: 'A footnote.' }] }] },
    ]);
  });

  it('prints HTML and link targets as nothing but text: a filing is paper', () => {
    const blocks = parseBody('<b>x</b> and [the report](https://example.org/r?u=someone)');
    const text = JSON.stringify(blocks);
    expect(text).toContain('<b>x</b>');
    expect(text).not.toContain('example.org');
    expect(text).toContain('the report');
  });

  it('keeps nested list items with their parent item, nothing dropped', () => {
    const blocks = parseBody('- one\n  - one point one\n- two');
    const list = blocks[0] as { type: 'list'; items: { text: string }[][] };
    expect(list.type).toBe('list');
    expect(list.items.map((item) => item.map((run) => run.text).join(''))).toEqual(['one one point one', 'two']);
  });
});

/** The printed number of every numbered paragraph, in order, with its text. */
function numbered(blocks: readonly Block[]): [number, string][] {
  return blocks.flatMap((block) =>
    block.type === 'list' && block.ordered ? block.items.map((item, index): [number, string] => [block.start! + index, item.map((run) => run.text).join('')]) : [],
  );
}

const errorOf = (run: () => unknown): { code: string | undefined; message: string } => {
  try {
    run();
  } catch (error) {
    return { code: isVaultError(error) ? error.code : undefined, message: (error as Error).message };
  }
  throw new Error('expected a validation error');
};

describe("a pleading's numbered paragraphs", () => {
  it('count 1..N through the whole body, across headings, as each list is written from "1."', () => {
    const body = ['# FIRST CAUSE OF ACTION', '', '1. One.', '2. Two.', '', '## Facts', '', 'Unnumbered text.', '', '1. Three.', '', '# SECOND CAUSE OF ACTION', '', '1. Four.'].join('\n');
    expect(numbered(parseBody(body))).toEqual([
      [1, 'One.'],
      [2, 'Two.'],
      [3, 'Three.'],
      [4, 'Four.'],
    ]);
  });

  it('never restart or skip for any mix of headings, text and lists; a restart marker starts again at 1', () => {
    const section = fc.record({
      heading: fc.boolean(),
      text: fc.boolean(),
      restart: fc.boolean(),
      items: fc.integer({ min: 1, max: 5 }),
      // Drafters write either "1." for every list or the number the paragraph will have.
      writtenNumbers: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(section, { minLength: 1, maxLength: 8 }), (sections) => {
        const lines: string[] = [];
        const expected: number[] = [];
        let count = 0;
        sections.forEach((s, index) => {
          if (s.restart) {
            lines.push('<!-- restart numbering -->');
            count = 0;
          }
          if (s.heading) lines.push(`# PART ${index}`, '');
          if (s.text) lines.push(`Text of part ${index}.`, '');
          for (let i = 0; i < s.items; i++) {
            count++;
            expected.push(count);
            lines.push(`${s.writtenNumbers ? count : i + 1}. Item.`);
          }
          lines.push('');
        });
        expect(numbered(parseBody(lines.join('\n'))).map(([n]) => n)).toEqual(expected);
      }),
      { seed: 12, numRuns: 200 },
    );
  });

  it('restart where the draft says: the marker, or a list that starts at another number', () => {
    const body = ['1. One.', '2. Two.', '<!-- restart numbering -->', '1. Prayer one.', '', 'Text.', '', '10. Ten.', '', '1. Eleven.'].join('\n');
    const blocks = parseBody(body);
    expect(numbered(blocks)).toEqual([
      [1, 'One.'],
      [2, 'Two.'],
      [1, 'Prayer one.'],
      [10, 'Ten.'],
      [11, 'Eleven.'],
    ]);
    expect(JSON.stringify(blocks)).not.toContain('restart');
  });

  it('number bulleted points nowhere and leave the count alone', () => {
    const blocks = parseBody(['1. One.', '', '- a point', '', '1. Two.'].join('\n'));
    expect(numbered(blocks)).toEqual([
      [1, 'One.'],
      [2, 'Two.'],
    ]);
    expect(blocks[1]).toEqual({ type: 'list', ordered: false, items: [[{ text: 'a point' }]] });
  });
});

describe('paragraph labels', () => {
  it('give each label the number its paragraph prints with, and print no label', () => {
    const { blocks, labels } = parseNumberedBody(['# Facts', '', '1. {#parties} The parties.', '2. The City.', '', '# Damages', '', '1. Plaintiffs were **harmed** {#damages}.'].join('\n'));
    expect(labels).toEqual(
      new Map([
        ['parties', 1],
        ['damages', 3],
      ]),
    );
    expect(numbered(blocks)).toEqual([
      [1, 'The parties.'],
      [2, 'The City.'],
      [3, 'Plaintiffs were harmed.'],
    ]);
  });

  it('follow their paragraph when paragraphs are added above it', () => {
    const before = parseNumberedBody('1. A.\n2. {#damages} B.').labels.get('damages');
    const after = parseNumberedBody('1. A.\n2. New.\n3. Newer.\n4. {#damages} B.').labels.get('damages');
    expect([before, after]).toEqual([2, 4]);
  });

  it('are refused, naming the line, when used twice, twice on one paragraph, or off a numbered paragraph', () => {
    const cases: [string, RegExp][] = [
      ['1. {#a} A.\n2. B.\n\n3. {#a} C.', /^Line 4: .*\{#a\}.*line 1/],
      ['1. {#a} {#b} A.', /^Line 1: .*\{#b\}.*one label/],
      ['Intro.\n\n{#a} A plain paragraph.', /^Line 3: .*\{#a\}.*not on a numbered paragraph/],
      ['# Heading {#a}', /^Line 1: .*\{#a\}/],
      ['- {#a} a point', /^Line 1: .*\{#a\}.*bulleted/],
      ['1. {#a} A.\n2. B\n   more {#a}', /^Line 3: /],
    ];
    for (const [body, message] of cases) {
      const error = errorOf(() => parseNumberedBody(body));
      expect(error.code, body).toBe('VALIDATION');
      expect(error.message, body).toMatch(message);
    }
  });
});

describe('the title heading', () => {
  it('is dropped when the body opens with the title, whatever its case, and kept otherwise', () => {
    const blocks = parseBody('# COMPLAINT FOR DAMAGES\n\nText.\n\n# Complaint for damages');
    expect(withoutTitleHeading(blocks, 'Complaint for Damages')).toEqual(blocks.slice(1));
    expect(withoutTitleHeading(blocks.slice(1), 'Complaint for Damages')).toEqual(blocks.slice(1));
    expect(withoutTitleHeading(parseBody('# INTRODUCTION\n\nText.'), 'Complaint for Damages')).toHaveLength(2);
  });
});

