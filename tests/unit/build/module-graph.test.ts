import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The built bundles' module graphs (written by electron.vite.config.ts's moduleGraph plugin
// during `npm run build`, which `npm test` runs before vitest). These are the bundles the app
// ships: what they contain is what the renderer, the preload and main actually load.
interface Chunk {
  fileName: string;
  isEntry: boolean;
  modules: string[];
  /** Loaded with the chunk (static imports). */
  imports: string[];
  /** Loaded when the code asks (import()). */
  dynamicImports: string[];
}

const GRAPH_DIR = join(process.cwd(), 'out', 'module-graph');

function graph(build: 'main' | 'preload' | 'renderer'): Chunk[] {
  const file = join(GRAPH_DIR, `${build}.json`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  const built = statSync(file).mtimeMs;
  const config = statSync(join(process.cwd(), 'electron.vite.config.ts')).mtimeMs;
  if (config > built) throw new Error(`${file} is older than electron.vite.config.ts: run \`npm run build\` first`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { chunks: Chunk[] }).chunks;
}

const coreModules = (chunks: Chunk[]) => chunks.flatMap((chunk) => chunk.modules).filter((id) => id.startsWith('src-main/core/'));

/** Every chunk the entry loads, following static and (unless `eagerOnly`) dynamic imports between chunks. */
function loadedFrom(chunks: Chunk[], entry: string, { eagerOnly = false } = {}): Chunk[] {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || !byName.has(name)) return;
    seen.add(name);
    const chunk = byName.get(name)!;
    for (const next of eagerOnly ? chunk.imports : [...chunk.imports, ...chunk.dynamicImports]) visit(next);
  };
  visit(entry);
  return [...seen].map((name) => byName.get(name)!);
}

describe('the built bundles', () => {
  for (const build of ['preload', 'renderer'] as const) {
    it(`${build}: no module of src-main/core but the pure shared one`, () => {
      const chunks = graph(build);
      expect(chunks.flatMap((chunk) => chunk.modules).length).toBeGreaterThan(0);
      const core = coreModules(chunks);
      expect(core.filter((id) => !id.startsWith('src-main/core/shared/'))).toEqual([]);
      // The contract uses the shared constants (filing formats, intake fields): the check sees core modules.
      if (build === 'preload') expect(core.length).toBeGreaterThan(0);
    });
  }

  it('main: the Electron entry never loads libsodium or SQLite (the vault lives in the worker)', () => {
    const chunks = graph('main');
    const loaded = loadedFrom(chunks, 'index.js');
    expect(loaded.length).toBeGreaterThan(0);
    const imports = loaded.flatMap((chunk) => [...chunk.imports, ...chunk.dynamicImports]);
    expect(imports.filter((name) => /libsodium|better-sqlite3/.test(name))).toEqual([]);
    expect(loaded.flatMap((chunk) => chunk.modules).filter((id) => /src-main\/core\/(crypto|store|service)/.test(id))).toEqual([]);
    // …while the worker does load them: the check above looks at the right graph.
    const worker = loadedFrom(chunks, 'vault-worker.js');
    expect(worker.flatMap((chunk) => chunk.imports)).toEqual(expect.arrayContaining(['libsodium-wrappers-sumo', 'better-sqlite3']));
  });

  // Memory a process never gives back: the vault worker and the CLI load the exhibits' image
  // libraries only when an exhibit is read, and the passphrase meter never (it runs in a
  // worker thread of its own, vault/passphrase-policy.ts).
  for (const entry of ['vault-worker.js', 'cli.js']) {
    it(`main: ${entry} loads the image libraries on first use and never zxcvbn`, () => {
      const chunks = graph('main');
      const heavy = /^(@napi-rs\/canvas|utif2|@zxcvbn-ts\/)/;
      const eager = loadedFrom(chunks, entry, { eagerOnly: true }).flatMap((chunk) => chunk.imports);
      expect(eager).toEqual(expect.arrayContaining(['libsodium-wrappers-sumo']));
      expect(eager.filter((name) => heavy.test(name))).toEqual([]);
      const onDemand = loadedFrom(chunks, entry).flatMap((chunk) => chunk.dynamicImports);
      expect(onDemand).toEqual(expect.arrayContaining(['@napi-rs/canvas', 'utif2']));
      expect(onDemand.filter((name) => name.startsWith('@zxcvbn-ts/'))).toEqual([]);
    });
  }
});
