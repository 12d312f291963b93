// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useImportWizard } from '../../../../../src-renderer/src/screens/intake/useImportWizard';
import type { ImportSummary } from '../../../../../src-renderer/src/screens/intake/wizardState';
import { deferred, installFakeBridge, Refusal } from '../../fake-bridge';
import { inspection, preview } from './fixtures';

const bridge = installFakeBridge();
const SUMMARY: ImportSummary = { added: 3, skipped: 1, merged: 0, rejected: 0, pseudonyms: { first: 'Doe 1', last: 'Doe 3' } };

beforeEach(() => {
  bridge.reset();
  bridge.answer('intake.chooseFile', () => inspection());
  bridge.answer('intake.inspect', (input) => inspection({ sheets: ['One', 'Two'], sheet: input.sheet as string, headers: ['Full name'], mapping: ['legalName'] }));
  bridge.answer('intake.revealSample', () => [{ row: 2, cells: ['Jane Roe', '1980-01-02', '4411'] }]);
  bridge.answer('intake.preview', () => preview());
  bridge.answer('intake.import', () => SUMMARY);
  bridge.answer('intake.clear', () => ({}));
  bridge.answer('operations.cancel', () => ({}));
});

function renderWizard() {
  const imported: ImportSummary[] = [];
  const hook = renderHook(() => useImportWizard('case-1', (summary) => imported.push(summary)));
  return { ...hook, imported };
}

type Wizard = ReturnType<typeof renderWizard>['result'];

/** Chooses the file, goes to the columns and checks the rows. */
async function toCheck(result: Wizard) {
  await act(() => result.current.chooseFile());
  act(() => result.current.next());
  await act(() => result.current.check());
}

describe('useImportWizard', () => {
  it('reads the chosen file and stays on the file step until Next', async () => {
    const { result } = renderWizard();
    await act(() => result.current.chooseFile());
    expect(bridge.inputsOf('intake.chooseFile')).toEqual([{ caseId: 'case-1' }]);
    expect(result.current.state.step).toBe('file');
    expect(result.current.state.inspection?.fileName).toBe('officers.csv');
    expect(result.current.state.mapping).toEqual(['legalName', 'dob', null]);
    act(() => result.current.next());
    expect(result.current.state.step).toBe('mapping');
  });

  it('changes nothing when the file dialog is cancelled', async () => {
    const { result } = renderWizard();
    await act(() => result.current.chooseFile());
    bridge.answer('intake.chooseFile', () => null);
    const before = result.current.state;
    await act(() => result.current.chooseFile());
    expect(result.current.state).toBe(before);
    expect(result.current.error).toBeNull();
  });

  it('is busy, and cannot be closed, while main reads the file', async () => {
    const read = deferred<unknown>();
    bridge.answer('intake.chooseFile', () => read.promise);
    const { result } = renderWizard();
    let chosen!: Promise<void>;
    act(() => {
      chosen = result.current.chooseFile();
    });
    expect(result.current.busy).toBe('Reading the file…');
    expect(result.current.canClose).toBe(false);
    await act(async () => {
      read.resolve(inspection());
      await chosen;
    });
    expect(result.current.busy).toBeNull();
    expect(result.current.canClose).toBe(true);
  });

  it('reports a file main cannot read, and says nothing when the vault locked', async () => {
    const { result } = renderWizard();
    bridge.answer('intake.chooseFile', () => {
      throw new Refusal('VALIDATION', 'Not a CSV or Excel file');
    });
    await act(() => result.current.chooseFile());
    expect(result.current.error?.title).toBe('The file could not be read.');
    expect(result.current.error?.error.code).toBe('VALIDATION');
    expect(result.current.state.inspection).toBeNull();

    bridge.answer('intake.chooseFile', () => {
      throw new Refusal('LOCKED');
    });
    await act(() => result.current.chooseFile());
    expect(result.current.error).toBeNull();
  });

  it('reads another sheet of the workbook, and asks for its values and check with that sheet', async () => {
    const { result } = renderWizard();
    await act(() => result.current.chooseFile());
    await act(() => result.current.chooseSheet('Two'));
    expect(bridge.inputsOf('intake.inspect')).toEqual([{ caseId: 'case-1', sheet: 'Two' }]);
    expect(result.current.state.mapping).toEqual(['legalName']);
    await act(() => result.current.showSample());
    expect(bridge.inputsOf('intake.revealSample')).toEqual([{ caseId: 'case-1', sheet: 'Two' }]);
    act(() => result.current.next());
    await act(() => result.current.check());
    expect(bridge.inputsOf('intake.preview')).toEqual([{ caseId: 'case-1', sheet: 'Two', mapping: ['legalName'] }]);
  });

  it('shows the sample values on request and masks them again', async () => {
    const { result } = renderWizard();
    await act(() => result.current.chooseFile());
    await act(() => result.current.showSample());
    expect(bridge.inputsOf('intake.revealSample')).toEqual([{ caseId: 'case-1' }]);
    expect(result.current.state.revealed?.[0]?.cells[0]).toBe('Jane Roe');
    act(() => result.current.hideSample());
    expect(result.current.state.revealed).toBeNull();
  });

  it('checks the rows with the mapping as edited, then decides the duplicates', async () => {
    const { result } = renderWizard();
    await act(() => result.current.chooseFile());
    act(() => result.current.next());
    act(() => result.current.mapColumn(2, 'idNumbers'));
    await act(() => result.current.check());
    expect(bridge.inputsOf('intake.preview')).toEqual([{ caseId: 'case-1', mapping: ['legalName', 'dob', 'idNumbers'] }]);
    expect(result.current.state.step).toBe('preview');
    expect(result.current.state.decisions).toEqual({ 3: 'skip', 4: 'skip' });
    act(() => result.current.decide(4, 'merge'));
    expect(result.current.state.decisions).toEqual({ 3: 'skip', 4: 'merge' });
  });

  it('stays on the columns when the check fails (or is stopped)', async () => {
    const { result } = renderWizard();
    bridge.answer('intake.preview', () => {
      throw new Refusal('CANCELLED');
    });
    await toCheck(result);
    expect(result.current.state.step).toBe('mapping');
    expect(result.current.error?.title).toBe('The rows could not be checked.');
  });

  it('imports with the decisions, shows the summary and tells the roster once', async () => {
    const { result, imported } = renderWizard();
    await toCheck(result);
    act(() => result.current.decide(3, 'import'));
    await act(() => result.current.runImport());
    expect(bridge.inputsOf('intake.import')).toEqual([
      { caseId: 'case-1', mapping: ['legalName', 'dob', null], onDuplicate: 'fail', decisions: { '3': 'import', '4': 'skip' } },
    ]);
    expect(result.current.state.step).toBe('summary');
    expect(result.current.state.summary).toEqual(SUMMARY);
    expect(imported).toEqual([SUMMARY]);
  });

  it('cannot be closed while importing', async () => {
    const importing = deferred<unknown>();
    bridge.answer('intake.import', () => importing.promise);
    const { result } = renderWizard();
    await toCheck(result);
    let running!: Promise<void>;
    act(() => {
      running = result.current.runImport();
    });
    expect(result.current.state.step).toBe('importing');
    expect(result.current.canClose).toBe(false);
    act(() => result.current.cancelOperation());
    expect(bridge.inputsOf('operations.cancel')).toHaveLength(1);
    await act(async () => {
      importing.reject(new Refusal('CANCELLED'));
      await running;
    });
    expect(result.current.canClose).toBe(true);
  });

  it('returns to the check after a cancelled import, saying so and not as an error', async () => {
    const { result, imported } = renderWizard();
    await toCheck(result);
    bridge.answer('intake.import', () => {
      throw new Refusal('CANCELLED');
    });
    await act(() => result.current.runImport());
    expect(result.current.state).toMatchObject({ step: 'preview', cancelled: true });
    expect(result.current.error).toBeNull();
    expect(imported).toEqual([]);
  });

  it('returns to the check after a failed import, with the error', async () => {
    const { result } = renderWizard();
    await toCheck(result);
    bridge.answer('intake.import', () => {
      throw new Refusal('CONFLICT');
    });
    await act(() => result.current.runImport());
    expect(result.current.state).toMatchObject({ step: 'preview', cancelled: false });
    expect(result.current.error).toMatchObject({ title: 'Nothing was imported.' });
    expect(result.current.error?.error.code).toBe('CONFLICT');
  });

  it('forgets the check when another file is chosen', async () => {
    const { result } = renderWizard();
    await toCheck(result);
    act(() => result.current.back());
    act(() => result.current.back());
    bridge.answer('intake.chooseFile', () => inspection({ fileName: 'other.csv', headers: ['Full name'], mapping: ['legalName'] }));
    await act(() => result.current.chooseFile());
    expect(result.current.state).toMatchObject({ step: 'file', mapping: ['legalName'], preview: null, revealed: null });
    expect(result.current.state.decisions).toEqual({});
  });

  it('drops what main holds of the file on discard', () => {
    const { result } = renderWizard();
    act(() => result.current.discard());
    expect(bridge.inputsOf('intake.clear')).toHaveLength(1);
  });
});
