import { VaultError } from '../errors';
import type { FilingLabels } from './labels';

/** What a labels file sets: each version's labels, and the lodged declaration of identities'. */
export type LabelFile = Partial<FilingLabels & { lodged: string[] }>;
const SECTIONS = ['public', 'sealed', 'lodged'] as const;
type Section = (typeof SECTIONS)[number];

/** The most labels a version prints (as in the front matter and the app). */
const MAX_LABELS = 4;
const MAX_LABEL = 200;
const SECTION = /^\[(\w+)\]$/;

/**
 * A labels file (`doe-vault export --labels FILE`, issue 13): one label a line. Lines before any
 * section are the two versions' of the filing; lines under `[public]` are the public version's,
 * under `[sealed]` the sealed papers' (the sealed version, the reference list), under `[lodged]`
 * the declaration of identities' (a paper of its own, lodged whole under seal: lines before
 * any section are not its labels). A section with no line under it prints no label on that
 * paper. Blank lines and lines starting with `#` are skipped. A paper the file says nothing
 * about keeps the court's labels.
 */
export function parseLabelFile(text: string, source: string): LabelFile {
  const common: string[] = [];
  const sections: LabelFile = {};
  let into = common;
  const fault = (line: number, message: string) => new VaultError('VALIDATION', `${source}, line ${line}: ${message}.`, { field: 'labels' });
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      const heading = SECTION.exec(line)?.[1];
      if (heading !== undefined) {
        const section = heading.toLowerCase() as Section;
        if (!SECTIONS.includes(section)) throw fault(index + 1, `"[${heading}]" is not a section of a labels file; write [public], [sealed] or [lodged]`);
        if (sections[section]) throw fault(index + 1, `[${section}] is given twice; put its labels under one heading`);
        into = sections[section] = [];
        return;
      }
      if ([...line].length > MAX_LABEL) throw fault(index + 1, `a label is at most ${MAX_LABEL} characters`);
      if (/[\p{Cc}\p{Cf}]/u.test(line)) throw fault(index + 1, 'a label holds a control or invisible character; retype it');
      if (into.length === MAX_LABELS) throw fault(index + 1, `at most ${MAX_LABELS} labels a version`);
      into.push(line);
    });
  const labels: LabelFile = {};
  for (const version of ['public', 'sealed'] as const) {
    const lines = sections[version] ?? (common.length > 0 ? common : undefined);
    if (lines) labels[version] = [...lines];
  }
  if (sections.lodged) labels.lodged = sections.lodged;
  if (SECTIONS.every((paper) => labels[paper] === undefined)) {
    throw new VaultError('VALIDATION', `${source} holds no label. Write one label a line (under [public], [sealed] or [lodged] for one paper), or use --labels none.`, { field: 'labels' });
  }
  return labels;
}
