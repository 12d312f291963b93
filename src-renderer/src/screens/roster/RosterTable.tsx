import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { RosterEntryDto } from '../../../../src-preload/contract';
import { formatDate } from '../../lib/format';
import { rowAt, type RosterRows } from './rows';
import type { Revealed } from './useReveal';

const ROW_HEIGHT = 52;
const HEADER_HEIGHT = 42;
const estimateSize = () => ROW_HEIGHT;

export type RosterRowActions = {
  onReveal: (entry: RosterEntryDto) => void;
  onHide: (entry: RosterEntryDto) => void;
  onCopy: (entry: RosterEntryDto) => void;
  onEdit: (entry: RosterEntryDto) => void;
  onWithdraw: (entry: RosterEntryDto) => void;
};

/**
 * The roster as a virtualised table: only the rows in view (plus a few) are in the DOM, so
 * 100,000 plaintiffs scroll as smoothly as ten. One row at a time is in the tab order (roving
 * tabindex); the arrow keys, Page Up/Down, Home and End move between rows, Enter reveals.
 * Memoised, and so is each row: a keystroke in the search field re-renders neither, and a new
 * search result re-renders only the rows whose plaintiff, place or state changed.
 */
export const RosterTable = memo(function RosterTable({
  caption,
  rows,
  revealed,
  now,
  focusId,
  onFocused,
  actions,
}: {
  caption: string;
  rows: RosterRows;
  revealed: ReadonlyMap<string, Revealed>;
  now: number;
  focusId: string | null;
  onFocused: () => void;
  /** Stable across renders (the rows are memoised). */
  actions: RosterRowActions;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    overscan: 8,
    scrollMargin: HEADER_HEIGHT,
  });
  const activeIndex = Math.max(0, Math.min(active, rows.length - 1));

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(index, rows.length - 1));
    setActive(target);
    pendingFocus.current = target;
    virtualizer.scrollToIndex(target, { align: 'auto' });
  };

  // Focus a row once it is rendered (after a scroll it may take a frame).
  useEffect(() => {
    if (pendingFocus.current === null) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${pendingFocus.current}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });

  useEffect(() => {
    if (focusId === null) return;
    for (let index = 0; index < rows.length; index++) {
      if (rowAt(rows, index).id === focusId) {
        moveTo(index);
        break;
      }
    }
    onFocused();
  }, [focusId]);

  // The rows' handlers are stable; they read the latest props from here.
  const latest = useRef({ rows, revealed, actions, moveTo });
  latest.current = { rows, revealed, actions, moveTo };

  const onRowKeyDown = useCallback((event: KeyboardEvent<HTMLDivElement>, index: number, entry: RosterEntryDto) => {
    const { rows, revealed, actions, moveTo } = latest.current;
    const page = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 400) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: rows.length - 1,
    };
    if (event.key in moves && (event.target === event.currentTarget || event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      moveTo(moves[event.key]!);
      return;
    }
    if ((event.key === 'Enter' || event.key === ' ') && event.target === event.currentTarget) {
      event.preventDefault();
      const state = revealed.get(entry.id);
      if (state?.state === 'shown') actions.onHide(entry);
      else if (!state) actions.onReveal(entry);
    }
  }, []);

  const items = virtualizer.getVirtualItems();

  return (
    <div className="roster-scroll" ref={scrollRef}>
      <div role="table" aria-label={caption} aria-rowcount={rows.length + 1} className="roster-table">
        <div role="rowgroup" className="roster-head">
          <div role="row" aria-rowindex={1} className="roster-row roster-header-row">
            <span role="columnheader">Pseudonym</span>
            <span role="columnheader">Status</span>
            <span role="columnheader">Real name</span>
            <span role="columnheader" className="roster-actions-head">
              Actions
            </span>
          </div>
        </div>
        <div role="rowgroup" className="roster-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const entry = rowAt(rows, item.index);
            const state = revealed.get(entry.id);
            return (
              <RosterRow
                key={entry.id}
                entry={entry}
                index={item.index}
                size={item.size}
                offset={item.start - HEADER_HEIGHT}
                isActive={item.index === activeIndex}
                state={state}
                secondsLeft={state?.state === 'shown' ? Math.max(0, Math.ceil((state.hidesAt - now) / 1000)) : 0}
                actions={actions}
                onKeyDown={onRowKeyDown}
                onActive={setActive}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
});

const RosterRow = memo(function RosterRow({
  entry,
  index,
  size,
  offset,
  isActive,
  state,
  secondsLeft,
  actions,
  onKeyDown,
  onActive,
}: {
  entry: RosterEntryDto;
  index: number;
  size: number;
  offset: number;
  isActive: boolean;
  state: Revealed | undefined;
  /** Until a shown real name hides again. */
  secondsLeft: number;
  actions: RosterRowActions;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>, index: number, entry: RosterEntryDto) => void;
  onActive: (index: number) => void;
}) {
  const tab = isActive ? 0 : -1;
  const withdrawn = entry.status === 'withdrawn';
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      data-id={entry.id}
      tabIndex={tab}
      className={`roster-row${isActive ? ' is-active' : ''}${withdrawn ? ' is-withdrawn' : ''}`}
      style={{ height: size, transform: `translateY(${offset}px)` }}
      onFocus={() => !isActive && onActive(index)}
      onKeyDown={(event) => onKeyDown(event, index, entry)}
    >
      <span role="rowheader" className="roster-pseudonym">
        {entry.pseudonym}
      </span>
      <span role="cell">
        {withdrawn ? (
          <span className="badge badge-withdrawn" title={entry.withdrawnAt ? `Withdrawn on ${formatDate(entry.withdrawnAt)}` : undefined}>
            Withdrawn
          </span>
        ) : (
          <span className="badge badge-active">Active</span>
        )}
      </span>
      <span role="cell" className="roster-name">
        {state?.state === 'shown' ? (
          <>
            <span className="revealed-name">{state.legalName}</span>
            <span className="reveal-countdown">hides in {secondsLeft} s</span>
            <button type="button" className="button button-small button-quiet" tabIndex={tab} onClick={() => actions.onHide(entry)} aria-label={`Hide the real name of ${entry.pseudonym}`}>
              Hide
            </button>
          </>
        ) : (
          <>
            <span className="masked" aria-hidden="true">
              •••••
            </span>
            <span className="visually-hidden">Hidden</span>
            <button
              type="button"
              className="button button-small"
              tabIndex={tab}
              onClick={() => actions.onReveal(entry)}
              disabled={state?.state === 'loading'}
              aria-label={`Reveal the real name of ${entry.pseudonym}`}
              title="Reveal for 30 seconds (Enter). Recorded in the audit log."
            >
              {state?.state === 'loading' ? 'Revealing…' : 'Reveal'}
            </button>
          </>
        )}
      </span>
      <span role="cell" className="roster-actions">
        <button type="button" className="button button-small button-quiet" tabIndex={tab} onClick={() => actions.onCopy(entry)} aria-label={`Copy name of ${entry.pseudonym}`} title="Copy the real name; the clipboard is cleared shortly after">
          Copy name
        </button>
        <button type="button" className="button button-small button-quiet" tabIndex={tab} onClick={() => actions.onEdit(entry)} aria-label={`Edit ${entry.pseudonym}`}>
          Edit
        </button>
        {withdrawn ? null : (
          <button type="button" className="button button-small button-danger-quiet" tabIndex={tab} onClick={() => actions.onWithdraw(entry)} aria-label={`Withdraw ${entry.pseudonym}`}>
            Withdraw
          </button>
        )}
      </span>
    </div>
  );
});
