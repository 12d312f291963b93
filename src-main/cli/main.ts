import { processIo } from './io';
import { runCli } from './run';

// Entry of the built CLI (out/main/cli.js), started by bin.mjs.
process.exitCode = await runCli(process.argv.slice(2), processIo());
