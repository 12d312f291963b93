import { cpSync, copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Electronegativity (Doyensec's Electron security scanner) over src-main, src-preload and
 * src-renderer together, since its global checks (CSP, navigation limits, permission handler)
 * look across files. Through its API: its CLI exits 0 whatever it finds.
 *
 * Only AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK is left out: it downloads Electron's release list.
 * The scanner also fetches translations at start; its HTTP client is replaced by one that
 * refuses, so the scan makes no network request at all (it then uses its bundled English).
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const require = createRequire(join(ROOT, 'package.json'));
const SCANNER = require.resolve('@doyensec/electronegativity');
const scannerRequire = createRequire(SCANNER);

type Level = { value: number; name: string };
interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
  sample?: string;
  severity: Level;
  confidence: Level;
  manualReview: boolean;
}
interface ScanResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: Issue[];
}
type Run = (options: Record<string, unknown>) => Promise<ScanResult>;

const networkAttempts: string[] = [];

function loadScanner(): Run {
  const gotPath = scannerRequire.resolve('got');
  const refuse = (url: unknown) => {
    networkAttempts.push(String(url));
    return Promise.reject(new Error('DoeVault tests run offline'));
  };
  const offlineGot = Object.assign(refuse, { head: refuse, get: refuse });
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.exports = offlineGot;
  stub.loaded = true;
  require.cache[gotPath] = stub;
  return require('@doyensec/electronegativity') as Run;
}

/**
 * The one reviewed exception: csp-evaluator says `script-src 'self'` "can be problematic if you
 * host JSONP, Angular or user uploaded files" (a MAYBE finding, which Electronegativity reports
 * as LOW, for manual review). DoeVault's origin (app://doevault) serves only the files of its
 * own renderer build: no JSONP endpoint, no Angular, nothing a user uploads. Accepted only when
 * that is the ONLY thing the evaluator has against the policy, so any other weakness (an
 * 'unsafe-inline', a remote host, a missing object-src …) still fails this test.
 */
function isReviewedSelfScriptCsp(issue: Issue): boolean {
  if (issue.id !== 'CSP_GLOBAL_CHECK' || !issue.sample || issue.severity.name !== 'LOW') return false;
  const csp = scannerRequire('@doyensec/csp-evaluator') as {
    CspParser: new (policy: string) => { csp: unknown };
    CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): { directive: string; value?: string; severity: number }[] };
    Version: { CSP3: unknown };
    severities: Record<string, number>;
  };
  const findings = new csp.CspEvaluator(new csp.CspParser(issue.sample).csp, csp.Version.CSP3).evaluate();
  const weak = findings.filter((finding) => finding.severity < csp.severities.INFO!);
  return (
    weak.length === 1 &&
    weak[0]!.directive === 'script-src' &&
    weak[0]!.value === "'self'" &&
    weak[0]!.severity === csp.severities.MEDIUM_MAYBE
  );
}

const describeIssue = (issue: Issue) =>
  `${issue.severity.name}/${issue.confidence.name} ${issue.id} at ${issue.file}:${issue.location.line}:${issue.location.column}` +
  `\n    ${issue.description}${issue.sample ? `\n    > ${issue.sample.trim().slice(0, 200)}` : ''}`;

describe('Electronegativity over the whole app (main, preload, renderer)', () => {
  const scanDir = mkdtempSync(join(tmpdir(), 'doevault-electronegativity-'));
  afterAll(() => rmSync(scanDir, { recursive: true, force: true }));

  it('finds nothing above informational severity', async () => {
    // One folder with the three source trees and the manifest, as the app is laid out.
    for (const folder of ['src-main', 'src-preload', 'src-renderer']) {
      cpSync(join(ROOT, folder), join(scanDir, folder), { recursive: true, filter: (source) => !source.includes('node_modules') });
    }
    copyFileSync(join(ROOT, 'package.json'), join(scanDir, 'package.json'));
    // The page as shipped: the build writes the CSP meta tag into index.html (one definition,
    // src-main/app/content-security-policy.ts), so the source page has none of its own.
    copyFileSync(join(ROOT, 'out/renderer/index.html'), join(scanDir, 'src-renderer/index.html'));
    const electronVersion = (JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;

    const previousLang = process.env.LANG;
    process.env.LANG = 'en-US';
    let result: ScanResult;
    try {
      result = await loadScanner()({
        input: scanDir,
        electronVersionOverride: electronVersion,
        excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
        isRelative: true,
      });
    } finally {
      if (previousLang === undefined) delete process.env.LANG;
      else process.env.LANG = previousLang;
    }

    // It really ran: its checks loaded and every file parsed (an unparsed file is unchecked).
    expect(result.atomicChecks).toBeGreaterThan(20);
    expect(result.globalChecks).toBeGreaterThan(3);
    expect(result.errors.filter((error) => !error.tolerable).map((error) => `${error.file}: ${error.message}`)).toEqual([]);
    expect(networkAttempts.every((url) => url.startsWith('https://electronegativity-i18n.'))).toBe(true);

    const aboveInformational = result.issues.filter((issue) => issue.severity.value > 0 && !isReviewedSelfScriptCsp(issue));
    expect(aboveInformational.map(describeIssue), 'Electronegativity findings above INFORMATIONAL').toEqual([]);
  });
});
