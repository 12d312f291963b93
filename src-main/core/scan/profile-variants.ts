/**
 * The doxxing surface (issue 11): how a plaintiff's family, past addresses, schools and
 * employers, vehicles, handles and identifying characteristics become scanner variants.
 *
 * This module decides what is looked for and under which kind; variants.ts owns the spelling
 * machinery (name forms, street abbreviations, phrase forms) and lends it through `ProfileTools`,
 * so the two files do not import each other.
 *
 * - A relative's full name gets every full-name form of a plaintiff's name (look-alikes folded,
 *   "Kowalczyk, Ewa", "E. Kowalczyk", run together), as kind 'relative'. Their given name or
 *   surname alone is not looked for: "Ewa" alone names no one, and the surname is usually the
 *   plaintiff's own, reported as such.
 * - Past addresses are scanned as the current address is.
 * - Schools, employers and characteristics are phrases. A phrase made only of ordinary words
 *   ("Police Department", "blue eyes") is marked generic: the scanner asks about it instead of
 *   redacting it, because such words appear in filings for many other reasons.
 * - A plate is matched whatever its spacing, hyphens or case ("7ABC123", "7 ABC 123",
 *   "7abc-123"): with a digit it goes to the digits channel with ID-number boundaries, letters
 *   only ("DOXME") to the words channel, spaced and joined.
 * - A handle is matched with or without its "@", in any case, and as a path segment of a URL
 *   ("twitter.com/marta_k"): normalisation turns "@", "/", "." and "_" into word breaks, so the
 *   handle's words in a row are what is looked for.
 */
import { nfc } from './text-map';
import type { ScanIdentity, VariantKind } from './types';

/** What variants.ts lends this module. */
export interface ProfileTools {
  /** Every full-name form of `name` (and its run-together forms), as `kind`; no part alone. */
  fullName(kind: VariantKind, name: string): void;
  /** An address, scanned as the current address is (kind 'address'). */
  address(address: string): void;
  /** A phrase of words in a row, with their keys (`generic`: ordinary words only, asked about). */
  phrase(kind: VariantKind, words: readonly string[], keys: readonly string[], generic: boolean): void;
  /** One key of a channel, as is. */
  emit(kind: VariantKind, channel: 'words' | 'digits', key: string, text: string): void;
  /** The normalised key of a text (text-map.ts). */
  key(text: string): string;
  /** Whether a normalised word is an ordinary English word. */
  isCommon(word: string): boolean;
}

/** Shortest plate looked for: shorter ones ("12") are in every document. */
export const MIN_PLATE_LENGTH = 3;
/** Shortest handle looked for, in letters and digits ("@jo" would match "Jo" everywhere). */
export const MIN_HANDLE_LENGTH = 3;

export function profileVariants(identity: ScanIdentity, tools: ProfileTools): void {
  for (const member of identity.family ?? []) tools.fullName('relative', member.name);
  for (const address of identity.pastAddresses ?? []) tools.address(address);
  for (const affiliation of identity.affiliations ?? []) phraseVariant('affiliation', affiliation.name, tools);
  for (const vehicle of identity.vehicles ?? []) plateVariants(vehicle.plate, tools);
  for (const handle of identity.handles ?? []) handleVariants(handle, tools);
  for (const characteristic of identity.characteristics ?? []) phraseVariant('characteristic', characteristic, tools);
}

function phraseVariant(kind: VariantKind, phrase: string, tools: ProfileTools): void {
  // Each word folded once: the key of the phrase is its words' keys in a row.
  const words = nfc(phrase).trim().split(/\s+/);
  const keys = new Array<string>(words.length);
  let kept = 0;
  let generic = true;
  for (const word of words) {
    const key = tools.key(word);
    if (key === '') continue;
    words[kept] = word;
    keys[kept++] = key;
    if (generic) generic = key.includes(' ') ? key.split(' ').every((k) => ordinary(k, tools)) : ordinary(key, tools);
  }
  if (kept === 0) return;
  words.length = kept;
  keys.length = kept;
  tools.phrase(kind, words, keys, generic);
}

function ordinary(key: string, tools: ProfileTools): boolean {
  return tools.isCommon(key) || /^\d+$/.test(key);
}

/** The plate's letters and digits, lower case: the one key of all its spellings. */
export function plateKey(plate: string, key: (text: string) => string): string {
  return key(plate).replaceAll(' ', '');
}

function plateVariants(plate: string, tools: ProfileTools): void {
  const compact = plateKey(plate, tools.key);
  if (compact.length < MIN_PLATE_LENGTH) return;
  if (/\d/.test(compact)) {
    tools.emit('vehicle', 'digits', compact, plate);
    return;
  }
  const spaced = tools.key(plate);
  tools.emit('vehicle', 'words', compact, compact.toUpperCase());
  if (spaced !== compact) tools.emit('vehicle', 'words', spaced, plate);
}

function handleVariants(handle: string, tools: ProfileTools): void {
  const bare = handle.trim().replace(/^@+/, '');
  const key = tools.key(bare);
  if (key.replaceAll(' ', '').length < MIN_HANDLE_LENGTH) return;
  // As a phrase: "marta_k" is looked for as "marta k" (in "@marta_k", "x.com/marta_k",
  // "marta.k") and as "martak" (where the underscore was dropped). A handle that is an
  // ordinary word ("@tiger") is asked about, not redacted wherever the word appears.
  tools.phrase('handle', [bare], [key], key.split(' ').every((word) => tools.isCommon(word)));
}
