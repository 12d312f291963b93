/** Intake (issue 5): plaintiffs imported from CSV and XLSX, duplicates. */
export type * from './types';
export type { IntakeContext } from './context';
export { INTAKE_FIELDS } from './types';
export { applyOverrides, checkMapping, detectMapping } from './column-mapping';
export { describeDuplicate, importIntake, inspectIntake, IntakeRejected, previewIntake } from './import-plaintiffs';
export { MAX_CSV_BYTES, MAX_XLSX_BYTES } from './limits';
