import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { NATIVE_DIR, NATIVE_FILE, PACKAGED_NATIVE_DIR } from '../../../src-main/app/native-binding';
import { APP_NAME } from '../../../src-main/core/vault/default-path';
import { tempDir } from '../../fixtures/temp-vault';

// The packaging cannot produce real installers here (no Electron binary, no network), so:
// the config is checked for what DESIGN.md §7 asks and against electron-builder's own schema;
// the afterPack hook flips the fuses of a stand-in binary that carries Electron's fuse wire;
// and electron-builder packs the real out/ into an unpacked Linux app around that stand-in.

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  productName: string;
  asar: boolean;
  asarUnpack: string[];
  files: string[];
  extraResources: { from: string; to: string }[];
  npmRebuild: boolean;
  nodeGypRebuild: boolean;
  afterPack: string;
  publish: null;
  linux: { target: string[]; executableName: string };
  mac: { target: string[] };
  win: { target: string[] };
  [key: string]: unknown;
}

const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

interface FuseHook {
  FUSES: Record<string, unknown>;
  packagedExecutable(context: unknown): string;
  default(context: unknown): Promise<void>;
}
const loadHook = async () => (await import(pathToFileURL(join(ROOT, 'electron-builder-fuses.mjs')).href)) as FuseHook;

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** A file with Electron's fuse wire (version 1, 9 fuses) in the middle, as in the real binary. */
function fakeElectronBinary(path: string, wire = '101101011') {
  const bytes = Buffer.concat([Buffer.alloc(2048, 0x90), Buffer.from(SENTINEL), Buffer.from([1, wire.length]), Buffer.from(wire), Buffer.alloc(2048, 0x90)]);
  writeFileSync(path, bytes, { mode: 0o755 });
}

const EXPECTED_FUSES: [FuseV1Options, FuseState][] = [
  [FuseV1Options.RunAsNode, FuseState.DISABLE],
  [FuseV1Options.EnableCookieEncryption, FuseState.ENABLE],
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable, FuseState.DISABLE],
  [FuseV1Options.EnableNodeCliInspectArguments, FuseState.DISABLE],
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, FuseState.ENABLE],
  [FuseV1Options.OnlyLoadAppFromAsar, FuseState.ENABLE],
  [FuseV1Options.GrantFileProtocolExtraPrivileges, FuseState.DISABLE],
];

describe('electron-builder.yml', () => {
  it('builds AppImage and deb, dmg, and nsis, as DoeVault, with asar', () => {
    expect(config.productName).toBe(APP_NAME);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.publish).toBeNull();
  });

  it('packs only out/**, the export fonts, the list of courts, the pleading template and the paper templates (no sources), never the Node build of better-sqlite3', () => {
    const included = config.files.filter((pattern) => !pattern.startsWith('!'));
    expect(included.sort()).toEqual(['out/**', 'package.json', 'resources/courts.json', 'resources/fonts/**', 'resources/pleading/**', 'resources/templates/**']);
    // Fonts, courts and the pleading template are found by walking up from out/main: they must sit beside out/ in the package.
    expect(existsSync(join(ROOT, 'resources', 'fonts', 'Tinos_400Regular.ttf'))).toBe(true);
    expect(existsSync(join(ROOT, 'resources', 'courts.json'))).toBe(true);
    expect(existsSync(join(ROOT, 'resources', 'pleading', 'header.xml'))).toBe(true);
    expect(existsSync(join(ROOT, 'resources', 'templates', 'declaration-of-identities.md'))).toBe(true);
    expect(existsSync(join(ROOT, 'resources', 'templates', 'motion-california.md'))).toBe(true);
    expect(config.files).toContain('!node_modules/better-sqlite3/build/**');
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
  });

  it('ships the .electron-native build where the app looks for it', () => {
    expect(config.extraResources).toContainEqual({ from: `${NATIVE_DIR}/${NATIVE_FILE}`, to: `${PACKAGED_NATIVE_DIR}/${NATIVE_FILE}` });
  });

  it('flips the fuses in an afterPack hook', () => {
    expect(config.afterPack).toBe('./electron-builder-fuses.mjs');
    expect(existsSync(join(ROOT, config.afterPack))).toBe(true);
  });

  it('is valid for electron-builder (its own schema)', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...structuredClone(config), asarr: true }, new DebugLogger(false))).rejects.toThrow();
  });
});

describe('the fuses (electron-builder-fuses.mjs)', () => {
  it('sets RunAsNode, NODE_OPTIONS and --inspect off, asar-only and asar integrity on', async () => {
    const { FUSES } = await loadHook();
    for (const [option, state] of EXPECTED_FUSES) {
      expect(FUSES[option], FuseV1Options[option]).toBe(state === FuseState.ENABLE);
    }
  });

  it('names the packaged executable as electron-builder does on each OS', async () => {
    const { packagedExecutable } = await loadHook();
    const packager = { appInfo: { productFilename: 'DoeVault' }, executableName: 'doevault' };
    expect(packagedExecutable({ appOutDir: '/o', electronPlatformName: 'linux', packager })).toBe(join('/o', 'doevault'));
    expect(packagedExecutable({ appOutDir: '/o', electronPlatformName: 'win32', packager })).toBe(join('/o', 'DoeVault.exe'));
    expect(packagedExecutable({ appOutDir: '/o', electronPlatformName: 'darwin', packager })).toBe(join('/o', 'DoeVault.app'));
  });

  it('flips the wire of the packaged binary and checks it', async () => {
    const { dir, cleanup } = tempDir('doevault-fuses-');
    try {
      fakeElectronBinary(join(dir, 'DoeVault.exe'));
      const hook = await loadHook();
      await hook.default({ appOutDir: dir, electronPlatformName: 'win32', arch: 1, packager: { appInfo: { productFilename: 'DoeVault' } } });
      const wire = await getCurrentFuseWire(join(dir, 'DoeVault.exe'));
      for (const [option, state] of EXPECTED_FUSES) expect(wire[option], FuseV1Options[option]).toBe(state);
    } finally {
      cleanup();
    }
  });

  it('fails the build when the binary has no fuse wire', async () => {
    const { dir, cleanup } = tempDir('doevault-fuses-');
    try {
      writeFileSync(join(dir, 'doevault'), 'not electron');
      const hook = await loadHook();
      await expect(
        hook.default({ appOutDir: dir, electronPlatformName: 'linux', arch: 1, packager: { appInfo: { productFilename: 'DoeVault' }, executableName: 'doevault' } }),
      ).rejects.toThrow(/sentinel/);
    } finally {
      cleanup();
    }
  });
});

describe('electron-builder with this config', () => {
  it('packs out/ into app.asar, the Electron build of better-sqlite3 beside it, and flips the fuses', { timeout: 120_000 }, async () => {
    if (!existsSync(join(ROOT, 'out', 'main', 'index.js'))) throw new Error('out/ is not built: run `npm run build` first (npm test does)');
    const { dir, cleanup } = tempDir('doevault-pack-');
    try {
      // A stand-in for node_modules/electron/dist (Linux layout): the executable carries the fuse wire.
      const dist = join(dir, 'electron-dist');
      mkdirSync(join(dist, 'locales'), { recursive: true });
      mkdirSync(join(dist, 'resources'));
      fakeElectronBinary(join(dist, 'electron'));
      writeFileSync(join(dist, 'version'), '45.4.1');
      writeFileSync(join(dist, 'LICENSE'), '');
      const native = join(dir, 'better_sqlite3.node');
      writeFileSync(native, 'electron build of better-sqlite3');

      const { build, Platform } = (await import('electron-builder')) as typeof import('electron-builder');
      await build({
        projectDir: ROOT,
        targets: Platform.LINUX.createTarget('dir'),
        config: {
          ...(structuredClone(config) as object),
          electronDist: dist,
          electronVersion: '45.4.1',
          directories: { output: join(dir, 'dist') },
          extraResources: [{ from: native, to: `${PACKAGED_NATIVE_DIR}/${NATIVE_FILE}` }],
        },
      });

      const appDir = join(dir, 'dist', 'linux-unpacked');
      const { listPackage } = require('@electron/asar') as { listPackage(path: string, options: object): string[] };
      const files = listPackage(join(appDir, 'resources', 'app.asar'), {}).map((file) => file.replaceAll('\\', '/'));
      for (const file of ['/out/main/index.js', '/out/main/vault-worker.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/node_modules/better-sqlite3/lib/index.js', '/node_modules/zod/package.json', '/resources/courts.json', '/resources/templates/declaration-of-identities.md']) {
        expect(files, file).toContain(file);
      }
      for (const prefix of ['/src-main', '/src-renderer', '/src-preload', '/tests', '/node_modules/better-sqlite3/build', '/node_modules/react/', '/.electron-native']) {
        expect(files.filter((file) => file.startsWith(prefix)), prefix).toEqual([]);
      }
      expect(readFileSync(join(appDir, 'resources', PACKAGED_NATIVE_DIR, NATIVE_FILE), 'utf8')).toBe('electron build of better-sqlite3');
      const wire = await getCurrentFuseWire(join(appDir, 'doevault'));
      for (const [option, state] of EXPECTED_FUSES) expect(wire[option], FuseV1Options[option]).toBe(state);
    } finally {
      cleanup();
    }
  });
});
