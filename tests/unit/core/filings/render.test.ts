import { describe, expect, it } from 'vitest';
import type { CaseDetails } from '../../../../src-main/core/cases/cases';
import { signatureLines, type Block, type RenderedDocument } from '../../../../src-main/core/filings/document';
import { parseFilingInput } from '../../../../src-main/core/filings/filing-input';
import { defaultLabels, longDate } from '../../../../src-main/core/filings/labels';
import { renderFiling, type PlaintiffToRender } from '../../../../src-main/core/filings/render';
import type { PlaintiffIdentity } from '../../../../src-main/core/plaintiffs/plaintiff-input';
import { codeOf } from '../../../fixtures/checks';

// Invented people: nobody real.
const identity = (legalName: string, extra: Partial<PlaintiffIdentity> = {}): PlaintiffIdentity => ({
  legalName,
  aliases: [],
  gender: 'female',
  idNumbers: [],
  ...extra,
});

const PLAINTIFFS: PlaintiffToRender[] = [
  { pseudonym: 'Jane Doe 1', seq: 1, status: 'active', identity: identity('Zephyrine Quillfeather', { dob: '1984-03-07', email: 'zq@example.org' }) },
  { pseudonym: 'John Doe 2', seq: 2, status: 'active', identity: identity('Bartholomew Oakhaven', { gender: 'male', idNumbers: ['B-4471'] }) },
  { pseudonym: 'Jane Doe 3', seq: 3, status: 'active', identity: identity('Nguyễn Thị Minh Khai') },
  // Cited nowhere: the declaration still lists her by default.
  { pseudonym: 'Jane Doe 4', seq: 4, status: 'active', identity: identity('Philomena Ashgrove') },
];

const CASE: CaseDetails = { title: 'Jane Does 1–3 v. City of Springfield', court: 'Superior Court of California, County of Springfield', number: '24STCV01234', scheme: { kind: 'gendered' } };

const render = (input: Record<string, unknown>) =>
  renderFiling(parseFilingInput({ title: 'Complaint for Damages', body: '', ...input }), { caseDetails: CASE, plaintiffs: PLAINTIFFS, now: '2026-11-22T10:00:00.000Z' });

function textOf(doc: RenderedDocument): string {
  const runs = (blocks: readonly Block[]): string[] =>
    blocks.flatMap((block) => {
      switch (block.type) {
        case 'heading':
        case 'paragraph':
        case 'quote':
          return block.runs.map((r) => r.text);
        case 'list':
          return block.items.flat().map((r) => r.text);
        case 'table':
          return [...block.header.flat(), ...block.rows.flat(2)].map((r) => r.text);
        case 'footnotes':
          return block.notes.flatMap((n) => n.runs.map((r) => r.text));
        case 'signature':
          return signatureLines(block.signature);
      }
    });
  return [...doc.labels, ...doc.counsel, doc.court, ...doc.parties, ...doc.captionRight, doc.footer, doc.metadataTitle, ...runs(doc.blocks)].join('\n');
}

describe('one source, three renders: public, sealed, the declaration of identities', () => {
  const body = [
    '# Parties',
    '',
    'Plaintiff {{Jane Doe 1}} is an officer. {{Jane Doe 1|Zephyrine}} reported to {{John Doe 2}}.',
    '',
    '| Plaintiff | Badge |',
    '|---|---|',
    '| {{John Doe 2|Oakhaven}} | {{redacted|B-4471}} |',
    '',
    'She lives in {{not a plaintiff|Springfield}}.[^1]',
    '',
    '[^1]: Contact: {{redacted|zq@example.org}}; see {{Jane Doe 3}}.',
  ].join('\n');
  const renders = render({ body, keyFields: ['dob', 'idNumbers'] });

  it('public: pseudonyms and redactions, no legal name anywhere', () => {
    const text = textOf(renders.public);
    expect(text).toContain('Plaintiff Jane Doe 1 is an officer. Jane Doe 1 reported to John Doe 2.');
    expect(text).toContain('[REDACTED]');
    expect(text).toContain('She lives in Springfield.\n1\n'); // the footnote's reference mark, its own run
    expect(text).toContain('Contact: [REDACTED]; see Jane Doe 3.');
    for (const p of PLAINTIFFS) {
      for (const word of p.identity.legalName.split(' ')) expect(text).not.toContain(word);
    }
    expect(text).not.toContain('B-4471');
    expect(text).not.toContain('zq@example.org');
  });

  it('sealed: the first mention is the legal name with the pseudonym, later ones the drafted wording', () => {
    const text = textOf(renders.sealed);
    expect(text).toContain('Plaintiff Zephyrine Quillfeather (Jane Doe 1) is an officer. Zephyrine reported to Bartholomew Oakhaven (John Doe 2).');
    expect(text).toContain('Oakhaven');
    expect(text).toContain('B-4471');
    expect(text).toContain('Contact: zq@example.org; see Nguyễn Thị Minh Khai (Jane Doe 3).');
    expect(text.match(/\(Jane Doe 1\)/g)).toHaveLength(1);
  });

  it('declaration: every plaintiff of the case in roster order, cited or not, with the chosen identifiers', () => {
    const table = renders.declaration.blocks.find((b) => b.type === 'table');
    expect(table && table.type === 'table' && table.header.map((cell) => cell[0]!.text)).toEqual(['Pseudonym', 'Legal name', 'Date of birth', 'ID numbers']);
    expect(table && table.type === 'table' && table.rows.map((row) => row.map((cell) => cell[0]!.text))).toEqual([
      ['Jane Doe 1', 'Zephyrine Quillfeather', 'March 7, 1984', ''],
      ['John Doe 2', 'Bartholomew Oakhaven', '', 'B-4471'],
      ['Jane Doe 3', 'Nguyễn Thị Minh Khai', '', ''],
      ['Jane Doe 4', 'Philomena Ashgrove', '', ''],
    ]);
    expect(renders.cited.map((p) => p.pseudonym)).toEqual(['Jane Doe 1', 'John Doe 2', 'Jane Doe 3']);
    expect(renders.listed.map((p) => p.pseudonym)).toEqual(['Jane Doe 1', 'John Doe 2', 'Jane Doe 3', 'Jane Doe 4']);
  });

  it('declaration: "cited" lists only the plaintiffs the body cites', () => {
    const cited = render({ body, identities: 'cited' });
    expect(cited.listed.map((p) => p.pseudonym)).toEqual(['Jane Doe 1', 'John Doe 2', 'Jane Doe 3']);
    expect(textOf(cited.declaration)).toContain('each plaintiff whom the Complaint for Damages names by pseudonym');
    expect(textOf(cited.declaration)).not.toContain('Philomena Ashgrove');
  });

  it('caption, footer and metadata title come from the filing and the case; the versions carry the public title, the declaration its own', () => {
    for (const doc of [renders.public, renders.sealed, renders.declaration]) {
      expect(doc.court).toBe('SUPERIOR COURT OF CALIFORNIA, COUNTY OF SPRINGFIELD');
      expect(doc.parties).toEqual([CASE.title]);
      expect(doc.captionRight[0]).toBe('Case No. 24STCV01234');
      expect(doc.createdAt).toBe('2026-11-22T10:00:00.000Z');
    }
    expect(renders.public.metadataTitle).toBe('Complaint for Damages');
    expect(renders.sealed.metadataTitle).toBe('Complaint for Damages');
    expect(renders.public.footer).toBe('Complaint for Damages');
    // No counsel on this filing: the declarant is "Counsel", never the complaint's title.
    expect(renders.declaration.metadataTitle).toBe('Declaration of Counsel Identifying Plaintiffs Proceeding Under Pseudonyms');
    expect(renders.declaration.footer).toBe(renders.declaration.metadataTitle);
  });

  it('prints the default labels of the format, or the user’s own', () => {
    expect(renders.public.labels).toEqual(defaultLabels('california').public);
    expect(renders.sealed.labels).toEqual(defaultLabels('california').sealed);
    expect(renders.declaration.labels).toEqual(['CONDITIONALLY LODGED UNDER SEAL', 'CONDITIONALLY UNDER SEAL — MAY NOT BE EXAMINED WITHOUT COURT ORDER']);
    const own = render({ labels: { public: ['PUBLIC VERSION'] } });
    expect(own.public.labels).toEqual(['PUBLIC VERSION']);
    expect(own.sealed.labels).toEqual(defaultLabels('california').sealed);
  });

  it('refuses a token for a plaintiff who does not exist, naming it', async () => {
    expect(await codeOf(() => render({ body: 'Both {{Jane Doe 1}} and {{Jane Doe 99}} and {{Doe 7}}.' }))).toBe('VALIDATION');
    expect(() => render({ body: '{{Jane Doe 99}} and {{Doe 7}}' })).toThrow(/\{\{Jane Doe 99\}\}, \{\{Doe 7\}\} name no plaintiff of this case/);
  });

  it('refuses a plaintiff token in a caption field, which names parties as filed', async () => {
    expect(await codeOf(() => render({ parties: '{{Jane Doe 1}}, Plaintiff' }))).toBe('VALIDATION');
  });

  it('lets caption fields redact or clear text', () => {
    const { public: pub, sealed } = render({ counsel: 'Ann {{redacted|Oakhaven}}, Esq.\n{{not a plaintiff|Grant}} LLP' });
    expect(pub.counsel).toEqual(['Ann [REDACTED], Esq.', 'Grant LLP']);
    expect(sealed.counsel).toEqual(['Ann Oakhaven, Esq.', 'Grant LLP']);
  });

  it('prints the number of the labelled paragraph for {{para:label}}, in every version', () => {
    const body = ['# Facts', '', '1. {{Jane Doe 1}} was hired.', '', '# Damages', '', '1. {#harm} She was harmed.', '', 'See paragraph {{para:harm}}.'].join('\n');
    const { public: pub, sealed } = render({ body });
    for (const doc of [pub, sealed]) {
      expect(doc.blocks.at(-1)).toEqual({ type: 'paragraph', runs: [{ text: 'See paragraph 2.' }] });
      expect(textOf(doc)).not.toContain('harm}');
    }
  });

  it('refuses a reference to a label no paragraph has, naming its line', async () => {
    const body = '1. {#harm} Harmed.\n\nSee {{para:harms}}.';
    expect(await codeOf(() => render({ body }))).toBe('VALIDATION');
    expect(() => render({ body })).toThrow(/^Line 3: \{\{para:harms\}\} refers to no paragraph.*\{#harm\}/);
    expect(await codeOf(() => render({ title: 'Reply to {{para:harm}}', body }))).toBe('VALIDATION');
  });

  it('does not print the title again when the body opens with it as a heading', () => {
    const { public: pub } = render({ body: '# COMPLAINT FOR DAMAGES\n\nText.' });
    expect(pub.blocks).toEqual([{ type: 'paragraph', runs: [{ text: 'Text.' }] }]);
  });

  it('an empty body still renders a captioned document, and a declaration of every plaintiff', () => {
    const empty = render({ body: '' });
    expect(empty.public.blocks).toEqual([]);
    expect(empty.cited).toEqual([]);
    expect(empty.listed).toHaveLength(PLAINTIFFS.length);
  });
});

describe('sealing labels', () => {
  it('California: conditionally sealed until an order date is given, then the order date', () => {
    expect(defaultLabels('california').public).toEqual(['PUBLIC — REDACTS MATERIALS FROM CONDITIONALLY SEALED RECORD']);
    expect(defaultLabels('california').sealed).toEqual([
      'CONDITIONALLY UNDER SEAL',
      'MAY NOT BE EXAMINED WITHOUT COURT ORDER — CONTAINS MATERIAL FROM CONDITIONALLY SEALED RECORD',
    ]);
    expect(defaultLabels('california', '2026-03-07').sealed).toEqual(['FILED UNDER SEAL PURSUANT TO ORDER OF THE COURT DATED MARCH 7, 2026']);
  });

  it('federal: redacted and unredacted versions of a document sought to be sealed', () => {
    expect(defaultLabels('federal')).toEqual({
      public: ['REDACTED VERSION OF DOCUMENT SOUGHT TO BE SEALED'],
      sealed: ['UNREDACTED VERSION OF DOCUMENT SOUGHT TO BE SEALED'],
    });
  });

  it('writes dates the way courts do', () => {
    expect(longDate('2026-12-01')).toBe('December 1, 2026');
  });
});
