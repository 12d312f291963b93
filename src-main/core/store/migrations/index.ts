import { initial } from './0001-initial';
import { filings } from './0002-filings';
import { intakeMappings } from './0003-intake-mappings';
import { integrityHeads } from './0004-integrity-heads';
import { vaultSettings } from './0005-vault-settings';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [initial, filings, intakeMappings, integrityHeads, vaultSettings];
export const SCHEMA_VERSION = MIGRATIONS.length;
export type { Migration };
