import { useEffect, useRef } from 'react';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/Feedback';
import { FileStep } from './FileStep';
import { ImportingStep } from './ImportingStep';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { SummaryStep } from './SummaryStep';
import { useImportWizard } from './useImportWizard';
import { importCount, STEPS, stepIndex, type ImportSummary } from './wizardState';

/**
 * Import plaintiffs from a spreadsheet: choose the file (and sheet) in main's dialog → map the
 * columns (detected, or remembered for this case) → check every row (problems and duplicates,
 * each duplicate decided) → import with a progress bar and Cancel → what was done. Nothing is
 * written before the last step, and the import is all rows or none.
 */
export function ImportWizard({ caseId, onClose, onImported }: { caseId: string; onClose: () => void; onImported: (summary: ImportSummary) => void }) {
  const wizard = useImportWizard(caseId, onImported);
  const { step, inspection, mapping, revealed, preview, decisions, summary, cancelled } = wizard.state;
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Each step's heading takes the focus, so a screen reader hears where the wizard is.
  useEffect(() => {
    headingRef.current?.focus();
  }, [step]);

  const close = () => {
    wizard.discard();
    onClose();
  };

  const current = stepIndex(step);
  const sample = { revealed, onShowSample: () => void wizard.showSample(), onHideSample: wizard.hideSample };

  return (
    <Dialog title="Import plaintiffs" onClose={close} closable={wizard.canClose} wide>
      <ol className="wizard-steps" aria-label="Steps">
        {STEPS.map((s, i) => (
          <li key={s.step} className={i === current ? 'is-current' : i < current ? 'is-done' : undefined} aria-current={i === current ? 'step' : undefined}>
            <span className="wizard-step-number" aria-hidden="true">
              {i + 1}
            </span>
            {s.label}
          </li>
        ))}
      </ol>
      {wizard.error ? <ErrorAlert error={wizard.error.error} title={wizard.error.title} /> : null}

      {step === 'file' ? (
        <FileStep
          headingRef={headingRef}
          inspection={inspection}
          busy={wizard.busy}
          canClose={wizard.canClose}
          onChooseFile={() => void wizard.chooseFile()}
          onChooseSheet={(sheet) => void wizard.chooseSheet(sheet)}
          onCancel={close}
          onNext={wizard.next}
        />
      ) : null}

      {step === 'mapping' && inspection ? (
        <MappingStep
          headingRef={headingRef}
          inspection={inspection}
          mapping={mapping}
          {...sample}
          busy={wizard.busy}
          onMap={wizard.mapColumn}
          onBack={wizard.back}
          onStop={wizard.cancelOperation}
          onCheck={() => void wizard.check()}
        />
      ) : null}

      {step === 'preview' && inspection && preview ? (
        <PreviewStep
          headingRef={headingRef}
          caseId={caseId}
          inspection={inspection}
          mapping={mapping}
          {...sample}
          preview={preview}
          decisions={decisions}
          importCount={importCount(wizard.state)}
          cancelled={cancelled}
          busy={wizard.busy}
          onDecide={wizard.decide}
          onBack={wizard.back}
          onImport={() => void wizard.runImport()}
        />
      ) : null}

      {step === 'importing' ? <ImportingStep headingRef={headingRef} onCancel={wizard.cancelOperation} /> : null}

      {step === 'summary' && summary ? <SummaryStep headingRef={headingRef} summary={summary} onDone={close} /> : null}
    </Dialog>
  );
}
