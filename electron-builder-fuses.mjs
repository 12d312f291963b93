// @ts-check
import { FuseState, FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { join } from 'node:path';

/**
 * electron-builder's afterPack hook (electron-builder.yml): flips the Electron fuses of the
 * packaged binary (DESIGN.md §7), then reads them back and fails the build if any is not as
 * set. afterPack runs before code signing, so the signature covers the flipped binary.
 */
export const FUSES = {
  version: FuseVersion.V1,
  // No ELECTRON_RUN_AS_NODE: the binary cannot be used as a plain Node.js.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  // No NODE_OPTIONS, no --inspect: nothing can inject code or a debugger at launch.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Only the packaged app.asar, and only if its hash matches the one embedded at packaging.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // The app never uses file://.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

const ARCH_ARM64 = 3; // builder-util's Arch.arm64
const ARCH_UNIVERSAL = 4; // builder-util's Arch.universal

/**
 * The packaged Electron executable, named as electron-builder names it.
 * @param {{ appOutDir: string, electronPlatformName: string, packager: { appInfo: { productFilename: string }, executableName?: string } }} context
 */
export function packagedExecutable(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'linux':
      return join(appOutDir, packager.executableName ?? packager.appInfo.productFilename);
    default:
      throw new Error(`electron-builder-fuses: unknown platform ${electronPlatformName}`);
  }
}

/** @param {{ appOutDir: string, electronPlatformName: string, arch: number, packager: { appInfo: { productFilename: string }, executableName?: string } }} context */
export default async function afterPack(context) {
  const executable = packagedExecutable(context);
  const darwin = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipFuses(executable, {
    ...FUSES,
    // An arm64 macOS binary must stay validly (ad hoc) signed after the flip, even if unsigned later.
    resetAdHocDarwinSignature: darwin && (context.arch === ARCH_ARM64 || context.arch === ARCH_UNIVERSAL),
  });
  const wire = await getCurrentFuseWire(executable);
  for (const [option, wanted] of Object.entries(FUSES)) {
    if (option === 'version') continue;
    const state = wire[/** @type {FuseV1Options} */ (Number(option))];
    const expected = wanted ? FuseState.ENABLE : FuseState.DISABLE;
    if (state !== expected) {
      throw new Error(`electron-builder-fuses: fuse ${FuseV1Options[Number(option)]} is ${FuseState[state ?? -1] ?? state} after flipping, expected ${FuseState[expected]}`);
    }
  }
}
