import type { Ref } from 'react';
import type { ImportSummary } from './wizardState';

/** Step 5: what the import did. */
export function SummaryStep({ headingRef, summary, onDone }: { headingRef: Ref<HTMLHeadingElement>; summary: ImportSummary; onDone: () => void }) {
  return (
    <section aria-labelledby="wizard-summary">
      <h3 id="wizard-summary" className="wizard-heading" tabIndex={-1} ref={headingRef}>
        Import finished
      </h3>
      <dl className="wizard-summary">
        <div>
          <dt>Added</dt>
          <dd>{summary.added.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Skipped</dt>
          <dd>{summary.skipped.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Merged</dt>
          <dd>{summary.merged.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Rejected</dt>
          <dd>{summary.rejected.toLocaleString()}</dd>
        </div>
      </dl>
      {summary.pseudonyms ? (
        <p>
          New pseudonyms: {summary.pseudonyms.first}
          {summary.pseudonyms.last !== summary.pseudonyms.first ? ` to ${summary.pseudonyms.last}` : ''}.
        </p>
      ) : null}
      <p className="muted">The import is recorded in the audit log (counts only, no names).</p>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onDone} autoFocus>
          Done
        </button>
      </div>
    </section>
  );
}
