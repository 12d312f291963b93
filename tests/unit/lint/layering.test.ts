import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering of DESIGN.md §1 is enforced by lint rules; these cases prove each rule fires
// where it must and stays quiet where the import is allowed.
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId?.startsWith('no-restricted')).map((m) => m.message);
}

describe('layering lint rules', () => {
  it.each([
    ['src-main/core/service.ts', "import { app } from 'electron';", 'Electron'],
    ['src-main/core/plaintiffs/x.ts', "import sodium from 'libsodium-wrappers-sumo';", 'libsodium'],
    ['src-main/core/audit/x.ts', "import Database from 'better-sqlite3';", 'better-sqlite3'],
    ['src-main/cli/x.ts', "import Database from 'better-sqlite3';", 'better-sqlite3'],
    ['src-main/core/crypto/x.ts', "import { app } from 'electron';", 'Electron'],
    ['src-main/core/store/x.ts', "import sodium from 'libsodium-wrappers-sumo';", 'libsodium'],
    ['src-main/app/x.ts', "import Database from 'better-sqlite3';", 'better-sqlite3'],
    ['src-main/core/x.ts', "import { request } from 'node:https';", 'offline'],
    ['src-main/ipc/x.ts', "import net from 'net';", 'offline'],
    ['src-preload/x.ts', "import http from 'node:http';", 'offline'],
    ['src-main/core/x.ts', 'export const get = () => fetch("https://example.org");', 'offline'],
    ['src-renderer/src/x.ts', "import { VaultService } from '../../src-main/core/service';", 'preload contract'],
    ['src-renderer/src/x.ts', "import { readFileSync } from 'node:fs';", 'Node built-ins'],
    ['src-renderer/src/x.ts', "import { ipcRenderer } from 'electron';", 'Electron'],
  ])('%s: refuses %s', async (file, code, expected) => {
    const found = await problems(file, code);
    expect(found.join('\n')).toContain(expected);
  });

  it.each([
    ['src-main/core/crypto/x.ts', "import sodium from 'libsodium-wrappers-sumo';"],
    ['src-main/core/store/x.ts', "import Database from 'better-sqlite3';"],
    ['src-main/app/x.ts', "import { app } from 'electron';"],
    ['src-main/ipc/x.ts', "import { ipcMain } from 'electron';"],
    ['src-main/core/x.ts', "import { readFileSync } from 'node:fs';"],
  ])('%s: allows %s', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
