import AxeBuilder from '@axe-core/playwright';
import { test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, ROOT } from './harness';

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

export const AXE_DIR = join(ROOT, 'test-results/axe');
const BLOCKING = new Set(['serious', 'critical']);

function describeViolation(violation: Violation): string {
  const nodes = violation.nodes
    .slice(0, 5)
    .map((node) => {
      const summary = (node.failureSummary ?? '').split('\n').slice(1, 2).join('').trim();
      return `      at ${node.target.join(' ')}${summary ? ` — ${summary}` : ''}`;
    })
    .join('\n');
  const more = violation.nodes.length > 5 ? `\n      … and ${violation.nodes.length - 5} more` : '';
  return `${violation.impact} ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes}${more}`;
}

/**
 * axe-core on the screen as it is now: fails on any serious or critical violation and lists
 * each with the elements at fault; minor and moderate ones are reported (console and the test's
 * attachments) without failing. The full result goes to test-results/axe/<screenName>.json.
 * All of axe's rules run (WCAG 2.x A/AA and best practices), in every frame.
 */
export async function expectAccessible(page: Page, screenName: string): Promise<AxeResults> {
  if (!/^[\w.-]+$/.test(screenName)) throw new Error(`Screen names are plain file names: "${screenName}"`);
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((violation) => BLOCKING.has(violation.impact ?? ''));
  const minor = results.violations.filter((violation) => !BLOCKING.has(violation.impact ?? ''));

  mkdirSync(AXE_DIR, { recursive: true });
  const report = {
    screen: screenName,
    url: results.url,
    violations: results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      helpUrl: violation.helpUrl,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    })),
    passes: results.passes.length,
    incomplete: results.incomplete.map((item) => item.id),
  };
  writeFileSync(join(AXE_DIR, `${screenName}.json`), `${JSON.stringify(report, null, 2)}\n`);
  await test.info().attach(`axe ${screenName}`, { body: JSON.stringify(report, null, 2), contentType: 'application/json' });
  if (minor.length > 0) {
    console.log(`axe ${screenName}: ${minor.length} minor/moderate:\n${minor.map(describeViolation).join('\n')}`);
  }

  expect(blocking.map(describeViolation), `axe: serious or critical violations on the "${screenName}" screen`).toEqual([]);
  return results;
}
