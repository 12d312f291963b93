import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseDetails } from '../../../../src-main/core/cases/cases';
import {
  declarationTemplate,
  fillDeclaration,
  parseDeclarationTemplate,
  renderDeclaration,
  selectIdentities,
  type DeclarationFacts,
  type DeclarationFill,
} from '../../../../src-main/core/filings/declaration';
import { signatureLines, type Block, type RenderedDocument } from '../../../../src-main/core/filings/document';
import { parseFilingInput } from '../../../../src-main/core/filings/filing-input';
import type { PlaintiffToRender } from '../../../../src-main/core/filings/render';
import type { PlaintiffIdentity } from '../../../../src-main/core/plaintiffs/plaintiff-input';
import { codeOf } from '../../../fixtures/checks';

// Invented people: nobody real.
const identity = (legalName: string, extra: Partial<PlaintiffIdentity> = {}): PlaintiffIdentity => ({ legalName, aliases: [], gender: 'female', idNumbers: [], ...extra });
const plaintiff = (seq: number, legalName: string, extra: Partial<PlaintiffToRender> = {}): PlaintiffToRender => ({
  pseudonym: `Jane Doe ${seq}`,
  seq,
  status: 'active',
  identity: identity(legalName),
  ...extra,
});

const ROSTER: PlaintiffToRender[] = [
  plaintiff(1, 'Zephyrine Quillfeather', { identity: identity('Zephyrine Quillfeather', { dob: '1984-03-07', idNumbers: ['B-004471', 'CA DL X9912345'] }) }),
  plaintiff(2, 'Bartholomea Oakhaven', { status: 'withdrawn' }),
  plaintiff(3, 'Nguyễn Thị Minh Khai'),
  plaintiff(4, 'Philomena Ashgrove'),
];
const CASE: CaseDetails = { title: 'Jane Does 1–4 v. City of Springfield', court: 'Superior Court of California, County of Springfield', number: '24STCV01234', scheme: { kind: 'gendered' } };
const TEMPLATE_PATH = join(import.meta.dirname, '..', '..', '..', '..', 'resources', 'templates', 'declaration-of-identities.md');

const facts = (input: Record<string, unknown> = {}): DeclarationFacts => parseFilingInput({ title: 'Complaint for Damages', body: '', ...input });
const declare = (input: Record<string, unknown> = {}, cited?: PlaintiffToRender[]): RenderedDocument =>
  renderDeclaration({ caseDetails: CASE, plaintiffs: ROSTER, facts: facts(input), cited, citedIn: 'Complaint for Damages', now: '2026-11-22T10:00:00.000Z' });

function tableOf(doc: RenderedDocument): { header: string[]; rows: string[][] } {
  const table = doc.blocks.find((block) => block.type === 'table');
  if (!table || table.type !== 'table') throw new Error('no table in the declaration');
  const text = (cell: { text: string }[]) => cell.map((run) => run.text).join('');
  return { header: table.header.map(text), rows: table.rows.map((row) => row.map(text)) };
}

function prose(doc: RenderedDocument): string {
  const runs = (block: Block): string[] => {
    switch (block.type) {
      case 'paragraph':
        return [block.runs.map((r) => r.text).join('')];
      case 'list':
        return block.items.map((item) => item.map((r) => r.text).join(''));
      case 'signature':
        return signatureLines(block.signature);
      default:
        return [];
    }
  };
  return doc.blocks.flatMap(runs).join('\n');
}

describe('which plaintiffs the declaration lists', () => {
  const cited = [ROSTER[2]!, ROSTER[0]!];

  it('all: every plaintiff of the case, withdrawn ones too, in roster order', () => {
    expect(selectIdentities(ROSTER, 'all').map((p) => p.seq)).toEqual([1, 2, 3, 4]);
    expect(selectIdentities([...ROSTER].reverse(), 'all').map((p) => p.seq)).toEqual([1, 2, 3, 4]);
  });

  it('active: all but the withdrawn', () => {
    expect(selectIdentities(ROSTER, 'active').map((p) => p.seq)).toEqual([1, 3, 4]);
  });

  it('cited: those the filing cites, in roster order; refused where no filing cites anyone', async () => {
    expect(selectIdentities(ROSTER, 'cited', cited).map((p) => p.seq)).toEqual([1, 3]);
    expect(await codeOf(() => selectIdentities(ROSTER, 'cited'))).toBe('VALIDATION');
  });

  it('a list: those pseudonyms, however spaced or cased, each once, in roster order', () => {
    expect(selectIdentities(ROSTER, ['jane doe 4', 'Jane  Doe 1', 'Jane Doe 4']).map((p) => p.seq)).toEqual([1, 4]);
  });

  it('refuses a pseudonym the case does not have, naming it', async () => {
    expect(await codeOf(() => selectIdentities(ROSTER, ['Jane Doe 1', 'Jane Doe 99', 'John Doe 7']))).toBe('VALIDATION');
    expect(() => selectIdentities(ROSTER, ['Jane Doe 1', 'Jane Doe 99', 'John Doe 7'])).toThrow(/cannot list "Jane Doe 99", "John Doe 7": no plaintiff of this case/);
  });
});

describe('the declaration of identities', () => {
  it('tabulates pseudonym and legal name, then the chosen identifiers; a withdrawn plaintiff is marked', () => {
    const { header, rows } = tableOf(declare({ keyFields: ['dob', 'idLastFour'] }));
    expect(header).toEqual(['Pseudonym', 'Legal name', 'Date of birth', 'ID numbers (last four)']);
    expect(rows).toEqual([
      ['Jane Doe 1', 'Zephyrine Quillfeather', 'March 7, 1984', '…4471; …2345'],
      ['Jane Doe 2 (withdrawn)', 'Bartholomea Oakhaven', '', ''],
      ['Jane Doe 3', 'Nguyễn Thị Minh Khai', '', ''],
      ['Jane Doe 4', 'Philomena Ashgrove', '', ''],
    ]);
  });

  it('lists the doxxing surface readably', () => {
    const profiled = plaintiff(1, 'Zephyrine Quillfeather', {
      identity: identity('Zephyrine Quillfeather', {
        family: [{ name: 'Ottilie Quillfeather', relation: 'daughter' }, { name: 'Ambrose Quillfeather', relation: '' }],
        affiliations: [{ name: 'Hollingsworth Academy', kind: 'school' }],
        vehicles: [{ plate: '7QXZ918', state: 'CA', description: 'grey sedan' }],
        handles: ['@quill_rider77'],
        pastAddresses: ['12 Oak Lane, Fresno'],
        characteristics: ['Phoenix tattoo'],
      }),
    });
    const doc = renderDeclaration({
      caseDetails: CASE,
      plaintiffs: [profiled],
      facts: facts({ keyFields: ['family', 'affiliations', 'vehicles', 'handles', 'pastAddresses', 'characteristics'] }),
      now: '2026-11-22T10:00:00.000Z',
    });
    expect(tableOf(doc).rows).toEqual([
      [
        'Jane Doe 1',
        'Zephyrine Quillfeather',
        'Ottilie Quillfeather (daughter); Ambrose Quillfeather',
        'Hollingsworth Academy (school)',
        '7QXZ918 (CA, grey sedan)',
        '@quill_rider77',
        '12 Oak Lane, Fresno',
        'Phoenix tattoo',
      ],
    ]);
  });

  it('is counsel’s declaration under penalty of perjury: CCP § 2015.5 wording in a California court, 28 U.S.C. § 1746 in a federal one', () => {
    const signed = { signature: { signer: 'Philippa Marchbanks', attorneysFor: 'Attorneys for Plaintiffs JANE DOES 1 through 4' } };
    const state = prose(declare({ ...signed, format: 'california' }));
    expect(state).toContain('I, Philippa Marchbanks, declare as follows:');
    expect(state).toContain('counsel of record for Plaintiffs JANE DOES 1 through 4 in this action');
    expect(state).toContain('I declare under penalty of perjury under the laws of the State of California that the foregoing is true and correct.');
    expect(state).not.toContain('United States of America');
    const federal = prose(declare({ ...signed, format: 'federal' }));
    expect(federal).toContain('I declare under penalty of perjury under the laws of the United States of America that the foregoing is true and correct.');
    expect(federal).not.toContain('State of California that');
  });

  it('is signed by the declarant in person, with blanks for the date and place unless the facts give them', () => {
    const doc = declare({ signature: { signer: 'Philippa Marchbanks', dated: 'December 5, 2026' } });
    expect(doc.blocks.at(-1)).toEqual({ type: 'signature', signature: { signer: 'Philippa Marchbanks', declarant: true } });
    expect(prose(doc)).toContain('Executed on ____________________, at ____________________.');
    expect(signatureLines({ signer: 'Philippa Marchbanks', declarant: true })).toEqual(['', '', '/s/ Philippa Marchbanks', 'Philippa Marchbanks']);
    const executed = declare({ signature: { signer: 'Philippa Marchbanks' }, executed: { date: '2026-12-05', place: 'Los Angeles, California' } });
    expect(prose(executed)).toContain('Executed on December 5, 2026, at Los Angeles, California.');
  });

  it('has its own title, in the caption, the footer and the metadata, never the complaint’s', () => {
    const doc = declare({ signature: { signer: 'Philippa Marchbanks' } });
    const title = 'Declaration of Philippa Marchbanks Identifying Plaintiffs Proceeding Under Pseudonyms';
    expect(doc.metadataTitle).toBe(title);
    expect(doc.footer).toBe(title);
    expect(doc.captionRight).toEqual(['Case No. 24STCV01234', '', title.toUpperCase()]);
    expect(doc.audience).toBe('declaration');
    expect(JSON.stringify(doc)).not.toContain('Complaint for Damages');
  });

  it('without counsel, is the declaration of "Counsel" with lines to name and sign', () => {
    const doc = declare();
    expect(doc.metadataTitle).toBe('Declaration of Counsel Identifying Plaintiffs Proceeding Under Pseudonyms');
    expect(prose(doc)).toContain('I, ____________________, declare as follows:');
    expect(signatureLines({ signer: '', declarant: true })).toEqual(['', '', '______________________________']);
  });

  it('carries the lodged label of its court, the filed-by-order label once sealing is ordered, or the user’s own', () => {
    expect(declare().labels).toEqual(['CONDITIONALLY LODGED UNDER SEAL', 'CONDITIONALLY UNDER SEAL — MAY NOT BE EXAMINED WITHOUT COURT ORDER']);
    expect(declare({ orderDate: '2026-03-07' }).labels).toEqual(['FILED UNDER SEAL PURSUANT TO ORDER OF THE COURT DATED MARCH 7, 2026']);
    expect(declare({ format: 'federal' }).labels).toEqual(['[PROPOSED] FILED UNDER SEAL', 'DOCUMENT SOUGHT TO BE SEALED IN ITS ENTIRETY']);
    expect(declare({ labels: { sealed: ['UNDER SEAL'], lodged: ['LODGED UNDER SEAL'] } }).labels).toEqual(['LODGED UNDER SEAL']);
  });

  it('keeps the judge and the dates under its title, but not a complaint’s jury demand', () => {
    const doc = declare({ captionLines: ['Judge: Hon. A. Judge', 'Dept.: 5', '', 'DEMAND FOR JURY TRIAL', '', 'Action Filed: December 5, 2026'] });
    expect(doc.captionRight.slice(3)).toEqual(['', 'Judge: Hon. A. Judge', 'Dept.: 5', '', 'Action Filed: December 5, 2026']);
  });

  it('says which plaintiffs it identifies', () => {
    expect(prose(declare())).toContain('identify to the Court each plaintiff who proceeds in this action under a pseudonym.');
    expect(prose(declare({ identities: 'active' }))).toContain('under a pseudonym and has not withdrawn from it.');
    expect(prose(declare({ identities: 'cited' }, [ROSTER[0]!]))).toContain('each plaintiff whom the Complaint for Damages names by pseudonym.');
    const titled = renderDeclaration({ caseDetails: CASE, plaintiffs: ROSTER, facts: facts({ identities: 'cited' }), cited: [ROSTER[0]!], citedIn: 'Complaint of {{not a plaintiff|Grant}} Street Officers', now: '2026-11-22T10:00:00.000Z' });
    expect(prose(titled)).toContain('each plaintiff whom the Complaint of Grant Street Officers names by pseudonym.');
    expect(tableOf(declare({ identities: ['Jane Doe 3'] })).rows).toEqual([['Jane Doe 3', 'Nguyễn Thị Minh Khai']]);
  });

  it('numbers its paragraphs as a pleading does, the table between the second and the third', () => {
    const doc = declare({ keyFields: ['dob'] });
    const kinds = doc.blocks.map((block) => (block.type === 'list' ? `list@${block.start}:${block.items.length}` : block.type));
    expect(kinds).toEqual(['paragraph', 'list@1:2', 'table', 'list@3:1', 'paragraph', 'signature']);
    expect(prose(doc)).toContain('The table below gives each plaintiff’s pseudonym, legal name and date of birth:');
  });
});

describe('filling the template', () => {
  const fill: DeclarationFill = {
    system: 'state',
    set: 'all',
    facts: { declarant: 'Ann *Star* O_Neil', client: 'Plaintiffs', filing: 'Complaint', columns: 'pseudonym and legal name', executedDate: 'March 1, 2026', executedPlace: 'Fresno, California' },
  };

  it('reads the shipped template, whose prose is data', () => {
    const template = declarationTemplate();
    expect(template.source).toBe(TEMPLATE_PATH);
    expect(template.state.perjury).toBe('I declare under penalty of perjury under the laws of the State of California that the foregoing is true and correct.');
    expect(template.federal.perjury).toBe('I declare under penalty of perjury under the laws of the United States of America that the foregoing is true and correct.');
  });

  it('puts each fact in place as written, Markdown characters and all', () => {
    const { title, blocks } = fillDeclaration(declarationTemplate(), fill);
    expect(title).toBe('Declaration of Ann *Star* O_Neil Identifying Plaintiffs Proceeding Under Pseudonyms');
    const first = blocks[0]!;
    expect(first.type === 'paragraph' && first.runs).toEqual([{ text: 'I, Ann *Star* O_Neil, declare as follows:' }]);
  });

  it('fills an edited template: its own wording, the phrases of the court system and of the set chosen', () => {
    const text = [
      '---',
      'title: Sworn list by {{declarant}}',
      'state: { admitted: of the California bar, lodging: lodged, perjury: "Sworn (CA)." }',
      'federal: { admitted: of this bar, lodging: filed, perjury: "Sworn (US)." }',
      'set:',
      '  all: everyone',
      '  active: the active ones',
      '  cited: "those the {{filing}} cites"',
      '  list: these',
      '---',
      '{{declarant}} is {{admitted}} and lists {{set}}.',
      '',
      '{{table}}',
      '',
      '{{perjury}} At {{executedPlace}}.',
    ].join('\n');
    const template = parseDeclarationTemplate(text, 'firm-template.md');
    const { title, blocks } = fillDeclaration(template, { ...fill, system: 'federal', set: 'cited' });
    expect(title).toBe('Sworn list by Ann *Star* O_Neil');
    const texts = blocks.map((block) => (block.type === 'paragraph' ? block.runs.map((r) => r.text).join('') : block.type));
    expect(texts).toEqual(['Ann *Star* O_Neil is of this bar and lists those the Complaint cites.', '\uE00A', 'Sworn (US). At Fresno, California.']);
  });

  it.each([
    ['no front matter', 'Text only.\n\n{{table}}\n', /must begin with front matter/],
    ['a phrase missing', readFileSync(TEMPLATE_PATH, 'utf8').replace(/^ {2}perjury: .*United States.*$/m, ''), /federal\.perjury/],
    ['no place for the table', readFileSync(TEMPLATE_PATH, 'utf8').replace(/^\{\{table\}\}$/m, ''), /no \{\{table\}\} line/],
  ])('refuses a template with %s, naming the file', async (_, text, message) => {
    expect(await codeOf(() => parseDeclarationTemplate(text, 'firm-template.md'))).toBe('INTERNAL');
    expect(() => parseDeclarationTemplate(text, 'firm-template.md')).toThrow(message);
    expect(() => parseDeclarationTemplate(text, 'firm-template.md')).toThrow(/^firm-template\.md: /);
  });

  it('refuses a placeholder it does not know, rather than print it', async () => {
    const template = parseDeclarationTemplate(readFileSync(TEMPLATE_PATH, 'utf8').replace('{{client}}', '{{clients}}'), 'firm-template.md');
    expect(await codeOf(() => fillDeclaration(template, fill))).toBe('INTERNAL');
    expect(() => fillDeclaration(template, fill)).toThrow(/\{\{clients\}\} is no placeholder/);
  });
});
