/**
 * Text out of Office Open XML parts, without an XML library: the parts are machine-written,
 * and only text, a few attributes and paragraph boundaries matter here.
 */

const TOKEN = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<[?!][\s\S]*?>|<(\/?)([A-Za-z_][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    const code = dec !== undefined ? Number(dec) : hex !== undefined ? parseInt(hex, 16) : undefined;
    if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    return NAMED[name!] ?? whole;
  });
}

/** The value of attribute `name` in a tag's attribute text, decoded; undefined if absent. */
export function attribute(attributes: string, name: string): string | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?:^|\\s)${escaped}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  if (!match) return undefined;
  return decodeEntities(match[1] ?? match[2] ?? '');
}

export interface XmlHandlers {
  open?(name: string, attributes: string, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** Walks the tags and text of an XML document in order. */
export function walkXml(xml: string, handlers: XmlHandlers): void {
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(xml); match; match = TOKEN.exec(xml)) {
    if (match.index > last && handlers.text) handlers.text(decodeEntities(xml.slice(last, match.index)));
    last = TOKEN.lastIndex;
    if (match[1] !== undefined) {
      handlers.text?.(match[1]);
      continue;
    }
    const name = match[3];
    if (name === undefined) continue; // comment, declaration, processing instruction
    if (match[2] === '/') handlers.close?.(name);
    else {
      handlers.open?.(name, match[4] ?? '', match[5] === '/');
      if (match[5] === '/') handlers.close?.(name);
    }
  }
  if (last < xml.length && handlers.text) handlers.text(decodeEntities(xml.slice(last)));
}

/** Elements whose text is document text (Word runs, deleted runs, field codes, math, drawings). */
const TEXT_ELEMENTS = new Set(['w:t', 'w:delText', 'w:instrText', 'w:delInstrText', 'm:t', 'a:t']);
/** Attributes that hold people's names or visible strings. */
const TEXT_ATTRIBUTES: Record<string, readonly string[]> = {
  'wp:docPr': ['descr', 'title'],
  'pic:cNvPr': ['descr', 'title'],
  'w:fldSimple': ['w:instr'],
  'w:alias': ['w:val'],
  'w:tag': ['w:val'],
  'w:default': ['w:val'],
  'w:listEntry': ['w:val'],
  'w15:person': ['w15:author'],
};
const ANY_ELEMENT_ATTRIBUTES = ['w:author', 'w:initials', 'w15:author', 'w15:userId'];

/**
 * A WordprocessingML part (document, header, footer, footnotes, endnotes, comments …): the text
 * runs of each paragraph joined without separators (a word split across runs comes out whole),
 * one paragraph per line; then, one per line, the names of authors of changes and comments,
 * alternative texts of pictures and field instructions.
 */
export function wordprocessingText(xml: string): string[] {
  const lines: string[] = [];
  const extra: string[] = [];
  let paragraph = '';
  let inText = 0;
  const flush = () => {
    if (paragraph.trim() !== '') lines.push(paragraph);
    paragraph = '';
  };
  walkXml(xml, {
    open(name, attributes, selfClosing) {
      if (name === 'w:p') flush();
      else if (TEXT_ELEMENTS.has(name)) {
        if (!selfClosing) inText++;
      } else if (name === 'w:tab' || name === 'w:ptab') paragraph += '\t';
      else if (name === 'w:br' || name === 'w:cr') paragraph += '\n';
      else if (name === 'w:noBreakHyphen') paragraph += '-';
      else if (name === 'w:softHyphen') paragraph += '\u00ad';
      if (attributes !== '') {
        for (const attr of [...(TEXT_ATTRIBUTES[name] ?? []), ...ANY_ELEMENT_ATTRIBUTES]) {
          const value = attribute(attributes, attr);
          if (value !== undefined && value.trim() !== '' && !extra.includes(value)) extra.push(value);
        }
      }
    },
    close(name) {
      if (name === 'w:p') flush();
      else if (TEXT_ELEMENTS.has(name) && inText > 0) inText--;
    },
    text(text) {
      if (inText > 0) paragraph += text;
    },
  });
  flush();
  return [...lines, ...extra];
}

/** Any other XML part (document properties, custom XML): every text node, one per line. */
export function plainXmlText(xml: string): string[] {
  const lines: string[] = [];
  walkXml(xml, {
    text(text) {
      const value = text.trim();
      if (value !== '') lines.push(value);
    },
  });
  return lines;
}

/** A relationships part: the external targets (hyperlinks such as mailto:, attached templates). */
export function relationshipTargets(xml: string): string[] {
  const lines: string[] = [];
  walkXml(xml, {
    open(name, attributes) {
      if (!name.endsWith('Relationship')) return;
      if (attribute(attributes, 'TargetMode') !== 'External') return;
      const target = attribute(attributes, 'Target');
      if (target) lines.push(target);
    },
  });
  return lines;
}
