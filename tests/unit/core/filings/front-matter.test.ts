import { faker } from '@faker-js/faker';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FRONT_MATTER, parseFrontMatter } from '../../../../src-main/core/filings/front-matter';
import { isVaultError } from '../../../../src-main/core/errors';
import { codeOf } from '../../../fixtures/checks';

faker.seed(1212);
const attorney = faker.person.fullName();
const firm = `${faker.person.lastName()} & ${faker.person.lastName()} LLP`;
const street = faker.location.streetAddress();
const city = `${faker.location.city()}, CA ${faker.location.zipCode('9####')}`;
const email = faker.internet.email({ provider: 'example.com' });

const COMPLAINT = `---
court: ca-sup-los-angeles
caseNumber: 24STCV01234
judge: Hon. ${faker.person.fullName()}
department: 5
title: COMPLAINT FOR DAMAGES
parties:
  plaintiffs: JANE DOES 1 through 10 and JOHN DOES 11 through 20
  defendants:
    - CITY OF LOS ANGELES
    - DOES 1 through 50, inclusive
counsel:
  - name: ${attorney}
    barNumber: 012345
    firm: ${firm}
    address: |
      ${street}
      ${city}
    phone: (213) 555-0100
    email: ${email}
    attorneysFor: Plaintiffs
dates:
  filed: 2026-03-07
  trial: 2027-01-11
juryDemand: yes
labels: auto
keyFields: [dob, email]
---
# Complaint

1. Plaintiffs allege …
`;

/** The line of the user's file an error names, read from its message. */
function linesNamed(run: () => unknown): number[] {
  try {
    run();
  } catch (error) {
    if (!isVaultError(error, 'VALIDATION')) throw error;
    return [...error.message.matchAll(/line (\d+)/g)].map((match) => Number(match[1]));
  }
  throw new Error('no error');
}

describe('front matter', () => {
  it('reads every filing fact of a complaint', () => {
    const { facts } = parseFrontMatter(COMPLAINT);
    expect(facts).toEqual({
      court: 'ca-sup-los-angeles',
      caseNumber: '24STCV01234',
      judge: expect.stringMatching(/^Hon\. /),
      department: '5',
      title: 'COMPLAINT FOR DAMAGES',
      parties: {
        plaintiffs: 'JANE DOES 1 through 10 and JOHN DOES 11 through 20',
        defendants: ['CITY OF LOS ANGELES', 'DOES 1 through 50, inclusive'],
      },
      counsel: [
        {
          name: attorney,
          // Text as written: a bar number keeps its leading zero.
          barNumber: '012345',
          firm,
          address: `${street}\n${city}`,
          phone: '(213) 555-0100',
          email,
          attorneysFor: 'Plaintiffs',
        },
      ],
      dates: { filed: '2026-03-07', trial: '2027-01-11' },
      juryDemand: true,
      labels: 'auto',
      keyFields: ['dob', 'email'],
    });
  });

  it('returns the body without the front matter and the offset that maps its lines to the user file', () => {
    const { body, lineOffset } = parseFrontMatter(COMPLAINT);
    expect(body.startsWith('# Complaint\n')).toBe(true);
    const fileLines = COMPLAINT.split('\n');
    const bodyLines = body.split('\n');
    const allegation = bodyLines.findIndex((text) => text.startsWith('1. Plaintiffs')) + 1;
    expect(fileLines[allegation + lineOffset - 1]).toBe(bodyLines[allegation - 1]);
  });

  it('maps every body line to the same text in the file, whatever the front matter holds', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom('judge: Hon. A', 'caseNumber: "2:24-cv-1"', '# a comment', '', 'juryDemand: no'), { maxLength: 8 }),
        fc.array(fc.stringMatching(/^[a-z .,]{0,20}$/), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (frontLines, bodyLines, crlf) => {
          const newline = crlf ? '\r\n' : '\n';
          const file = ['---', ...frontLines, '---', ...bodyLines].join(newline);
          const { body, lineOffset } = parseFrontMatter(file);
          const fileLines = file.split('\n');
          body.split('\n').forEach((text, index) => expect(fileLines[index + lineOffset]).toBe(text));
          expect(lineOffset).toBe(frontLines.length + 2);
        },
      ),
    );
  });

  it('reads the example of docs/FRONT-MATTER.md as documented', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'docs', 'FRONT-MATTER.md'), 'utf8');
    const example = /```yaml\n([\s\S]*?)```/.exec(doc)![1]!;
    const { facts } = parseFrontMatter(`${example}# Complaint\n`);
    expect(facts).toMatchObject({ court: 'ca-sup-los-angeles', juryDemand: true, dates: { sealingOrder: '2026-04-01' } });
    expect(facts?.counsel?.[0]?.barNumber).toBe('012345');
  });

  it('leaves a draft without front matter as it is', () => {
    const draft = '# Complaint\n\n---\n\nA rule above, not front matter.';
    expect(parseFrontMatter(draft)).toEqual({ facts: undefined, body: draft, lineOffset: 0 });
    expect(parseFrontMatter('---')).toEqual({ facts: undefined, body: '---', lineOffset: 0 });
  });

  it('reads an empty front matter as no facts given', () => {
    expect(parseFrontMatter('---\n---\nBody')).toEqual({ facts: {}, body: 'Body', lineOffset: 2 });
  });

  it('accepts a byte order mark before the opening line', () => {
    expect(parseFrontMatter('\uFEFF---\ncourt: cacd\n---\nBody').facts).toEqual({ court: 'cacd' });
  });

  it('reads labels as "none", a list, or a list per version', () => {
    expect(parseFrontMatter('---\nlabels: none\n---\n').facts?.labels).toBe('none');
    expect(parseFrontMatter('---\nlabels:\n  - FILED UNDER SEAL\n---\n').facts?.labels).toEqual(['FILED UNDER SEAL']);
    expect(parseFrontMatter('---\nlabels:\n  sealed: [UNDER SEAL]\n---\n').facts?.labels).toEqual({ sealed: ['UNDER SEAL'] });
    expect(parseFrontMatter('---\nlabels:\n  lodged: [LODGED UNDER SEAL]\n---\n').facts?.labels).toEqual({ lodged: ['LODGED UNDER SEAL'] });
  });

  it('reads the plaintiffs the declaration of identities lists, and when and where it is signed', () => {
    expect(parseFrontMatter('---\nidentities: cited\n---\n').facts?.identities).toBe('cited');
    expect(parseFrontMatter('---\nidentities: [Jane Doe 1, John Doe 4]\n---\n').facts?.identities).toEqual(['Jane Doe 1', 'John Doe 4']);
    expect(parseFrontMatter('---\nexecuted:\n  date: 2026-12-05\n  place: Los Angeles, California\n---\n').facts?.executed).toEqual({
      date: '2026-12-05',
      place: 'Los Angeles, California',
    });
  });

  it('reads the date of a sealing order', () => {
    expect(parseFrontMatter('---\ndates:\n  sealingOrder: 2026-04-01\n---\n').facts?.dates).toEqual({ sealingOrder: '2026-04-01' });
  });

  it('names a federal division in capitals and the district of the generic federal court', () => {
    expect(parseFrontMatter('---\ncourt: cand\ndivision: San Jose Division\n---\n').facts?.division).toBe('SAN JOSE DIVISION');
    expect(parseFrontMatter('---\ncourt: federal\ndistrict: DISTRICT OF OREGON\n---\n').facts?.district).toBe('DISTRICT OF OREGON');
  });

  it.each([
    ['an unknown court, suggesting the close id', '---\ntitle: X\ncourt: ca-sup-los-angles\n---\n', 3, /Unknown court "ca-sup-los-angles"\. Did you mean "ca-sup-los-angeles"\?/],
    ['a typo in a key', '---\ncourt: cacd\njduge: Hon. A\n---\n', 3, /Unknown key "jduge" in front matter; did you mean "judge"\?/],
    ['a key in snake case', '---\ncase_number: 1\n---\n', 2, /Unknown key "case_number" in front matter; did you mean "caseNumber"\?/],
    ['a typo in a counsel key', '---\ncounsel:\n  - name: A\n    barNumbr: "1"\n---\n', 4, /Unknown key "barNumbr" in "counsel"; did you mean "barNumber"\?/],
    ['a typo in a date key', '---\ndates:\n  filled: 2026-01-01\n---\n', 3, /Unknown key "filled" in "dates"/],
    ['a date that does not exist', '---\ncourt: cacd\ndates:\n  hearing: 2026-02-30\n---\n', 4, /Hearing date is not a real calendar date/],
    ['a date in another form', '---\ndates: {trial: 03/07/2026}\n---\n', 2, /Trial date must be written YYYY-MM-DD/],
    ['a jury demand that is not yes or no', '---\njuryDemand: maybe\n---\n', 2, /juryDemand must be true or false/],
    ['an unknown declaration field', '---\nkeyFields: [dob, shoeSize]\n---\n', 2, /keyFields must be among/],
    ['a set of plaintiffs it does not know', '---\nidentities: some\n---\n', 2, /identities must be all, active, cited, or a list of pseudonyms/],
    ['an execution date in another form', '---\nexecuted:\n  date: 12/05/2026\n---\n', 3, /Date of execution must be written YYYY-MM-DD/],
    ['counsel without a name', '---\ncounsel:\n  - firm: X LLP\n---\n', 3, /Counsel name/],
    ['a malformed email', '---\ncounsel:\n  - name: A\n    email: nobody\n---\n', 4, /Email must look like/],
    ['a division the court does not have', '---\ncourt: cacd\ndivision: Oakland Division\n---\n', 3, /Unknown division "Oakland Division"; use one of WESTERN DIVISION/],
    ['the generic federal court without its district', '---\ncourt: federal\n---\n', 2, /needs the district/],
    ['a district for a court that names its own', '---\ncourt: cacd\ndistrict: DISTRICT OF OREGON\n---\n', 3, /names its district already/],
    ['a key given twice', '---\njudge: A\njudge: B\n---\n', 3, /Map keys must be unique/],
    ['broken YAML', '---\ncourt: [cacd\n---\n', 2, /fix the YAML/],
    ['a list where keys belong', '---\n- court\n---\n', 2, /must be keys and values/],
    ['labels that are neither a list nor a word it knows', '---\nlabels: sometimes\n---\n', 2, /labels must be "auto", "none", a list of lines, or "public:", "sealed:" and "lodged:" lists/],
    ['counsel written as one line', '---\ncounsel: Ann Lee\n---\n', 2, /counsel must be a list of attorneys, each starting "- name:"/],
    ['defendants written as one line', '---\nparties:\n  defendants: CITY OF LOS ANGELES\n---\n', 3, /defendants must be a list/],
    ['a front matter never closed', '---\ncourt: cacd\n# Complaint\n', 1, /never closed/],
  ])('refuses %s, naming the line of the file and what to do', async (_, draft, line, message) => {
    expect(await codeOf(() => parseFrontMatter(draft))).toBe('VALIDATION');
    expect(() => parseFrontMatter(draft)).toThrow(message);
    expect(linesNamed(() => parseFrontMatter(draft))[0]).toBe(line);
  });

  it('names each fault, in the order of the file, and the first fault as the field', () => {
    const draft = '---\ncourt: cacd\ncounsel:\n  - name: A\n    adress: x\njduge: B\n---\n';
    expect(linesNamed(() => parseFrontMatter(draft))).toEqual([5, 6]);
    try {
      parseFrontMatter(draft);
    } catch (error) {
      expect(isVaultError(error) && error.field).toBe('frontMatter.counsel.0.adress');
    }
  });

  describe('hardening', () => {
    it.each([
      ['a custom tag', '---\ntitle: !js/function "x"\n---\n', /tag "!js\/function" is not allowed/],
      ['a binary tag', '---\ntitle: !!binary aGVsbG8=\n---\n', /tag "!!binary" is not allowed/],
      ['an anchor and alias', '---\ntitle: &t X\njudge: *t\n---\n', /anchor "&t" is not allowed/],
    ])('refuses %s', async (_, draft, message) => {
      expect(await codeOf(() => parseFrontMatter(draft))).toBe('VALIDATION');
      expect(() => parseFrontMatter(draft)).toThrow(message);
    });

    it('refuses the billion-laughs expansion before building anything', async () => {
      const laughs = ['---', 'a: &a [x, x, x, x, x, x, x, x, x]'];
      for (let i = 1; i < 9; i++) laughs.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
      laughs.push('---', 'Body');
      expect(await codeOf(() => parseFrontMatter(laughs.join('\n')))).toBe('VALIDATION');
    });

    it('refuses a front matter past its size limit', () => {
      const draft = `---\ntitle: "${'x'.repeat(MAX_FRONT_MATTER)}"\n---\n`;
      expect(() => parseFrontMatter(draft)).toThrow(/longer than 64 KiB/);
    });

    it('reads values as text, never as the types YAML 1.1 guesses', () => {
      // "NO" is a plain word (Norway), not false; octal-looking numbers keep their digits.
      const { facts } = parseFrontMatter('---\ndepartment: NO\ncaseNumber: 0o17\njudge: 1e3\n---\n');
      expect(facts).toEqual({ department: 'NO', caseNumber: '0o17', judge: '1e3' });
    });
  });
});
