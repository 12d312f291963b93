import { describe, expect, it, vi } from 'vitest';
import { VaultError } from '../../../src-main/core/errors';
import { createDispatcher, type Handlers } from '../../../src-main/ipc/dispatcher';
import { CONTRACT, type Channel } from '../../../src-preload/contract';

const APP = 'app://doevault/index.html';
const CASE_ID = '0123456789abcdef';

/** Handlers that fail loudly unless a test overrides them. */
function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const all = Object.fromEntries(
    (Object.keys(CONTRACT) as Channel[]).map((channel) => [channel, () => { throw new Error(`unexpected call to ${channel}`); }]),
  ) as unknown as Handlers;
  return { ...all, ...overrides };
}

function dispatcher(overrides: Partial<Handlers> = {}) {
  const logError = vi.fn();
  const dispatch = createDispatcher(handlers(overrides), {
    isTrustedSender: (url) => url !== undefined && url.startsWith('app://doevault/'),
    logError,
  });
  return { dispatch, logError };
}

describe('the IPC dispatcher', () => {
  it('answers a trusted request with { ok: true, value }', async () => {
    const { dispatch } = dispatcher({ 'cases:schemeExamples': ({ scheme }) => [`${scheme} 1`] });
    await expect(dispatch(APP, 'cases:schemeExamples', { scheme: 'neutral' })).resolves.toEqual({ ok: true, value: ['neutral 1'] });
  });

  it.each([undefined, 'https://evil.example/', 'file:///tmp/index.html', 'app://doevault.evil/'])(
    'refuses a forged sender (%s) with FORBIDDEN, without calling the handler',
    async (sender) => {
      const handler = vi.fn(() => []);
      const { dispatch } = dispatcher({ 'cases:list': handler });
      await expect(dispatch(sender, 'cases:list', {})).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(handler).not.toHaveBeenCalled();
    },
  );

  it('refuses a channel that is not in the contract', async () => {
    const { dispatch } = dispatcher();
    await expect(dispatch(APP, 'fs:readFile', { path: '/etc/passwd' })).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await expect(dispatch(APP, '__proto__', {})).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it.each([
    ['a missing field', 'vault:unlock', {}, 'passphrase'],
    ['a wrong type', 'vault:unlock', { passphrase: 42 }, 'passphrase'],
    ['an unknown key', 'cases:list', { extra: true }, undefined],
    ['a 10 MB string', 'plaintiffs:search', { caseId: CASE_ID, query: 'x'.repeat(10_000_000) }, 'query'],
    ['a malformed id', 'plaintiffs:roster', { caseId: '../../etc' }, 'caseId'],
    ['a prototype-polluting key', 'plaintiffs:add', JSON.parse(`{"caseId":"${CASE_ID}","plaintiff":{"legalName":"A","__proto__":{"admin":true}}}`), 'plaintiff'],
    ['constructor as a key', 'cases:create', { title: 't', scheme: 'neutral', constructor: { prototype: {} } }, undefined],
    ['not an object at all', 'vault:status', 'status please', undefined],
  ])('refuses %s with VALIDATION naming the field, without calling the handler', async (_what, channel, input, field) => {
    const handler = vi.fn();
    const { dispatch } = dispatcher({ [channel]: handler } as Partial<Handlers>);
    const reply = await dispatch(APP, channel, input);
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (field) expect(reply).toMatchObject({ error: { field } });
    expect(handler).not.toHaveBeenCalled();
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('passes a VaultError through with its code, message and field', async () => {
    const { dispatch, logError } = dispatcher({
      'plaintiffs:add': () => {
        throw new VaultError('VALIDATION', 'Date of birth is not a real calendar date', { field: 'dob' });
      },
      'vault:unlock': () => {
        throw new VaultError('WRONG_PASSPHRASE', 'Wrong passphrase. Check it and try again.');
      },
    });
    await expect(dispatch(APP, 'plaintiffs:add', { caseId: CASE_ID, plaintiff: { legalName: 'A', dob: '2023-02-30' } })).resolves.toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'Date of birth is not a real calendar date', field: 'dob' },
    });
    await expect(dispatch(APP, 'vault:unlock', { passphrase: 'x' })).resolves.toEqual({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE', message: 'Wrong passphrase. Check it and try again.' },
    });
    expect(logError).not.toHaveBeenCalled();
  });

  it('turns an unexpected error into INTERNAL with no stack or detail, and logs it in main', async () => {
    const boom = new TypeError("Cannot read properties of undefined (reading 'secret') at /home/attorney/vault.ts:12");
    const { dispatch, logError } = dispatcher({ 'cases:list': () => Promise.reject(boom) });
    const reply = await dispatch(APP, 'cases:list', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const text = JSON.stringify(reply);
    expect(text).not.toMatch(/TypeError|secret|vault\.ts|\bat \//);
    expect(logError).toHaveBeenCalledWith('cases:list', boom);
  });

  it('shapes outputs by the contract: a field outside the schema never reaches the renderer', async () => {
    const { dispatch } = dispatcher({
      'plaintiffs:roster': () =>
        [{ id: CASE_ID, seq: 1, pseudonym: 'Jane Doe 1', status: 'active', legalName: 'Real Name' }] as never,
    });
    const reply = await dispatch(APP, 'plaintiffs:roster', { caseId: CASE_ID });
    expect(reply).toEqual({ ok: true, value: [{ id: CASE_ID, seq: 1, pseudonym: 'Jane Doe 1', status: 'active' }] });
  });

  it('reports an output that breaks the contract as INTERNAL (a bug in main), logged', async () => {
    const { dispatch, logError } = dispatcher({ 'vault:status': () => ({ state: 'open?' }) as never });
    await expect(dispatch(APP, 'vault:status', {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(logError).toHaveBeenCalledOnce();
  });

  it('refuses at construction handlers that do not cover the contract exactly', () => {
    const options = { isTrustedSender: () => true, logError: () => undefined };
    const missing = handlers() as Partial<Handlers>;
    delete missing['audit:verify'];
    expect(() => createDispatcher(missing as Handlers, options)).toThrow(/do not match the contract/);
    expect(() => createDispatcher({ ...handlers(), 'extra:thing': () => 1 } as Handlers, options)).toThrow(/do not match the contract/);
  });
});
