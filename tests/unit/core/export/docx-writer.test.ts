import { homedir, hostname, userInfo } from 'node:os';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDocx } from '../../../../src-main/core/export/docx-writer';
import type { RenderedDocument } from '../../../../src-main/core/filings/document';
import { CREATED_AT, FONTS_DIR, UNICODE_NAMES, expectedTexts, pleadingBody, sampleFiling, squash } from './typeset-fixtures';

interface Unzipped {
  zip: JSZip;
  parts: Map<string, string>;
}

async function unzip(bytes: Uint8Array): Promise<Unzipped> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    if (!zip.files[name]!.dir) parts.set(name, await zip.file(name)!.async('string'));
  }
  return { zip, parts };
}

/** The text of the w:t elements of an XML part, in order. */
function xmlText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((match) => match[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"))
    .join(' ');
}

describe.each(['california', 'federal'] as const)('writeDocx, %s format', (format) => {
  const doc = sampleFiling(format);
  let bytes: Uint8Array;
  let docx: Unzipped;

  beforeAll(async () => {
    bytes = await writeDocx(doc, { fontsDir: FONTS_DIR });
    docx = await unzip(bytes);
  });

  it('gives back every text of the filing to mammoth, word for word', async () => {
    const { value, messages } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(messages).toEqual([]);
    const text = squash(value);
    for (const [what, expected] of expectedTexts(doc)) {
      if (what === 'footer') continue; // mammoth reads the body only
      expect(text, `${what}: ${expected}`).toContain(squash(expected));
    }
    for (const name of UNICODE_NAMES) expect(text).toContain(name);
  });

  it('puts the sealing labels first (federal) or above the caption (California), and the caption in a table', () => {
    const body = docx.parts.get('word/document.xml')!;
    const at = (text: string) => body.indexOf(`>${text}<`);
    const label = at(doc.labels[0]!);
    // On pleading paper counsel sits in a table of its own (down to line 8): the caption is the table of the parties.
    const caption = body.lastIndexOf('<w:tbl>', at(doc.parties[0]!));
    expect(label).toBeGreaterThan(0);
    expect(caption).toBeGreaterThan(label);
    const captionTable = body.slice(caption, body.indexOf('</w:tbl>', caption));
    expect(captionTable).toContain(`>${doc.parties[0]}<`);
    expect(captionTable).toContain(`>${doc.captionRight[0]}<`);
    if (format === 'federal') expect(label).toBeLessThan(at(doc.counsel[0]!));
    else expect(label).toBeGreaterThan(at(doc.court));
    // Labels are bold and right-aligned.
    const labelParagraph = body.slice(body.lastIndexOf('<w:p>', label), label);
    expect(labelParagraph).toContain('<w:jc w:val="right"/>');
    expect(labelParagraph).toContain('<w:b/>');
  });

  it('sets Times New Roman 12 pt, double-spaced paragraphs, a repeating header row in tables', () => {
    const styles = docx.parts.get('word/styles.xml')!;
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"[^>]*\/><w:sz w:val="24"\/>/);
    expect(styles).toMatch(/<w:rPrDefault>.*<w:lang w:val="en-US"\/>.*<\/w:rPrDefault>/);
    const body = docx.parts.get('word/document.xml')!;
    const paragraphText = expectedTexts(doc).find(([what]) => what === 'paragraph')![1].slice(0, 40);
    const paragraph = body.slice(body.lastIndexOf('<w:p>', body.indexOf(paragraphText)), body.indexOf(paragraphText));
    expect(paragraph).toContain('w:line="480"');
    expect(body).toContain('<w:tblHeader/>');
  });

  it('has a footer with the page number, a rule and the title', () => {
    const footer = docx.parts.get('word/footer1.xml')!;
    expect(footer).toContain('PAGE');
    if (format === 'federal') expect(footer).toContain('NUMPAGES');
    expect(footer).toContain('<w:top w:val="single"');
    expect(xmlText(footer)).toContain(doc.footer);
  });

  it('has core properties from the filing: title, DoeVault, createdAt, nothing else', () => {
    const core = docx.parts.get('docProps/core.xml')!;
    expect(core).toContain('<dc:title>Complaint for Damages &#38; Injunctive Relief &#60;Public&#62;</dc:title>');
    expect(core).toContain('<dc:creator>DoeVault</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>DoeVault</cp:lastModifiedBy>');
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">2025-03-04T05:06:07Z</dcterms:created>`);
    expect(core).toContain(`<dcterms:modified xsi:type="dcterms:W3CDTF">2025-03-04T05:06:07Z</dcterms:modified>`);
    expect(core).not.toMatch(/description|keywords|subject|Un-named/);
    const everything = [...docx.parts.values()].join('\n');
    expect(everything).not.toContain('Un-named');
  });

  it('dates every zip entry createdAt and writes the same bytes for the same filing, in any time zone', async () => {
    // Zip (DOS) times count in two-second steps.
    const created = Date.parse(CREATED_AT);
    for (const file of Object.values(docx.zip.files)) expect(created - file.date.getTime()).toBeGreaterThanOrEqual(0);
    for (const file of Object.values(docx.zip.files)) expect(created - file.date.getTime()).toBeLessThan(2000);
    await writeDocx(sampleFiling(format === 'california' ? 'federal' : 'california'), { fontsDir: FONTS_DIR });
    const again = await writeDocx(doc, { fontsDir: FONTS_DIR });
    expect(Buffer.compare(Buffer.from(again), Buffer.from(bytes))).toBe(0);
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Kathmandu';
    try {
      expect(Buffer.compare(Buffer.from(await writeDocx(doc, { fontsDir: FONTS_DIR })), Buffer.from(bytes))).toBe(0);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('holds nothing from the computer it was made on', () => {
    const secrets = [userInfo().username, hostname(), homedir(), process.cwd()].filter((secret) => secret.length >= 3);
    const raw = Buffer.from(bytes);
    for (const secret of secrets) {
      expect(raw.includes(Buffer.from(secret)), secret).toBe(false);
      for (const [name, xml] of docx.parts) expect(xml.includes(secret), `${name}: ${secret}`).toBe(false);
    }
  });
});

describe('writeDocx, text as written', () => {
  it('writes each line of a multi-line text as its own paragraph, so readers do not glue words together', async () => {
    const doc: RenderedDocument = sampleFiling('federal', {
      blocks: [{ type: 'paragraph', runs: [{ text: 'Zephyrine\nQuillfeather signed \u0001here.' }] }],
    });
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await writeDocx(doc, { fontsDir: FONTS_DIR })) });
    expect(value).toContain('Zephyrine\n');
    expect(value).toContain('Quillfeather signed  here.');
    expect(value).not.toContain('ZephyrineQuillfeather');
  });

  it('writes a filing with empty parts', async () => {
    const doc = sampleFiling('california', {
      counsel: [],
      court: '',
      parties: [],
      captionRight: [],
      labels: [],
      footer: '',
      blocks: [
        { type: 'table', header: [], rows: [[[{ text: 'Lone cell' }]]] },
        { type: 'list', ordered: false, items: [] },
        { type: 'footnotes', notes: [] },
      ],
    });
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await writeDocx(doc, { fontsDir: FONTS_DIR })) });
    expect(value).toContain('Lone cell');
  });

  it('refuses an invalid creation time', async () => {
    await expect(writeDocx(sampleFiling('federal', { createdAt: 'yesterday' }), { fontsDir: FONTS_DIR })).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});

describe('writeDocx, footnotes', () => {
  const notes = [
    { label: '1', runs: [{ text: 'Quillfeather note one, referenced.' }] },
    { label: '2', runs: [{ text: 'Zephyrine note two, never referenced.' }] },
  ];
  const doc = sampleFiling('california', {
    blocks: [
      { type: 'paragraph', runs: [{ text: 'Body text.' }, { text: '1', noteRef: true }, { text: ' More.' }] },
      { type: 'footnotes', notes },
    ],
  });

  it('makes a referenced note a Word footnote at its reference, and prints a note nobody references where the notes stand', async () => {
    const docx = await unzip(await writeDocx(doc, { fontsDir: FONTS_DIR }));
    const body = docx.parts.get('word/document.xml')!;
    const footnotes = docx.parts.get('word/footnotes.xml')!;
    expect(body).toMatch(/Body text\.<\/w:t><\/w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="1"\/>/);
    expect(xmlText(footnotes)).toContain('Quillfeather note one, referenced.');
    expect(xmlText(body)).not.toContain('Quillfeather');
    // Not lost: a note without a reference has no page to go to, so it prints in the body.
    expect(xmlText(body)).toContain('Zephyrine note two, never referenced.');
    expect(xmlText(footnotes)).not.toContain('Zephyrine');
  });
});

describe("writeDocx, a pleading's body", () => {
  const { blocks, long } = pleadingBody();
  let paragraphs: string[];

  beforeAll(async () => {
    const docx = await unzip(await writeDocx(sampleFiling('california', { blocks }), { fontsDir: FONTS_DIR }));
    paragraphs = [...docx.parts.get('word/document.xml')!.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)].map((match) => match[0]);
  });

  const paragraphWith = (text: string): string => paragraphs.find((p) => xmlText(p).includes(text))!;

  it('centres the headings of causes of action and claims, and leaves a plain subhead at the margin', () => {
    expect(paragraphWith('FIRST CAUSE OF ACTION')).toContain('<w:jc w:val="center"/>');
    expect(paragraphWith('Second Claim for Relief')).toContain('<w:jc w:val="center"/>');
    expect(paragraphWith('Damages in detail')).not.toContain('<w:jc w:val="center"/>');
  });

  it('prints numbered paragraphs with the PDF\'s numbers, a first-line indent and a tab, not a hanging list', () => {
    const first = paragraphWith(long.slice(0, 20));
    expect(xmlText(first)).toMatch(/^17\. /);
    expect(first).toMatch(/<w:ind w:firstLine="720"\/>/);
    expect(first).toContain('<w:tab/>');
    expect(first).not.toContain('<w:numPr>');
    expect(first).not.toContain('w:hanging');
    expect(xmlText(paragraphWith('Plaintiffs incorporate'))).toMatch(/^18\. Plaintiffs incorporate paragraphs 1 through 16\.$/);
  });

  it('reads back, with mammoth, as the numbers then the text', async () => {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await writeDocx(sampleFiling('federal', { blocks }), { fontsDir: FONTS_DIR })) });
    expect(value).toMatch(/18\.\tPlaintiffs incorporate paragraphs 1 through 16\./);
  });
});


describe('writeDocx, what the public version withheld (issue 13)', () => {
  const filing = (mark: 'highlight' | 'bracket'): RenderedDocument =>
    sampleFiling('california', {
      blocks: [
        {
          type: 'paragraph',
          runs: [
            { text: 'Her e-mail, ' },
            { text: mark === 'bracket' ? '[[maple.vance@example.test]]' : 'maple.vance@example.test', withheld: { ref: '[REDACTED-1]', mark } },
            { text: ', was posted.' },
          ],
        },
      ],
    });
  /** Each w:r of the body with its text and whether its properties shade it. */
  const runs = async (doc: RenderedDocument) => {
    const xml = (await unzip(await writeDocx(doc, { fontsDir: FONTS_DIR }))).parts.get('word/document.xml')!;
    return [...xml.matchAll(/<w:r>(.*?)<\/w:r>/g)].map((match) => ({ text: xmlText(match[1]!), shading: /<w:shd [^>]*w:fill="D9D9D9"[^>]*\/>/.exec(match[1]!)?.[0] }));
  };

  it('shades the withheld run light grey (w:shd), as the PDF draws its band, and no other run', async () => {
    const shaded = (await runs(filing('highlight'))).filter((run) => run.shading);
    expect(shaded.map((run) => run.text)).toEqual(['maple.vance@example.test']);
    expect(shaded[0]!.shading).toMatch(/w:val="clear"/);
  });

  it('shades nothing where the court asks for brackets: the brackets are in the text', async () => {
    const all = await runs(filing('bracket'));
    expect(all.filter((run) => run.shading)).toEqual([]);
    expect(all.map((run) => run.text)).toContain('[[maple.vance@example.test]]');
  });
});
