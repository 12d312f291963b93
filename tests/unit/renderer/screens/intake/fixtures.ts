import type { IntakeInspectionDto } from '../../../../../src-preload/contract';
import type { Preview } from '../../../../../src-renderer/src/screens/intake/wizardState';

/** A file as main reads it: three columns, the sample masked. */
export function inspection(overrides: Partial<IntakeInspectionDto> = {}): IntakeInspectionDto {
  return {
    fileName: 'officers.csv',
    format: 'csv',
    sheets: [],
    sheet: null,
    headers: ['Name', 'DOB', 'Badge'],
    mapping: ['legalName', 'dob', null],
    mappingSource: 'detected',
    sampleRows: [{ row: 2, cells: ['•••••', '•••••', '•••••'] }],
    totalRows: 3,
    ...overrides,
  };
}

/** A check with two possible duplicates (rows 3 and 4) and no problem. */
export function preview(overrides: Partial<Preview> = {}): Preview {
  return {
    rows: 4,
    valid: 4,
    problems: [],
    duplicates: [
      { row: 3, against: 'file', otherRow: 2, sameDateOfBirth: true },
      { row: 4, against: 'vault', caseId: 'case-1', plaintiffId: 'p9', pseudonym: 'Doe 9', sameDateOfBirth: false },
    ],
    ...overrides,
  };
}
