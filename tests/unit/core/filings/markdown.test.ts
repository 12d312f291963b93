import { describe, expect, it } from 'vitest';
import { parseBody } from '../../../../src-main/core/filings/markdown';

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
          { text: ' to act.[1] Second line of the same paragraph.' },
        ],
      },
      { type: 'list', ordered: true, items: [[{ text: 'First claim' }], [{ text: 'Second claim' }]] },
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
