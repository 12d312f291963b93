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
    // The domain graph of core (eslint.config.js CORE_DOMAINS): each zone fires on a planted import.
    ['src-main/core/scan/x.ts', "import { readPublic } from '../plaintiffs/plaintiffs';", 'core/scan may use'],
    ['src-main/core/filings/x.ts', "import { ExportService } from '../export/service';", 'core/filings may use'],
    ['src-main/core/plaintiffs/x.ts', "import { exportFiling } from '../export/export-filing';", 'core/plaintiffs may use'],
    ['src-main/core/cases/x.ts', "import { caseIdentities } from '../plaintiffs/identities';", 'core/cases may use'],
    ['src-main/core/vault/x.ts', "import { openCase } from '../cases/context';", 'core/vault may use'],
    ['src-main/core/intake/x.ts', "import { FilingService } from '../filings/service';", 'core/intake may use'],
    ['src-main/core/plaintiffs/x.ts', "import { VaultService } from '../service';", 'below the façade'],
    ['src-main/core/export/x.ts', "import { VaultService } from '../index';", 'below the façade'],
    ['src-main/core/crypto/x.ts', "import { Keyring } from '../vault/keyring';", 'foundation'],
    ['src-main/core/store/x.ts', "import { AuditLog } from '../audit/audit-log';", 'foundation'],
    ['src-main/core/operation.ts', "import { VaultService } from './service';", 'foundation'],
    ['src-main/cli/commands/x.ts', "import { readPublic } from '../../core/plaintiffs/plaintiffs';", 'public surface'],
    ['src-main/ipc/handlers/x.ts', "import { VaultService } from '../../core/service';", 'main process'],
    ['src-main/ipc/handlers/x.ts', "import { VaultService } from '../../core';", 'never loads the façade'],
    ['src-main/app/x.ts', "import { Keyring } from '../core/vault/keyring';", 'main process'],
    ['src-preload/x.ts', "import { VaultError } from '../src-main/core/errors';", 'only src-main/core/shared'],
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
    ['src-main/core/export/x.ts', "import { renderFiling } from '../filings/render';"],
    ['src-main/core/filings/x.ts', "import { scannerOf } from '../plaintiffs/identities';"],
    ['src-main/core/host/x.ts', "import { VaultService } from '../service';"],
    ['src-main/core/plaintiffs/x.ts', "import { VaultError } from '../errors';"],
    ['src-main/cli/commands/x.ts', "import { VaultService } from '../../core';"],
    ['src-main/ipc/handlers/x.ts', "import type { CaseSummary } from '../../core';"],
    ['src-main/ipc/handlers/x.ts', "import { VaultError } from '../../core/helpers';"],
    ['src-main/app/x.ts', "import { WorkerVaultHost } from '../core/host/worker-vault-host';"],
    ['src-preload/x.ts', "import { ERROR_CODES } from '../src-main/core/shared';"],
  ])('%s: allows %s', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
