import { faker } from '@faker-js/faker';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LeakScanner, type LeakHit, type ScanIdentity } from '../../../../src-main/core/scan';
import { borrowInt32, giveBackInt32, heldArrays } from '../../../../src-main/core/scan/scratch';

/**
 * The scanner's build and scan borrow their scratch arrays and give them back (scratch.ts).
 * What a user relies on: a scan finds the same whatever was built or scanned before it in the
 * process, and nothing of an identity or of a scanned text waits in memory between them.
 */

faker.seed(20_261_207);
const people: ScanIdentity[] = Array.from({ length: 300 }, (_, i) => ({
  plaintiffId: `p${i}`,
  caseId: 'c1',
  pseudonym: `Jane Doe ${i + 1}`,
  legalName: `${faker.person.firstName()} ${faker.person.lastName()}`,
  aliases: [],
  idNumbers: [faker.string.numeric(8)],
  phone: faker.phone.number({ style: 'national' }),
  handles: [`@${faker.internet.username()}`],
}));

const summary = (hits: readonly LeakHit[]) => hits.map((hit) => `${hit.start}-${hit.end} ${hit.kind} ${hit.targets.map((t) => t.plaintiffId).join(',')}`);

describe('scratch arrays', () => {
  it('are lent zeroed, and zeroed again as they come back', () => {
    const array = borrowInt32(50_000);
    expect(array.length).toBeGreaterThanOrEqual(50_000);
    expect(array.every((v) => v === 0)).toBe(true);
    array.fill(7, 0, 12_345);
    giveBackInt32(array, 12_345);
    expect(heldArrays()).toContain(array);
    const again = borrowInt32(50_000);
    expect(again).toBe(array);
    expect(again.every((v) => v === 0)).toBe(true);
    giveBackInt32(again, 0);
  });

  it('hold nothing of an identity or a scanned text once a build and a scan are done', () => {
    const scanner = LeakScanner.build(people);
    const text = people.map((p, i) => `${p.legalName} (${p.phone}) wrote to ${p.handles![0]} and ${p.legalName.replace(' ', '')}${i}.`).join('\n');
    expect(scanner.scan(text).length).toBeGreaterThan(people.length);
    const kept = heldArrays();
    // The build's patterns and the scan's map went back (arrays of 16 KiB and more are kept): all zero.
    expect(kept.length).toBeGreaterThan(3);
    for (const array of kept) expect(array.findIndex((v) => v !== 0)).toBe(-1);
  });

  it('property: a scan finds the same whatever was built and scanned before it', () => {
    const pieces = [...people.flatMap((p) => [p.legalName, p.legalName.replace(' ', ''), p.phone!, p.handles![0]!]), 'the', 'Officer', 'Ann-\nual', '42', 'é'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((words) => words.join(' '));
    const fresh = LeakScanner.build(people);
    const expected = new Map<string, string[]>();
    fc.assert(
      fc.property(text, text, fc.integer({ min: 1, max: people.length }), (before, after, n) => {
        // Another scanner built and a longer text scanned in between: arrays lent and given back.
        LeakScanner.build(people.slice(0, n)).scan(`${before} ${before} ${after}`);
        const found = summary(fresh.scan(after));
        if (!expected.has(after)) expected.set(after, summary(LeakScanner.build(people).scan(after)));
        expect(found).toEqual(expected.get(after));
      }),
      { seed: 7, numRuns: 60 },
    );
  });
});
