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

/** @param {(keyof typeof FORBIDDEN)[]} kinds */
function restrict(...kinds) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: kinds.flatMap((kind) => FORBIDDEN[kind].paths),
        patterns: kinds.flatMap((kind) => FORBIDDEN[kind].patterns),
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
  { files: ['src-main/**/*.{ts,tsx,js,mjs}'], rules: { ...restrict('electron', 'libsodium', 'sqlite', 'network'), ...NO_NETWORK_GLOBALS } },
  { files: ['src-main/core/crypto/**'], rules: restrict('electron', 'sqlite', 'network') },
  { files: ['src-main/core/store/**'], rules: restrict('electron', 'libsodium', 'network') },
  { files: ['src-main/app/**', 'src-main/ipc/**', 'src-main/index.ts'], rules: restrict('libsodium', 'sqlite', 'network') },
  { files: ['src-preload/**'], rules: { ...restrict('libsodium', 'sqlite', 'network'), ...NO_NETWORK_GLOBALS } },
  {
    files: ['src-renderer/**'],
    rules: { ...restrict('electron', 'libsodium', 'sqlite', 'mainInternals', 'nodeBuiltins'), ...NO_NETWORK_GLOBALS },
  },
  { files: ['tests/**', '*.config.{ts,js}'], rules: { 'no-console': 'off' } },
);
