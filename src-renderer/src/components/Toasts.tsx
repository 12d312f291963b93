import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

export interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'success' | 'warning';
}

type Notify = (text: string, tone?: Toast['tone']) => void;
const NotifyContext = createContext<Notify>(() => {});

export function useNotify(): Notify {
  return useContext(NotifyContext);
}

const TOAST_SECONDS = 12;

/** Short confirmations ("Added as Jane Doe 3"), read out by screen readers, gone after a while. */
export function ToastProvider({ children, resetKey }: { children: ReactNode; /** Toasts are dropped when it changes (another screen). */ resetKey?: string }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    setToasts((list) => list.filter((t) => t.id !== id));
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
  }, []);

  const notify = useCallback<Notify>(
    (text, tone = 'success') => {
      const id = nextId.current++;
      setToasts((list) => [...list.slice(-1), { id, text, tone }]);
      timers.current.set(
        id,
        setTimeout(() => dismiss(id), TOAST_SECONDS * 1000),
      );
    },
    [dismiss],
  );

  const shownFor = useRef(resetKey);
  useEffect(() => {
    if (shownFor.current === resetKey) return;
    shownFor.current = resetKey;
    setToasts([]);
    timers.current.forEach((timer) => clearTimeout(timer));
    timers.current.clear();
  }, [resetKey]);

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  return (
    <NotifyContext.Provider value={notify}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={`toast toast-${t.tone}`}>
            <span className="toast-text">{t.text}</span>
            <button type="button" className="button-icon toast-close" onClick={() => dismiss(t.id)} aria-label="Dismiss message">
              <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
                <path d="M3.5 3.5l9 9m0-9l-9 9" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" fill="none" />
              </svg>
            </button>
          </div>
        ))}
      </div>
    </NotifyContext.Provider>
  );
}
