/**
 * The first-page sealing labels of a filing's two versions. Their wording is data, per court,
 * in resources/courts.json (courts.ts: `courtLabels`, `defaultLabels`); docs/SEALING.md quotes
 * the rules they come from.
 */
export interface FilingLabels {
  public: string[];
  sealed: string[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-03-07" -> "March 7, 2026", the way courts write dates. */
export function longDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}
