import type { ReactNode } from 'react';
import { describeError, type DoeVaultError } from '../api/client';

/**
 * An error, said plainly: a title (the screen's own, or the per-code sentence), main's specific
 * detail when it adds something, then what the screen suggests.
 */
export function ErrorAlert({ error, children, title }: { error: DoeVaultError; children?: ReactNode; title?: string }) {
  const { title: sentence, detail } = describeError(error);
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{title ?? sentence}</p>
      {detail ? <p className="alert-detail">{detail}</p> : title ? <p>{sentence}</p> : null}
      {children}
    </div>
  );
}

/** A list that could not be loaded, with a button to load it again. */
export function LoadError({ error, title, onRetry }: { error: DoeVaultError; title?: string; onRetry: () => void }) {
  return (
    <ErrorAlert error={error} title={title}>
      <div className="actions actions-start">
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      </div>
    </ErrorAlert>
  );
}

export function Notice({ tone = 'info', children }: { tone?: 'info' | 'success' | 'warning'; children: ReactNode }) {
  return (
    <div className={`alert alert-${tone}`} role="status">
      {children}
    </div>
  );
}

/**
 * A bar for a call that takes a while, with what is happening in words: indeterminate, or
 * determinate when `value` of `max` is known (the operation counts its work).
 */
export function ProgressBar({ label, detail, value, max }: { label: string; detail?: string | undefined; value?: number | undefined; max?: number | null | undefined }) {
  const determinate = value !== undefined && max !== undefined && max !== null && max > 0;
  const percent = determinate ? Math.max(0, Math.min(100, (value / max) * 100)) : 0;
  return (
    <div className="progress">
      {determinate ? (
        <div
          className="progress-track"
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={max}
          aria-valuenow={Math.min(value, max)}
          aria-valuetext={`${Math.round(percent)}%${detail ? `, ${detail}` : ''}`}
        >
          <div className="progress-determinate" style={{ width: `${percent}%` }} />
        </div>
      ) : (
        <div className="progress-track" role="progressbar" aria-label={label} aria-valuetext={detail ?? label}>
          <div className="progress-indicator" />
        </div>
      )}
      <p className="progress-label">
        {label}
        {detail ? <span className="progress-detail"> {detail}</span> : null}
      </p>
    </div>
  );
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      {children ? <div className="empty-text">{children}</div> : null}
      {action ? <div className="empty-action">{action}</div> : null}
    </div>
  );
}

export function Loading({ label }: { label: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function Kbd({ children }: { children: ReactNode }) {
  return <kbd className="kbd">{children}</kbd>;
}
