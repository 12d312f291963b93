import { describe, expect, it } from 'vitest';
import {
  canCheck,
  canImport,
  importCount,
  INITIAL_WIZARD,
  STEPS,
  stepIndex,
  wizardReducer,
  type WizardAction,
  type WizardState,
} from '../../../../../src-renderer/src/screens/intake/wizardState';
import { inspection, preview } from './fixtures';

const run = (...actions: WizardAction[]): WizardState => actions.reduce(wizardReducer, INITIAL_WIZARD);

/** A wizard that has read a file, mapped it, shown the sample and checked it. */
const checked = () =>
  run(
    { type: 'fileRead', inspection: inspection() },
    { type: 'next' },
    { type: 'mapColumn', column: 2, field: 'idNumbers' },
    { type: 'sampleShown', rows: [{ row: 2, cells: ['Jane Roe', '1980-01-02', '4411'] }] },
    { type: 'checked', preview: preview() },
  );

describe('the import wizard state', () => {
  it('starts on the file step with nothing read', () => {
    expect(INITIAL_WIZARD).toEqual({ step: 'file', inspection: null, mapping: [], revealed: null, preview: null, decisions: {}, summary: null, cancelled: false });
  });

  it('moves from the file to the columns only once a file with columns is read', () => {
    expect(run({ type: 'next' }).step).toBe('file');
    expect(run({ type: 'fileRead', inspection: inspection({ headers: [], mapping: [] }) }, { type: 'next' }).step).toBe('file');
    const read = run({ type: 'fileRead', inspection: inspection() });
    expect(read.step).toBe('file'); // reading a file does not move on by itself
    expect(read.mapping).toEqual(['legalName', 'dob', null]);
    expect(wizardReducer(read, { type: 'next' }).step).toBe('mapping');
  });

  it('goes back from the columns to the file, and from the check to the columns, keeping the choices', () => {
    const state = checked();
    expect(state.step).toBe('preview');
    const mapping = wizardReducer(state, { type: 'back' });
    expect(mapping.step).toBe('mapping');
    expect(mapping.mapping).toEqual(['legalName', 'dob', 'idNumbers']);
    const file = wizardReducer(mapping, { type: 'back' });
    expect(file.step).toBe('file');
    expect(file.inspection).toBe(state.inspection);
    expect(wizardReducer(file, { type: 'back' })).toBe(file);
  });

  it('has no back or next while importing or when done', () => {
    const importing = wizardReducer(checked(), { type: 'importStarted' });
    expect(wizardReducer(importing, { type: 'back' })).toBe(importing);
    expect(wizardReducer(importing, { type: 'next' })).toBe(importing);
    const done = wizardReducer(importing, { type: 'imported', summary: { added: 3, skipped: 1, merged: 0, rejected: 0 } });
    expect(wizardReducer(done, { type: 'back' })).toBe(done);
  });

  it('maps one column at a time', () => {
    const state = run({ type: 'fileRead', inspection: inspection() }, { type: 'mapColumn', column: 0, field: null }, { type: 'mapColumn', column: 2, field: 'notes' });
    expect(state.mapping).toEqual([null, 'dob', 'notes']);
  });

  it('forgets the last file when another is read: its mapping, the values shown, the check and the decisions', () => {
    const before = wizardReducer(checked(), { type: 'decide', row: 3, decision: 'import' });
    const next = inspection({ fileName: 'other.xlsx', headers: ['First', 'Last'], mapping: ['firstName', 'lastName'] });
    const after = wizardReducer(wizardReducer(wizardReducer(before, { type: 'back' }), { type: 'back' }), { type: 'fileRead', inspection: next });
    expect(after).toMatchObject({ step: 'file', inspection: next, mapping: ['firstName', 'lastName'], revealed: null, preview: null });
    expect(after.decisions).toEqual({}); // (toMatchObject would take {} for any object)
  });

  it('takes another sheet: its columns and mapping, the values masked again', () => {
    const workbook = inspection({ format: 'xlsx', sheets: ['One', 'Two'], sheet: 'One' });
    const shown = run({ type: 'fileRead', inspection: workbook }, { type: 'sampleShown', rows: [{ row: 2, cells: ['Jane Roe'] }] });
    const two = inspection({ format: 'xlsx', sheets: ['One', 'Two'], sheet: 'Two', headers: ['Full name'], mapping: ['legalName'] });
    const after = wizardReducer(shown, { type: 'sheetRead', inspection: two });
    expect(after).toMatchObject({ step: 'file', inspection: two, mapping: ['legalName'], revealed: null });
  });

  it('shows and hides the sample values', () => {
    const rows = [{ row: 2, cells: ['Jane Roe'] }];
    const shown = run({ type: 'fileRead', inspection: inspection() }, { type: 'sampleShown', rows });
    expect(shown.revealed).toBe(rows);
    expect(wizardReducer(shown, { type: 'sampleHidden' }).revealed).toBeNull();
  });

  it('after the check: on the check step, every possible duplicate skipped until decided', () => {
    const state = checked();
    expect(state.step).toBe('preview');
    expect(state.decisions).toEqual({ 3: 'skip', 4: 'skip' });
    expect(importCount(state)).toBe(2);
    const decided = wizardReducer(wizardReducer(state, { type: 'decide', row: 3, decision: 'import' }), { type: 'decide', row: 4, decision: 'merge' });
    expect(decided.decisions).toEqual({ 3: 'import', 4: 'merge' });
    expect(importCount(decided)).toBe(3);
  });

  it('imports: the import step, then the summary', () => {
    const importing = wizardReducer(checked(), { type: 'importStarted' });
    expect(importing.step).toBe('importing');
    const summary = { added: 2, skipped: 2, merged: 0, rejected: 0, pseudonyms: { first: 'Doe 1', last: 'Doe 2' } };
    const done = wizardReducer(importing, { type: 'imported', summary });
    expect(done.step).toBe('summary');
    expect(done.summary).toBe(summary);
  });

  it('returns to the check when the import fails, saying so when it was cancelled, until the next try', () => {
    const importing = wizardReducer(checked(), { type: 'importStarted' });
    const cancelled = wizardReducer(importing, { type: 'importFailed', cancelled: true });
    expect(cancelled).toMatchObject({ step: 'preview', cancelled: true });
    expect(wizardReducer(cancelled, { type: 'importStarted' })).toMatchObject({ step: 'importing', cancelled: false });
    expect(wizardReducer(cancelled, { type: 'checkStarted' }).cancelled).toBe(false);
    expect(wizardReducer(importing, { type: 'importFailed', cancelled: false })).toMatchObject({ step: 'preview', cancelled: false });
  });

  it('lets the rows be checked once a column is imported, and imported without problems and with a valid row', () => {
    expect(canCheck([null, null])).toBe(false);
    expect(canCheck([null, 'legalName'])).toBe(true);
    expect(canImport(preview())).toBe(true);
    expect(canImport(preview({ problems: [{ row: 2, field: 'email', message: 'Email is not a valid address' }] }))).toBe(false);
    expect(canImport(preview({ rows: 0, valid: 0, duplicates: [] }))).toBe(false);
    expect(canImport(preview({ valid: 0 }))).toBe(false);
  });

  it('numbers the steps in order', () => {
    expect(STEPS.map((s) => s.step)).toEqual(['file', 'mapping', 'preview', 'importing', 'summary']);
    expect(stepIndex('preview')).toBe(2);
  });
});
