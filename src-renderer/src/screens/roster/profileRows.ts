import type { PlaintiffFields, RevealedPlaintiffDto } from '../../../../src-preload/contract';

/**
 * The doxxing surface as the plaintiff form edits it (issue 11): one row per entry, each a set
 * of text inputs. Blank rows are what "Add" leaves before it is filled in: they are dropped on
 * save, so adding a row and leaving it empty never refuses the form.
 */
export type AffiliationKind = 'school' | 'employer' | 'other';

export interface ProfileRows {
  family: { name: string; relation: string }[];
  pastAddresses: { text: string }[];
  affiliations: { name: string; kind: AffiliationKind }[];
  vehicles: { plate: string; state: string; description: string }[];
  handles: { text: string }[];
  characteristics: { text: string }[];
}

export type ProfileList = keyof ProfileRows;

export const EMPTY_PROFILE: ProfileRows = { family: [], pastAddresses: [], affiliations: [], vehicles: [], handles: [], characteristics: [] };

/** A new, blank row of a list. */
export function blankRow<L extends ProfileList>(list: L): ProfileRows[L][number] {
  const rows: { [K in ProfileList]: ProfileRows[K][number] } = {
    family: { name: '', relation: '' },
    pastAddresses: { text: '' },
    affiliations: { name: '', kind: 'school' },
    vehicles: { plate: '', state: '', description: '' },
    handles: { text: '' },
    characteristics: { text: '' },
  };
  return rows[list];
}

export function profileFromRevealed(p: RevealedPlaintiffDto): ProfileRows {
  const texts = (values: readonly string[] | undefined) => (values ?? []).map((text) => ({ text }));
  return {
    family: (p.family ?? []).map((m) => ({ name: m.name, relation: m.relation })),
    pastAddresses: texts(p.pastAddresses),
    affiliations: (p.affiliations ?? []).map((a) => ({ name: a.name, kind: a.kind })),
    vehicles: (p.vehicles ?? []).map((v) => ({ plate: v.plate, state: v.state ?? '', description: v.description ?? '' })),
    handles: texts(p.handles),
    characteristics: texts(p.characteristics),
  };
}

type ProfileFields = Pick<PlaintiffFields, 'family' | 'pastAddresses' | 'affiliations' | 'vehicles' | 'handles' | 'characteristics'>;

/**
 * What the form sends: every list, blank rows dropped (an empty list clears the stored one).
 * Kept positions matter for error messages, so `rowOf` maps each sent entry back to its row.
 */
export function profileToFields(rows: ProfileRows): ProfileFields {
  const filled = (text: string) => text.trim() !== '';
  const texts = (list: { text: string }[]) => list.map((r) => r.text.trim()).filter(filled);
  return {
    family: rows.family.filter((m) => filled(m.name) || filled(m.relation)).map((m) => ({ name: m.name.trim(), relation: m.relation.trim() })),
    pastAddresses: texts(rows.pastAddresses),
    affiliations: rows.affiliations.filter((a) => filled(a.name)).map((a) => ({ name: a.name.trim(), kind: a.kind })),
    vehicles: rows.vehicles
      .filter((v) => filled(v.plate) || filled(v.state) || filled(v.description))
      .map((v) => ({
        plate: v.plate.trim(),
        ...(filled(v.state) ? { state: v.state.trim() } : {}),
        ...(filled(v.description) ? { description: v.description.trim() } : {}),
      })),
    handles: texts(rows.handles),
    characteristics: texts(rows.characteristics),
  };
}
