import type { z } from 'zod';
import { CONTRACT, type Channel, type ChannelOutput, type Contract, type Envelope } from '../../src-preload/contract';
import { type ErrorCode, isVaultError } from '../core/helpers';

export type Handler<C extends Channel> = (
  input: z.output<Contract[C]['input']>,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

export type Handlers = { [C in Channel]: Handler<C> };

/** The handlers of one domain ("vault", "cases" …); merged, they must cover the contract. */
export type DomainHandlers<NS extends string> = { [C in Channel as C extends `${NS}:${string}` ? C : never]: Handler<C> };

export interface DispatchOptions {
  /** True only for the app's own origin (app://doevault in the app). */
  isTrustedSender(url: string | undefined): boolean;
  /** Where unexpected errors go, stack and all; never the renderer. */
  logError(channel: string, error: unknown): void;
}

export type Dispatch = (senderUrl: string | undefined, channel: string, rawInput: unknown) => Promise<Envelope<unknown>>;

/**
 * Wraps every handler the same way: sender check, zod parse of the input, the call, the output
 * shaped by its schema (extra fields dropped), and one envelope whatever happens. Nothing is
 * ever thrown across IPC.
 */
export function createDispatcher(handlers: Handlers, options: DispatchOptions): Dispatch {
  const contractChannels = Object.keys(CONTRACT).sort();
  const handled = Object.keys(handlers).sort();
  if (contractChannels.join() !== handled.join()) {
    throw new Error(`IPC handlers do not match the contract: handled [${handled}] vs contract [${contractChannels}]`);
  }
  return async (senderUrl, channel, rawInput) => {
    if (!Object.hasOwn(CONTRACT, channel)) return failure('VALIDATION', `Unknown request "${channel}".`);
    if (!options.isTrustedSender(senderUrl)) {
      return failure('FORBIDDEN', 'This request did not come from the DoeVault window and was refused.');
    }
    const spec = CONTRACT[channel as Channel];
    const parsed = spec.input.safeParse(rawInput);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.map(String).join('.');
      return failure('VALIDATION', `Invalid request${field ? ` (${field})` : ''}: ${issue.message}.`, field || undefined);
    }
    try {
      const handler = handlers[channel as Channel] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value: spec.output.parse(value) };
    } catch (error) {
      if (isVaultError(error)) return failure(error.code, error.message, error.field);
      options.logError(channel, error);
      return failure('INTERNAL', 'Something went wrong inside DoeVault; the error was logged and nothing further was saved. Try again.');
    }
  };
}

function failure(code: ErrorCode, message: string, field?: string): Envelope<never> {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}
