/** Intake (issue 5): plaintiffs imported from CSV and XLSX, duplicates, roster export. */
export type * from './types';
export type { IntakeContext } from './context';
export { INTAKE_FIELDS } from './types';
export { applyOverrides, checkMapping, detectMapping } from './column-mapping';
export { describeDuplicate, importIntake, inspectIntake, IntakeRejected, previewIntake } from './import-plaintiffs';
export { exportRosterFile } from './roster-export';
export { csvLine, neutralise, UTF8_BOM } from './csv-writer';
export { MAX_CSV_BYTES, MAX_XLSX_BYTES } from './limits';
