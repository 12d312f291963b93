import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildApi } from './api';
import { EVENT_CHANNEL } from './contract';

// The only thing the preload does: expose the contract's methods. `channel` below is always
// one of the contract's, chosen by buildApi; the renderer never passes one.
contextBridge.exposeInMainWorld(
  'doeVault',
  buildApi(
    (channel, input) => ipcRenderer.invoke(channel, input),
    (listener) => {
      const handler = (_event: IpcRendererEvent, message: { kind: string; payload: unknown }) =>
        listener(message.kind, message.payload);
      ipcRenderer.on(EVENT_CHANNEL, handler);
      return () => ipcRenderer.off(EVENT_CHANNEL, handler);
    },
  ),
);
