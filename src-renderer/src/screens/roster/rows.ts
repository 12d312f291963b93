import type { RosterEntryDto } from '../../../../src-preload/contract';
import { hasSeq } from './bitset';

export type StatusFilter = 'all' | 'active' | 'withdrawn';

/**
 * The rows on screen: the roster itself (order null) or the positions in it of the plaintiffs a
 * search or filter kept, in roster order. No array of 100,000 entries is built per keystroke.
 */
export type RosterRows = { readonly entries: readonly RosterEntryDto[]; readonly order: Uint32Array | null; readonly length: number };

export function rowAt(rows: RosterRows, index: number): RosterEntryDto {
  return rows.entries[rows.order === null ? index : rows.order[index]!]!;
}

/** What the filters read of each plaintiff, as typed arrays built once per roster. */
export type RosterColumns = { seqs: Int32Array; withdrawn: Uint8Array; withdrawnCount: number };

export function rosterColumns(roster: readonly RosterEntryDto[]): RosterColumns {
  const seqs = new Int32Array(roster.length);
  const withdrawn = new Uint8Array(roster.length);
  let withdrawnCount = 0;
  roster.forEach((entry, i) => {
    seqs[i] = entry.seq;
    if (entry.status === 'withdrawn') {
      withdrawn[i] = 1;
      withdrawnCount += 1;
    }
  });
  return { seqs, withdrawn, withdrawnCount };
}

/**
 * The positions in the roster that the search's bitset (null: no search) and the status filter
 * keep, in roster order; null when they keep every plaintiff.
 */
export function selectRows({ seqs, withdrawn }: RosterColumns, mask: Uint8Array | null, status: StatusFilter): Uint32Array | null {
  if (mask === null && status === 'all') return null;
  const count = seqs.length;
  const keep = status === 'withdrawn' ? 1 : 0;
  const order = new Uint32Array(count);
  let kept = 0;
  for (let i = 0; i < count; i++) {
    if (status !== 'all' && withdrawn[i] !== keep) continue;
    if (mask !== null && !hasSeq(mask, seqs[i]!)) continue;
    order[kept++] = i;
  }
  return kept === count ? null : order.slice(0, kept);
}

export function sameOrder(a: Uint32Array | null, b: Uint32Array | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The rows for this roster and order: the previous object itself when nothing changed (a longer
 * query that still matches the same plaintiffs, often all of them), so the table does not even
 * re-render.
 */
export function nextRows(previous: RosterRows | null, entries: readonly RosterEntryDto[], order: Uint32Array | null): RosterRows {
  if (previous && previous.entries === entries && sameOrder(previous.order, order)) return previous;
  return { entries, order, length: order?.length ?? entries.length };
}
