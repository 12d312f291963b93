import type { DuplicateDecisionDto, IntakeDuplicateDto, IntakeFieldName, IntakeInspectionDto, IntakeProblemDto } from '../../../../src-preload/contract';

/**
 * The import wizard's state as a reducer: which step, what was read of the file, the mapping,
 * the check's result and the duplicate decisions. Pure; useImportWizard runs the calls to main
 * and dispatches their results.
 */

export type Step = 'file' | 'mapping' | 'preview' | 'importing' | 'summary';

export const STEPS: { step: Step; label: string }[] = [
  { step: 'file', label: 'File' },
  { step: 'mapping', label: 'Columns' },
  { step: 'preview', label: 'Check' },
  { step: 'importing', label: 'Import' },
  { step: 'summary', label: 'Done' },
];

/** Per column of the file: the field it holds, or null (not imported). */
export type Mapping = (IntakeFieldName | null)[];

/** The first rows of the file with their real values (shown on request). */
export type SampleRows = { row: number; cells: string[] }[];

export interface Preview {
  rows: number;
  valid: number;
  problems: IntakeProblemDto[];
  duplicates: IntakeDuplicateDto[];
}

export interface ImportSummary {
  added: number;
  skipped: number;
  merged: number;
  rejected: number;
  pseudonyms?: { first: string; last: string } | undefined;
}

export interface WizardState {
  step: Step;
  /** The chosen file (and sheet) as main read it; null before a file is chosen. */
  inspection: IntakeInspectionDto | null;
  mapping: Mapping;
  /** The sample's real values while shown; null: masked. */
  revealed: SampleRows | null;
  preview: Preview | null;
  /** Per row of a possible duplicate. */
  decisions: Record<number, DuplicateDecisionDto>;
  summary: ImportSummary | null;
  /** The last import was cancelled (said on the check step). */
  cancelled: boolean;
}

export type WizardAction =
  /** Another file was read: its columns, its detected mapping; nothing of the last file's check stays. */
  | { type: 'fileRead'; inspection: IntakeInspectionDto }
  /** Another sheet of the same workbook was read: its columns and mapping. */
  | { type: 'sheetRead'; inspection: IntakeInspectionDto }
  /** The file step's Next: to the columns, once a file with columns is read. */
  | { type: 'next' }
  /** Back one step, from the columns or from the check. */
  | { type: 'back' }
  | { type: 'mapColumn'; column: number; field: IntakeFieldName | null }
  | { type: 'sampleShown'; rows: SampleRows }
  | { type: 'sampleHidden' }
  | { type: 'checkStarted' }
  /** Every row checked: each possible duplicate starts as skipped. */
  | { type: 'checked'; preview: Preview }
  | { type: 'decide'; row: number; decision: DuplicateDecisionDto }
  | { type: 'importStarted' }
  | { type: 'imported'; summary: ImportSummary }
  /** Nothing was imported: back to the check, saying so when it was cancelled. */
  | { type: 'importFailed'; cancelled: boolean };

export const INITIAL_WIZARD: WizardState = {
  step: 'file',
  inspection: null,
  mapping: [],
  revealed: null,
  preview: null,
  decisions: {},
  summary: null,
  cancelled: false,
};

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'fileRead':
      return { ...state, inspection: action.inspection, mapping: action.inspection.mapping, revealed: null, preview: null, decisions: {} };
    case 'sheetRead':
      return { ...state, inspection: action.inspection, mapping: action.inspection.mapping, revealed: null };
    case 'next':
      return state.step === 'file' && state.inspection !== null && state.inspection.headers.length > 0 ? { ...state, step: 'mapping' } : state;
    case 'back':
      if (state.step === 'mapping') return { ...state, step: 'file' };
      if (state.step === 'preview') return { ...state, step: 'mapping' };
      return state;
    case 'mapColumn':
      return { ...state, mapping: state.mapping.map((field, i) => (i === action.column ? action.field : field)) };
    case 'sampleShown':
      return { ...state, revealed: action.rows };
    case 'sampleHidden':
      return { ...state, revealed: null };
    case 'checkStarted':
      return { ...state, cancelled: false };
    case 'checked':
      return {
        ...state,
        preview: action.preview,
        decisions: Object.fromEntries(action.preview.duplicates.map((d) => [d.row, 'skip' as const])),
        step: 'preview',
      };
    case 'decide':
      return { ...state, decisions: { ...state.decisions, [action.row]: action.decision } };
    case 'importStarted':
      return { ...state, cancelled: false, step: 'importing' };
    case 'imported':
      return { ...state, summary: action.summary, step: 'summary' };
    case 'importFailed':
      return { ...state, step: 'preview', cancelled: action.cancelled };
  }
}

/** The number on the Import button: the ready rows less the duplicates not imported. */
export function importCount(state: Pick<WizardState, 'preview' | 'decisions'>): number {
  if (!state.preview) return 0;
  return state.preview.valid - Object.values(state.decisions).filter((d) => d !== 'import').length;
}

/** Whether the rows can be checked: at least one column is imported. */
export function canCheck(mapping: Mapping): boolean {
  return !mapping.every((m) => m === null);
}

/** Whether the checked file can be imported: no problem, and some valid row. */
export function canImport(preview: Preview): boolean {
  return !(preview.problems.length > 0 || preview.rows === 0 || preview.valid === 0);
}

export function stepIndex(step: Step): number {
  return STEPS.findIndex((s) => s.step === step);
}
