// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layering of DESIGN.md §1, enforced: each area of the source may import only what its
 * layer allows. `no-restricted-imports` does not merge across config objects, so each area
 * gets its complete list from `restrict(...)`.
 */
const FORBIDDEN = {
  electron: {
    paths: [{ name: 'electron', message: 'Only src-main/app, src-main/ipc and src-main/index.ts may use Electron.' }],
    patterns: [],
  },
  libsodium: {
    paths: [],
    patterns: [{ group: ['libsodium-wrappers*', 'libsodium*'], message: 'Only src-main/core/crypto may use libsodium.' }],
  },
  sqlite: {
    paths: [{ name: 'better-sqlite3', message: 'Only src-main/core/store may use better-sqlite3.' }],
    patterns: [],
  },
  network: {
    paths: ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'undici', 'axios', 'node-fetch'].flatMap((name) => [
      { name, message: 'DoeVault runs offline: no network code in the main process or the preload.' },
      ...(['undici', 'axios', 'node-fetch'].includes(name)
        ? []
        : [{ name: `node:${name}`, message: 'DoeVault runs offline: no network code in the main process or the preload.' }]),
    ]),
    patterns: [],
  },
  mainInternals: {
    paths: [],
    patterns: [{ group: ['**/src-main/**', '../src-main/**'], message: 'The renderer reaches the main process only through the preload contract.' }],
  },
  nodeBuiltins: {
    paths: [],
    patterns: [{ group: ['node:*'], message: 'The renderer is a web page: no Node built-ins.' }],
  },
};

/**
 * The domain folders of src-main/core and which others each may import: a declared, acyclic
 * graph (docs/ARCHITECTURE.md draws it). Every domain may also use the foundation: crypto,
 * store, files, text, shared and the root modules errors, operation, validation and blocking-worker. Nothing
 * below the façade imports service.ts or index.ts; only host/ reaches the façade.
 */
const CORE_DOMAINS = {
  scan: [],
  documents: ['scan'],
  audit: [],
  vault: ['audit'],
  cases: ['vault'],
  plaintiffs: ['cases', 'vault', 'scan'],
  intake: ['plaintiffs', 'cases', 'vault', 'audit'],
  filings: ['plaintiffs', 'cases', 'vault', 'scan', 'documents'],
  export: ['filings', 'plaintiffs', 'cases', 'vault', 'scan', 'documents'],
  exhibits: ['export', 'filings', 'plaintiffs', 'cases', 'vault', 'scan', 'documents'],
  host: ['façade'],
};


/** The import patterns a file of core domain `domain` may not use. */
function coreZone(/** @type {keyof typeof CORE_DOMAINS} */ domain) {
  const allowed = new Set(CORE_DOMAINS[domain]);
  const others = Object.keys(CORE_DOMAINS).filter((other) => other !== domain && !allowed.has(other));
  return [
    {
      regex: `^\\.\\./(${others.join('|')})(/|$)`,
      message: `core/${domain} may use of the other domains only ${[...allowed].join(', ') || 'none'} (the graph in eslint.config.js CORE_DOMAINS, drawn in docs/ARCHITECTURE.md).`,
    },
    ...(allowed.has('façade') ? [] : [{ regex: '^\\.\\./(service|index)$', message: `core/${domain} is below the façade: it may not import service.ts or core/index.ts.` }]),
  ];
}

/** The foundation (crypto, store, files, text, shared, errors, operation, validation) uses no domain and not the façade. */
function foundationZone() {
  return [
    {
      regex: `^\\.\\.?/(${Object.keys(CORE_DOMAINS).join('|')}|service|index)(/|$)`,
      message: 'The foundation of core (crypto, store, files, text, shared, errors, operation, validation, blocking-worker) may not use a domain folder or the façade.',
    },
  ];
}

/**
 * The CLI reaches core only through its public surface (core/index.ts: the façade and what goes
 * with it) and core/shared. The app's main process and its IPC layer never load the vault
 * (it lives in the worker): they use core/helpers (pure), core/shared, core/host, and only
 * types from core/index.
 */
function outsideCore(/** @type {'cli' | 'main'} */ side) {
  if (side === 'cli') {
    return [{ regex: '(^|/)core/(?!index$|shared(/|$))', message: 'The CLI imports core only from its public surface (core/index.ts) or core/shared.' }];
  }
  return [
    {
      regex: '(^|/)core/(?!helpers$|shared(/|$)|host(/|$))',
      message: 'The main process imports core only from core/helpers, core/shared and core/host (and types from core/index).',
    },
    { regex: '(^|/)core(/index)?$', allowTypeImports: true, message: 'The main process never loads the façade (libsodium, SQLite): it lives in the vault worker. Import only types from core/index.' },
  ];
}

/** The preload may use of core only the pure shared module: nothing else of core reaches its bundle or the renderer's. */
const SHARED_ONLY = [{ regex: 'src-main/(?!core/shared(/|$))', message: 'The preload may import only src-main/core/shared from the main side.' }];

/**
 * @param {(keyof typeof FORBIDDEN)[]} kinds
 * @param {{ regex: string; message: string; allowTypeImports?: boolean }[]} [zone] further patterns for this area
 */
function restrict(kinds, zone = []) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: kinds.flatMap((kind) => FORBIDDEN[kind].paths),
        patterns: [...kinds.flatMap((kind) => FORBIDDEN[kind].patterns), ...zone],
      },
    ],
  };
}

const NO_NETWORK_GLOBALS = {
  'no-restricted-globals': [
    'error',
    ...['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource'].map((name) => ({
      name,
      message: 'DoeVault runs offline: no network calls.',
    })),
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', Buffer: 'readonly', console: 'readonly', URL: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  { files: ['src-main/**/*.{ts,tsx,js,mjs}'], rules: { ...restrict(['electron', 'libsodium', 'sqlite', 'network']), ...NO_NETWORK_GLOBALS } },
  ...Object.keys(CORE_DOMAINS).map((domain) => ({
    files: [`src-main/core/${domain}/**`],
    rules: restrict(['electron', 'libsodium', 'sqlite', 'network'], coreZone(/** @type {keyof typeof CORE_DOMAINS} */ (domain))),
  })),
  { files: ['src-main/core/{files,text,shared}/**', 'src-main/core/{errors,operation,validation,blocking-worker}.ts'], rules: restrict(['electron', 'libsodium', 'sqlite', 'network'], foundationZone()) },
  { files: ['src-main/core/crypto/**'], rules: restrict(['electron', 'sqlite', 'network'], foundationZone()) },
  { files: ['src-main/core/store/**'], rules: restrict(['electron', 'libsodium', 'network'], foundationZone()) },
  { files: ['src-main/cli/**'], rules: restrict(['electron', 'libsodium', 'sqlite', 'network'], outsideCore('cli')) },
  { files: ['src-main/app/**', 'src-main/ipc/**', 'src-main/index.ts'], rules: restrict(['libsodium', 'sqlite', 'network'], outsideCore('main')) },
  { files: ['src-preload/**'], rules: { ...restrict(['libsodium', 'sqlite', 'network'], SHARED_ONLY), ...NO_NETWORK_GLOBALS } },
  {
    files: ['src-renderer/**'],
    rules: { ...restrict(['electron', 'libsodium', 'sqlite', 'mainInternals', 'nodeBuiltins']), ...NO_NETWORK_GLOBALS },
  },
  { files: ['tests/**', '*.config.{ts,js}'], rules: { 'no-console': 'off' } },
);
