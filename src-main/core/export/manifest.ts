import { z } from 'zod';
import type { FilingRenders } from '../filings/render';
import { FILE_ROLES } from '../shared/filing-formats';
import type { ExportedFile } from './export-filing';
import type { Verification } from './verification';

/** What the manifest says about the case: only its public caption. */
export interface CaseCaption {
  title: string;
  court?: string | undefined;
  number?: string | undefined;
}

export interface Manifest {
  format: 'doevault-export/1';
  case: CaseCaption;
  filing: { title: string; format: string };
  createdAt: string;
  files: ExportedFile[];
  verification: ManifestVerification;
  /** Keyed hashes of the texts the user marked "not a plaintiff" (export/answers.ts): no wording. */
  answers: { notAPlaintiff: string[] };
  /** MAC under a subkey of the case key over the rest: see ExportAnswers. */
  authentication: string;
}

/** What a manifest says of the verification: counts, never a hit's text or whom it names. */
export interface ManifestVerification {
  result: Verification['result'];
  scanned: string[];
  identitiesChecked: number;
  hits: number;
  clearedByUser: number;
  sealedNamesPresent: boolean;
}

export function manifestVerification(verification: Verification): ManifestVerification {
  return {
    result: verification.result,
    scanned: verification.scanned,
    identitiesChecked: verification.identities,
    hits: verification.hits.length,
    clearedByUser: verification.cleared,
    sealedNamesPresent: verification.sealedComplete,
  };
}

/**
 * A manifest read back from disk (by `verify`): only what verify uses is required; the rest is
 * kept as written, since the authentication covers every field.
 */
export const manifestOnDisk = z.looseObject({
  // An export's, or a sealing set's (set-manifest.ts): both authenticated the same way.
  format: z.enum(['doevault-export/1', 'doevault-sealing-set/1']),
  files: z
    .array(z.looseObject({ name: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), role: z.enum(FILE_ROLES).optional() }))
    .max(32),
  answers: z.looseObject({ notAPlaintiff: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(100_000) }),
  authentication: z.string(),
});

/**
 * manifest.json: lets the firm (and the court's clerk) check that the files are the ones that
 * were verified. It goes into the sealed package too, so it names no one: public caption,
 * public title, hashes and the verification's numbers.
 */
export function buildManifest(input: {
  caseCaption: CaseCaption;
  renders: FilingRenders;
  files: ExportedFile[];
  verification: Verification;
  clearedHashes: Iterable<string>;
  authenticate: (manifest: Omit<Manifest, 'authentication'>) => string;
}): Manifest {
  const { renders, verification } = input;
  const manifest: Omit<Manifest, 'authentication'> = {
    format: 'doevault-export/1',
    case: input.caseCaption,
    filing: { title: renders.public.metadataTitle, format: renders.public.format },
    createdAt: renders.public.createdAt,
    files: input.files,
    verification: manifestVerification(verification),
    answers: { notAPlaintiff: [...new Set(input.clearedHashes)].sort() },
  };
  return { ...manifest, authentication: input.authenticate(manifest) };
}
