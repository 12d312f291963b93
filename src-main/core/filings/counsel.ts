import { isAlias, isNode, parseDocument, visit } from 'yaml';
import { z } from 'zod';
import { VaultError } from '../errors';
import { MAX_ADDRESS_LINES, MAX_COUNSEL, type Counsel, type CounselSource } from '../shared/counsel';
import { line, optional, parseInput, requiredLine, text } from '../validation';

/**
 * The one schema of an attorney (front matter, firm counsel, case counsel) and which counsel a
 * filing prints: the draft's front matter over the case's over the vault's.
 */

const email = line('Email', 200).refine((value) => value === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), 'Email must look like name@example.com');

export const counselSchema = z.strictObject({
  name: requiredLine('Counsel name', 200),
  barNumber: optional(line('State Bar number', 40)),
  firm: optional(line('Firm', 200)),
  address: optional(
    text('Address', 600).refine((value) => value.split('\n').length <= MAX_ADDRESS_LINES, `Address must be at most ${MAX_ADDRESS_LINES} lines`),
  ),
  phone: optional(line('Phone', 60)),
  email: optional(email),
  attorneysFor: optional(line('Attorneys for', 300)),
});

export const counselListSchema = z
  .array(counselSchema, { error: 'counsel must be a list of attorneys, each starting "- name:"' })
  .min(1, 'counsel needs at least one attorney')
  .max(MAX_COUNSEL, `At most ${MAX_COUNSEL} counsel`);

/** A list of counsel from a caller (IPC, CLI): VALIDATION naming the field at fault. */
export function parseCounselList(input: unknown): Counsel[] {
  return parseInput(counselListSchema, input);
}

/**
 * A counsel file (`doe-vault counsel set --file`, `export --counsel-file`): a YAML list of
 * attorneys, or `counsel:` holding one, read like front matter (failsafe: all text; no tags or aliases).
 */
export function parseCounselYaml(source: string, file: string): Counsel[] {
  const doc = parseDocument(source.replace(/^\uFEFF/, ''), { schema: 'failsafe', uniqueKeys: true, strict: true });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    throw new VaultError('VALIDATION', `${file}: ${problem.message.split('\n')[0]}; fix the YAML.`, { field: 'counsel' });
  }
  let decorated = false;
  visit(doc, (_key, node) => {
    if (isAlias(node) || (isNode(node) && (node.tag !== undefined || node.anchor !== undefined))) decorated = true;
  });
  if (decorated) {
    throw new VaultError('VALIDATION', `${file}: tags, anchors and aliases are not allowed in a counsel file; write the values out.`, { field: 'counsel' });
  }
  const data: unknown = doc.toJS({ maxAliasCount: 0 });
  const list = data !== null && typeof data === 'object' && !Array.isArray(data) && 'counsel' in data ? (data as { counsel: unknown }).counsel : data;
  try {
    return parseCounselList(list);
  } catch (error) {
    if (error instanceof VaultError) {
      throw new VaultError('VALIDATION', `${file}: ${error.message}. A counsel file is a list: "- name: Ann Example" then "  barNumber: 012345" and so on.`, {
        field: 'counsel',
      });
    }
    throw error;
  }
}

export interface CounselChoice {
  counsel: Counsel[];
  source: CounselSource;
}

/** Front matter over case over vault; an empty list is "not given". */
export function chooseCounsel(frontMatter: readonly Counsel[] | undefined, caseCounsel: readonly Counsel[] | undefined, vaultCounsel: readonly Counsel[] | undefined): CounselChoice {
  if (frontMatter && frontMatter.length > 0) return { counsel: [...frontMatter], source: 'front-matter' };
  if (caseCounsel && caseCounsel.length > 0) return { counsel: [...caseCounsel], source: 'case' };
  if (vaultCounsel && vaultCounsel.length > 0) return { counsel: [...vaultCounsel], source: 'vault' };
  return { counsel: [], source: 'none' };
}
