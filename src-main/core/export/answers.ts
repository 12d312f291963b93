import { blindIndex, constantTimeEqual, deriveCaseSubkey, mac, utf8, wipe } from '../crypto';
import type { LeakHit } from '../scan/types';
import { fold } from '../text/normalize';

/**
 * What an export decided, carried in its manifest so that `verify` beside it decides the same
 * (issue 12, item 7): a public file the export verified verifies again.
 *
 * The manifest travels with the filing and into the sealed package, so it holds no wording: the
 * text of each hit the user marked "not a plaintiff" is a keyed hash (BLAKE2b under a subkey of
 * the case key), useless without the vault. The same key authenticates the manifest, so a
 * manifest written by hand (or from another case) cannot mark a file as sealed or clear a hit.
 */
export class ExportAnswers {
  readonly #key: Uint8Array;

  constructor(caseKey: Uint8Array) {
    this.#key = deriveCaseSubkey(caseKey, 'exportManifest');
  }

  /** The keyed hash of a cleared hit's text, folded as the scanner folds it. */
  clearedHash(hit: Pick<LeakHit, 'text'>): string {
    return hex(blindIndex(this.#key, 'not-a-plaintiff', fold(hit.text)));
  }

  /** The manifest's authentication: a MAC over its compact JSON without this field. */
  authenticate(manifest: object): string {
    return hex(mac(this.#key, utf8(JSON.stringify(withoutAuthentication(manifest)))));
  }

  isAuthentic(manifest: { authentication?: unknown }): boolean {
    if (typeof manifest.authentication !== 'string' || !/^[0-9a-f]{64}$/.test(manifest.authentication)) return false;
    return constantTimeEqual(Buffer.from(manifest.authentication, 'hex'), Buffer.from(this.authenticate(manifest), 'hex'));
  }

  dispose(): void {
    wipe(this.#key);
  }
}

function withoutAuthentication(manifest: object): object {
  const { authentication: _authentication, ...rest } = manifest as { authentication?: unknown };
  return rest;
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}
