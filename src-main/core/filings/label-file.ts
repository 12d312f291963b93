import { VaultError } from '../errors';
import type { FilingLabels } from './labels';

/** The most labels a version prints (as in the front matter and the app). */
const MAX_LABELS = 4;
const MAX_LABEL = 200;
const SECTION = /^\[(\w+)\]$/;

/**
 * A labels file (`doe-vault export --labels FILE`, issue 13): one label a line. Lines before any
 * section are every version's; lines under `[public]` are the public version's, under `[sealed]`
 * the sealed papers' (the sealed version, the reference list); the declaration of identities keeps its lodged labels. A section with
 * no line under it prints no label on that version. Blank lines and lines starting with `#` are
 * skipped. A version the file says nothing about keeps the court's labels.
 */
export function parseLabelFile(text: string, source: string): Partial<FilingLabels> {
  const common: string[] = [];
  const sections: Partial<FilingLabels> = {};
  let into = common;
  const fault = (line: number, message: string) => new VaultError('VALIDATION', `${source}, line ${line}: ${message}.`, { field: 'labels' });
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      const section = SECTION.exec(line)?.[1]?.toLowerCase();
      if (section !== undefined) {
        if (section !== 'public' && section !== 'sealed') throw fault(index + 1, `"[${section}]" is not a section of a labels file; write [public] or [sealed]`);
        if (sections[section]) throw fault(index + 1, `[${section}] is given twice; put its labels under one heading`);
        into = sections[section] = [];
        return;
      }
      if ([...line].length > MAX_LABEL) throw fault(index + 1, `a label is at most ${MAX_LABEL} characters`);
      if (/[\p{Cc}\p{Cf}]/u.test(line)) throw fault(index + 1, 'a label holds a control or invisible character; retype it');
      if (into.length === MAX_LABELS) throw fault(index + 1, `at most ${MAX_LABELS} labels a version`);
      into.push(line);
    });
  const labels: Partial<FilingLabels> = {};
  for (const version of ['public', 'sealed'] as const) {
    const lines = sections[version] ?? (common.length > 0 ? common : undefined);
    if (lines) labels[version] = [...lines];
  }
  if (labels.public === undefined && labels.sealed === undefined) {
    throw new VaultError('VALIDATION', `${source} holds no label. Write one label a line (under [public] or [sealed] for one version), or use --labels none.`, { field: 'labels' });
  }
  return labels;
}
