import type { FilingRenders } from '../filings/render';
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
  verification: {
    result: Verification['result'];
    scanned: string[];
    identitiesChecked: number;
    hits: number;
    clearedByUser: number;
    sealedNamesPresent: boolean;
  };
}

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
}): Manifest {
  const { renders, verification } = input;
  return {
    format: 'doevault-export/1',
    case: input.caseCaption,
    filing: { title: renders.public.metadataTitle, format: renders.public.format },
    createdAt: renders.public.createdAt,
    files: input.files,
    verification: {
      result: verification.result,
      scanned: verification.scanned,
      identitiesChecked: verification.identities,
      hits: verification.hits.length,
      clearedByUser: verification.cleared,
      sealedNamesPresent: verification.sealedComplete,
    },
  };
}
