import { initial } from './0001-initial';
import { filings } from './0002-filings';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [initial, filings];
export const SCHEMA_VERSION = MIGRATIONS.length;
export type { Migration };
