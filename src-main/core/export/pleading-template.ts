/**
 * The pleading-paper header of the Word writer, from the template the project ships in
 * resources/pleading/header.xml (the court paper is data, not code): `{{name}}` placeholders
 * filled from the page geometry, and the `{{#line}}…{{/line}}` section repeated once per
 * numbered line with `{{number}}` set.
 */
import { readFileSync } from 'node:fs';
import { VaultError } from '../errors';
import { shippedResource } from '../files/shipped-resource';
import { BODY_SIZE, PAGE_HEIGHT, SLOT, type Geometry } from './pleading-paper';

export function defaultPleadingHeaderPath(): string {
  return shippedResource('pleading', 'header.xml');
}

const templates = new Map<string, string>();

function readTemplate(path: string): string {
  let template = templates.get(path);
  if (template === undefined) {
    try {
      template = readFileSync(path, 'utf8');
    } catch (cause) {
      throw new VaultError('INTERNAL', `The pleading-paper template (${path}) cannot be read. Reinstall DoeVault or restore resources/pleading/header.xml.`, { cause });
    }
    templates.set(path, template);
  }
  return template;
}

/** Points as the template's VML styles take them: at most two decimals, no trailing zeros. */
function points(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * Fills `template`: every `{{name}}` must have a value and every value must be used, so a
 * template and its writer that drift apart fail loudly instead of writing a broken header.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>, lines: readonly Readonly<Record<string, string>>[]): string {
  const used = new Set<string>();
  const fill = (text: string, scope: Readonly<Record<string, string>>): string =>
    text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      const value = scope[name] ?? values[name];
      if (value === undefined) throw new VaultError('INTERNAL', `The pleading-paper template has a placeholder {{${name}}} the writer does not know.`);
      used.add(name);
      return value;
    });
  const section = /\{\{#line\}\}([\s\S]*?)\{\{\/line\}\}/.exec(template);
  if (!section) throw new VaultError('INTERNAL', 'The pleading-paper template has no {{#line}}…{{/line}} section for the line numbers.');
  const filled =
    fill(template.slice(0, section.index), {}) +
    lines.map((line) => fill(section[1]!, line)).join('') +
    fill(template.slice(section.index + section[0].length), {});
  const unused = Object.keys(values).filter((name) => !used.has(name));
  if (unused.length > 0) throw new VaultError('INTERNAL', `The pleading-paper template does not use ${unused.join(', ')}.`);
  return filled;
}

/** The header part (word/headerN.xml) for pleading paper of `geometry`. */
export function pleadingHeaderXml(geometry: Geometry, path = defaultPleadingHeaderPath()): string {
  const numbers = geometry.lineNumbers;
  if (!numbers) throw new VaultError('INTERNAL', `The ${geometry.form} form has no numbered lines.`);
  // The numbers are right-aligned in a box ending where the PDF's numbers end.
  const numbersWidth = 40;
  const pitch = 2 * SLOT;
  return fillTemplate(
    readTemplate(path),
    {
      leftRuleOuter: points(numbers.leftRules[0]),
      leftRuleInner: points(numbers.leftRules[1]),
      rightRule: points(numbers.rightRule),
      pageHeight: points(PAGE_HEIGHT),
      ruleWeight: '0.6',
      numbersLeft: points(numbers.numberRight - numbersWidth),
      numbersWidth: points(numbersWidth),
      gridTop: points(geometry.gridTop),
      gridHeight: points(numbers.count * pitch),
      // Twentieths of a point, half-points: WordprocessingML's units.
      linePitch: String(pitch * 20),
      numberSize: String(BODY_SIZE * 2),
    },
    Array.from({ length: numbers.count }, (_, index) => ({ number: String(index + 1) })),
  );
}
