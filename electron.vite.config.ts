import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { mkdirSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './src-main/app/content-security-policy';

/**
 * Writes the one CSP into index.html as a meta tag, first thing in <head>. Builds only: the
 * `npm run dev` server's client needs an inline script and a websocket, and runs unpackaged.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'doevault-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * Records each build's module graph in out/module-graph/<build>.json: for every chunk, the
 * source modules bundled into it and the modules it imports. tests/unit/build reads it to prove
 * that no core code but core/shared reaches the preload or renderer, and that the app's main
 * process never loads libsodium or SQLite. Not packaged (electron-builder.yml).
 */
function moduleGraph(build: 'main' | 'preload' | 'renderer'): Plugin {
  return {
    name: 'doevault-module-graph',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((item) =>
        item.type === 'chunk'
          ? [
              {
                fileName: item.fileName,
                isEntry: item.isEntry,
                modules: Object.keys(item.modules).map((id) => relative(import.meta.dirname, id.replace(/^\0/, '')).split('\\').join('/')),
                imports: item.imports,
                dynamicImports: item.dynamicImports,
              },
            ]
          : [],
      );
      const dir = resolve(import.meta.dirname, 'out/module-graph');
      mkdirSync(dir, { recursive: true });
      writeFileSync(resolve(dir, `${build}.json`), `${JSON.stringify({ chunks }, null, 1)}\n`);
    },
  };
}

// Three builds, as electron-vite splits them: main (Node: the Electron entry and the CLI),
// preload (sandboxed bridge) and renderer (web). Dependencies of main stay external, so the
// native better-sqlite3 and the libsodium wasm load from node_modules.
export default defineConfig({
  main: {
    plugins: [moduleGraph('main')],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src-main/index.ts'),
          cli: resolve(import.meta.dirname, 'src-main/cli/main.ts'),
          'vault-worker': resolve(import.meta.dirname, 'src-main/core/host/vault-worker.ts'),
        },
      },
    },
  },
  preload: {
    plugins: [moduleGraph('preload')],
    build: {
      // A sandboxed preload cannot require node_modules: bundle zod and the contract into it.
      externalizeDeps: false,
      outDir: 'out/preload',
      // Sandboxed preloads cannot be ES modules.
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src-preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react(), contentSecurityPolicy(), moduleGraph('renderer')],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: resolve(import.meta.dirname, 'src-renderer/index.html') },
    },
  },
});
