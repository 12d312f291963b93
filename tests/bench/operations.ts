// The rows of the table, in order. Each side reports milliseconds per run for each of them.

export const OPERATIONS = ['create', 'unlock', 'add', 'sealedRoster', 'publicRoster', 'lookup'] as const;
export type Operation = (typeof OPERATIONS)[number];

/** Per operation, one number per measured run. */
export type Samples = Record<Operation, number[]>;

export function emptySamples(): Samples {
  return { create: [], unlock: [], add: [], sealedRoster: [], publicRoster: [], lookup: [] };
}
