import { join, resolve } from 'node:path';
import { electronBinaryStatus } from '../../src-main/app/tooling/electron-native';

/** Whether this machine has the Electron binary, judged without running (or downloading) it. */
export const ROOT = resolve(import.meta.dirname, '..', '..');
export const ELECTRON = electronBinaryStatus(join(ROOT, 'node_modules', 'electron'));
export const SKIP_REASON = 'Electron binary not installed: installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1';
