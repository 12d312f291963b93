// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CounselDto } from '../../../../../src-preload/contract';
import { fieldOfError, fromRows, summaryLines, toRows, validateRows } from '../../../../../src-renderer/src/screens/counsel/counselRows';
import { useCounsel } from '../../../../../src-renderer/src/screens/counsel/useCounsel';
import { useCounselForm } from '../../../../../src-renderer/src/screens/counsel/useCounselForm';
import { installFakeBridge, Refusal } from '../../fake-bridge';

/** The counsel form of Settings and of a case: its rules and its round trip through the bridge, as the card wires them. */
const bridge = installFakeBridge();
const FIRM: CounselDto[] = [{ name: 'Tamsin Okafor-Reyes', barNumber: '0987654', firm: 'Okafor Reyes LLP', address: '9 Sample Lane\nTest City, CA 90003' }];

let stored: CounselDto[];
beforeEach(() => {
  bridge.reset();
  stored = [];
  bridge.answer('counsel.get', (input) => ({ scope: input.caseId ? 'case' : 'vault', counsel: input.caseId ? [] : stored, firm: stored }));
  bridge.answer('counsel.set', (input) => {
    stored = input.counsel as CounselDto[];
    return { scope: 'vault', counsel: stored, firm: stored };
  });
  bridge.answer('counsel.clear', () => {
    const cleared = stored.length > 0;
    stored = [];
    return { cleared };
  });
});

/** The card's wiring: the stored counsel, and a form over it whose save goes to main. */
function renderForm(caseId?: string) {
  return renderHook(() => {
    const counsel = useCounsel(caseId);
    const form = useCounselForm(counsel.view?.counsel ?? [], async (list) => {
      const outcome = await counsel.saveCounsel(list);
      return outcome.ok ? null : outcome.error;
    });
    return { counsel, form };
  });
}

describe('the counsel form', () => {
  it('starts with one empty attorney; what is typed is saved trimmed, blank fields left out, and main\'s answer is kept', async () => {
    const { result } = renderForm();
    await waitFor(() => expect(result.current.counsel.view).toEqual({ scope: 'vault', counsel: [], firm: [] }));
    expect(result.current.form.rows).toHaveLength(1);
    act(() => {
      result.current.form.change(0, 'name', '  Tamsin Okafor-Reyes ');
      result.current.form.change(0, 'barNumber', '0987654');
      result.current.form.change(0, 'firm', 'Okafor Reyes LLP');
      result.current.form.change(0, 'address', '9 Sample Lane\r\nTest City, CA 90003\n');
    });
    let saved = false;
    await act(async () => {
      saved = await result.current.form.submit();
    });
    expect(saved).toBe(true);
    expect(bridge.inputsOf('counsel.set')).toEqual([{ counsel: FIRM }]);
    expect(result.current.counsel.view?.counsel).toEqual(FIRM);
  });

  it('a missing name and a malformed email are errors on those fields; nothing is sent; typing clears the error', async () => {
    const { result } = renderForm();
    await waitFor(() => expect(result.current.counsel.view).not.toBeNull());
    act(() => result.current.form.change(0, 'email', 'not-an-email'));
    await act(async () => {
      expect(await result.current.form.submit()).toBe(false);
    });
    expect(result.current.form.errors[0]).toEqual({ name: 'Enter the attorney’s name.', email: 'Enter an email address like name@example.com.' });
    expect(bridge.inputsOf('counsel.set')).toEqual([]);
    act(() => result.current.form.change(0, 'name', 'A. Person'));
    expect(result.current.form.errors[0]?.name).toBeUndefined();
    expect(result.current.form.errors[0]?.email).toBeDefined();
  });

  it('main\'s refusal of a field of the second attorney lands on that field; another refusal is shown for the form', async () => {
    bridge.answer('counsel.set', () => {
      throw new Refusal('VALIDATION', 'Phone contains control or formatting characters; remove them', 'counsel.1.phone');
    });
    const { result } = renderForm();
    await waitFor(() => expect(result.current.counsel.view).not.toBeNull());
    act(() => {
      result.current.form.add();
      result.current.form.change(0, 'name', 'First Attorney');
    });
    act(() => result.current.form.change(1, 'name', 'Second Attorney'));
    await act(async () => {
      expect(await result.current.form.submit()).toBe(false);
    });
    expect(result.current.form.errors).toEqual([{}, { phone: 'Phone contains control or formatting characters; remove them' }]);
    expect(result.current.form.failure).toBeNull();

    bridge.answer('counsel.set', () => {
      throw new Refusal('DAMAGED', 'This vault is damaged: the firm-counsel setting was removed outside DoeVault.');
    });
    await act(async () => {
      await result.current.form.submit();
    });
    expect(result.current.form.failure?.code).toBe('DAMAGED');
  });

  it('attorneys are added up to 10 and removed, never below one', async () => {
    const { result } = renderForm();
    await waitFor(() => expect(result.current.counsel.view).not.toBeNull());
    for (let i = 0; i < 12; i++) act(() => result.current.form.add());
    expect(result.current.form.rows).toHaveLength(10);
    expect(result.current.form.canAdd).toBe(false);
    for (let i = 0; i < 12; i++) act(() => result.current.form.remove(0));
    expect(result.current.form.rows).toHaveLength(1);
  });

  it('a case reads and clears its own scope', async () => {
    stored = FIRM;
    const { result } = renderForm('case-1');
    await waitFor(() => expect(result.current.counsel.view).toEqual({ scope: 'case', counsel: [], firm: FIRM }));
    expect(bridge.inputsOf('counsel.get')[0]).toEqual({ caseId: 'case-1' });
    await act(async () => {
      await result.current.counsel.clearCounsel();
    });
    expect(bridge.inputsOf('counsel.clear')).toEqual([{ caseId: 'case-1' }]);
  });
});

describe('counsel rows', () => {
  it('round-trip a stored list; the field of a refusal; the summary the card shows', () => {
    expect(fromRows(toRows(FIRM))).toEqual(FIRM);
    expect(validateRows(toRows(FIRM))).toEqual([{}]);
    expect(validateRows(toRows([{ name: 'A', address: '1\n2\n3\n4\n5\n6\n7' }]))[0]).toEqual({ address: 'Use at most 6 lines.' });
    expect(fieldOfError('counsel.2.email')).toEqual({ row: 2, field: 'email' });
    expect(fieldOfError('counsel')).toBeUndefined();
    expect(fieldOfError('counsel.0.nickname')).toBeUndefined();
    expect(summaryLines(FIRM[0]!)).toEqual(['Tamsin Okafor-Reyes (State Bar No. 0987654)', 'Okafor Reyes LLP', '9 Sample Lane', 'Test City, CA 90003']);
  });
});
