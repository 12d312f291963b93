import type { RefObject } from 'react';
import { Kbd } from '../../components/Feedback';
import { plural } from '../../lib/format';
import type { StatusFilter } from './rows';
import type { RosterSearch } from './useRosterSearch';

/** The search field, the status filter and how many plaintiffs are shown. */
export function RosterToolbar({
  search,
  inputRef,
  status,
  onStatus,
  shown,
  total,
  withdrawnCount,
}: {
  search: RosterSearch;
  inputRef: RefObject<HTMLInputElement | null>;
  status: StatusFilter;
  onStatus: (status: StatusFilter) => void;
  /** Rows after the search and the filter. */
  shown: number;
  total: number;
  withdrawnCount: number;
}) {
  const filtering = search.query.trim() !== '' || status !== 'all';
  return (
    <div className="toolbar" role="search">
      <div className="search-field">
        <label htmlFor="roster-search" className="visually-hidden">
          Search pseudonyms and real names
        </label>
        <svg className="search-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <circle cx="7" cy="7" r="4.5" stroke="currentColor" strokeWidth="1.5" fill="none" />
          <path d="M10.5 10.5L14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
        <input
          id="roster-search"
          ref={inputRef}
          type="search"
          className="input search-input"
          placeholder="Search pseudonyms and real names"
          value={search.query}
          onChange={(e) => search.setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && search.query) {
              e.preventDefault();
              search.setQuery('');
            }
          }}
          autoComplete="off"
          spellCheck={false}
          aria-keyshortcuts="Control+F /"
          title="Search (Ctrl+F or /)"
        />
        <span className="search-hint" aria-hidden="true">
          <Kbd>/</Kbd>
        </span>
      </div>
      <div className="filter-field">
        <label htmlFor="roster-status" className="filter-label">
          Status
        </label>
        <select id="roster-status" className="input input-compact" value={status} onChange={(e) => onStatus(e.target.value as StatusFilter)}>
          <option value="all">All</option>
          <option value="active">Active</option>
          <option value="withdrawn">Withdrawn</option>
        </select>
      </div>
      <p className="toolbar-count" aria-live="polite" data-search-applied={search.applied}>
        {search.searching ? 'Searching…' : filtering ? `${shown.toLocaleString()} of ${plural(total, 'plaintiff')}` : plural(total, 'plaintiff')}
        {!filtering && withdrawnCount > 0 ? `, ${withdrawnCount.toLocaleString()} withdrawn` : ''}
      </p>
    </div>
  );
}
