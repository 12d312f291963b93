import { VaultError } from '../errors';

/** How a case names its plaintiffs (DESIGN.md §4). */
export type PseudonymScheme =
  | { kind: 'gendered' }
  | { kind: 'neutral' }
  | { kind: 'letters' }
  | { kind: 'initials' }
  | { kind: 'prefix'; prefix: string };

export type Gender = 'female' | 'male' | 'unspecified';

export const DEFAULT_SCHEME: PseudonymScheme = { kind: 'gendered' };
export const SCHEME_SYNTAX = 'gendered, neutral, letters, initials or prefix:TEXT (e.g. "prefix:Officer Doe")';

export function parseScheme(text: string): PseudonymScheme {
  const trimmed = text.trim();
  if (trimmed === 'gendered' || trimmed === 'neutral' || trimmed === 'letters' || trimmed === 'initials') {
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
}

export function pseudonymFor(scheme: PseudonymScheme, request: PseudonymRequest): string {
  switch (scheme.kind) {
    case 'gendered':
      return request.gender === 'female'
        ? `Jane Doe ${request.seq}`
        : request.gender === 'male'
          ? `John Doe ${request.seq}`
          : `Doe ${request.seq}`;
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
