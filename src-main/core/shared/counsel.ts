/**
 * An attorney as a filing's first page names them (CRC 2.111(1)): the same fields in a draft's
 * front matter, the vault's firm counsel and a case's counsel. The schema is core/filings/counsel.ts.
 */
export interface Counsel {
  name: string;
  barNumber?: string | undefined;
  firm?: string | undefined;
  /** Up to 6 lines. */
  address?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  attorneysFor?: string | undefined;
}

/** The fields of an attorney in the order forms and files list them. */
export const COUNSEL_FIELDS = ['name', 'barNumber', 'firm', 'address', 'phone', 'email', 'attorneysFor'] as const satisfies readonly (keyof Counsel)[];

export const MAX_COUNSEL = 10;
export const MAX_ADDRESS_LINES = 6;

/** Where the counsel of an export came from: the draft's front matter, the case, the vault, or nowhere. */
export type CounselSource = 'front-matter' | 'case' | 'vault' | 'none';
