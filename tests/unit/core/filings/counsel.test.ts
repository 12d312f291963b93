import { faker } from '@faker-js/faker';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseCounsel, parseCounselList, parseCounselYaml } from '../../../../src-main/core/filings/counsel';
import { overrideFacts, splitDraft, withFacts } from '../../../../src-main/core/filings/filing-facts';
import { parseFilingInput } from '../../../../src-main/core/filings/filing-input';
import { parseFrontMatter } from '../../../../src-main/core/filings/front-matter';
import type { Counsel } from '../../../../src-main/core/shared/counsel';
import { codeOf } from '../../../fixtures/checks';

faker.seed(2026);
const attorney = (): Counsel => ({
  name: faker.person.fullName(),
  barNumber: faker.string.numeric(6),
  firm: `${faker.person.lastName()} LLP`,
  address: `${faker.location.streetAddress()}\n${faker.location.city()}, CA ${faker.location.zipCode('9####')}`,
  phone: faker.phone.number({ style: 'national' }),
  email: faker.internet.email({ provider: 'example.com' }),
  attorneysFor: 'Plaintiffs',
});
const FIRM = [attorney()];
const CASE = [attorney(), attorney()];
const FRONT = attorney();

const details = (body: string) => parseFilingInput({ title: 'Complaint', body });
const apply = (draft: string, stored: readonly Counsel[]) => withFacts(details(draft), splitDraft(draft), ['Jane Doe 1'], stored);
const frontMatterDraft = `---\ncounsel:\n  - name: ${FRONT.name}\n    barNumber: "${FRONT.barNumber}"\n---\n1. Plaintiffs bring this action.\n`;

describe('one counsel schema for front matter, firm and case', () => {
  it('the front matter and a stored list accept and refuse the same attorneys', () => {
    fc.assert(
      fc.property(
        fc.record({
          name: fc.oneof(fc.constant(''), fc.constant('Ann Example'), fc.string({ maxLength: 30 })),
          email: fc.oneof(fc.constant('ann@example.com'), fc.constant('not-an-email'), fc.constant('')),
          barNumber: fc.stringMatching(/^[0-9]{0,8}$/),
        }),
        (entry) => {
          const yaml = `---\ncounsel:\n  - name: ${JSON.stringify(entry.name)}\n    email: ${JSON.stringify(entry.email)}\n    barNumber: ${JSON.stringify(entry.barNumber)}\n---\n`;
          let viaFrontMatter: unknown;
          let viaList: unknown;
          try {
            viaFrontMatter = parseFrontMatter(yaml).facts?.counsel;
          } catch {
            viaFrontMatter = 'refused';
          }
          try {
            viaList = parseCounselList([entry]);
          } catch {
            viaList = 'refused';
          }
          expect(viaFrontMatter).toEqual(viaList);
        },
      ),
      { seed: 12, numRuns: 150 },
    );
  });

  it('a counsel file is a YAML list or a "counsel:" key; every value stays text (a bar number keeps its leading zero)', () => {
    const list = parseCounselYaml('- name: Ann Example\n  barNumber: 012345\n', 'counsel.yaml');
    expect(list).toEqual([{ name: 'Ann Example', barNumber: '012345' }]);
    expect(parseCounselYaml('counsel:\n  - name: Ann Example\n    barNumber: 012345\n', 'counsel.yaml')).toEqual(list);
  });

  it('a bad counsel file is VALIDATION naming the file and the fault', async () => {
    const cases: [string, RegExp][] = [
      ['- name: A\n  jduge: B\n', /counsel\.yaml: .*jduge/],
      ['- name: [unclosed\n', /counsel\.yaml: .*fix the YAML/],
      ['- &a\n  name: A\n- *a\n', /counsel\.yaml: tags, anchors and aliases are not allowed/],
      ['name: A\n', /counsel\.yaml: .*list/],
      ['', /counsel\.yaml: /],
    ];
    for (const [text, message] of cases) {
      let caught: unknown;
      try {
        parseCounselYaml(text, 'counsel.yaml');
      } catch (error) {
        caught = error;
      }
      expect(await codeOf(() => { throw caught; }), text).toBe('VALIDATION');
      expect((caught as Error).message, text).toMatch(message);
    }
  });
});

describe('which counsel a filing prints: front matter > case > firm', () => {
  it('chooseCounsel takes the first non-empty list', () => {
    expect(chooseCounsel([FRONT], CASE, FIRM)).toEqual({ counsel: [FRONT], source: 'front-matter' });
    expect(chooseCounsel(undefined, CASE, FIRM)).toEqual({ counsel: CASE, source: 'case' });
    expect(chooseCounsel(undefined, [], FIRM)).toEqual({ counsel: FIRM, source: 'vault' });
    expect(chooseCounsel([], [], [])).toEqual({ counsel: [], source: 'none' });
  });

  it('a draft with no front matter at all gets the stored counsel block and signature', () => {
    const filing = apply('1. Plaintiffs bring this action.\n', FIRM);
    const first = FIRM[0]!;
    expect(filing.counsel!.split('\n').slice(0, 2)).toEqual([`${first.name} (State Bar No. ${first.barNumber})`, first.email]);
    expect(filing.counsel).toContain(first.firm);
    expect(filing.counsel).toContain('Attorneys for Plaintiffs');
    expect(filing.signature).toMatchObject({ signer: first.name, firm: first.firm!.toUpperCase(), attorneysFor: 'Attorneys for Plaintiffs' });
  });

  it('the front matter\'s counsel wins over the stored one, signature included', () => {
    const filing = apply(frontMatterDraft, CASE);
    expect(filing.counsel!.split('\n')[0]).toBe(`${FRONT.name} (State Bar No. ${FRONT.barNumber})`);
    expect(filing.counsel).not.toContain(CASE[0]!.name);
    expect(filing.signature?.signer).toBe(FRONT.name);
  });

  it('a filing\'s own counsel text is kept; with nothing stored nothing is added', () => {
    const own = withFacts(parseFilingInput({ title: 'T', body: 'x', counsel: 'Typed Counsel' }), splitDraft('x'), [], FIRM);
    expect(own.counsel).toBe('Typed Counsel');
    expect(own.signature).toBeUndefined();
    const none = apply('1. Body.\n', []);
    expect(none.counsel).toBeUndefined();
    expect(none.signature).toBeUndefined();
  });
});

describe('export overrides over the front matter', () => {
  it('--court over the draft\'s court; --labels none; --counsel-file over everything', () => {
    const draft = '---\ncourt: ca-sup-los-angeles\nlabels: auto\n---\n1. Body.\n';
    const parts = overrideFacts(splitDraft(draft), { court: 'cacd', labels: 'none', counsel: [FRONT] });
    const filing = withFacts(details(draft), parts, [], FIRM);
    expect(filing.court).toMatch(/^UNITED STATES DISTRICT COURT\nCENTRAL DISTRICT OF CALIFORNIA/);
    expect(filing.form).toBe('federal-pleading');
    expect(filing.labels).toEqual({ public: [], sealed: [], lodged: [] });
    expect(filing.signature?.signer).toBe(FRONT.name);
  });

  it('--labels auto leaves the labels to the court (the filing names its court); a labels file sets a version\'s', () => {
    const draft = '---\ncourt: ca-sup-los-angeles\nlabels: none\n---\n1. Body.\n';
    const auto = withFacts(details(draft), overrideFacts(splitDraft(draft), { court: 'cand', labels: 'auto' }), [], []);
    expect(auto.labels).toEqual({});
    expect(auto.courtId).toBe('cand');
    const own = withFacts(details(draft), overrideFacts(splitDraft(draft), { labels: { public: [], sealed: ['LODGED UNDER SEAL'] } }), [], []);
    expect(own.labels).toEqual({ public: [], sealed: ['LODGED UNDER SEAL'] });
    expect(() => overrideFacts(splitDraft(draft), { labels: 'sometimes' })).toThrow();
  });

  it('a draft without front matter gets the overrides; an unknown court names the closest ids', () => {
    const parts = overrideFacts(splitDraft('1. Body.\n'), { court: 'cand' });
    expect(withFacts(details('1. Body.\n'), parts, [], []).court).toMatch(/NORTHERN DISTRICT OF CALIFORNIA/);
    expect(() => overrideFacts(splitDraft('x'), { court: 'cacx' })).toThrow(/Unknown court "cacx"\. Did you mean .*"cacd"/);
    expect(() => overrideFacts(splitDraft('x'), { court: 'federal' })).toThrow(/needs its district/);
  });
});
