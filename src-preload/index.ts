// The preload exposes nothing yet: the typed bridge (contract.ts, api.ts) is added with the
// desktop screens. Until then the renderer has no way into the main process at all.
export {};
