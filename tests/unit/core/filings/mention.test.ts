import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseDetails } from '../../../../src-main/core/cases/cases';
import type { Block, RenderedDocument } from '../../../../src-main/core/filings/document';
import { parseFilingInput } from '../../../../src-main/core/filings/filing-input';
import { renderFiling, type PlaintiffToRender } from '../../../../src-main/core/filings/render';
import type { PlaintiffIdentity } from '../../../../src-main/core/plaintiffs/plaintiff-input';
import { HONORIFICS } from '../../../../src-main/core/shared/honorifics';

// Invented people: nobody real.
const identity = (legalName: string, extra: Partial<PlaintiffIdentity> = {}): PlaintiffIdentity => ({ legalName, aliases: [], gender: 'female', idNumbers: [], ...extra });

const PLAINTIFFS: PlaintiffToRender[] = [
  { pseudonym: 'Jane Doe 3', seq: 3, status: 'active', identity: identity('Maribel Quillfeather') },
  { pseudonym: 'John Doe 2', seq: 2, status: 'active', identity: identity('Bartholomew Oakhaven', { gender: 'male', aliases: ['Jimmy', 'Bart O.'] }) },
  { pseudonym: 'Jane Doe 9', seq: 9, status: 'active', identity: identity('Ana Zarembes') },
];
const CASE: CaseDetails = { title: 'Does v. City of Springfield', court: 'Superior Court of California, County of Springfield', number: '24STCV01234', scheme: { kind: 'gendered' } };

function bodyText(blocks: readonly Block[]): string {
  return blocks
    .flatMap((block) => {
      switch (block.type) {
        case 'heading':
        case 'paragraph':
        case 'quote':
          return [block.runs.map((r) => r.text).join('')];
        case 'list':
          return block.items.map((item) => item.map((r) => r.text).join(''));
        case 'table':
          return [...block.header, ...block.rows.flat()].map((cell) => cell.map((r) => r.text).join(''));
        case 'footnotes':
          return block.notes.map((n) => n.runs.map((r) => r.text).join(''));
      }
    })
    .join('\n');
}

const render = (body: string): { public: string; sealed: string } => {
  const renders = renderFiling(parseFilingInput({ title: 'Complaint for Damages', body }), { caseDetails: CASE, plaintiffs: PLAINTIFFS, now: '2026-11-22T10:00:00.000Z' });
  const text = (doc: RenderedDocument) => bodyText(doc.blocks);
  return { public: text(renders.public), sealed: text(renders.sealed) };
};

describe('a title before a plaintiff is not printed before her pseudonym', () => {
  it('"Ms. Quillfeather" prints "Jane Doe 3" in public; the sealed version keeps the title as drafted', () => {
    const out = render('{{Jane Doe 3}} sued. Ms. {{Jane Doe 3|Quillfeather}} testified.');
    expect(out.public).toBe('Jane Doe 3 sued. Jane Doe 3 testified.');
    expect(out.sealed).toBe('Maribel Quillfeather (Jane Doe 3) sued. Ms. Quillfeather testified.');
  });

  it('every title of the list, with or without its period, in capitals too', () => {
    const forms = HONORIFICS.flatMap((title) => {
      const bare = title.replace(/\.$/, '');
      return [title, bare, title.toUpperCase()];
    });
    fc.assert(
      fc.property(fc.constantFrom(...forms), fc.constantFrom('', 'Then ', 'said, '), (title, lead) => {
        expect(render(`${lead}${title} {{Jane Doe 3|Quillfeather}} left.`).public).toBe(`${lead}Jane Doe 3 left.`);
      }),
    );
  });

  it('a two-word title goes whole; a lower-case noun or a word that merely ends like a title stays', () => {
    expect(render('Police Officer {{John Doe 2|Oakhaven}} arrived.').public).toBe('John Doe 2 arrived.');
    expect(render('The officer {{John Doe 2}} arrived.').public).toBe('The officer John Doe 2 arrived.');
    expect(render('Plaintiff {{John Doe 2}} and Adams {{Jane Doe 3}}.').public).toBe('Plaintiff John Doe 2 and Adams Jane Doe 3.');
    expect(render('Sgt.{{John Doe 2}} arrived.').public).toBe('Sgt.John Doe 2 arrived.');
  });
});

describe('a possessive survives the pseudonym', () => {
  it('{{Jane Doe 3|Quillfeather’s}} and {{Jane Doe 3}}\'s print "Jane Doe 3’s" / "Jane Doe 3\'s"', () => {
    const out = render("{{Jane Doe 3|Quillfeather’s}} car hit {{John Doe 2}}'s fence and {{John Doe 2|Oakhaven's}} gate.");
    expect(out.public).toBe("Jane Doe 3’s car hit John Doe 2's fence and John Doe 2's gate.");
    // First mention: the possessive goes on the legal name, the pseudonym in parentheses after.
    expect(out.sealed).toBe("Maribel Quillfeather’s (Jane Doe 3) car hit Bartholomew Oakhaven's (John Doe 2) fence and Oakhaven's gate.");
  });

  it('a name ending in s with a bare apostrophe is singular; a family plural keeps the possessive', () => {
    expect(render("{{Jane Doe 9|Zarembes}}' car.").public).toBe("Jane Doe 9's car.");
    expect(render("{{Jane Doe 9|Zarembes'}} car.").sealed).toBe("Ana Zarembes' (Jane Doe 9) car.");
    // "the Quillfeathers' house": the drafter gave it to Jane Doe 3; her house, in public.
    const family = render("{{Jane Doe 3}} moved. The {{Jane Doe 3|Quillfeathers'}} house burned.");
    expect(family.public).toBe("Jane Doe 3 moved. The Jane Doe 3's house burned.");
    expect(family.sealed).toBe("Maribel Quillfeather (Jane Doe 3) moved. The Quillfeathers' house burned.");
  });

  it('an apostrophe that closes a quotation is not a possessive', () => {
    expect(render("She said 'ask {{Jane Doe 3}}' and left.").public).toBe("She said 'ask Jane Doe 3' and left.");
  });

  it('with a title and a possessive at once', () => {
    expect(render("Dr. {{Jane Doe 3|Quillfeather}}'s office.").public).toBe("Jane Doe 3's office.");
  });
});

describe('an alias in quotes', () => {
  it('after the plaintiff is named in the paragraph prints "(an alias)", punctuation kept outside', () => {
    const out = render('{{John Doe 2|Oakhaven}}, known to colleagues as "{{John Doe 2|Jimmy}}," worked nights.');
    expect(out.public).toBe('John Doe 2, known to colleagues as (an alias), worked nights.');
    expect(out.sealed).toBe('Bartholomew Oakhaven (John Doe 2), known to colleagues as "Jimmy," worked nights.');
  });

  it('curly quotes too; in the next paragraph the plaintiff is not yet named there', () => {
    const out = render('{{John Doe 2}} worked.\n\n“{{John Doe 2|Jimmy}}” left.');
    expect(out.public).toBe('John Doe 2 worked.\nJohn Doe 2 left.');
  });

  it('a quoted word that is not an alias is a quotation and keeps its quotes', () => {
    expect(render('{{John Doe 2}} signed "{{John Doe 2|Oakhaven}}" on it.').public).toBe('John Doe 2 signed "John Doe 2" on it.');
  });
});

describe('drafts without these constructions render as before', () => {
  it('plain words around tokens are untouched', () => {
    const word = fc.stringMatching(/^[a-z]{1,8}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(word, fc.constantFrom('Jane Doe 3', 'John Doe 2', 'Jane Doe 9')), { minLength: 1, maxLength: 6 }), (parts) => {
        const body = parts.map(([w, p]) => `${w} {{${p}}}`).join(' ') + '.';
        expect(render(body).public).toBe(parts.map(([w, p]) => `${w} ${p}`).join(' ') + '.');
      }),
    );
  });
});
