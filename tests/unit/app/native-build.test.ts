import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { locateNativeBinding, type NativeBindingFacts } from '../../../src-main/app/native-binding';
import {
  buildElectronNative,
  currentTarget,
  ELECTRON_MISSING_MESSAGE,
  electronBinaryStatus,
  ensureElectronNative,
  isUpToDate,
  sanitizedBuildEnv,
  type Rebuild,
} from '../../../src-main/app/tooling/electron-native';
import { tempDir } from '../../fixtures/temp-vault';

// No Electron import anywhere here: the tooling and the resolver are plain Node.

let dir: string;
let cleanup: () => void;

/** A project folder with node_modules/electron and node_modules/better-sqlite3 (a Node build). */
function fakeProject(options: { electronBinary: boolean }) {
  const electron = join(dir, 'node_modules', 'electron');
  mkdirSync(electron, { recursive: true });
  writeFileSync(join(electron, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1' }));
  if (options.electronBinary) {
    writeFileSync(join(electron, 'path.txt'), 'electron');
    mkdirSync(join(electron, 'dist'));
    writeFileSync(join(electron, 'dist', 'electron'), 'binary');
  }
  const sqlite = join(dir, 'node_modules', 'better-sqlite3');
  mkdirSync(join(sqlite, 'build', 'Release'), { recursive: true });
  mkdirSync(join(sqlite, 'lib'), { recursive: true });
  writeFileSync(join(sqlite, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.9.0' }));
  writeFileSync(join(sqlite, 'binding.gyp'), '{}');
  writeFileSync(join(sqlite, 'lib', 'index.js'), '');
  writeFileSync(join(sqlite, 'build', 'Release', 'better_sqlite3.node'), 'NODE BUILD');
}

/** A stand-in for @electron/rebuild: "compiles" the copy it is given. */
const fakeRebuild = vi.fn<Rebuild>(async ({ buildPath, electronVersion, arch }) => {
  const copy = join(buildPath, 'node_modules', 'better-sqlite3');
  expect(existsSync(join(copy, 'binding.gyp'))).toBe(true);
  expect(existsSync(join(copy, 'build'))).toBe(false); // the Node build is not copied
  mkdirSync(join(copy, 'build', 'Release'), { recursive: true });
  writeFileSync(join(copy, 'build', 'Release', 'better_sqlite3.node'), `ELECTRON ${electronVersion} ${arch}`);
});

beforeEach(() => {
  ({ dir, cleanup } = tempDir('doevault-native-'));
  fakeRebuild.mockClear();
});
afterEach(() => cleanup());

describe('the Electron binary check', () => {
  it('reports a missing binary (ELECTRON_SKIP_BINARY_DOWNLOAD) without running electron', () => {
    fakeProject({ electronBinary: false });
    const status = electronBinaryStatus(join(dir, 'node_modules', 'electron'), {});
    expect(status.installed).toBe(false);
    rmSync(join(dir, 'node_modules', 'electron'), { recursive: true });
    expect(electronBinaryStatus(join(dir, 'node_modules', 'electron'), {}).installed).toBe(false);
  });

  it('reports a path.txt whose binary is gone as missing, and a present one as installed', () => {
    fakeProject({ electronBinary: true });
    const electron = join(dir, 'node_modules', 'electron');
    expect(electronBinaryStatus(electron, {})).toEqual({ installed: true, executable: join(electron, 'dist', 'electron') });
    rmSync(join(electron, 'dist'), { recursive: true });
    expect(electronBinaryStatus(electron, {}).installed).toBe(false);
  });

  it('npm start: prints one line saying how to install Electron, exits 1, builds nothing', async () => {
    fakeProject({ electronBinary: false });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await ensureElectronNative(dir, fakeRebuild)).toBe(1);
      expect(errors).toHaveBeenCalledTimes(1);
      const line = String(errors.mock.calls[0]![0]);
      expect(line).toBe(ELECTRON_MISSING_MESSAGE);
      expect(line).not.toContain('\n');
      expect(line).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
      expect(line).toContain('npm');
      expect(fakeRebuild).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });
});

describe('building better-sqlite3 for Electron', () => {
  it('builds a copy into .electron-native and never touches node_modules/better-sqlite3/build', async () => {
    fakeProject({ electronBinary: true });
    const target = currentTarget(dir, 'linux', 'x64');
    expect(target).toEqual({ electron: '45.4.1', betterSqlite3: '12.9.0', platform: 'linux', arch: 'x64' });
    expect(isUpToDate(dir, target)).toBe(false);
    const output = await buildElectronNative(dir, target, fakeRebuild);
    expect(output).toBe(join(dir, '.electron-native', 'better_sqlite3.node'));
    expect(readFileSync(output, 'utf8')).toBe('ELECTRON 45.4.1 x64');
    expect(readFileSync(join(dir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe('NODE BUILD');
    expect(JSON.parse(readFileSync(join(dir, '.electron-native', 'build-info.json'), 'utf8'))).toEqual(target);
    expect(isUpToDate(dir, target)).toBe(true);
    // The scratch project is gone.
    expect(readdirNames(join(dir, '.electron-native'))).toEqual(['better_sqlite3.node', 'build-info.json']);
  });

  it('skips the build when already built for the installed versions, rebuilds when one changes', async () => {
    fakeProject({ electronBinary: true });
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await ensureElectronNative(dir, fakeRebuild)).toBe(0);
      expect(fakeRebuild).toHaveBeenCalledTimes(1);
      expect(await ensureElectronNative(dir, fakeRebuild)).toBe(0);
      expect(fakeRebuild).toHaveBeenCalledTimes(1);
      writeFileSync(join(dir, 'node_modules', 'electron', 'package.json'), JSON.stringify({ version: '45.5.0' }));
      expect(await ensureElectronNative(dir, fakeRebuild)).toBe(0);
      expect(fakeRebuild).toHaveBeenCalledTimes(2);
      expect(fakeRebuild.mock.calls[1]![0].electronVersion).toBe('45.5.0');
    } finally {
      out.mockRestore();
    }
  });

  it('fails, leaving no build-info, if the Node build changed during the build', async () => {
    fakeProject({ electronBinary: true });
    const nodeBuild = join(dir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    const clobbering: Rebuild = async (request) => {
      await fakeRebuild(request);
      writeFileSync(nodeBuild, 'CLOBBERED');
    };
    await expect(buildElectronNative(dir, currentTarget(dir), clobbering)).rejects.toThrow(/changed during the Electron build/);
    expect(existsSync(join(dir, '.electron-native', 'build-info.json'))).toBe(false);
  });

  it('reports a failed build in one message and exits 1', async () => {
    fakeProject({ electronBinary: true });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const failing: Rebuild = async () => {
        throw new Error('node-gyp failed');
      };
      expect(await ensureElectronNative(dir, failing)).toBe(1);
      expect(String(errors.mock.calls[0]![0])).toMatch(/Could not build better-sqlite3 12\.9\.0 for Electron 45\.4\.1.*node-gyp failed/);
      expect(isUpToDate(dir, currentTarget(dir))).toBe(false);
    } finally {
      errors.mockRestore();
      out.mockRestore();
    }
  });

  it('drops the npm config variables that would make node-gyp build against Node headers', () => {
    const env = sanitizedBuildEnv({
      PATH: '/usr/bin',
      npm_config_nodedir: '/usr',
      NPM_CONFIG_TARGET: '20.0.0',
      npm_config_runtime: 'node',
      npm_config_disturl: 'https://nodejs.org/dist',
      npm_config_cache: '/root/.npm',
    });
    expect(env).toEqual({ PATH: '/usr/bin', npm_config_cache: '/root/.npm' });
  });
});

describe('locateNativeBinding (what the app loads)', () => {
  const files = new Map<string, string>();
  const facts = (overrides: Partial<NativeBindingFacts> = {}): NativeBindingFacts => ({
    isPackaged: false,
    resourcesPath: '/opt/DoeVault/resources',
    appPath: '/src/doevault',
    electronVersion: '45.4.1',
    platform: 'linux',
    arch: 'x64',
    exists: (path) => files.has(path),
    readText: (path) => {
      const text = files.get(path);
      if (text === undefined) throw new Error('ENOENT');
      return text;
    },
    ...overrides,
  });
  const info = (over: object = {}) => JSON.stringify({ electron: '45.4.1', betterSqlite3: '12.9.0', platform: 'linux', arch: 'x64', ...over });

  beforeEach(() => {
    files.clear();
    files.set('/src/doevault/.electron-native/better_sqlite3.node', 'bin');
    files.set('/src/doevault/.electron-native/build-info.json', info());
    files.set('/src/doevault/node_modules/better-sqlite3/package.json', JSON.stringify({ version: '12.9.0' }));
  });

  it('unpackaged: the .electron-native build when it matches this Electron', () => {
    expect(locateNativeBinding(facts())).toEqual({ path: '/src/doevault/.electron-native/better_sqlite3.node' });
  });

  it('unpackaged: refuses a missing build, or one for another Electron, arch or better-sqlite3, saying how to fix it', () => {
    const problems = [
      () => files.delete('/src/doevault/.electron-native/better_sqlite3.node'),
      () => files.delete('/src/doevault/.electron-native/build-info.json'),
      () => files.set('/src/doevault/.electron-native/build-info.json', info({ electron: '44.0.0' })),
      () => files.set('/src/doevault/.electron-native/build-info.json', info({ arch: 'arm64' })),
      () => files.set('/src/doevault/node_modules/better-sqlite3/package.json', JSON.stringify({ version: '13.0.0' })),
    ];
    for (const breakIt of problems) {
      files.set('/src/doevault/.electron-native/better_sqlite3.node', 'bin');
      files.set('/src/doevault/.electron-native/build-info.json', info());
      files.set('/src/doevault/node_modules/better-sqlite3/package.json', JSON.stringify({ version: '12.9.0' }));
      breakIt();
      const result = locateNativeBinding(facts());
      expect('problem' in result && result.problem).toMatch(/npm start/);
    }
  });

  it('packaged: resources/native/better_sqlite3.node, or a reinstall message', () => {
    files.set('/opt/DoeVault/resources/native/better_sqlite3.node', 'bin');
    expect(locateNativeBinding(facts({ isPackaged: true }))).toEqual({ path: '/opt/DoeVault/resources/native/better_sqlite3.node' });
    files.clear();
    const result = locateNativeBinding(facts({ isPackaged: true }));
    expect('problem' in result && result.problem).toMatch(/Reinstall DoeVault/);
  });
});

function readdirNames(path: string): string[] {
  return readdirSync(path).sort();
}
