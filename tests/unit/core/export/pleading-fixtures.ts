import { Faker, en } from '@faker-js/faker';
import type { Block, CourtForm, RenderedDocument, SignatureBlock } from '../../../../src-main/core/filings/document';
import { sampleFiling } from './typeset-fixtures';

/** A complaint's signature block (synthetic counsel). */
export const SIGNATURE: SignatureBlock = {
  dated: 'December 5, 2026',
  firm: 'TESTWELL & PARTNERS LLP',
  signer: 'Alexandra Q. Testwell',
  attorneysFor: 'Attorneys for Plaintiffs',
};

export interface FootnotedPleading {
  doc: RenderedDocument;
  /** The note texts by label; note 2 is long enough to run onto a second page's foot. */
  notes: Map<string, string>;
}

/**
 * A pleading on `form` with numbered paragraphs under two headings, a short footnote cited in
 * paragraph `shortAt`, a note longer than a page's foot can hold cited later, a caption with
 * judge, department, jury demand and dates, and a signature block (faker, fixed seed).
 */
export function footnotedPleading(form: CourtForm, shortAt = 3): FootnotedPleading {
  const faker = new Faker({ locale: [en] });
  faker.seed(1203);
  const short = `See ${faker.lorem.sentences(2)}`;
  const long = Array.from({ length: 9 }, () => faker.lorem.paragraph(6)).join(' ');
  const items = (count: number, from: number): Block => ({
    type: 'list',
    ordered: true,
    start: from,
    items: Array.from({ length: count }, (_, i) => {
      const n = from + i;
      const text = faker.lorem.sentences(4);
      if (n === shortAt) return [{ text }, { text: '1', noteRef: true }, { text: ` ${faker.lorem.sentence()}` }];
      if (n === 9) return [{ text: `${text} The second note` }, { text: '2', noteRef: true }, { text: ' applies here.' }];
      return [{ text }];
    }),
  });
  const blocks: Block[] = [
    { type: 'heading', level: 1, runs: [{ text: 'FIRST CAUSE OF ACTION' }] },
    items(6, 1),
    { type: 'heading', level: 1, runs: [{ text: 'SECOND CAUSE OF ACTION' }] },
    items(8, 7),
    {
      type: 'footnotes',
      notes: [
        { label: '1', runs: [{ text: short }] },
        { label: '2', runs: [{ text: long }] },
      ],
    },
    { type: 'signature', signature: SIGNATURE },
  ];
  const federal = form !== 'california-pleading';
  const doc = sampleFiling(federal ? 'federal' : 'california', {
    form,
    blocks,
    captionRight: [
      federal ? 'Case No. 2:26-cv-01234' : 'Case No. 26STCV01234',
      '',
      'COMPLAINT FOR DAMAGES',
      '',
      'Judge: Hon. Winifred Example',
      'Dept.: 99',
      '',
      'DEMAND FOR JURY TRIAL',
      'Action Filed: December 5, 2026',
      'Trial Date: None set',
    ],
  });
  return {
    doc,
    notes: new Map([
      ['1', short],
      ['2', long],
    ]),
  };
}
