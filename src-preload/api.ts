import {
  CONTRACT,
  EVENTS,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type Envelope,
  type EventKind,
  type EventPayload,
} from './contract';

type Namespace = Channel extends `${infer NS}:${string}` ? NS : never;

type MethodsOf<NS extends Namespace> = {
  [C in Channel as C extends `${NS}:${infer M}` ? M : never]: (input: ChannelInput<C>) => Promise<Envelope<ChannelOutput<C>>>;
};

/** `window.doeVault`: one namespace per domain, one method per contract channel, and onEvent. */
export type DoeVaultApi = { readonly [NS in Namespace]: Readonly<MethodsOf<NS>> } & {
  onEvent<K extends EventKind>(kind: K, listener: (payload: EventPayload<K>) => void): () => void;
};

export type Invoke = (channel: Channel, input: unknown) => Promise<unknown>;
export type Subscribe = (listener: (kind: string, payload: unknown) => void) => () => void;

/**
 * Builds the API from the contract alone: the renderer gets named functions for exactly the
 * contract's channels, never a function that takes a channel name. Pure: the preload passes
 * ipcRenderer-based transports, the E2E harness passes Playwright bindings.
 */
export function buildApi(invoke: Invoke, subscribe: Subscribe): DoeVaultApi {
  const namespaces: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const channel of Object.keys(CONTRACT) as Channel[]) {
    const [namespace, method] = channel.split(':') as [string, string];
    (namespaces[namespace] ??= {})[method] = (input: unknown) => invoke(channel, input ?? {});
  }
  const api: Record<string, unknown> = {};
  for (const [namespace, methods] of Object.entries(namespaces)) api[namespace] = Object.freeze(methods);
  api.onEvent = (kind: string, listener: (payload: unknown) => void) => {
    if (!Object.hasOwn(EVENTS, kind)) throw new Error(`Unknown event kind "${kind}"`);
    return subscribe((received, payload) => {
      if (received === kind) listener(payload);
    });
  };
  return Object.freeze(api) as DoeVaultApi;
}

/** The namespaces and methods the API has, e.g. "vault.unlock": the allow-list tests check. */
export function apiMethodNames(): string[] {
  return [...(Object.keys(CONTRACT) as Channel[]).map((channel) => channel.replace(':', '.')), 'onEvent'];
}
