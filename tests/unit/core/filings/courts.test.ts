import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { courtLabels, defaultCourtsPath, defaultLabels, labelSetOf, loadCourts, parseCourts } from '../../../../src-main/core/filings/courts';
import { codeOf } from '../../../fixtures/checks';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const courts = loadCourts();
const shippedText = readFileSync(join(ROOT, 'resources', 'courts.json'), 'utf8');

/** The shipped file with one change, to prove the loader refuses what would print a wrong page. */
function edited(change: (json: { courts: Record<string, unknown>[]; labelSets: Record<string, unknown> }) => void): string {
  const json = JSON.parse(shippedText) as { courts: Record<string, unknown>[]; labelSets: Record<string, unknown> };
  change(json);
  return JSON.stringify(json);
}

describe('the list of courts', () => {
  it('is found in resources/ by walking up from the module, as the fonts are', () => {
    expect(defaultCourtsPath()).toBe(join(ROOT, 'resources', 'courts.json'));
  });

  it('has a superior court for each of the 58 California counties, on California pleading paper', () => {
    const state = courts.courts.filter((court) => court.system === 'state');
    expect(state).toHaveLength(58);
    for (const court of state) {
      expect(court.title[0]).toBe('SUPERIOR COURT OF THE STATE OF CALIFORNIA');
      expect(court.title[1]).toMatch(/^(CITY AND )?COUNTY OF [A-Z ]+$/);
      expect(court.form).toBe('california-pleading');
      expect(court.formRule).toMatch(/2\.111/);
      expect(court.labels.rule).toMatch(/rule 2\.551/);
    }
    expect(courts.byId('ca-sup-los-angeles')?.title).toEqual(['SUPERIOR COURT OF THE STATE OF CALIFORNIA', 'COUNTY OF LOS ANGELES']);
    expect(courts.byId('ca-sup-san-francisco')?.title[1]).toBe('CITY AND COUNTY OF SAN FRANCISCO');
    expect(new Set(state.map((court) => court.title[1])).size).toBe(58);
  });

  it('has the four districts of California on numbered federal pleading paper, each citing its local rule', () => {
    expect(courts.byId('cacd')).toMatchObject({
      system: 'federal',
      title: ['UNITED STATES DISTRICT COURT', 'CENTRAL DISTRICT OF CALIFORNIA'],
      form: 'federal-pleading',
    });
    expect(courts.byId('cacd')!.formRule).toMatch(/C\.D\. Cal\. L\.R\. 11-3/);
    expect(courts.byId('cand')!.formRule).toMatch(/N\.D\. Cal\. Civil L\.R\. 3-4/);
    expect(courts.byId('caed')!.formRule).toMatch(/E\.D\. Cal\. L\.R\. 130/);
    expect(courts.byId('casd')!.formRule).toMatch(/S\.D\. Cal\. CivLR 5\.1/);
    for (const [id, word] of [['cacd', 'CENTRAL'], ['cand', 'NORTHERN'], ['caed', 'EASTERN'], ['casd', 'SOUTHERN']] as const) {
      expect(courts.byId(id)!.title).toEqual(['UNITED STATES DISTRICT COURT', `${word} DISTRICT OF CALIFORNIA`]);
      expect(courts.byId(id)!.form).toBe('federal-pleading');
    }
    expect(courts.byId('cand')!.labels.public).toEqual(['REDACTED VERSION OF DOCUMENT SOUGHT TO BE SEALED']);
    expect(courts.byId('cand')!.labels.rule).toMatch(/Civil L\.R\. 79-5/);
  });

  it('gives each court how redactions print and are marked, and the sealed reference list it asks for (issue 13)', () => {
    for (const court of courts.courts) {
      expect(court.labels.redactionRef).toBe('[REDACTED-{n}]');
      expect(court.labels.withheldMark).toBe('highlight');
      expect(court.labels.referenceList.intro).toContain('{title}');
    }
    expect(courts.byId('ca-sup-los-angeles')!.labels.referenceList.title).toBe('Index of Redacted Information');
    // California's index carries the sealed version's labels (conditionally lodged, or sealed by order).
    expect(courts.byId('ca-sup-los-angeles')!.labels.referenceList.labels).toBeUndefined();
    expect(courts.byId('cacd')!.labels.referenceList).toMatchObject({
      title: 'Reference List of Redacted Information (Fed. R. Civ. P. 5.2(g))',
      labels: ['FILED UNDER SEAL PURSUANT TO FED. R. CIV. P. 5.2'],
    });
    // Without a court, a format follows the label set it stands for; the dialog's defaults are the same labels.
    expect(labelSetOf(undefined, 'federal')).toBe(courts.byId('federal')!.labels);
    expect(labelSetOf('cand', 'federal')).toBe(courts.byId('cand')!.labels);
    expect(defaultLabels('federal', '2026-03-07')).toEqual({ public: courts.byId('federal')!.labels.public, sealed: courts.byId('federal')!.labels.sealed });
  });

  it('has a plain federal court for other districts, which needs the district named', () => {
    expect(courts.byId('federal')).toMatchObject({ system: 'federal', form: 'federal-plain', districtRequired: true, title: ['UNITED STATES DISTRICT COURT'] });
  });

  it('never puts a state title on a federal court or the reverse', () => {
    for (const court of courts.courts) {
      const text = court.title.join(' ');
      if (court.system === 'federal') expect(text).not.toMatch(/SUPERIOR COURT|STATE OF CALIFORNIA/);
      else expect(text).not.toMatch(/UNITED STATES|DISTRICT COURT/);
    }
    const mixed = edited((json) => {
      json.courts[0]!.system = 'federal';
      json.courts[0]!.form = 'federal-pleading';
    });
    expect(() => parseCourts(mixed)).toThrow(/mixes a federal court with a state title/);
  });

  it('gives the labels of each version, with the date of a sealing order where the court has that wording', () => {
    const la = courts.byId('ca-sup-los-angeles')!;
    expect(courtLabels(la, 'public')).toEqual(['PUBLIC — REDACTS MATERIALS FROM CONDITIONALLY SEALED RECORD']);
    expect(courtLabels(la, 'sealed')).toContain('CONDITIONALLY UNDER SEAL');
    expect(courtLabels(la, 'sealed', '2026-03-07')).toEqual(['FILED UNDER SEAL PURSUANT TO ORDER OF THE COURT DATED MARCH 7, 2026']);
    // A district with no order wording keeps its sealed label whatever the date.
    expect(courtLabels(courts.byId('cand')!, 'sealed', '2026-03-07')).toEqual(['UNREDACTED VERSION OF DOCUMENT SOUGHT TO BE SEALED']);
    // The declaration of identities is lodged whole: its own label, and the order's once sealing is ordered.
    expect(courtLabels(la, 'lodged')).toEqual(['CONDITIONALLY LODGED UNDER SEAL', 'CONDITIONALLY UNDER SEAL — MAY NOT BE EXAMINED WITHOUT COURT ORDER']);
    expect(courtLabels(la, 'lodged', '2026-03-07')).toEqual(['FILED UNDER SEAL PURSUANT TO ORDER OF THE COURT DATED MARCH 7, 2026']);
    expect(courtLabels(courts.byId('cand')!, 'lodged', '2026-03-07')).toEqual(['[PROPOSED] FILED UNDER SEAL', 'DOCUMENT SOUGHT TO BE SEALED IN ITS ENTIRETY']);
    // The list handed out is a copy: a caller editing it cannot change the next filing's labels.
    courtLabels(la, 'public').push('X');
    expect(courtLabels(la, 'public')).toHaveLength(1);
  });

  it('suggests the ids near a mistyped one, closest first', () => {
    expect(courts.closeIds('los-angeles')[0]).toBe('ca-sup-los-angeles');
    expect(courts.closeIds('ca-sup-los-angles')).toEqual(['ca-sup-los-angeles']);
    expect(courts.closeIds('cadc')).toContain('cacd');
    expect(courts.closeIds('Santa Clara')).toEqual(['ca-sup-santa-clara']);
    expect(courts.closeIds('zzzzzzzzzzzz')).toEqual([]);
  });

  it.each([
    ['text that is not JSON', () => '{ courts: ', /not valid JSON/],
    ['a court listed twice', () => edited((json) => json.courts.push({ ...json.courts[0]! })), /listed twice/],
    ['an unknown label set', () => edited((json) => (json.courts[0]!.labels = 'nowhere')), /label set "nowhere"/],
    ['a title in lower case', () => edited((json) => (json.courts[0]!.title = ['Superior Court'])), /capitals/],
    ['an unknown key', () => edited((json) => (json.courts[0]!.tittle = ['X'])), /malformed/],
    ['a label set without public labels', () => edited((json) => (json.labelSets.california = { rule: 'x', public: [], sealed: ['X'], lodged: ['X'] })), /malformed/],
    ['a label set without lodged labels', () => edited((json) => delete (json.labelSets.california as Record<string, unknown>).lodged), /labelSets\.california\.lodged/],
    ['a redaction reference without its number', () => edited((json) => ((json.labelSets.california as Record<string, unknown>).redactionRef = '[REDACTED]')), /redactionRef: must hold "\{n\}" once/],
    ['a mark it does not know', () => edited((json) => ((json.labelSets.california as Record<string, unknown>).withheldMark = 'underline')), /withheldMark/],
    ['a label set without its reference list', () => edited((json) => delete (json.labelSets.california as Record<string, unknown>).referenceList), /referenceList/],
  ])('refuses a courts file with %s, naming it', async (_, text, message) => {
    expect(await codeOf(() => parseCourts(text(), 'courts.json'))).toBe('INTERNAL');
    expect(() => parseCourts(text(), 'courts.json')).toThrow(message);
  });

  it('refuses a courts file it cannot read, saying how to get it back', async () => {
    expect(await codeOf(() => loadCourts(join(ROOT, 'no-such-courts.json')))).toBe('INTERNAL');
    expect(() => loadCourts(join(ROOT, 'no-such-courts.json'))).toThrow(/restore resources\/courts\.json/);
  });
});
