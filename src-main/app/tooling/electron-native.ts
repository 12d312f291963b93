import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_INFO_FILE, NATIVE_DIR, NATIVE_FILE, type NativeBuildInfo } from '../native-binding';

/**
 * Build tooling, never shipped (electron-builder packs only out/**): builds better-sqlite3 for
 * Electron into .electron-native/ without touching node_modules/better-sqlite3/build, which
 * stays the Node build the tests and the CLI use (DESIGN.md §8).
 *
 *   tsx src-main/app/tooling/electron-native.ts     (npm run native:electron; npm start; npm run dist)
 *
 * 1. No Electron binary (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1): one line saying how
 *    to get it, exit code 1. `require('electron')` is never called: it would try to download.
 * 2. `.electron-native/build-info.json` matches the installed Electron, better-sqlite3,
 *    platform and arch: nothing to do.
 * 3. Otherwise: copy the better-sqlite3 package (without its build/) into a scratch project
 *    under .electron-native/, run @electron/rebuild on that copy only (a prebuilt Electron
 *    binary if one is published, else node-gyp against the Electron headers), and keep the
 *    resulting better_sqlite3.node plus build-info.json.
 */

export const ELECTRON_MISSING_MESSAGE =
  'Electron binary not installed (node_modules/electron was installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1): ' +
  'run "npm rebuild electron" (or "npm install" in a fresh clone) without ELECTRON_SKIP_BINARY_DOWNLOAD set, then "npm start" again.';

export type ElectronBinaryStatus = { installed: true; executable: string } | { installed: false; reason: string };

/** Whether node_modules/electron has its binary, judged the way its index.js does, without running it. */
export function electronBinaryStatus(electronDir: string, env: NodeJS.ProcessEnv = process.env): ElectronBinaryStatus {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(join(electronDir, 'package.json'))) return { installed: false, reason: `${electronDir} is not installed` };
  if (!existsSync(pathFile)) return { installed: false, reason: `${pathFile} is missing` };
  const relativeExecutable = readFileSync(pathFile, 'utf8').trim();
  const executable = join(env.ELECTRON_OVERRIDE_DIST_PATH ?? join(electronDir, 'dist'), relativeExecutable);
  return existsSync(executable) ? { installed: true, executable } : { installed: false, reason: `${executable} is missing` };
}

/** What the Electron build must be built for, from the installed packages. */
export function currentTarget(projectDir: string, platform: string = process.platform, arch: string = process.arch): NativeBuildInfo {
  return {
    electron: packageVersion(join(projectDir, 'node_modules', 'electron')),
    betterSqlite3: packageVersion(join(projectDir, 'node_modules', 'better-sqlite3')),
    platform,
    arch,
  };
}

/** True when .electron-native already holds a binary built for exactly `target`. */
export function isUpToDate(projectDir: string, target: NativeBuildInfo): boolean {
  const dir = join(projectDir, NATIVE_DIR);
  if (!existsSync(join(dir, NATIVE_FILE))) return false;
  try {
    const info = JSON.parse(readFileSync(join(dir, BUILD_INFO_FILE), 'utf8')) as Partial<NativeBuildInfo>;
    return (['electron', 'betterSqlite3', 'platform', 'arch'] as const).every((key) => info[key] === target[key]);
  } catch {
    return false;
  }
}

/** npm passes its config to scripts as npm_config_* variables, and node-gyp lets them override its
 * arguments: a machine-wide `nodedir` (Debian sets one) would build against Node's headers. */
const NODE_GYP_OVERRIDES = /^npm_config_(nodedir|target|target_arch|arch|runtime|disturl|dist_url|devdir|build_from_source)$/i;

export function sanitizedBuildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !NODE_GYP_OVERRIDES.test(key)));
}

export interface RebuildRequest {
  /** A scratch project whose node_modules holds the copy of better-sqlite3 to build. */
  buildPath: string;
  electronVersion: string;
  arch: string;
}

export type Rebuild = (request: RebuildRequest) => Promise<void>;

/** The real build: @electron/rebuild, limited to the scratch project and to better-sqlite3. */
export const electronRebuild: Rebuild = async ({ buildPath, electronVersion, arch }) => {
  const { rebuild } = await import('@electron/rebuild');
  const clean = sanitizedBuildEnv(process.env);
  for (const key of Object.keys(process.env)) if (!(key in clean)) delete process.env[key];
  await rebuild({
    buildPath,
    projectRootPath: buildPath,
    electronVersion,
    arch,
    onlyModules: ['better-sqlite3'],
    types: ['prod'],
    force: true,
    mode: 'sequential',
  });
};

/**
 * Builds better-sqlite3 for `target` into .electron-native/. Refuses to finish if the Node build
 * in node_modules changed meanwhile (it must never be touched).
 */
export async function buildElectronNative(projectDir: string, target: NativeBuildInfo, rebuild: Rebuild = electronRebuild): Promise<string> {
  const source = join(projectDir, 'node_modules', 'better-sqlite3');
  const outDir = join(projectDir, NATIVE_DIR);
  const workDir = join(outDir, `work-${process.pid}`);
  const nodeBuild = join(source, 'build', 'Release', NATIVE_FILE);
  const before = fingerprint(nodeBuild);
  mkdirSync(outDir, { recursive: true });
  rmSync(join(outDir, BUILD_INFO_FILE), { force: true });
  try {
    const copy = join(workDir, 'node_modules', 'better-sqlite3');
    const sourceBuild = join(source, 'build');
    cpSync(source, copy, { recursive: true, filter: (path) => path !== sourceBuild && !path.startsWith(sourceBuild + sep) });
    writeFileSync(
      join(workDir, 'package.json'),
      JSON.stringify({ name: 'doevault-electron-native', private: true, dependencies: { 'better-sqlite3': target.betterSqlite3 } }, null, 2),
    );
    await rebuild({ buildPath: workDir, electronVersion: target.electron, arch: target.arch });
    const built = join(copy, 'build', 'Release', NATIVE_FILE);
    if (!existsSync(built)) throw new Error(`the build finished but produced no ${relative(projectDir, built)}`);
    if (fingerprint(nodeBuild) !== before) {
      throw new Error(`${relative(projectDir, nodeBuild)} changed during the Electron build; run "npm rebuild better-sqlite3" to restore the Node build`);
    }
    const output = join(outDir, NATIVE_FILE);
    cpSync(built, `${output}.tmp`);
    renameSync(`${output}.tmp`, output);
    writeFileSync(join(outDir, BUILD_INFO_FILE), `${JSON.stringify(target, null, 2)}\n`);
    return output;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** `npm start`'s first step. Returns the process exit code. */
export async function ensureElectronNative(projectDir: string, rebuild: Rebuild = electronRebuild): Promise<number> {
  const electron = electronBinaryStatus(join(projectDir, 'node_modules', 'electron'));
  if (!electron.installed) {
    console.error(ELECTRON_MISSING_MESSAGE);
    return 1;
  }
  const target = currentTarget(projectDir);
  const label = `better-sqlite3 ${target.betterSqlite3} for Electron ${target.electron} (${target.platform}-${target.arch})`;
  if (isUpToDate(projectDir, target)) {
    process.stdout.write(`${label}: already built in ${NATIVE_DIR}/\n`);
    return 0;
  }
  process.stdout.write(`${label}: building into ${NATIVE_DIR}/ (node_modules keeps the Node build)…\n`);
  try {
    await buildElectronNative(projectDir, target, rebuild);
  } catch (error) {
    console.error(
      `Could not build ${label}: ${(error as Error).message}. It needs the Electron headers (downloaded once) or a published ` +
        'prebuilt binary, and otherwise a C++ toolchain and Python for node-gyp.',
    );
    return 1;
  }
  process.stdout.write(`${label}: built.\n`);
  return 0;
}

function packageVersion(dir: string): string {
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

function fingerprint(file: string): string {
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'absent';
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const projectDir = resolve(fileURLToPath(import.meta.url), '..', '..', '..', '..');
  process.exitCode = await ensureElectronNative(projectDir);
}
