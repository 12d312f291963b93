import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/app/content-security-policy';

// One policy, two carriers: the app:// header (tests/unit/app/protocol.test.ts) and the meta
// tag the build writes into index.html, which must come before anything it governs.
describe('the built renderer', () => {
  const html = readFileSync(resolve(import.meta.dirname, '../../../out/renderer/index.html'), 'utf8');

  it('carries the one Content-Security-Policy in a meta tag before any script or style', () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    expect(meta?.[1]?.replaceAll('&#39;', "'")).toBe(CONTENT_SECURITY_POLICY);
    const at = html.indexOf('Content-Security-Policy');
    expect(at).toBeLessThan(html.indexOf('<script'));
    expect(at).toBeLessThan(html.indexOf('<link'));
  });

  it('has no inline script or style and loads nothing remote', () => {
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('forbids everything remote, inline and eval', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/connect-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});
