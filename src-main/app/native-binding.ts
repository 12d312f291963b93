import { join } from 'node:path';

/**
 * better-sqlite3 is native: node_modules holds the Node build (tests, the CLI); the app loads a
 * separate Electron build through better-sqlite3's `nativeBinding` option (DESIGN.md §8).
 *
 * - Development (`npm start`, `npm run dev`): src-main/app/tooling/electron-native.ts builds it
 *   into `.electron-native/better_sqlite3.node` with a `build-info.json` naming what it was
 *   built for.
 * - Packaged: electron-builder copies that file to `<resources>/native/better_sqlite3.node`
 *   (extraResources, outside the asar, so the worker thread can dlopen it).
 *
 * No Electron import here: the tooling shares these names and the app passes its facts in.
 */
export const NATIVE_DIR = '.electron-native';
export const NATIVE_FILE = 'better_sqlite3.node';
export const BUILD_INFO_FILE = 'build-info.json';
export const PACKAGED_NATIVE_DIR = 'native';

export interface NativeBuildInfo {
  /** The Electron version the binary was built against. */
  electron: string;
  /** The better-sqlite3 version whose sources were built (its JS and the binary must agree). */
  betterSqlite3: string;
  platform: string;
  arch: string;
}

export interface NativeBindingFacts {
  isPackaged: boolean;
  /** process.resourcesPath */
  resourcesPath: string;
  /** app.getAppPath(): the project folder when run unpackaged. */
  appPath: string;
  /** process.versions.electron */
  electronVersion: string;
  platform: string;
  arch: string;
  exists(path: string): boolean;
  /** Reads a text file; throws if absent. */
  readText(path: string): string;
}

export type NativeBindingResult = { path: string } | { problem: string };

const HOW_TO_BUILD = 'Run "npm start" (or "npm run native:electron"), which builds it for the installed Electron.';

/** Where the Electron build of better-sqlite3 is, or in plain words why it cannot be used. */
export function locateNativeBinding(facts: NativeBindingFacts): NativeBindingResult {
  if (facts.isPackaged) {
    const path = join(facts.resourcesPath, PACKAGED_NATIVE_DIR, NATIVE_FILE);
    return facts.exists(path) ? { path } : { problem: `The database engine is missing from this installation (${path}). Reinstall DoeVault.` };
  }
  const dir = join(facts.appPath, NATIVE_DIR);
  const path = join(dir, NATIVE_FILE);
  if (!facts.exists(path)) return { problem: `better-sqlite3 has not been built for Electron (${path} is missing). ${HOW_TO_BUILD}` };
  let info: Partial<NativeBuildInfo>;
  try {
    info = JSON.parse(facts.readText(join(dir, BUILD_INFO_FILE))) as Partial<NativeBuildInfo>;
  } catch {
    return { problem: `${join(dir, BUILD_INFO_FILE)} is missing or unreadable, so the Electron build of better-sqlite3 cannot be trusted. ${HOW_TO_BUILD}` };
  }
  const wanted: Omit<NativeBuildInfo, 'betterSqlite3'> = { electron: facts.electronVersion, platform: facts.platform, arch: facts.arch };
  for (const key of ['electron', 'platform', 'arch'] as const) {
    if (info[key] !== wanted[key]) {
      return { problem: `better-sqlite3 was built for ${describe(info)}, but this is ${describe(wanted)}. ${HOW_TO_BUILD}` };
    }
  }
  try {
    const installed = (JSON.parse(facts.readText(join(facts.appPath, 'node_modules', 'better-sqlite3', 'package.json'))) as { version?: string }).version;
    if (installed !== info.betterSqlite3) {
      return { problem: `The Electron build is of better-sqlite3 ${info.betterSqlite3 ?? '(unknown)'}, but ${installed ?? '(unknown)'} is installed. ${HOW_TO_BUILD}` };
    }
  } catch {
    // No node_modules next to the app: nothing to compare with.
  }
  return { path };
}

function describe(info: Partial<Omit<NativeBuildInfo, 'betterSqlite3'>>): string {
  return `Electron ${info.electron ?? '(unknown)'} on ${info.platform ?? '(unknown)'}-${info.arch ?? '(unknown)'}`;
}
