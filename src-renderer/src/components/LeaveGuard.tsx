import { createContext, useContext, useEffect, useRef, useState } from 'react';
import { Dialog } from './Dialog';
import { ErrorAlert } from './Feedback';
import type { DoeVaultError } from '../api/client';

/** What a screen with unsaved work tells the app: whether it has any, and how to save it. */
export interface LeaveGuard {
  dirty(): boolean;
  /** Saves; resolves with the error when it could not. */
  save(): Promise<DoeVaultError | null>;
}

export const LeaveGuardContext = createContext<(guard: LeaveGuard | null) => void>(() => undefined);

/** Registers the screen's guard while it is mounted. The functions are read when asked, never stale. */
export function useLeaveGuard(dirty: boolean, save: () => Promise<DoeVaultError | null>): void {
  const register = useContext(LeaveGuardContext);
  const latest = useRef({ dirty, save });
  latest.current = { dirty, save };
  useEffect(() => {
    register({ dirty: () => latest.current.dirty, save: () => latest.current.save() });
    return () => register(null);
  }, [register]);
}

/** "Leave without saving?": Save and leave, Leave without saving, Stay. */
export function LeaveWithoutSavingDialog({ guard, onStay, onLeave }: { guard: LeaveGuard | null; onStay: () => void; onLeave: () => void }) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<DoeVaultError | null>(null);
  return (
    <Dialog title="Leave without saving?" onClose={onStay} closable={!saving}>
      <p>This filing has changes that are not saved yet. Unsaved text is also lost when the vault locks.</p>
      {error ? <ErrorAlert error={error} title="The filing could not be saved." /> : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onStay} disabled={saving} autoFocus>
          Stay
        </button>
        <button type="button" className="button button-danger-quiet" onClick={onLeave} disabled={saving}>
          Leave without saving
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={saving || !guard}
          onClick={() => {
            if (!guard) return;
            setSaving(true);
            void guard.save().then((failure) => {
              setSaving(false);
              if (failure) setError(failure);
              else onLeave();
            });
          }}
        >
          {saving ? 'Saving…' : 'Save and leave'}
        </button>
      </div>
    </Dialog>
  );
}
