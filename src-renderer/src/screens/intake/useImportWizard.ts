import { useReducer, useState } from 'react';
import type { DuplicateDecisionDto, IntakeFieldName } from '../../../../src-preload/contract';
import { api, asDoeVaultError, type DoeVaultError } from '../../api/client';
import { INITIAL_WIZARD, wizardReducer, type ImportSummary, type WizardState } from './wizardState';

export interface ImportWizardModel {
  state: WizardState;
  /** What main is doing for the wizard right now ("Reading the file…"), or null. */
  busy: string | null;
  error: { title: string; error: DoeVaultError } | null;
  /** Not while importing, nor while a call runs. */
  canClose: boolean;
  chooseFile: () => Promise<void>;
  chooseSheet: (sheet: string) => Promise<void>;
  showSample: () => Promise<void>;
  hideSample: () => void;
  mapColumn: (column: number, field: IntakeFieldName | null) => void;
  next: () => void;
  back: () => void;
  check: () => Promise<void>;
  decide: (row: number, decision: DuplicateDecisionDto) => void;
  runImport: () => Promise<void>;
  /** Stops the running check or import (main's operation). */
  cancelOperation: () => void;
  /** Drops what main holds of the chosen file. */
  discard: () => void;
}

/**
 * The wizard's state (wizardReducer) and its calls to main: choose the file (and sheet) in
 * main's dialog, show the sample's values, check every row, import. A failed call shows its
 * error and leaves the step as it was; a LOCKED one says nothing (the app is locking).
 */
export function useImportWizard(caseId: string, onImported: (summary: ImportSummary) => void): ImportWizardModel {
  const [state, dispatch] = useReducer(wizardReducer, INITIAL_WIZARD);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ title: string; error: DoeVaultError } | null>(null);

  const attempt = async <T>(label: string, title: string, work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(label);
    setError(null);
    try {
      return await work();
    } catch (caught) {
      const failure = asDoeVaultError(caught);
      if (failure.code !== 'LOCKED') setError({ title, error: failure });
      return undefined;
    } finally {
      setBusy(null);
    }
  };

  const sheetInput = () => (state.inspection?.sheet ? { sheet: state.inspection.sheet } : {});

  return {
    state,
    busy,
    error,
    canClose: state.step !== 'importing' && busy === null,

    chooseFile: async () => {
      const chosen = await attempt('Reading the file…', 'The file could not be read.', () => api().intake.chooseFile({ caseId }));
      if (chosen) dispatch({ type: 'fileRead', inspection: chosen });
    },

    chooseSheet: async (sheet) => {
      const read = await attempt('Reading the sheet…', 'The sheet could not be read.', () => api().intake.inspect({ caseId, sheet }));
      if (read) dispatch({ type: 'sheetRead', inspection: read });
    },

    showSample: async () => {
      const rows = await attempt('Showing the values…', 'The values could not be shown.', () => api().intake.revealSample({ caseId, ...sheetInput() }));
      if (rows) dispatch({ type: 'sampleShown', rows });
    },

    hideSample: () => dispatch({ type: 'sampleHidden' }),
    mapColumn: (column, field) => dispatch({ type: 'mapColumn', column, field }),
    next: () => dispatch({ type: 'next' }),
    back: () => dispatch({ type: 'back' }),

    check: async () => {
      dispatch({ type: 'checkStarted' });
      const checked = await attempt('Checking every row…', 'The rows could not be checked.', () =>
        api().intake.preview({ caseId, ...sheetInput(), mapping: state.mapping }),
      );
      if (checked) dispatch({ type: 'checked', preview: checked });
    },

    decide: (row, decision) => dispatch({ type: 'decide', row, decision }),

    runImport: async () => {
      setError(null);
      dispatch({ type: 'importStarted' });
      try {
        const done = await api().intake.import({
          caseId,
          ...sheetInput(),
          mapping: state.mapping,
          onDuplicate: 'fail',
          decisions: Object.fromEntries(Object.entries(state.decisions).map(([row, decision]) => [String(row), decision])),
        });
        dispatch({ type: 'imported', summary: done });
        onImported(done);
      } catch (caught) {
        const failure = asDoeVaultError(caught);
        if (failure.code === 'LOCKED') return;
        dispatch({ type: 'importFailed', cancelled: failure.code === 'CANCELLED' });
        if (failure.code !== 'CANCELLED') setError({ title: 'Nothing was imported.', error: failure });
      }
    },

    cancelOperation: () => void api().operations.cancel(),

    discard: () =>
      void api()
        .intake.clear()
        .catch(() => undefined),
  };
}
