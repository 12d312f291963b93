import type { FilingFormat } from './document';

/**
 * The first-page sealing labels, by format and version. Sources (docs/SEALING.md quotes them):
 * California Rules of Court 2.551(b)(5) for the "PUBLIC — REDACTS…" and "MAY NOT BE EXAMINED…"
 * covers of the redacted and unredacted versions, 2.551(d)(4) for "CONDITIONALLY UNDER SEAL" on a
 * lodged record, and 2.551(e)(2)/(f) for "FILED UNDER SEAL PURSUANT TO ORDER OF THE COURT DATED …"
 * once the court has ordered sealing. Federal courts: the "REDACTED/UNREDACTED VERSION OF
 * DOCUMENT SOUGHT TO BE SEALED" wording of N.D. Cal. Civil Local Rule 79-5, which other districts
 * use too; check the local rule of the district you file in.
 */
export interface FilingLabels {
  public: string[];
  sealed: string[];
}

export function defaultLabels(format: FilingFormat, orderDate?: string): FilingLabels {
  if (format === 'federal') {
    return {
      public: ['REDACTED VERSION OF DOCUMENT SOUGHT TO BE SEALED'],
      sealed: ['UNREDACTED VERSION OF DOCUMENT SOUGHT TO BE SEALED'],
    };
  }
  return {
    public: ['PUBLIC — REDACTS MATERIALS FROM CONDITIONALLY SEALED RECORD'],
    sealed:
      orderDate === undefined
        ? ['CONDITIONALLY UNDER SEAL', 'MAY NOT BE EXAMINED WITHOUT COURT ORDER — CONTAINS MATERIAL FROM CONDITIONALLY SEALED RECORD']
        : [`FILED UNDER SEAL PURSUANT TO ORDER OF THE COURT DATED ${longDate(orderDate).toUpperCase()}`],
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-03-07" -> "March 7, 2026", the way courts write dates. */
export function longDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}
