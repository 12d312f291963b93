import { useMemo, useRef } from 'react';
import type { RosterEntryDto } from '../../../../src-preload/contract';
import { nextRows, rosterColumns, selectRows, type RosterRows, type StatusFilter } from './rows';

/**
 * The rows to show: the roster itself, or the positions in it that the search's bitset and the
 * status filter keep. The same rows as last time keep the same object (see nextRows).
 */
export function useRosterRows(
  roster: readonly RosterEntryDto[],
  mask: Uint8Array | null,
  status: StatusFilter,
): { rows: RosterRows; withdrawnCount: number } {
  const columns = useMemo(() => rosterColumns(roster), [roster]);
  const last = useRef<RosterRows | null>(null);
  const rows = useMemo(() => {
    const rows = nextRows(last.current, roster, selectRows(columns, mask, status));
    last.current = rows;
    return rows;
  }, [roster, columns, mask, status]);
  return { rows, withdrawnCount: columns.withdrawnCount };
}
