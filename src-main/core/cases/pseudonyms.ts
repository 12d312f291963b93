import { VaultError } from '../errors';

/** How a case names its plaintiffs (DESIGN.md §4). */
export type PseudonymScheme =
  | { kind: 'gendered' }
  /** Jane Doe 1…, John Doe 1…, Doe 1…: a number sequence per name, for a caption "JANE DOES 1 through 70 and JOHN DOES 1 through 70". */
  | { kind: 'gendered-separate' }
  | { kind: 'neutral' }
  | { kind: 'letters' }
  | { kind: 'initials' }
  | { kind: 'prefix'; prefix: string };

export type Gender = 'female' | 'male' | 'unspecified';

export const DEFAULT_SCHEME: PseudonymScheme = { kind: 'gendered' };
export const SCHEME_SYNTAX = 'gendered, gendered-separate, neutral, letters, initials or prefix:TEXT (e.g. "prefix:Officer Doe")';

export function parseScheme(text: string): PseudonymScheme {
  const trimmed = text.trim();
  if (trimmed === 'gendered' || trimmed === 'gendered-separate' || trimmed === 'neutral' || trimmed === 'letters' || trimmed === 'initials') {
    return { kind: trimmed };
  }
  if (trimmed.startsWith('prefix:')) {
    const prefix = trimmed.slice('prefix:'.length).trim().replace(/\s+/g, ' ');
    if (!/^\p{L}[\p{L}\p{M} .'’-]{0,39}$/u.test(prefix) || /\d/.test(prefix)) {
      throw new VaultError(
        'VALIDATION',
        'The pseudonym prefix must be 1 to 40 letters, spaces, dots, apostrophes or hyphens, e.g. "prefix:Officer Doe".',
        { field: 'scheme' },
      );
    }
    return { kind: 'prefix', prefix };
  }
  throw new VaultError('VALIDATION', `Unknown pseudonym scheme. Use ${SCHEME_SYNTAX}.`, { field: 'scheme' });
}

export function formatScheme(scheme: PseudonymScheme): string {
  return scheme.kind === 'prefix' ? `prefix:${scheme.prefix}` : scheme.kind;
}

/** Bijective base-26: 1 -> A, 26 -> Z, 27 -> AA, 703 -> AAA. */
export function lettersFor(n: number): string {
  let out = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    out = String.fromCharCode(65 + ((rest - 1) % 26)) + out;
  }
  return out;
}

export interface PseudonymRequest {
  /** The case's sequence number for this plaintiff: 1, 2, 3 … never reused. */
  seq: number;
  gender: Gender;
  /** Initials scheme only: the initials ("J.D.") and how many earlier plaintiffs share them. */
  initials?: string;
  earlierWithSameInitials?: number;
  /** Separate sequences only: how many earlier plaintiffs of the case have this gender's name (genderedStem). */
  earlierWithSameStem?: number;
}

/** The name before the number in the gendered schemes: "Jane Doe", "John Doe" or "Doe". */
export function genderedStem(gender: Gender): string {
  return gender === 'female' ? 'Jane Doe' : gender === 'male' ? 'John Doe' : 'Doe';
}

export function pseudonymFor(scheme: PseudonymScheme, request: PseudonymRequest): string {
  switch (scheme.kind) {
    case 'gendered':
      return `${genderedStem(request.gender)} ${request.seq}`;
    case 'gendered-separate':
      return `${genderedStem(request.gender)} ${(request.earlierWithSameStem ?? 0) + 1}`;
    case 'neutral':
      return `Doe ${request.seq}`;
    case 'letters':
      return `Plaintiff ${lettersFor(request.seq)}`;
    case 'initials': {
      const initials = request.initials ?? '';
      const ordinal = (request.earlierWithSameInitials ?? 0) + 1;
      return ordinal === 1 ? initials : `${initials} ${ordinal}`;
    }
    case 'prefix':
      return `${scheme.prefix} ${request.seq}`;
  }
}

/** The first names a scheme gives, for showing a scheme before a case uses it. */
export function exampleNames(scheme: PseudonymScheme): string[] {
  if (scheme.kind === 'initials') {
    return [
      pseudonymFor(scheme, { seq: 1, gender: 'unspecified', initials: 'M.R.', earlierWithSameInitials: 0 }),
      pseudonymFor(scheme, { seq: 2, gender: 'unspecified', initials: 'J.D.', earlierWithSameInitials: 0 }),
      pseudonymFor(scheme, { seq: 3, gender: 'unspecified', initials: 'M.R.', earlierWithSameInitials: 1 }),
    ];
  }
  const genders: Gender[] = ['female', 'male', 'unspecified'];
  return genders.map((gender, i) => pseudonymFor(scheme, { seq: i + 1, gender }));
}
