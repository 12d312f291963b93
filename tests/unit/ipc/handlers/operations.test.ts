import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { desktop, type Desktop } from './desktop';

describe('operations:cancel', () => {
  let d: Desktop;
  beforeEach(async () => {
    d = await desktop();
  });
  afterEach(async () => {
    await d.dispose();
  });

  it('says so when nothing is running', async () => {
    expect(await d.value('operations:cancel', {})).toEqual({ cancelled: false });
  });

  it('aborts the running operation, whose progress events stop; the window hears its end', async () => {
    let signal: AbortSignal | undefined;
    let report: ((done: number, total: number | null, step: string) => void) | undefined;
    const running = d.session.track('Importing plaintiffs', (options) => {
      signal = options.signal;
      report = options.onProgress;
      return new Promise<string>((resolve) => options.signal!.addEventListener('abort', () => resolve('stopped')));
    });
    report!(5, 10, 'Writing rows');
    expect(await d.value('operations:cancel', {})).toEqual({ cancelled: true });
    report!(6, 10, 'Writing rows');
    expect(signal!.aborted).toBe(true);
    expect(await running).toBe('stopped');
    expect(d.events.map((e) => e.payload)).toEqual([
      { operation: 'Importing plaintiffs', done: 0, total: null },
      { operation: 'Importing plaintiffs', done: 5, total: 10, step: 'Writing rows' },
      { operation: 'Importing plaintiffs', done: 1, total: 1 },
    ]);
    expect(await d.value('operations:cancel', {})).toEqual({ cancelled: false });
  });

  it('locking cancels what is running', async () => {
    let signal: AbortSignal | undefined;
    const running = d.session.track('Importing plaintiffs', (options) => {
      signal = options.signal;
      return new Promise<void>((resolve) => options.signal!.addEventListener('abort', () => resolve()));
    });
    await d.session.lock('idle');
    await running;
    expect(signal!.aborted).toBe(true);
  });
});
