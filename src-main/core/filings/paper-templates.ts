import { readFileSync } from 'node:fs';
import { VaultError } from '../errors';
import { shippedResource } from '../files/shipped-resource';

/**
 * Court papers the project ships as editable Markdown (resources/templates/<name>.md: front
 * matter as docs/FRONT-MATTER.md reads it, then the body) with `{{fact}}` placeholders for the
 * case's facts. The legal text lives in those files, never in code: a firm edits a template
 * and the next paper follows it.
 *
 * A placeholder in the front matter must stand inside a double-quoted YAML string
 * (`title: "Declaration of {{counsel}}"`): its value is written escaped for one. In the body a
 * value is written as literal text (Markdown's punctuation escaped), so "Quinlan & *Marsh*"
 * prints as typed and a value can never open a heading, a list or a link.
 */

/** Template names: lower-case words joined by hyphens ("motion-california"); never a path. */
const TEMPLATE_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const PLACEHOLDER = /\{\{([^{}\n]*)\}\}/g;
/** Kept as they are inside a value: a "not a plaintiff" answer carried over from front matter. */
const TOKEN = /\{\{[^{}\n]*\}\}/g;
const FENCE = /^---[ \t]*\r?$/;

export interface FilledTemplate {
  name: string;
  /** The paper as a draft: the template's front matter and body, its placeholders filled. */
  text: string;
  /**
   * The template's own words, placeholders left out: text the project wrote, which names nobody.
   * A plaintiff surnamed Court or Grant must not stop a motion that says "the Court" or "grant".
   */
  ownWords: string;
}

export function templatePath(name: string): string {
  return shippedResource('templates', `${name}.md`);
}

/**
 * Fills `resources/templates/<name>.md` (or `path`) from `facts`. A placeholder that is not a key
 * of `facts` is a fault of the template, refused as INTERNAL naming the template and the
 * placeholder: a paper must never go out with a blank where a fact belongs.
 */
export function fillTemplate<F extends Readonly<Record<string, string>>>(name: string, facts: F, path: string = templatePath(name)): FilledTemplate {
  if (!TEMPLATE_NAME.test(name)) throw new VaultError('INTERNAL', `"${name}" is not a template name (lower-case words joined by hyphens).`);
  const source = readTemplate(name, path);
  const frontMatterEnd = frontMatterLength(source);
  const unknown = new Set<string>();
  const fill = (text: string, write: (value: string) => string): string =>
    text.replace(PLACEHOLDER, (_match, inner: string) => {
      const key = inner.trim();
      if (!Object.hasOwn(facts, key)) {
        unknown.add(inner);
        return '';
      }
      return write(facts[key]!);
    });
  const text = fill(source.slice(0, frontMatterEnd), inYamlString) + fill(source.slice(frontMatterEnd), inMarkdown);
  if (unknown.size > 0) {
    const known = Object.keys(facts).sort().join(', ');
    throw new VaultError(
      'INTERNAL',
      `The template ${name}.md has ${[...unknown].map((p) => `{{${p}}}`).join(', ')}, which ${unknown.size === 1 ? 'is not a fact' : 'are not facts'} DoeVault fills (${known}). Correct the template, or restore resources/templates/${name}.md from the release.`,
    );
  }
  return { name, text, ownWords: source.replace(PLACEHOLDER, ' ') };
}

function readTemplate(name: string, path: string): string {
  try {
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (cause) {
    throw new VaultError('INTERNAL', `The template ${name}.md (${path}) cannot be read. Reinstall DoeVault or restore resources/templates/${name}.md.`, { cause });
  }
}

/** Characters of the template before its body: the front matter with both fences, or 0. */
function frontMatterLength(source: string): number {
  const lines = source.split('\n');
  if (!FENCE.test(lines[0] ?? '')) return 0;
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  return close < 0 ? 0 : lines.slice(0, close + 1).join('\n').length;
}

/** A value inside a double-quoted YAML string: JSON's escapes are YAML's. */
function inYamlString(value: string): string {
  return JSON.stringify(value.replace(/\s+/g, ' ')).slice(1, -1);
}

/** A value as literal Markdown text on one line; tokens inside it stay tokens. */
function inMarkdown(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  let out = '';
  let from = 0;
  for (const token of flat.matchAll(TOKEN)) {
    out += escapeMarkdown(flat.slice(from, token.index)) + token[0];
    from = token.index + token[0].length;
  }
  return out + escapeMarkdown(flat.slice(from));
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~&]/g, '\\$&');
}
