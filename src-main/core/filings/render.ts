import type { CaseDetails } from '../cases/cases';
import { VaultError } from '../errors';
import type { CasePlaintiff } from '../plaintiffs/identities';
import { renderDeclaration, selectIdentities } from './declaration';
import { defaultFormOf, type Block, type RenderedDocument, type Run, type SignatureBlock } from './document';
import type { FilingDetails } from './filing-input';
import { defaultLabels } from './labels';
import { parseNumberedBody, withoutTitleHeading } from './markdown';
import { mentionOf, withPossessive, type Mention } from './mention';
import { checkParagraphRefs } from './paragraph-numbers';
import { replaceSpans } from './resolution';
import { findTokens, pseudonymKey, REDACTION_TEXT, type PlacedToken } from './tokens';

export { pseudonymKey };

/** What the renders need of each plaintiff of the case. */
export type PlaintiffToRender = Pick<CasePlaintiff, 'pseudonym' | 'seq' | 'status' | 'identity'>;

export interface RenderContext {
  caseDetails: CaseDetails;
  plaintiffs: readonly PlaintiffToRender[];
  /** ISO time written into the documents' metadata. */
  now: string;
}

export interface FilingRenders {
  public: RenderedDocument;
  sealed: RenderedDocument;
  /** The declaration of identities (declaration.ts), lodged under seal. */
  declaration: RenderedDocument;
  /** The plaintiffs the body cites, in case order: the sealed version names each. */
  cited: PlaintiffToRender[];
  /** The plaintiffs the declaration lists, in case order (details.identities). */
  listed: PlaintiffToRender[];
}

const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = /\uE000(\d+)\uE001/g;

/**
 * One source, three renders (DESIGN.md §6): public, sealed, and the declaration of identities.
 * The body must already be free of unresolved identities (the export checks that first); here
 * every token becomes its text for the audience.
 */
export function renderFiling(details: FilingDetails, ctx: RenderContext): FilingRenders {
  const byKey = new Map(ctx.plaintiffs.map((p) => [pseudonymKey(p.pseudonym), p]));
  const body = details.body.replace(/[\uE000\uE001]/g, '');
  const tokens = findTokens(body);
  const unknown = [...new Set(tokens.flatMap(({ token }) => (token.kind === 'plaintiff' && !byKey.has(pseudonymKey(token.pseudonym)) ? [token.pseudonym] : [])))];
  if (unknown.length > 0) {
    throw new VaultError(
      'VALIDATION',
      `${unknown.map((p) => `{{${p}}}`).join(', ')} ${unknown.length === 1 ? 'names' : 'name'} no plaintiff of this case. Check the pseudonym against the roster, or insert the plaintiff with @.`,
      { field: 'body' },
    );
  }
  const mentions = mentionsOf(body, tokens, byKey);
  const parsed = parseNumberedBody(withPlaceholders(body, mentions));
  checkParagraphRefs(tokens, parsed.labels);
  const blocks = withoutTitleHeading(parsed.blocks, details.title);
  const cited = citedPlaintiffs(tokens, byKey);
  const labels = defaultLabels(details.format, details.orderDate);
  const frame = (audience: RenderedDocument['audience'], documentTitle: string, printedLabels: string[], content: Block[]): RenderedDocument => {
    const field = (name: string, text: string): string => expandField(name, text, audience === 'public');
    return {
      format: details.format,
      form: details.form ?? defaultFormOf(details.format),
      audience,
      metadataTitle: expandField('title', details.title, true),
      counsel: lines(field('counsel', details.counsel ?? '')),
      court: field('court', details.court ?? ctx.caseDetails.court ?? '').toUpperCase(),
      parties: lines(field('parties', details.parties ?? ctx.caseDetails.title)),
      captionRight: [
        `Case No. ${field('caseNumber', details.caseNumber ?? ctx.caseDetails.number ?? '__________')}`,
        '',
        field('title', documentTitle).toUpperCase(),
        ...(details.captionLines.length > 0 ? ['', ...details.captionLines.map((text) => field('caption', text))] : []),
      ],
      labels: printedLabels,
      footer: field('title', documentTitle),
      blocks: content,
      createdAt: ctx.now,
    };
  };

  // The first mention names the plaintiff in full, whatever the draft's wording: the sealed
  // version must identify everyone it cites ("Maria Elena Ramírez (Jane Doe 3)"); later
  // mentions keep the wording as drafted ("Ms. Ramírez"). The sealed version keeps the
  // draft's titles and quotes: beside a legal name they are true and read as written, and the
  // court sees the wording the public version had to leave out.
  const firstMention = new Set<string>();
  const sealedText = (i: number): string => {
    const { token } = tokens[i]!;
    if (token.kind === 'paragraph-ref') return String(parsed.labels.get(token.label));
    if (token.kind !== 'plaintiff') return token.wording;
    const mention = mentions[i]!;
    const plaintiff = byKey.get(pseudonymKey(token.pseudonym))!;
    let name: string;
    if (firstMention.has(plaintiff.pseudonym)) {
      name = (mention.wording ?? plaintiff.identity.legalName) + (mention.possessive ?? '');
    } else {
      firstMention.add(plaintiff.pseudonym);
      name = `${withPossessive(plaintiff.identity.legalName, mention.possessive)} (${plaintiff.pseudonym})`;
    }
    return (mention.honorific ?? '') + (mention.quoted ? mention.quoted.open + name + mention.quoted.close : name);
  };
  // A title before a pseudonym is dropped ("Ms. Jane Doe 8" reads as an error, and a rank
  // narrows who she is); a possessive is kept. An alias in quotes after the same plaintiff
  // was named in the paragraph prints "(an alias)": a pseudonym in quotes would read as a
  // second nickname, and asking would leave the user only this answer or a redaction, which
  // loses that the plaintiff was known by another name. A quoted alias that is the
  // paragraph's first mention of the plaintiff prints the pseudonym without the quotes.
  const publicText = (i: number, inParagraph: Set<string>): string => {
    const { token } = tokens[i]!;
    if (token.kind === 'paragraph-ref') return String(parsed.labels.get(token.label));
    if (token.kind !== 'plaintiff') return token.kind === 'redacted' ? REDACTION_TEXT : token.wording;
    const mention = mentions[i]!;
    const { pseudonym } = byKey.get(pseudonymKey(token.pseudonym))!;
    const named = inParagraph.has(pseudonym);
    inParagraph.add(pseudonym);
    if (mention.quoted) return (named ? '(an alias)' : pseudonym) + mention.quoted.close.slice(0, -1);
    return withPossessive(pseudonym, mention.possessive);
  };

  const signed = (content: Block[], isPublic: boolean): Block[] => {
    const signature = signatureOf(details.signature, isPublic);
    return signature === undefined ? content : [...content, { type: 'signature', signature }];
  };
  return {
    public: frame('public', details.title, details.labels.public ?? labels.public, signed(expand(blocks, publicText), true)),
    sealed: frame('sealed', details.title, details.labels.sealed ?? labels.sealed, signed(expand(blocks, sealedText), false)),
    declaration: renderDeclaration({ caseDetails: ctx.caseDetails, plaintiffs: ctx.plaintiffs, facts: details, cited, citedIn: details.title, now: ctx.now }),
    cited,
    listed: selectIdentities(ctx.plaintiffs, details.identities, cited),
  };
}

/**
 * The caption's fields may hold "redacted" and "not a plaintiff" tokens (an attorney who shares a
 * first name with a plaintiff), never a plaintiff's: a caption names parties as filed.
 */
function expandField(field: string, text: string, isPublic: boolean): string {
  const tokens = findTokens(text);
  for (const { token } of tokens) {
    if (token.kind === 'plaintiff') {
      throw new VaultError('VALIDATION', `The ${field} may not hold a plaintiff token ({{${token.pseudonym}}}); write the pseudonym as plain text there.`, { field });
    }
    if (token.kind === 'paragraph-ref') {
      throw new VaultError('VALIDATION', `The ${field} may not hold a paragraph reference ({{para:${token.label}}}); only the body has numbered paragraphs.`, { field });
    }
  }
  return replaceSpans(
    text,
    tokens.map(({ token, start, end }) => ({ start, end, replacement: token.kind === 'redacted' && isPublic ? REDACTION_TEXT : (token as { wording: string }).wording })),
  );
}

function signatureOf(signature: FilingDetails['signature'], isPublic: boolean): SignatureBlock | undefined {
  if (signature === undefined) return undefined;
  const field = (text: string | undefined): string | undefined => (text === undefined ? undefined : expandField('signature', text, isPublic));
  return { dated: field(signature.dated), firm: field(signature.firm), signer: field(signature.signer)!, attorneysFor: field(signature.attorneysFor) };
}

/** Each token's mention; one that would overlap the mention before it keeps to its braces. */
function mentionsOf(body: string, tokens: readonly PlacedToken[], byKey: ReadonlyMap<string, PlaintiffToRender>): Mention[] {
  let previousEnd = 0;
  return tokens.map((placed) => {
    const aliases = placed.token.kind === 'plaintiff' ? byKey.get(pseudonymKey(placed.token.pseudonym))!.identity.aliases : [];
    let mention = mentionOf(body, placed, aliases);
    if (mention.start < previousEnd) mention = { start: placed.start, end: placed.end, ...(placed.token.wording === undefined ? {} : { wording: placed.token.wording }) };
    previousEnd = mention.end;
    return mention;
  });
}

function withPlaceholders(body: string, mentions: readonly Mention[]): string {
  let out = '';
  let from = 0;
  mentions.forEach((mention, i) => {
    out += body.slice(from, mention.start) + OPEN + i + CLOSE;
    from = mention.end;
  });
  return out + body.slice(from);
}

/**
 * Replaces placeholders in document order, so "first mention" means first on paper. `textOf`
 * is given the pseudonyms already printed in the same paragraph (list item, cell, note).
 */
function expand(blocks: readonly Block[], textOf: (index: number, inParagraph: Set<string>) => string): Block[] {
  const runs = (list: readonly Run[]): Run[] => {
    const inParagraph = new Set<string>();
    return list.map((run) => ({ ...run, text: run.text.replace(PLACEHOLDER, (_, i: string) => textOf(Number(i), inParagraph)) }));
  };
  return blocks.map((block): Block => {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
      case 'quote':
        return { ...block, runs: runs(block.runs) };
      case 'list':
        return { ...block, items: block.items.map(runs) };
      case 'table':
        return { ...block, header: block.header.map(runs), rows: block.rows.map((row) => row.map(runs)) };
      case 'footnotes':
        return { ...block, notes: block.notes.map((note) => ({ ...note, runs: runs(note.runs) })) };
      case 'signature':
        return block;
    }
  });
}

function citedPlaintiffs(tokens: readonly PlacedToken[], byKey: ReadonlyMap<string, PlaintiffToRender>): PlaintiffToRender[] {
  const cited = new Map<string, PlaintiffToRender>();
  for (const { token } of tokens) {
    if (token.kind === 'plaintiff') {
      const plaintiff = byKey.get(pseudonymKey(token.pseudonym))!;
      cited.set(plaintiff.pseudonym, plaintiff);
    }
  }
  return [...cited.values()].sort((a, b) => a.seq - b.seq);
}

function lines(text: string): string[] {
  return text === '' ? [] : text.split('\n').map((line) => line.trimEnd());
}
