import { VaultError } from '../errors';
import { DEFAULT_REDACTION_REF } from './courts';

/** A withheld text and the reference the public version prints in its place. */
export interface RedactionEntry {
  ref: string;
  text: string;
}

/**
 * The numbers of a filing's redactions (issue 13, item 2): the first withheld text met is
 * "[REDACTED-1]", the next new one "[REDACTED-2]", and the same text gets the same reference
 * wherever it appears, so the sealed reference list (FRCP 5.2(g)) can pair each reference with
 * one text. Texts are compared after trimming and folding runs of white space; letter case
 * counts. One numbering can be shared by several papers of a filing set, so that they number
 * the same text the same way.
 */
export class RedactionNumbering {
  private readonly refs = new Map<string, RedactionEntry>();

  /** `form` is the court's (courts.json `redactionRef`): "{n}" is replaced by the number. */
  constructor(private readonly form: string = DEFAULT_REDACTION_REF) {
    if (form.split('{n}').length !== 2) {
      throw new VaultError('INTERNAL', `A redaction reference must hold "{n}" once; "${form}" does not. Restore resources/courts.json from the release.`);
    }
  }

  /** The reference of `text`, numbered now if it is new. */
  refFor(text: string): string {
    const key = normalized(text);
    let entry = this.refs.get(key);
    if (!entry) {
      entry = { ref: this.form.replace('{n}', String(this.refs.size + 1)), text: key };
      this.refs.set(key, entry);
    }
    return entry.ref;
  }

  /** Every text numbered so far, in the order of their numbers. */
  entries(): RedactionEntry[] {
    return [...this.refs.values()].map((entry) => ({ ...entry }));
  }
}

function normalized(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}
