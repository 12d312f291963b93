import { ipcMain, type WebContents } from 'electron';
import { CONTRACT, EVENT_CHANNEL, type EventKind, type EventPayload } from '../../src-preload/contract';
import type { Dispatch } from './dispatcher';

/**
 * Registers exactly the contract's channels. ipcMain.handle refuses a second handler for a
 * channel, so a duplicate registration fails at start-up.
 */
export function registerIpc(dispatch: Dispatch): void {
  for (const channel of Object.keys(CONTRACT)) {
    ipcMain.handle(channel, (event, rawInput: unknown) => dispatch(event.senderFrame?.url, channel, rawInput));
  }
}

export function sendEvent<K extends EventKind>(contents: WebContents, kind: K, payload: EventPayload<K>): void {
  if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, { kind, payload });
}
