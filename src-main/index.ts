import { startApp } from './app/start';

// Electron entry (out/main/index.js). The shell is in src-main/app: the app:// protocol, the
// lockdown, the window, auto-lock, the native dialogs and clipboard, and start-up and shut-down.
startApp(import.meta.dirname);
