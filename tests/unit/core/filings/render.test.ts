import { describe, expect, it } from 'vitest';
import type { CaseDetails } from '../../../../src-main/core/cases/cases';
import { signatureLines, type Block, type RenderedDocument, type Run } from '../../../../src-main/core/filings/document';
import { parseFilingInput } from '../../../../src-main/core/filings/filing-input';
import { defaultLabels, labelSetOf } from '../../../../src-main/core/filings/courts';
import { longDate } from '../../../../src-main/core/filings/labels';
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

/** A paragraph's text: its runs as printed, one after the other (a footnote mark set off as " ^1"). */
const runsText = (runs: readonly Run[]): string => runs.map((r) => (r.noteRef ? ` ^${r.text}` : r.text)).join('');

function textOf(doc: RenderedDocument): string {
  const runs = (blocks: readonly Block[]): string[] =>
    blocks.flatMap((block) => {
      switch (block.type) {
        case 'heading':
        case 'paragraph':
        case 'quote':
          return [runsText(block.runs)];
        case 'list':
          return block.items.map(runsText);
        case 'table':
          return [...block.header, ...block.rows.flat()].map(runsText);
        case 'footnotes':
          return block.notes.map((n) => runsText(n.runs));
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
    expect(text).toContain('[REDACTED-1]'); // the badge, in the table
    expect(text).toContain('She lives in Springfield. ^1'); // the footnote's reference mark, its own run
    expect(text).toContain('Contact: [REDACTED-2]; see Jane Doe 3.');
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
    expect(pub.counsel).toEqual(['Ann [REDACTED-1], Esq.', 'Grant LLP']);
    // A caption line is plain text: the withheld passage is bracketed there, whatever the court's mark.
    expect(sealed.counsel).toEqual(['Ann [[Oakhaven]], Esq.', 'Grant LLP']);
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

describe('issue 13: numbered redactions, marks in the sealed version, labels per document', () => {
  const body = [
    'Reach {{Jane Doe 1}} at {{redacted|zq@example.org}} or {{redacted|(555) 010-0199}}.',
    '',
    '1. Her badge {{redacted|B-4471}} was issued; write to {{redacted|zq@example.org}}.',
  ].join('\n');
  const paragraphRuns = (doc: RenderedDocument, index: number): Run[] => {
    const block = doc.blocks[index]!;
    if (block.type === 'paragraph') return block.runs;
    if (block.type === 'list') return block.items[0]!;
    throw new Error(`block ${index} is a ${block.type}`);
  };

  it('the public version prints a numbered reference per distinct withheld text, in reading order from the caption', () => {
    const renders = render({ body, counsel: 'Ann {{redacted|Oakhaven}}, Esq.' });
    expect(renders.public.counsel).toEqual(['Ann [REDACTED-1], Esq.']);
    expect(runsText(paragraphRuns(renders.public, 0))).toBe('Reach Jane Doe 1 at [REDACTED-2] or [REDACTED-3].');
    expect(runsText(paragraphRuns(renders.public, 1))).toBe('Her badge [REDACTED-4] was issued; write to [REDACTED-2].');
    expect(renders.redactions.map((entry) => `${entry.ref} ${entry.text}`)).toEqual([
      '[REDACTED-1] Oakhaven',
      '[REDACTED-2] zq@example.org',
      '[REDACTED-3] (555) 010-0199',
      '[REDACTED-4] B-4471',
    ]);
  });

  it('the sealed version prints the withheld text as a run of its own, marked with its reference for a grey band', () => {
    const { sealed } = render({ body });
    const runs = paragraphRuns(sealed, 0);
    expect(runs).toEqual([
      { text: 'Reach Zephyrine Quillfeather (Jane Doe 1) at ' },
      { text: 'zq@example.org', withheld: { ref: '[REDACTED-1]', mark: 'highlight' } },
      { text: ' or ' },
      { text: '(555) 010-0199', withheld: { ref: '[REDACTED-2]', mark: 'highlight' } },
      { text: '.' },
    ]);
    expect(paragraphRuns(sealed, 1).filter((run) => run.withheld).map((run) => run.withheld!.ref)).toEqual(['[REDACTED-3]', '[REDACTED-1]']);
  });

  it('a court that asks for brackets gets the withheld text bracketed in the sealed version', () => {
    const labelSet = { ...labelSetOf(undefined, 'california'), withheldMark: 'bracket' as const };
    const renders = renderFiling(parseFilingInput({ title: 'Complaint', body }), { caseDetails: CASE, plaintiffs: PLAINTIFFS, now: '2026-11-22T10:00:00.000Z' }, { labelSet });
    expect(runsText(paragraphRuns(renders.sealed, 0))).toBe('Reach Zephyrine Quillfeather (Jane Doe 1) at [[zq@example.org]] or [[(555) 010-0199]].');
    expect(paragraphRuns(renders.sealed, 0)[1]!.withheld).toEqual({ ref: '[REDACTED-1]', mark: 'bracket' });
  });

  it('the public version carries the court’s label only when it redacts something; the sealed version always', () => {
    const plain = render({ body: 'Plaintiff {{Jane Doe 1}} was hired.' });
    expect(plain.public.labels).toEqual([]);
    expect(plain.sealed.labels).toEqual(defaultLabels('california').sealed);
    expect(plain.redactions).toEqual([]);
    expect(plain.referenceList).toBeUndefined();
    const redacting = render({ body });
    expect(redacting.public.labels).toEqual(defaultLabels('california').public);
    // The user's own labels, or none, are printed as given.
    expect(render({ body: 'Text.', labels: { public: ['PUBLIC VERSION'] } }).public.labels).toEqual(['PUBLIC VERSION']);
    const none = render({ body, labels: { public: [], sealed: [] } });
    expect([none.public.labels, none.sealed.labels, none.referenceList!(() => []).labels]).toEqual([[], [], []]);
  });

  it('California: the index of redacted information, on the filing’s caption with the sealed labels', () => {
    const renders = render({ body, orderDate: '2026-03-07' });
    const list = renders.referenceList!((ref) => (ref === '[REDACTED-1]' ? ['2:14', '3:6'] : ['2:16']));
    expect(list.audience).toBe('sealed');
    expect(list.captionRight[2]).toBe('INDEX OF REDACTED INFORMATION');
    expect(list.footer).toBe('Index of Redacted Information');
    expect(list.metadataTitle).toBe('Index of Redacted Information');
    expect(list.labels).toEqual(['FILED UNDER SEAL PURSUANT TO ORDER OF THE COURT DATED MARCH 7, 2026']);
    expect(list.parties).toEqual(renders.sealed.parties);
    expect(runsText((list.blocks[0] as { runs: Run[] }).runs)).toMatch(/^This index identifies each item of information redacted from the public version of the Complaint for Damages/);
    const table = list.blocks[1]!;
    expect(table.type === 'table' && table.header.map(runsText)).toEqual(['Reference', 'Redacted information', 'Where in the public version (page:line)']);
    expect(table.type === 'table' && table.rows.map((row) => row.map(runsText))).toEqual([
      ['[REDACTED-1]', 'zq@example.org', '2:14, 3:6'],
      ['[REDACTED-2]', '(555) 010-0199', '2:16'],
      ['[REDACTED-3]', 'B-4471', '2:16'],
    ]);
  });

  it('the index demands no jury: the complaint’s jury demand stays off its caption, the judge stays on it', () => {
    const renders = render({ body, captionLines: ['Judge: Hon. Rosalind T. Example', '', 'DEMAND FOR JURY TRIAL'] });
    expect(renders.public.captionRight).toContain('DEMAND FOR JURY TRIAL');
    const list = renders.referenceList!(() => []);
    expect(list.captionRight).toContain('Judge: Hon. Rosalind T. Example');
    expect(list.captionRight).not.toContain('DEMAND FOR JURY TRIAL');
    expect(list.captionRight.at(-1)).not.toBe('');
  });

  it('a federal court: the FRCP 5.2(g) reference list, its own label, the rule’s small letter kept in the caption', () => {
    const renders = render({ body, format: 'federal', courtId: 'cand' });
    expect(renders.public.labels).toEqual(['REDACTED VERSION OF DOCUMENT SOUGHT TO BE SEALED']);
    const list = renders.referenceList!(() => []);
    expect(list.captionRight[2]).toBe('REFERENCE LIST OF REDACTED INFORMATION (FED. R. CIV. P. 5.2(g))');
    expect(list.metadataTitle).toBe('Reference List of Redacted Information (Fed. R. Civ. P. 5.2(g))');
    expect(list.labels).toEqual(['FILED UNDER SEAL PURSUANT TO FED. R. CIV. P. 5.2']);
    expect(runsText((list.blocks[0] as { runs: Run[] }).runs)).toMatch(/^Under Federal Rule of Civil Procedure 5\.2\(g\)/);
    const table = list.blocks[1]!;
    expect(table.type === 'table' && table.rows.map((row) => runsText(row[2]!))).toEqual(['not on a page', 'not on a page', 'not on a page']);
  });
});
