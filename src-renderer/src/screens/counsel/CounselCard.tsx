import { useState } from 'react';
import { ErrorAlert, Loading, LoadError } from '../../components/Feedback';
import { useNotify } from '../../components/Toasts';
import { CounselForm } from './CounselForm';
import { summaryLines } from './counselRows';
import { useCounsel } from './useCounsel';

/**
 * The counsel stored for the vault (the firm's) or for one case: what every filing prints from
 * line 1 when its draft names no counsel. Shown as the first page would print it; edited in place.
 */
export function CounselCard({ caseId }: { caseId?: string }) {
  const counsel = useCounsel(caseId);
  const [editing, setEditing] = useState(false);
  const notify = useNotify();
  const { view } = counsel;
  const forCase = caseId !== undefined;

  if (counsel.load.error) return <LoadError error={counsel.load.error} title="The counsel could not be loaded." onRetry={() => void counsel.reload()} />;
  if (view === null) return <Loading label="Loading the counsel…" />;

  if (editing) {
    return (
      <CounselForm
        initial={view.counsel.length > 0 ? view.counsel : forCase ? view.firm : []}
        saving={counsel.save.pending}
        onCancel={() => setEditing(false)}
        onSave={async (list) => {
          const outcome = await counsel.saveCounsel(list);
          if (!outcome.ok) return outcome.error;
          setEditing(false);
          notify(forCase ? 'Saved the counsel of this case.' : 'Saved the firm counsel.');
          return null;
        }}
      />
    );
  }

  const shown = view.counsel.length > 0 ? view.counsel : forCase ? view.firm : [];
  return (
    <div className="form">
      <p className="muted">
        {forCase
          ? 'Printed from line 1 of this case’s filings, over the firm counsel. A draft’s own “counsel:” front matter still comes first.'
          : 'Printed from line 1 of every filing, and the first attorney signs it, unless the case or the draft names other counsel.'}
      </p>
      {shown.length === 0 ? (
        <p className="counsel-empty">
          {forCase ? 'No counsel stored for this case or the firm: filings print counsel only from their front matter.' : 'No firm counsel yet: filings print counsel only from their front matter.'}
        </p>
      ) : (
        <>
          {forCase && view.counsel.length === 0 ? <p className="counsel-empty">This case has no counsel of its own; its filings print the firm counsel:</p> : null}
          <ul className="counsel-list" aria-label={forCase && view.counsel.length > 0 ? 'Counsel of this case' : 'Firm counsel'}>
            {shown.map((attorney, i) => (
              <li key={i} className="counsel-entry">
                {summaryLines(attorney).map((line, j) => (
                  <span key={j} className={j === 0 ? 'counsel-name' : undefined}>
                    {line}
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
      {counsel.clear.error ? <ErrorAlert error={counsel.clear.error} title="The counsel was not removed." /> : null}
      <div className="actions actions-start">
        <button type="button" className="button button-primary" onClick={() => setEditing(true)}>
          {view.counsel.length > 0 ? 'Edit counsel' : forCase ? 'Set counsel for this case' : 'Set firm counsel'}
        </button>
        {view.counsel.length > 0 ? (
          <button
            type="button"
            className="button button-danger-quiet"
            disabled={counsel.clear.pending}
            onClick={async () => {
              const outcome = await counsel.clearCounsel();
              if (outcome.ok) notify(forCase ? 'Removed this case’s counsel; its filings print the firm counsel.' : 'Removed the firm counsel.');
            }}
          >
            {forCase ? 'Use the firm counsel' : 'Remove firm counsel'}
          </button>
        ) : null}
      </div>
    </div>
  );
}
