import type { AuditLog } from '../audit/audit-log';
import type { CaseContext } from '../cases/context';

/** What the intake service gives the intake functions: the unlocked case, a clock and its transaction. */
export interface IntakeContext {
  case: CaseContext;
  now: () => string;
  /** The context of another case (duplicates across the vault). */
  caseContext: (caseId: string) => CaseContext;
  /** One IMMEDIATE transaction with the audit log: all of `work`, or none of it. */
  transaction: <T>(work: (audit: AuditLog) => T) => T;
}
