#!/usr/bin/env node
// The `doe-vault` command: runs the CLI built by `npm run build` (also run by `npm install`).
import { existsSync } from 'node:fs';

const built = new URL('../../out/main/cli.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write('doe-vault: the command line is not built yet. Run `npm run build` in the DoeVault folder.\n');
  process.exit(5);
}
await import(built.href);
