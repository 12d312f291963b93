import { useEffect } from 'react';

/** Sets the window title for a screen. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — DoeVault`;
  }, [title]);
}
