import { useId, useRef, useState } from 'react';
import { Brand } from '../components/Brand';
import { Notice } from '../components/Feedback';
import { fileName, formatDateTime } from '../lib/format';

/**
 * The recovery key, shown this once. Copy uses a selected read-only field and
 * execCommand('copy') on the click: the app refuses clipboard permission requests, and the
 * async Clipboard API would ask for one. Print prints only the key sheet (see styles.css).
 */
export function RecoveryKeyScreen({ recoveryKey, path, onDone }: { recoveryKey: string; path: string | null; onDone: () => void }) {
  const [stored, setStored] = useState(false);
  const [copyResult, setCopyResult] = useState<'copied' | 'failed' | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const keyId = useId();
  const [createdAt] = useState(() => new Date().toISOString());

  const copy = () => {
    const element = field.current;
    if (!element) return;
    element.focus();
    element.select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    setCopyResult(copied ? 'copied' : 'failed');
  };

  return (
    <main className="centered-page" id="main">
      <div className="card narrow">
        <Brand />
        <h1 className="page-title">Store your recovery key</h1>
        <div className="alert alert-warning">
          <p className="alert-title">DoeVault shows this key only now.</p>
          <p>
            If the passphrase is forgotten, this key is the only way back into the vault. Anyone who has it and the vault file can read every name in it, so
            keep it away from this computer: print it for the firm&apos;s safe, or put it in the firm&apos;s password manager.
          </p>
        </div>
        <label htmlFor={keyId} className="field-label">
          Recovery key
        </label>
        <textarea
          id={keyId}
          ref={field}
          className="recovery-key"
          readOnly
          value={recoveryKey}
          rows={2}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
        />
        <div className="actions actions-start">
          <button type="button" className="button" onClick={copy}>
            Copy
          </button>
          <button type="button" className="button" onClick={() => window.print()}>
            Print
          </button>
        </div>
        {copyResult === 'copied' ? (
          <Notice tone="success">Copied. Paste it where it belongs now, then copy something else so the key does not linger on the clipboard.</Notice>
        ) : null}
        {copyResult === 'failed' ? <Notice tone="warning">Copying did not work here. The key is selected: press Ctrl+C to copy it.</Notice> : null}
        <label className="checkbox confirm-stored">
          <input type="checkbox" checked={stored} onChange={(event) => setStored(event.target.checked)} />
          <span>I have stored the recovery key somewhere safe, away from this computer.</span>
        </label>
        <div className="actions">
          <button type="button" className="button button-primary" disabled={!stored} onClick={onDone}>
            Continue to the vault
          </button>
        </div>
      </div>
      <section className="print-sheet" aria-hidden="true">
        <h2>DoeVault recovery key</h2>
        <p>Vault file: {fileName(path)}</p>
        <p>Vault created: {formatDateTime(createdAt)}</p>
        <p className="print-key">{recoveryKey}</p>
        <p>Keep this sheet locked away. With this key and the vault file, anyone can read every name in the vault.</p>
      </section>
    </main>
  );
}
