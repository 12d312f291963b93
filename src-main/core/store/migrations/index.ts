import { initial } from './0001-initial';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [initial];
export const SCHEMA_VERSION = MIGRATIONS.length;
export type { Migration };
