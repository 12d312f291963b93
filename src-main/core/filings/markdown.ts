import MarkdownIt, { type StateBlock, type Token as MdToken } from 'markdown-it';
import footnotes from 'markdown-it-footnote';
import { VaultError } from '../errors';
import type { Block, Run } from './document';
import { PARAGRAPH_LABEL, RESTART_NUMBERING } from './paragraph-numbers';

/**
 * A filing body's Markdown as typesetting blocks: headings, paragraphs, lists, quotes, tables and
 * footnotes. HTML is not interpreted (it prints as written) and links print their text only: a
 * filing is paper, and a URL in it is text the scanner has already seen in the source.
 */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(footnotes).use(restartMarker);

export interface ParsedBody {
  blocks: Block[];
  /** Each label (`{#damages}`) and the number of the paragraph it is on. */
  labels: ReadonlyMap<string, number>;
}

export function parseBody(source: string): Block[] {
  return parseNumberedBody(source).blocks;
}

/**
 * The body's blocks, with ordered lists numbered as a pleading's paragraphs: one count through
 * the whole body, across headings. A list whose first marker is "1." continues the count; one
 * that starts at another number sets it there; `<!-- restart numbering -->` on a line of its own
 * starts the next list at 1 again (a prayer for relief, an exhibit list).
 * Throws VALIDATION for a label that is not on a numbered paragraph, or used twice.
 */
export function parseNumberedBody(source: string): ParsedBody {
  const tokens = markdown.parse(source, {});
  const blocks: Block[] = [];
  const notes: { label: string; runs: Run[] }[] = [];
  const labels = new Map<string, number>();
  const labelLines = new Map<string, number>();
  let counted = 0;
  let i = 0;

  /** The inline content up to the matching close token of `open`, as runs. */
  const collect = (close: string): Run[] => {
    const runs: Run[] = [];
    for (i++; i < tokens.length && tokens[i]!.type !== close; i++) {
      const token = tokens[i]!;
      if (token.type === 'inline') appendRuns(runs, inlineRuns(token.children ?? []));
      else if (token.type === 'paragraph_open' && runs.length > 0) appendRuns(runs, [{ text: ' ' }]);
    }
    return runs;
  };

  for (; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (token.type) {
      case 'heading_open': {
        const level = Math.min(3, Number(token.tag.slice(1))) as 1 | 2 | 3;
        refuseLabel(tokens[i + 1]);
        blocks.push({ type: 'heading', level, runs: collect('heading_close') });
        break;
      }
      case 'paragraph_open':
        refuseLabel(tokens[i + 1]);
        blocks.push({ type: 'paragraph', runs: collect('paragraph_close') });
        break;
      case 'restart_numbering':
        counted = 0;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = token.type === 'ordered_list_open';
        const close = token.type.replace('_open', '_close');
        const items: Run[][] = [];
        const marked = Number(token.attrGet('start') ?? 1);
        const start = marked === 1 ? counted + 1 : marked;
        const labelled = new Set<number>();
        let depth = 0;
        for (i++; i < tokens.length && !(tokens[i]!.type === close && depth === 0); i++) {
          const inner = tokens[i]!;
          if (inner.type === token.type) depth++;
          else if (inner.type === close) depth--;
          else if (inner.type === 'list_item_open' && depth === 0) items.push([]);
          else if (inner.type === 'inline') {
            const number = start + items.length - 1;
            for (const [index, found] of [...inner.content.matchAll(PARAGRAPH_LABEL)].entries()) {
              const label = found[1]!;
              const line = lineOf(inner, found.index);
              if (!ordered) throw labelError(line, label, 'is on a bulleted item; labels name numbered paragraphs (1., 2., …)');
              if (index > 0 || labelled.has(number)) throw labelError(line, label, 'is a second label of one paragraph; give each paragraph one label');
              if (labels.has(label)) throw labelError(line, label, `is already the label of the paragraph on line ${labelLines.get(label)}; labels must differ`);
              labels.set(label, number);
              labelLines.set(label, line);
              labelled.add(number);
            }
            appendRuns(items[items.length - 1] ?? (items[0] = []), withSpace(items, withoutLabels(inlineRuns(inner.children ?? []))));
          }
        }
        blocks.push(ordered ? { type: 'list', ordered, items, start } : { type: 'list', ordered, items });
        if (ordered) counted = start + items.length - 1;
        break;
      }
      case 'blockquote_open':
        blocks.push({ type: 'quote', runs: collect('blockquote_close') });
        break;
      case 'table_open': {
        const header: Run[][] = [];
        const rows: Run[][][] = [];
        let inHead = false;
        for (i++; i < tokens.length && tokens[i]!.type !== 'table_close'; i++) {
          const inner = tokens[i]!;
          if (inner.type === 'thead_open') inHead = true;
          else if (inner.type === 'thead_close') inHead = false;
          else if (inner.type === 'tr_open' && !inHead) rows.push([]);
          else if (inner.type === 'inline') (inHead ? header : rows[rows.length - 1]!).push(inlineRuns(inner.children ?? []));
        }
        blocks.push({ type: 'table', header, rows });
        break;
      }
      case 'footnote_open': {
        const id = (token.meta as { id: number }).id;
        notes[id] = { label: String(id + 1), runs: collect('footnote_close') };
        break;
      }
      case 'code_block':
      case 'fence':
        for (const line of token.content.replace(/\n$/, '').split('\n')) blocks.push({ type: 'paragraph', runs: [{ text: line }] });
        break;
      case 'html_block':
        blocks.push({ type: 'paragraph', runs: [{ text: token.content.trim() }] });
        break;
      default:
        break; // hr, footnote block markers: nothing to print
    }
  }
  const written = notes.filter((note): note is { label: string; runs: Run[] } => note !== undefined);
  if (written.length > 0) blocks.push({ type: 'footnotes', notes: written });
  return { blocks, labels };
}

/**
 * The blocks without a first heading that only repeats the document's title: the caption
 * already prints the title, and a pleading's body starts with its first paragraph.
 */
export function withoutTitleHeading(blocks: readonly Block[], title: string): Block[] {
  const [first, ...rest] = blocks;
  const comparable = (text: string): string => text.replace(/\s+/g, ' ').replace(/[\s.:]+$/, '').trim().toLowerCase();
  if (first?.type === 'heading' && comparable(first.runs.map((run) => run.text).join('')) === comparable(title)) return rest;
  return [...blocks];
}

/** 1-based line of the source at `offset` into an inline token's content. */
function lineOf(inline: MdToken, offset: number): number {
  return (inline.map?.[0] ?? 0) + 1 + (inline.content.slice(0, offset).match(/\n/g)?.length ?? 0);
}

function labelError(line: number, label: string, why: string): VaultError {
  return new VaultError('VALIDATION', `Line ${line}: the label {#${label}} ${why}.`, { field: 'body' });
}

/** A label anywhere but on a numbered paragraph would print as written: refuse it. */
function refuseLabel(inline: MdToken | undefined): void {
  if (inline?.type !== 'inline') return;
  const [found] = inline.content.matchAll(PARAGRAPH_LABEL);
  if (found) throw labelError(lineOf(inline, found.index), found[1]!, 'is not on a numbered paragraph; put it in an item of a numbered list (1., 2., …)');
}

/** A label with the spaces around it, and the punctuation (or end) after it if any. */
const LABEL_IN_TEXT = new RegExp(` *${PARAGRAPH_LABEL.source} *(?=([.,;:!?)\\]]|$)?)`, 'g');

/** Runs without their labels: a label is for cross-references, never printed. */
function withoutLabels(runs: Run[]): Run[] {
  if (!runs.some((run) => run.text.includes('{#'))) return runs;
  // One space where the label stood between words; none before punctuation or at either end.
  const texts = runs.map((run) => run.text.replace(LABEL_IN_TEXT, (_match, _label, punctuation?: string) => (punctuation === undefined ? ' ' : '')));
  texts[0] = texts[0]!.replace(/^ +/, '');
  texts[texts.length - 1] = texts[texts.length - 1]!.replace(/ +$/, '');
  return runs.map((run, index) => ({ ...run, text: texts[index]! })).filter((run) => run.text !== '');
}

/**
 * `<!-- restart numbering -->` on a line of its own, as a block token of its own: it ends a
 * paragraph above it (with HTML off, a comment would otherwise print as part of that text).
 */
function restartMarker(md: InstanceType<typeof MarkdownIt>): void {
  md.block.ruler.before(
    'table',
    'restart_numbering',
    (state: StateBlock, startLine: number, _endLine: number, silent: boolean) => {
      if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
      const line = state.src.slice(state.bMarks[startLine]! + state.tShift[startLine]!, state.eMarks[startLine]);
      if (!RESTART_NUMBERING.test(line)) return false;
      if (silent) return true;
      state.push('restart_numbering', '', 0).map = [startLine, startLine + 1];
      state.line = startLine + 1;
      return true;
    },
    { alt: ['paragraph', 'reference', 'blockquote', 'list'] },
  );
}

function inlineRuns(children: readonly MdToken[]): Run[] {
  const runs: Run[] = [];
  let bold = 0;
  let italic = 0;
  const push = (text: string) => appendRuns(runs, [{ text, ...(bold > 0 ? { bold: true } : {}), ...(italic > 0 ? { italic: true } : {}) }]);
  for (const child of children) {
    switch (child.type) {
      case 'text':
      case 'code_inline':
      case 'html_inline':
        push(child.content);
        break;
      case 'softbreak':
        push(' ');
        break;
      case 'hardbreak':
        push('\n');
        break;
      case 'strong_open':
        bold++;
        break;
      case 'strong_close':
        bold--;
        break;
      case 'em_open':
        italic++;
        break;
      case 'em_close':
        italic--;
        break;
      case 'image':
        push(child.content);
        break;
      case 'footnote_ref':
        runs.push({ text: String((child.meta as { id: number }).id + 1), noteRef: true });
        break;
      default:
        break; // link_open/close: the link text follows as text tokens
    }
  }
  return runs;
}

function withSpace(items: Run[][], runs: Run[]): Run[] {
  const current = items[items.length - 1];
  return current !== undefined && current.length > 0 ? [{ text: ' ' }, ...runs] : runs;
}

/** Appends runs, merging neighbours of the same style. */
function appendRuns(into: Run[], runs: readonly Run[]): void {
  for (const run of runs) {
    const last = into[into.length - 1];
    if (last && !last.noteRef && !run.noteRef && Boolean(last.bold) === Boolean(run.bold) && Boolean(last.italic) === Boolean(run.italic)) last.text += run.text;
    else if (run.text.length > 0) into.push({ ...run });
  }
}
