import type { CaseDetails } from '../cases/cases';
import { VaultError } from '../errors';
import type { CasePlaintiff } from '../plaintiffs/identities';
import { courtLabels, labelSetOf, type CourtLabels } from './courts';
import { renderDeclaration, selectIdentities } from './declaration';
import { defaultFormOf, type Block, type RenderedDocument, type Run, type SignatureBlock, type Withheld } from './document';
import type { FilingDetails } from './filing-input';
import { parseNumberedBody, withoutTitleHeading } from './markdown';
import { mentionOf, withPossessive, type Mention } from './mention';
import { checkParagraphRefs } from './paragraph-numbers';
import { replaceSpans } from './resolution';
import { RedactionNumbering, type RedactionEntry } from './redactions';
import { withoutJuryDemand } from './filing-facts';
import { referenceListBlocks } from './reference-list';
import { findTokens, pseudonymKey, type PlacedToken } from './tokens';

export { pseudonymKey };

/** What the renders need of each plaintiff of the case. */
export type PlaintiffToRender = Pick<CasePlaintiff, 'pseudonym' | 'seq' | 'status' | 'identity'>;

export interface RenderContext {
  caseDetails: CaseDetails;
  plaintiffs: readonly PlaintiffToRender[];
  /** ISO time written into the documents' metadata. */
  now: string;
}

export interface RenderOptions {
  /**
   * The redactions' numbers. Papers of one filing set share one, so that the same withheld
   * text has the same reference in each; default: a numbering of this filing alone.
   */
  numbering?: RedactionNumbering | undefined;
  /** The court's labels and marks; default: those of the filing's court, else of its format (labelSetOf). */
  labelSet?: CourtLabels | undefined;
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
  /** What the public version withholds, in the order of the references: empty when it redacts nothing. */
  redactions: RedactionEntry[];
  /**
   * The sealed reference list (FRCP 5.2(g)), given where each reference prints in the typeset
   * public version ("2:14"); undefined when the public version redacts nothing.
   */
  referenceList?: ((locations: (ref: string) => string[]) => RenderedDocument) | undefined;
}

/** How the sealed version brackets a withheld passage where it cannot draw a band (caption lines, the signature). */
const bracketed = (text: string): string => `[[${text}]]`;

const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = /\uE000(\d+)\uE001/g;

/**
 * One source, three renders (DESIGN.md §6): public, sealed, and the declaration of identities.
 * The body must already be free of unresolved identities (the export checks that first); here
 * every token becomes its text for the audience.
 */
export function renderFiling(details: FilingDetails, ctx: RenderContext, options: RenderOptions = {}): FilingRenders {
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
  const labelSet = options.labelSet ?? labelSetOf(details.courtId, details.format);
  const numbering = options.numbering ?? new RedactionNumbering(labelSet.redactionRef);
  // The references this paper prints (a shared numbering also holds other papers').
  const used = new Set<string>();
  const refFor = (text: string): string => {
    const ref = numbering.refFor(text);
    used.add(ref);
    return ref;
  };
  const withheld = (text: string): Withheld => ({ ref: numbering.refFor(text), mark: labelSet.withheldMark });
  // A redaction's reference as printed in the public version; in the sealed version, the text
  // itself, in brackets where no band can be drawn.
  const redaction = (audience: RenderedDocument['audience']) => (audience === 'public' ? refFor : bracketed);
  const frame = (audience: RenderedDocument['audience'], documentTitle: string, printedLabels: string[], content: Block[]): RenderedDocument => {
    const field = (name: string, text: string): string => expandField(name, text, redaction(audience));
    return {
      format: details.format,
      form: details.form ?? defaultFormOf(details.format),
      audience,
      metadataTitle: expandField('title', details.title, refFor),
      counsel: lines(field('counsel', details.counsel ?? '')),
      court: field('court', details.court ?? ctx.caseDetails.court ?? '').toUpperCase(),
      parties: lines(field('parties', details.parties ?? ctx.caseDetails.title)),
      captionRight: [
        `Case No. ${field('caseNumber', details.caseNumber ?? ctx.caseDetails.number ?? '__________')}`,
        '',
        captionTitle(field('title', documentTitle)),
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
  const sealedText = (i: number): Printed => {
    const { token } = tokens[i]!;
    if (token.kind === 'paragraph-ref') return String(parsed.labels.get(token.label));
    if (token.kind === 'redacted') return { text: labelSet.withheldMark === 'bracket' ? bracketed(token.wording) : token.wording, withheld: withheld(token.wording) };
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
    if (token.kind !== 'plaintiff') return token.kind === 'redacted' ? refFor(token.wording) : token.wording;
    const mention = mentions[i]!;
    const { pseudonym } = byKey.get(pseudonymKey(token.pseudonym))!;
    const named = inParagraph.has(pseudonym);
    inParagraph.add(pseudonym);
    if (mention.quoted) return (named ? '(an alias)' : pseudonym) + mention.quoted.close.slice(0, -1);
    return withPossessive(pseudonym, mention.possessive);
  };

  const signed = (content: Block[], audience: RenderedDocument['audience']): Block[] => {
    const signature = signatureOf(details.signature, redaction(audience));
    return signature === undefined ? content : [...content, { type: 'signature', signature }];
  };

  // References are numbered in the public version's reading order: the caption, the body, the
  // signature. The caption is read first here, since the frame is filled after the body.
  const { caseDetails } = ctx;
  for (const text of [details.counsel, details.court ?? caseDetails.court, details.parties ?? caseDetails.title, details.caseNumber ?? caseDetails.number, details.title, ...details.captionLines]) {
    for (const { token } of findTokens(text ?? '')) if (token.kind === 'redacted') refFor(token.wording);
  }
  const publicContent = signed(expand(blocks, publicText), 'public');
  const redactions = numbering.entries().filter((entry) => used.has(entry.ref));
  // The public version says it redacts sealed material only when it does (issue 13, item 4);
  // the user's own labels, or none, are printed as given.
  const sealedLabels = details.labels.sealed ?? courtLabels({ labels: labelSet }, 'sealed', details.orderDate);
  const publicLabels = details.labels.public ?? (redactions.length > 0 ? courtLabels({ labels: labelSet }, 'public') : []);
  const publicTitle = expandField('title', details.title, refFor);
  return {
    public: frame('public', details.title, publicLabels, publicContent),
    sealed: frame('sealed', details.title, sealedLabels, signed(expand(blocks, sealedText), 'sealed')),
    // The declaration is lodged with the filing: its court's lodged labels unless the user gave some.
    declaration: renderDeclaration({
      caseDetails: ctx.caseDetails,
      plaintiffs: ctx.plaintiffs,
      facts: { ...details, labels: { ...details.labels, lodged: details.labels.lodged ?? courtLabels({ labels: labelSet }, 'lodged', details.orderDate) } },
      cited,
      citedIn: details.title,
      now: ctx.now,
    }),
    cited,
    listed: selectIdentities(ctx.plaintiffs, details.identities, cited),
    redactions,
    referenceList:
      redactions.length === 0
        ? undefined
        : (locations) => {
            const { title, intro, labels } = labelSet.referenceList;
            const content = signed(referenceListBlocks(intro.replaceAll('{title}', publicTitle), redactions, locations), 'sealed');
            const doc = frame('sealed', title, details.labels.sealed ?? labels ?? sealedLabels, content);
            return { ...doc, captionRight: withoutJuryDemand(doc.captionRight), metadataTitle: title };
          },
  };
}

/**
 * The title in the caption, in capitals as captions print it, except a rule's subdivision:
 * "5.2(g)" and "12(b)(6)" keep their small letters.
 */
function captionTitle(title: string): string {
  return title.toUpperCase().replace(/(?<=[\d)])\(([A-Z]|[IVX]{1,4})\)/g, (_, part: string) => `(${part.toLowerCase()})`);
}

/**
 * The caption's fields may hold "redacted" and "not a plaintiff" tokens (an attorney who shares a
 * first name with a plaintiff), never a plaintiff's: a caption names parties as filed.
 */
function expandField(field: string, text: string, redaction: (wording: string) => string): string {
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
    tokens.map(({ token, start, end }) => ({ start, end, replacement: token.kind === 'redacted' ? redaction(token.wording) : (token as { wording: string }).wording })),
  );
}

function signatureOf(signature: FilingDetails['signature'], redaction: (wording: string) => string): SignatureBlock | undefined {
  if (signature === undefined) return undefined;
  const field = (text: string | undefined): string | undefined => (text === undefined ? undefined : expandField('signature', text, redaction));
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

/** A token as printed: text, or (sealed version) text the public version withheld, a run of its own. */
type Printed = string | { text: string; withheld: Withheld };

/**
 * Replaces placeholders in document order, so "first mention" means first on paper. `textOf`
 * is given the pseudonyms already printed in the same paragraph (list item, cell, note).
 */
function expand(blocks: readonly Block[], textOf: (index: number, inParagraph: Set<string>) => Printed): Block[] {
  const runs = (list: readonly Run[]): Run[] => {
    const inParagraph = new Set<string>();
    return list.flatMap((run) => splitRun(run, (i) => textOf(i, inParagraph)));
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

/** A run with its placeholders printed; withheld text becomes a run of its own, so a writer can mark it. */
function splitRun(run: Run, textOf: (index: number) => Printed): Run[] {
  const pieces: Run[] = [];
  let plain = '';
  let from = 0;
  for (const match of run.text.matchAll(PLACEHOLDER)) {
    plain += run.text.slice(from, match.index);
    from = match.index + match[0].length;
    const printed = textOf(Number(match[1]));
    if (typeof printed === 'string') {
      plain += printed;
      continue;
    }
    if (plain !== '') pieces.push({ ...run, text: plain });
    plain = '';
    pieces.push({ ...run, text: printed.text, withheld: printed.withheld });
  }
  plain += run.text.slice(from);
  if (plain !== '' || pieces.length === 0) pieces.push({ ...run, text: plain });
  return pieces;
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
