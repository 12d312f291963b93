import { useEffect, useState } from 'react';
import type { CaseSummaryDto } from '../../../src-preload/contract';
import { api } from '../api/client';
import type { Route } from '../routes';

/** The case's summary (title, court), for headings and breadcrumbs; null until known or when gone. */
export function useCaseSummary(caseId: string): CaseSummaryDto | null {
  const [summary, setSummary] = useState<CaseSummaryDto | null>(null);
  useEffect(() => {
    let current = true;
    api()
      .cases.list()
      .then((cases) => current && setSummary(cases.find((c) => c.id === caseId) ?? null))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [caseId]);
  return summary;
}

type CaseTab = 'roster' | 'filings' | 'exhibits';

export interface Crumb {
  label: string;
  route?: Route;
}

/** Cases / case title / … : every step but the last goes back there. */
export function Breadcrumb({ trail, onNavigate }: { trail: Crumb[]; onNavigate: (route: Route) => void }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        {trail.map((crumb, i) =>
          crumb.route && i < trail.length - 1 ? (
            <li key={`${i}-${crumb.label}`}>
              <button type="button" className="button-link" onClick={() => onNavigate(crumb.route!)}>
                {crumb.label}
              </button>
            </li>
          ) : (
            <li key={`${i}-${crumb.label}`} aria-current="page">
              {crumb.label}
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

/** The case's pages, Roster, Filings and Exhibits, as a second row of navigation. */
export function CaseTabs({ caseId, current, onNavigate }: { caseId: string; current: CaseTab; onNavigate: (route: Route) => void }) {
  const items: { name: CaseTab; label: string }[] = [
    { name: 'roster', label: 'Roster' },
    { name: 'filings', label: 'Filings' },
    { name: 'exhibits', label: 'Exhibits' },
  ];
  return (
    <nav aria-label="Case" className="case-tabs">
      <ul>
        {items.map((item) => (
          <li key={item.name}>
            <button
              type="button"
              className={`case-tab${current === item.name ? ' is-current' : ''}`}
              aria-current={current === item.name ? 'page' : undefined}
              onClick={() => onNavigate({ name: item.name, caseId })}
            >
              {item.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
