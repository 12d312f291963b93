// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ToastProvider } from '../../../../../src-renderer/src/components/Toasts';
import { CounselCard } from '../../../../../src-renderer/src/screens/counsel/CounselCard';
import { installFakeBridge, Refusal } from '../../fake-bridge';

const bridge = installFakeBridge();
const FIRM = [{ name: 'Tamsin Okafor-Reyes', barNumber: '0987654', firm: 'Okafor Reyes LLP', address: '9 Sample Lane\nTest City, CA 90003' }];

let stored: Record<string, unknown>[];
beforeEach(() => {
  bridge.reset();
  stored = [];
  bridge.answer('counsel.get', () => ({ scope: 'vault', counsel: stored, firm: stored }));
  bridge.answer('counsel.set', (input) => {
    stored = input.counsel as Record<string, unknown>[];
    return { scope: 'vault', counsel: stored, firm: stored };
  });
  bridge.answer('counsel.clear', () => {
    const cleared = stored.length > 0;
    stored = [];
    return { cleared };
  });
});
afterEach(() => cleanup());

const renderCard = (caseId?: string) => render(createElement(ToastProvider, { resetKey: 'x', children: createElement(CounselCard, caseId ? { caseId } : {}) }));
const type = (label: string | RegExp, value: string, nth = 0) => fireEvent.change(screen.getAllByLabelText(label)[nth]!, { target: { value } });

describe('the firm counsel card', () => {
  it('says when no counsel is stored, and saves what is typed, blank fields left out', async () => {
    renderCard();
    expect(await screen.findByText(/No firm counsel yet/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Set firm counsel' }));
    type(/^Name/, '  Tamsin Okafor-Reyes ');
    type('State Bar number', '0987654');
    type('Firm', 'Okafor Reyes LLP');
    type(/^Address/, '9 Sample Lane\r\nTest City, CA 90003');
    fireEvent.click(screen.getByRole('button', { name: 'Save counsel' }));
    await waitFor(() => expect(bridge.inputsOf('counsel.set')).toHaveLength(1));
    expect(bridge.inputsOf('counsel.set')[0]).toEqual({ counsel: FIRM });
    const list = await screen.findByRole('list', { name: 'Firm counsel' });
    expect(within(list).getByText('Tamsin Okafor-Reyes (State Bar No. 0987654)')).toBeTruthy();
    expect(within(list).getByText('Test City, CA 90003')).toBeTruthy();
  });

  it('a missing name or a malformed email is shown next to its field, and nothing is sent', async () => {
    renderCard();
    fireEvent.click(await screen.findByRole('button', { name: 'Set firm counsel' }));
    type('Email', 'not-an-email');
    fireEvent.click(screen.getByRole('button', { name: 'Save counsel' }));
    const name = screen.getByLabelText(/^Name/);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name.getAttribute('aria-describedby')!.split(' ')[0]!)!.textContent).toBe('Enter the attorney’s name.');
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    expect(bridge.inputsOf('counsel.set')).toEqual([]);
  });

  it('main’s refusal naming a field of the second attorney is shown next to that field', async () => {
    bridge.answer('counsel.set', () => {
      throw new Refusal('VALIDATION', 'Phone contains control or formatting characters; remove them', 'counsel.1.phone');
    });
    renderCard();
    fireEvent.click(await screen.findByRole('button', { name: 'Set firm counsel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add an attorney' }));
    type(/^Name/, 'First Attorney', 0);
    type(/^Name/, 'Second Attorney', 1);
    fireEvent.click(screen.getByRole('button', { name: 'Save counsel' }));
    await waitFor(() => expect(screen.getAllByLabelText('Phone')[1]!.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getAllByLabelText('Phone')[0]!.getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByText('Phone contains control or formatting characters; remove them').className).toBe('field-error');
    expect(screen.queryByText('The counsel was not saved.')).toBeNull();
  });

  it('attorneys are added and removed; Cancel keeps what was stored', async () => {
    stored = FIRM;
    renderCard();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit counsel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add an attorney' }));
    expect(screen.getAllByRole('group')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: /Remove attorney 2/ }));
    expect(screen.getAllByRole('group')).toHaveLength(1);
    expect((screen.getByLabelText(/^Name/) as HTMLInputElement).value).toBe('Tamsin Okafor-Reyes');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('list', { name: 'Firm counsel' })).toBeTruthy();
    expect(bridge.inputsOf('counsel.set')).toEqual([]);
  });

  it('Remove firm counsel clears it and shows the empty state again', async () => {
    stored = FIRM;
    renderCard();
    fireEvent.click(await screen.findByRole('button', { name: 'Remove firm counsel' }));
    expect(await screen.findByText(/No firm counsel yet/)).toBeTruthy();
    expect(bridge.inputsOf('counsel.clear')).toEqual([{}]);
  });

  it('a case without counsel of its own shows the firm counsel it falls back to', async () => {
    bridge.answer('counsel.get', () => ({ scope: 'case', counsel: [], firm: FIRM }));
    renderCard('case-1');
    expect(await screen.findByText(/This case has no counsel of its own/)).toBeTruthy();
    expect(bridge.inputsOf('counsel.get')).toEqual([{ caseId: 'case-1' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Set counsel for this case' }));
    expect((screen.getByLabelText(/^Name/) as HTMLInputElement).value).toBe('Tamsin Okafor-Reyes');
  });
});
