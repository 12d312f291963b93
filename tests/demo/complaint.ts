import type { PlaintiffInput } from '../../src-main/core/plaintiffs/plaintiff-input';

/**
 * The filing's facts (docs/FRONT-MATTER.md): court, parties, counsel (fictional), judge, dates.
 * `court` is the first key, so a caller can print the same complaint in another court.
 */
export const FRONT_MATTER = [
  '---',
  'court: ca-sup-los-angeles',
  'caseNumber: 26STCV14021',
  'judge: Hon. Rosalind T. Example',
  'department: 14',
  'title: Complaint for Damages',
  'parties:',
  '  defendants:',
  '    - METROPOLIS DAILY COURIER, a California corporation',
  '    - ROES 1 through 20, inclusive',
  'counsel:',
  '  - name: Alexandra Q. Testwell',
  '    barNumber: 999001',
  '    firm: Testwell Ordinal LLP',
  '    address: |',
  '      100 Example Plaza, Suite 400',
  '      Los Angeles, California 90012',
  '    phone: (213) 555-0142',
  '    email: atestwell@example.com',
  '    attorneysFor: Plaintiffs',
  'dates: { filed: 2026-03-02 }',
  'juryDemand: yes',
  'keyFields: [dob, idNumbers]',
  '---',
];

/**
 * A complaint drafted the way attorneys draft before anonymising: with the plaintiffs' real
 * (synthetic) names, in every form a name takes in a pleading. The demo and the tests feed it
 * to the scanner and the export.
 */
export function complaintDraft(people: readonly PlaintiffInput[]): string {
  const name = (i: number) => people[i]!.legalName;
  const parts = (i: number) => name(i).split(' ');
  const first = (i: number) => parts(i)[0]!;
  const last = (i: number) => parts(i).at(-1)!;
  const listed = people.slice(0, 12).map((p, i) => `${i + 1}. ${p.legalName}, a sworn officer of the Metropolis Police Department.`);
  return [
    ...FRONT_MATTER,
    '# Complaint for Damages',
    '',
    '## Parties',
    '',
    `Plaintiffs are undercover officers whose photographs the Defendant published. Plaintiff ${name(0)} ("${first(0)}") has served for eleven years; Plaintiff ${last(1)}, ${first(1)} joined the vice unit in 2019.`,
    '',
    ...listed,
    '',
    `## ${name(2).toUpperCase()} AND THE OTHER PLAINTIFFS`,
    '',
    `On the morning of publication ${first(2)[0]}. ${last(2)} received threats at ${people[2]!.email}; ${last(3)}'s family received calls at ${people[3]!.phone}.[^1]`,
    `The article printed the badge number ${people[4]!.idNumbers![0]} of ${name(4)}, and the home street of ${name(5)}:`,
    `${people[5]!.address!.split(',')[0]}.`,
    '',
    '| Officer | Unit | Years |',
    '|---|---|---|',
    `| ${name(6)} | Narcotics | 7 |`,
    `| ${name(7)} | Vice | 4 |`,
    '',
    `> "We know where ${first(8)} lives," one comment said about ${name(8)}.`,
    '',
    'Defendant will argue the officers were public figures. They were not.',
    '',
    `[^1]: ${name(9)} reported the same calls to internal affairs.`,
    '',
  ].join('\n');
}
