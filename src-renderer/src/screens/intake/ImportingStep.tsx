import type { Ref } from 'react';
import { ImportProgress } from './ImportProgress';

/** Step 4: the import runs, in one transaction, with its progress and Cancel. */
export function ImportingStep({ headingRef, onCancel }: { headingRef: Ref<HTMLHeadingElement>; onCancel: () => void }) {
  return (
    <section aria-labelledby="wizard-importing">
      <h3 id="wizard-importing" className="wizard-heading" tabIndex={-1} ref={headingRef}>
        Importing
      </h3>
      <p>All rows are written in one transaction: if you cancel, or anything fails, the vault stays exactly as it was.</p>
      <ImportProgress label="Importing plaintiffs…" />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel import
        </button>
      </div>
    </section>
  );
}
