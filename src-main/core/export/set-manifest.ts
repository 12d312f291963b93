import { VaultError } from '../errors';
import type { FileRole, FilingFormat } from '../shared/filing-formats';
import { manifestVerification, type CaseCaption, type ManifestVerification } from './manifest';
import type { Verification } from './verification';
import type { WrittenFile } from './write-verified';

/** One file of a sealing set as its manifest lists it. */
export interface SetFile extends WrittenFile {
  /** public: names nobody, filed openly; lodged: lodged conditionally under seal (docs/SEALING.md). */
  role: FileRole;
  /** The paper's public title (the caption's), the same in its PDF and Word file. */
  title: string;
  /** The first-page labels printed on it; none on a public paper that redacts nothing. */
  labels: string[];
}

/**
 * A sealing set's manifest.json (issue 13, item 6): every file of the set with its role, its
 * SHA-256 and its labels, authenticated like an export's manifest (a MAC under a subkey of the
 * case key, export/answers.ts), so `verify` beside it knows the lodged file for what it is.
 * Like the export's, it names no one: the public caption, the papers' titles, hashes and counts.
 */
export interface SetManifest {
  format: 'doevault-sealing-set/1';
  case: CaseCaption;
  set: {
    /** The court's id in resources/courts.json; absent when the case's own court text was used. */
    court?: string | undefined;
    format: FilingFormat;
    /** How many plaintiffs the declaration of identities lists (all the case's). */
    plaintiffs: number;
  };
  createdAt: string;
  files: SetFile[];
  verification: ManifestVerification;
  answers: { notAPlaintiff: string[] };
  authentication: string;
}

/** What each written file is: its role, title and labels, by file name. */
export interface SetFileFacts {
  role: FileRole;
  title: string;
  labels: string[];
}

export function buildSetManifest(input: {
  caseCaption: CaseCaption;
  set: SetManifest['set'];
  createdAt: string;
  files: readonly WrittenFile[];
  facts: ReadonlyMap<string, SetFileFacts>;
  verification: Verification;
  clearedHashes: Iterable<string>;
  authenticate: (manifest: Omit<SetManifest, 'authentication'>) => string;
}): SetManifest {
  const manifest: Omit<SetManifest, 'authentication'> = {
    format: 'doevault-sealing-set/1',
    case: input.caseCaption,
    set: input.set,
    createdAt: input.createdAt,
    files: input.files.map((file) => {
      const facts = input.facts.get(file.name);
      if (facts === undefined) throw new VaultError('INTERNAL', `${file.name} was written without a role in the set; nothing was written. Report this as a bug.`);
      return { name: file.name, role: facts.role, title: facts.title, labels: facts.labels, sha256: file.sha256, bytes: file.bytes };
    }),
    verification: manifestVerification(input.verification),
    answers: { notAPlaintiff: [...new Set(input.clearedHashes)].sort() },
  };
  return { ...manifest, authentication: input.authenticate(manifest) };
}
