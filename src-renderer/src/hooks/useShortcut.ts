import { useEffect, useRef } from 'react';

export interface ShortcutSpec {
  /** KeyboardEvent.key, compared case-insensitively for letters ("l", "/", "?"). */
  key: string;
  /** Ctrl (or Cmd on macOS). */
  mod?: boolean;
  /** Fire even while the focus is in a text field (default: only for shortcuts with mod). */
  inFields?: boolean;
}

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  }
  return false;
}

/** A keyboard shortcut, active while the component is mounted and `enabled`. */
export function useShortcut(spec: ShortcutSpec | ShortcutSpec[], handler: (event: KeyboardEvent) => void, enabled = true): void {
  const latest = useRef(handler);
  latest.current = handler;
  const specs = Array.isArray(spec) ? spec : [spec];
  const signature = specs.map((s) => `${s.mod ? 'mod+' : ''}${s.key}:${s.inFields ? 1 : 0}`).join(',');

  useEffect(() => {
    if (!enabled) return;
    const parsed = signature.split(',').map((item) => {
      const [combo, inFields] = item.split(/:(?=[01]$)/) as [string, string];
      const mod = combo.startsWith('mod+');
      return { key: mod ? combo.slice(4) : combo, mod, inFields: inFields === '1' || mod };
    });
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      // Shortcuts do not reach through an open modal dialog, except the ones the dialog allows.
      const modalOpen = document.querySelector('dialog[open]') !== null;
      for (const s of parsed) {
        const mod = event.ctrlKey || event.metaKey;
        if (s.mod !== mod || event.altKey) continue;
        if (event.key.toLowerCase() !== s.key.toLowerCase()) continue;
        if (!s.inFields && isTypingTarget(event.target)) continue;
        if (modalOpen && !(s.mod && s.key === 'l')) continue;
        event.preventDefault();
        latest.current(event);
        return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [signature, enabled]);
}
