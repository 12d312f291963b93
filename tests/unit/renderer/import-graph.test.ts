import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The renderer's modules import each other in one direction: the app shell renders the screens,
// the screens import routes.ts, hooks/, components/ and lib/, and no module imports one that
// imports it back (type-only imports count too: they tie the modules together all the same).

const ROOT = resolve(import.meta.dirname, '../../../src-renderer/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The renderer modules a file imports (relative specifiers only: packages and src-preload are outside). */
function importsOf(file: string, source: string): string[] {
  const specifiers = [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) => resolve(dirname(file), s))
    .map((base) => [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((candidate) => existsSync(candidate)) ?? base)
    .filter((path) => path.startsWith(ROOT + '/'));
}

/** Every cycle's modules (strongly connected components of more than one module, or a self-import), by Tarjan. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('the renderer import graph', () => {
  const files = sourceFiles(ROOT);
  const graph = new Map(files.map((file) => [file, importsOf(file, readFileSync(file, 'utf8'))]));
  const name = (path: string) => relative(ROOT, path);

  it('reads the screens and their imports', () => {
    expect(files.map(name)).toEqual(expect.arrayContaining(['screens/UnlockedApp.tsx', 'screens/roster/RosterScreen.tsx', 'screens/intake/ImportWizard.tsx']));
    expect(graph.get(join(ROOT, 'screens/UnlockedApp.tsx'))!.map(name)).toContain('screens/roster/RosterScreen.tsx');
  });

  it('has no import cycle', () => {
    expect(cycles(graph).map((cycle) => cycle.map(name))).toEqual([]);
  });

  it('lets only the app import the shell that renders the screens', () => {
    const importers = files.filter((file) => graph.get(file)!.includes(join(ROOT, 'screens/UnlockedApp.tsx'))).map(name);
    expect(importers).toEqual(['App.tsx']);
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
    expect(cycles(new Map([['a', ['a']]]))).toEqual([['a']]);
    expect(cycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });

  it('reads type-only and multi-line imports', () => {
    const file = join(ROOT, 'screens/roster/RosterScreen.tsx');
    const source = "import type { Route } from '../../routes';\nimport {\n  a,\n  b,\n} from './rows';\nimport { x } from 'react';\n";
    expect(importsOf(file, source).map(name)).toEqual(['routes.ts', 'screens/roster/rows.ts']);
  });
});
