import { VaultError } from '../errors';
import type { OperationControl } from '../operation';
import type { IntakeContext } from './context';
import type {
  ImportOptions,
  ImportPreview,
  ImportSummary,
  IntakeInspection,
  IntakeMappingOptions,
  IntakeReadOptions,
  RosterExportOptions,
  RosterExportResult,
} from './types';

export type * from './types';
export type { IntakeContext } from './context';

const notYet = () => new VaultError('INTERNAL', 'Not implemented yet.');

export async function inspectIntake(_ctx: IntakeContext, _path: string, _options: IntakeReadOptions): Promise<IntakeInspection> {
  throw notYet();
}
export async function previewIntake(_ctx: IntakeContext, _path: string, _options: IntakeMappingOptions, _control?: OperationControl): Promise<ImportPreview> {
  throw notYet();
}
export async function importIntake(_ctx: IntakeContext, _path: string, _options: ImportOptions, _control?: OperationControl): Promise<ImportSummary> {
  throw notYet();
}
export async function exportRosterFile(_ctx: IntakeContext, _options: RosterExportOptions, _destination: string): Promise<RosterExportResult> {
  throw notYet();
}
