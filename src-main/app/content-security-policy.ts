/**
 * The renderer's Content-Security-Policy, defined once: the app:// protocol sends it as a
 * header, electron.vite.config.ts writes it into index.html's meta tag at build time, and the
 * E2E harness serves the build with it. Nothing remote, nothing inline, no eval.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
