import MarkdownIt, { type Token as MdToken } from 'markdown-it';
import footnotes from 'markdown-it-footnote';
import type { Block, Run } from './document';

/**
 * A filing body's Markdown as typesetting blocks: headings, paragraphs, lists, quotes, tables and
 * footnotes. HTML is not interpreted (it prints as written) and links print their text only: a
 * filing is paper, and a URL in it is text the scanner has already seen in the source.
 */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(footnotes);

export function parseBody(source: string): Block[] {
  const tokens = markdown.parse(source, {});
  const blocks: Block[] = [];
  const notes: { label: string; runs: Run[] }[] = [];
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
        blocks.push({ type: 'heading', level, runs: collect('heading_close') });
        break;
      }
      case 'paragraph_open':
        blocks.push({ type: 'paragraph', runs: collect('paragraph_close') });
        break;
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const close = token.type.replace('_open', '_close');
        const items: Run[][] = [];
        let depth = 0;
        for (i++; i < tokens.length && !(tokens[i]!.type === close && depth === 0); i++) {
          const inner = tokens[i]!;
          if (inner.type === token.type) depth++;
          else if (inner.type === close) depth--;
          else if (inner.type === 'list_item_open' && depth === 0) items.push([]);
          else if (inner.type === 'inline') appendRuns(items[items.length - 1] ?? (items[0] = []), withSpace(items, inlineRuns(inner.children ?? [])));
        }
        blocks.push({ type: 'list', ordered: token.type === 'ordered_list_open', items });
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
  return blocks;
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
        push(`[${(child.meta as { id: number }).id + 1}]`);
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
    if (last && Boolean(last.bold) === Boolean(run.bold) && Boolean(last.italic) === Boolean(run.italic)) last.text += run.text;
    else if (run.text.length > 0) into.push({ ...run });
  }
}
