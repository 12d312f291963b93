import { useState } from 'react';
import type { CounselDto } from '../../../../src-preload/contract';
import type { DoeVaultError } from '../../api/client';
import { emptyRow, fieldOfError, fromRows, hasErrors, MAX_COUNSEL, toRows, validateRows, type CounselField, type CounselRow, type RowErrors } from './counselRows';

/**
 * The counsel form's state and rules, apart from its markup: the rows being edited, the error of
 * each field, adding and removing attorneys, and submitting, with main's refusal of one field
 * placed next to that field. `submit` answers whether the counsel was saved.
 */
export function useCounselForm(initial: readonly CounselDto[], save: (counsel: CounselDto[]) => Promise<DoeVaultError | null>) {
  const [rows, setRows] = useState<CounselRow[]>(() => (initial.length > 0 ? toRows(initial) : [emptyRow()]));
  const [errors, setErrors] = useState<RowErrors[]>([]);
  const [failure, setFailure] = useState<DoeVaultError | null>(null);

  return {
    rows,
    errors,
    /** A refusal that names no field of the form: shown above the buttons. */
    failure,
    canAdd: rows.length < MAX_COUNSEL,
    change(index: number, field: CounselField, value: string) {
      setRows((list) => list.map((row, i) => (i === index ? { ...row, [field]: value } : row)));
      setErrors((list) => list.map((row, i) => (i === index ? { ...row, [field]: undefined } : row)));
    },
    add() {
      setRows((list) => (list.length < MAX_COUNSEL ? [...list, emptyRow()] : list));
    },
    remove(index: number) {
      setRows((list) => (list.length > 1 ? list.filter((_, i) => i !== index) : list));
      setErrors((list) => list.filter((_, i) => i !== index));
    },
    async submit(): Promise<boolean> {
      const found = validateRows(rows);
      setErrors(found);
      setFailure(null);
      if (hasErrors(found)) return false;
      const refused = await save(fromRows(rows));
      if (!refused) return true;
      const at = fieldOfError(refused.field);
      if (at && refused.code === 'VALIDATION') setErrors(rows.map((_, i) => (i === at.row ? { [at.field]: refused.detail } : {})));
      else setFailure(refused);
      return false;
    },
  };
}
