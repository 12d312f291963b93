import { openCase } from '../cases/context';
import type { Controlled } from '../operation';
import type { VaultSession } from '../vault/session';
import type { IntakeContext } from './context';
import { importIntake, inspectIntake, previewIntake } from './import-plaintiffs';
import type { ImportOptions, ImportPreview, ImportSummary, IntakeInspection, IntakeMappingOptions, IntakeReadOptions } from './types';

/** Plaintiffs imported from a spreadsheet (CSV or XLSX): inspect, preview, import in one transaction. */
export class IntakeService {
  constructor(private readonly session: VaultSession) {}

  /** Reads a file's header and first rows, and suggests (or remembers) a column mapping. Nothing is written. */
  async inspect(caseId: string, path: string, options: IntakeReadOptions = {}): Promise<IntakeInspection> {
    return inspectIntake(this.#context(caseId), path, options);
  }

  /** Every problem and duplicate of an import, without writing anything. */
  async preview(caseId: string, path: string, { control, ...options }: IntakeMappingOptions & Controlled): Promise<ImportPreview> {
    return previewIntake(this.#context(caseId), path, options, control);
  }

  /**
   * Imports a file in one transaction (all rows or none), pseudonyms in file order. Any invalid
   * row: VALIDATION listing every problem; undecided duplicates with onDuplicate 'fail':
   * CONFLICT listing them. Cancel (CANCELLED) leaves the vault as it was. Audited (counts only).
   */
  async import(caseId: string, path: string, { control, ...options }: ImportOptions & Controlled): Promise<ImportSummary> {
    const context = this.#context(caseId);
    try {
      return await importIntake(context, path, options, control);
    } finally {
      this.session.unlocked().forget(caseId);
    }
  }

  #context(caseId: string): IntakeContext {
    const vault = this.session.unlocked();
    // Import writes into the case and checks duplicates against identities: not while damaged.
    vault.assertIntact();
    return {
      case: openCase(vault, caseId),
      now: vault.now,
      caseContext: (id) => openCase(vault, id),
      transaction: (work) => vault.transaction(work),
    };
  }
}
