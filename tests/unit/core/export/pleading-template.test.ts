import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CALIFORNIA, FEDERAL } from '../../../../src-main/core/export/pleading-paper';
import { defaultPleadingHeaderPath, fillTemplate, pleadingHeaderXml } from '../../../../src-main/core/export/pleading-template';

describe('the pleading-paper header template', () => {
  const dir = mkdtempSync(join(tmpdir(), 'doevault-pleading-template-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is found in resources/pleading and filled from the geometry: the rules where the PDF draws them, 28 numbers', () => {
    expect(defaultPleadingHeaderPath()).toMatch(/resources[\\/]pleading[\\/]header\.xml$/);
    const xml = pleadingHeaderXml(CALIFORNIA);
    const numbers = CALIFORNIA.lineNumbers!;
    for (const x of [...numbers.leftRules, numbers.rightRule]) expect(xml).toContain(`from="${x}pt,0"`);
    expect(xml).toContain(`margin-top:${CALIFORNIA.gridTop}pt`);
    expect([...xml.matchAll(/<w:t>(\d+)<\/w:t>/g)].map((m) => Number(m[1]))).toEqual(Array.from({ length: numbers.count }, (_, i) => i + 1));
    expect(xml).not.toMatch(/\{\{|\}\}/);
  });

  it('refuses a form without numbered lines, and a template that does not match its writer', () => {
    expect(() => pleadingHeaderXml(FEDERAL)).toThrow(/federal-plain form has no numbered lines/);
    expect(() => fillTemplate('<a>{{unknown}}{{#line}}{{number}}{{/line}}</a>', {}, [{ number: '1' }])).toThrow(/placeholder \{\{unknown\}\}/);
    expect(() => fillTemplate('<a>{{number}}</a>', {}, [])).toThrow(/no \{\{#line\}\}/);
    expect(() => fillTemplate('<a>{{#line}}{{number}}{{/line}}</a>', { gridTop: '72' }, [{ number: '1' }])).toThrow(/does not use gridTop/);
    expect(fillTemplate('<a g="{{gridTop}}">{{#line}}<n>{{number}}</n>{{/line}}</a>', { gridTop: '72' }, [{ number: '1' }, { number: '2' }])).toBe('<a g="72"><n>1</n><n>2</n></a>');
  });

  it('says which file is missing and what to do', () => {
    const missing = join(dir, 'nowhere', 'header.xml');
    expect(() => pleadingHeaderXml(CALIFORNIA, missing)).toThrow(/pleading-paper template .*nowhere.* cannot be read\. Reinstall DoeVault or restore resources\/pleading\/header\.xml/);
    const broken = join(dir, 'broken.xml');
    writeFileSync(broken, '<w:hdr>{{numbers}}</w:hdr>');
    expect(() => pleadingHeaderXml(CALIFORNIA, broken)).toThrow(/no \{\{#line\}\}/);
  });
});
