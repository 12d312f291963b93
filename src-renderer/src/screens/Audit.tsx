import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AuditEntryDto, CaseSummaryDto } from '../../../src-preload/contract';
import { api } from '../api/client';
import { EmptyState, ErrorAlert, Loading, LoadError, ProgressBar } from '../components/Feedback';
import { useAction } from '../hooks/useAction';
import { fileName, formatDateTime, plural } from '../lib/format';
import { useTitle } from '../hooks/useTitle';

const PAGE = 200;
/** Entries that list pseudonyms (a bulk add) show this many, then a count. */
const LIST_LIMIT = 12;

const ACTIONS: Record<string, string> = {
  'vault.created': 'Vault created',
  'vault.unlocked': 'Vault unlocked',
  'vault.restored': 'Vault restored from a backup',
  'recovery.used': 'Recovery key used',
  'passphrase.changed': 'Passphrase changed',
  'backup.created': 'Backup made',
  'case.created': 'Case created',
  'case.updated': 'Case details changed',
  'case.deleted': 'Case deleted',
  'plaintiffs.added': 'Plaintiffs added',
  'plaintiff.updated': 'Plaintiff edited',
  'plaintiff.withdrawn': 'Plaintiff withdrawn',
  'plaintiff.revealed': 'Real name revealed',
  'roster.revealed': 'Whole roster revealed',
  'exhibit.finding-revealed': 'Words found in an exhibit revealed',
  'filing.created': 'Filing created',
  'filing.deleted': 'Filing deleted',
  'filing.previewed': 'Sealed version previewed',
  'filing.exported': 'Filing exported',
  'counsel.set': 'Counsel saved',
  'counsel.cleared': 'Counsel cleared',
  'filing.export-blocked': 'Export stopped: a name was found',
  'filing.sealing-set-written': 'Sealing papers written',
  'filing.sealing-set-blocked': 'Sealing papers stopped: a name was found',
  'exhibit.redacted': 'Exhibit redacted',
  'exhibit.redaction-blocked': 'Exhibit redaction stopped: a name was found',
  'package.opened': 'Sealed package opened',
  'vault.upgraded': 'Vault records re-sealed (padded, times encrypted)',
};

const DETAIL_LABELS: Record<string, string> = {
  caseId: 'Case',
  pseudonym: 'Plaintiff',
  pseudonyms: 'Plaintiffs',
  count: 'Count',
  plaintiffs: 'Plaintiffs',
  with: 'With',
  file: 'File',
  from: 'From',
  cases: 'Cases',
  kdf: 'Key derivation',
  attemptedAt: 'Attempted at',
  filingId: 'Filing',
  version: 'Version',
  folder: 'Folder',
  files: 'Files',
  cited: 'Plaintiffs cited',
  hits: 'Names found',
  sha256: 'SHA-256 of the files',
  fields: 'Fields changed',
};

export function AuditScreen() {
  useTitle('Audit log');
  const [entries, setEntries] = useState<AuditEntryDto[] | null>(null);
  const [cases, setCases] = useState<Map<string, string>>(new Map());
  const [shown, setShown] = useState(PAGE);
  const load = useAction(async () => {
    const [log, list] = await Promise.all([api().audit.list(), api().cases.list().catch((): CaseSummaryDto[] => [])]);
    return { log, list };
  });
  const verify = useAction(() => api().audit.verify());
  const [verification, setVerification] = useState<Awaited<ReturnType<ReturnType<typeof api>['audit']['verify']>> | null>(null);
  const loadRun = load.run;

  const reload = useCallback(async () => {
    const outcome = await loadRun();
    if (!outcome.ok) return;
    setEntries([...outcome.value.log].sort((a, b) => b.seq - a.seq));
    setCases(new Map(outcome.value.list.map((c) => [c.id, c.title])));
  }, [loadRun]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const runVerify = async () => {
    setVerification(null);
    const outcome = await verify.run();
    if (outcome.ok) setVerification(outcome.value);
  };

  const visible = useMemo(() => entries?.slice(0, shown) ?? [], [entries, shown]);

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1 className="page-title">Audit log</h1>
          <p className="page-subtitle">Every unlock, change and reveal, newest first. Entries are chained and signed, so an edit or a deletion shows.</p>
        </div>
        <div className="page-header-actions">
          <button type="button" className="button button-primary" onClick={() => void runVerify()} disabled={verify.pending}>
            {verify.pending ? 'Verifying…' : 'Verify the log'}
          </button>
        </div>
      </div>

      {verify.slow ? <ProgressBar label="Verifying the audit log…" /> : null}
      {verify.error ? <ErrorAlert error={verify.error} title="The log could not be verified." /> : null}
      {verification?.ok === true ? (
        <div className="alert alert-success" role="status">
          <p className="alert-title">The audit log is intact.</p>
          <p>All {plural(verification.entries, 'entry', 'entries')} are in order: none was changed, removed or reordered.</p>
        </div>
      ) : null}
      {verification?.ok === false ? (
        <div className="alert alert-error" role="alert">
          <p className="alert-title">The audit log has been tampered with or damaged.</p>
          <p>
            The first bad entry is #{verification.firstBadEntry} of {verification.entries}: {sentence(verification.problem)}
          </p>
          <p>Keep this vault file as evidence, and restore a backup to go on working.</p>
        </div>
      ) : null}

      {load.error ? <LoadError error={load.error} title="The audit log could not be loaded." onRetry={() => void reload()} /> : null}
      {entries === null && !load.error ? load.slow ? <ProgressBar label="Loading the audit log…" /> : <Loading label="Loading the audit log…" /> : null}
      {entries !== null && entries.length === 0 ? <EmptyState title="The log is empty">Entries appear as the vault is used.</EmptyState> : null}
      {entries !== null && entries.length > 0 ? (
        <>
          <div className="table-card">
            <table className="data-table audit-table">
              <caption className="visually-hidden">Audit log entries, newest first</caption>
              <thead>
                <tr>
                  <th scope="col" className="numeric">
                    #
                  </th>
                  <th scope="col">When</th>
                  <th scope="col">What</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {visible.map((entry) => (
                  <tr key={entry.seq} className={verification?.ok === false && verification.firstBadEntry === entry.seq ? 'is-bad' : undefined}>
                    <td className="numeric muted">{entry.seq}</td>
                    <td className="nowrap">{formatDateTime(entry.at)}</td>
                    <td>
                      {ACTIONS[entry.action] ?? entry.action}
                      {verification?.ok === false && verification.firstBadEntry === entry.seq ? <span className="badge badge-bad">First bad entry</span> : null}
                    </td>
                    <td>
                      <Details details={entry.details} cases={cases} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="table-footer">
            <p className="muted">
              Showing {visible.length.toLocaleString()} of {plural(entries.length, 'entry', 'entries')}.
            </p>
            {visible.length < entries.length ? (
              <button type="button" className="button" onClick={() => setShown((n) => n + PAGE)}>
                Show {Math.min(PAGE, entries.length - visible.length)} more
              </button>
            ) : null}
          </div>
        </>
      ) : null}
    </div>
  );
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function Details({ details, cases }: { details: AuditEntryDto['details']; cases: Map<string, string> }) {
  const items = Object.entries(details);
  if (items.length === 0) return <span className="muted">—</span>;
  return (
    <dl className="details">
      {items.map(([key, value]) => (
        <div key={key} className="details-item">
          <dt>{DETAIL_LABELS[key] ?? key}</dt>
          <dd>{renderValue(key, value, cases)}</dd>
        </div>
      ))}
    </dl>
  );
}

function renderValue(key: string, value: AuditEntryDto['details'][string], cases: Map<string, string>): string {
  if (key === 'caseId' && typeof value === 'string') return cases.get(value) ?? `${value} (deleted)`;
  if ((key === 'file' || key === 'from') && typeof value === 'string') return fileName(value);
  if (key === 'attemptedAt' && typeof value === 'string') return formatDateTime(value);
  if (Array.isArray(value)) {
    const shown = value.slice(0, LIST_LIMIT).join(', ');
    return value.length > LIST_LIMIT ? `${shown} … and ${(value.length - LIST_LIMIT).toLocaleString()} more` : shown;
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return typeof value === 'number' ? value.toLocaleString() : value;
}
