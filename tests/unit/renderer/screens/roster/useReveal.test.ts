// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DoeVaultError } from '../../../../../src-renderer/src/api/client';
import { REVEAL_SECONDS, useReveal } from '../../../../../src-renderer/src/screens/roster/useReveal';
import { deferred, installFakeBridge, Refusal } from '../../fake-bridge';
import { roster } from './fixtures';

const bridge = installFakeBridge();
const [jane, john] = roster(2);
const NAMES: Record<string, string> = { p1: 'Jane Roe', p2: 'John Smith' };

beforeEach(() => {
  bridge.reset();
  bridge.answer('plaintiffs.reveal', (input) => ({ ...roster(2).find((e) => e.id === input.plaintiffId), legalName: NAMES[input.plaintiffId as string] }));
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

function renderReveal() {
  const errors: { what: string; error: DoeVaultError }[] = [];
  const hook = renderHook(() => useReveal('case-1', (what, error) => errors.push({ what, error })));
  return { ...hook, errors };
}

const advance = (ms: number) => act(async () => vi.advanceTimersByTime(ms));

describe('useReveal', () => {
  it('shows the real name main reveals, with the time it hides again', async () => {
    const { result } = renderReveal();
    const started = Date.now();
    await act(() => result.current.show(jane!));
    expect(bridge.inputsOf('plaintiffs.reveal')).toEqual([{ caseId: 'case-1', plaintiffId: 'p1' }]);
    expect(result.current.revealed.get('p1')).toEqual({ state: 'shown', legalName: 'Jane Roe', hidesAt: started + REVEAL_SECONDS * 1000 });
    expect(result.current.revealed.has('p2')).toBe(false);
  });

  it('says loading while main is asked', async () => {
    const answer = deferred<unknown>();
    bridge.answer('plaintiffs.reveal', () => answer.promise);
    const { result } = renderReveal();
    let shown!: Promise<void>;
    act(() => {
      shown = result.current.show(jane!);
    });
    expect(result.current.revealed.get('p1')).toEqual({ state: 'loading' });
    await act(async () => {
      answer.resolve({ ...jane, legalName: 'Jane Roe' });
      await shown;
    });
    expect(result.current.revealed.get('p1')?.state).toBe('shown');
  });

  it('masks a revealed name again after REVEAL_SECONDS, and not before', async () => {
    const { result } = renderReveal();
    await act(() => result.current.show(jane!));
    await advance(REVEAL_SECONDS * 1000 - 1);
    expect(result.current.revealed.get('p1')?.state).toBe('shown');
    await advance(1);
    expect(result.current.revealed.has('p1')).toBe(false);
    expect(result.current.revealed.size).toBe(0);
  });

  it('gives each name its own timer', async () => {
    const { result } = renderReveal();
    await act(() => result.current.show(jane!));
    await advance(10_000);
    await act(() => result.current.show(john!));
    await advance(REVEAL_SECONDS * 1000 - 10_000);
    expect(result.current.revealed.has('p1')).toBe(false);
    expect(result.current.revealed.get('p2')?.state).toBe('shown');
    await advance(10_000);
    expect(result.current.revealed.size).toBe(0);
  });

  it('starts the time again when a shown name is revealed again', async () => {
    const { result } = renderReveal();
    await act(() => result.current.show(jane!));
    await advance(20_000);
    await act(() => result.current.show(jane!));
    await advance(20_000);
    expect(result.current.revealed.get('p1')?.state).toBe('shown'); // 40 s after the first reveal
    await advance(REVEAL_SECONDS * 1000 - 20_000);
    expect(result.current.revealed.has('p1')).toBe(false);
  });

  it('hides a name at once on hide, and its timer goes with it', async () => {
    const { result } = renderReveal();
    await act(() => result.current.show(jane!));
    act(() => result.current.hide('p1'));
    expect(result.current.revealed.has('p1')).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ticks the clock every second while a name is shown, and stops when none is', async () => {
    const { result } = renderReveal();
    await act(() => result.current.show(jane!));
    const before = result.current.now;
    await advance(1000);
    expect(result.current.now).toBe(before + 1000);
    await advance(3000);
    expect(result.current.now).toBe(before + 4000);
    await advance(REVEAL_SECONDS * 1000);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('drops every timer when the roster goes away (unmount: leaving it, or locking)', async () => {
    const { result, unmount } = renderReveal();
    await act(() => result.current.show(jane!));
    await act(() => result.current.show(john!));
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('masks the row and reports main refusing, but not a lock', async () => {
    const { result, errors } = renderReveal();
    bridge.answer('plaintiffs.reveal', () => {
      throw new Refusal('NOT_FOUND');
    });
    await act(() => result.current.show(jane!));
    expect(result.current.revealed.has('p1')).toBe(false);
    expect(errors.map((e) => [e.what, e.error.code])).toEqual([['The real name of Doe 1 could not be revealed.', 'NOT_FOUND']]);

    bridge.answer('plaintiffs.reveal', () => {
      throw new Refusal('LOCKED');
    });
    await act(() => result.current.show(john!));
    expect(result.current.revealed.has('p2')).toBe(false);
    expect(errors).toHaveLength(1);
  });
});
