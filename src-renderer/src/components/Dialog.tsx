import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A modal dialog on the native <dialog> element: focus stays inside, Escape closes it, and the
 * focus returns where it was when it closes. The body mounts once the dialog is open: a closed
 * <dialog> is not rendered, so a field's autoFocus would otherwise be lost to the Close button.
 */
export function Dialog({
  title,
  onClose,
  children,
  wide,
  closable = true,
  describedBy,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  /** False while something runs that must not be abandoned half-way. */
  closable?: boolean;
  describedBy?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closableRef = useRef(closable);
  closableRef.current = closable;
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const [open, setOpen] = useState(false);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    setOpen(true);
    const onCancel = (event: Event) => {
      event.preventDefault();
      if (closableRef.current) onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      if (previous && previous.isConnected) previous.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className={`dialog${wide ? ' dialog-wide' : ''}`} aria-labelledby={titleId} aria-describedby={describedBy}>
      <div className="dialog-header">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <button type="button" className="button-icon" onClick={() => closableRef.current && onClose()} aria-label="Close" title="Close (Esc)" disabled={!closable}>
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path d="M3.5 3.5l9 9m0-9l-9 9" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" fill="none" />
          </svg>
        </button>
      </div>
      <div className="dialog-body">{open ? children : null}</div>
    </dialog>
  );
}
