/**
 * Where the unlocked app can be: one value per screen. Its own module (no component), so that
 * the shell that renders the screens and the screens that navigate import it without importing
 * each other.
 */

/** The filing editor's three views. */
export type EditorView = 'draft' | 'questions' | 'preview';

export type Route =
  | { name: 'cases' }
  | { name: 'roster'; caseId: string }
  | { name: 'filings'; caseId: string }
  | { name: 'exhibits'; caseId: string }
  | { name: 'filing'; caseId: string; filingId: string; notice?: string; view?: EditorView }
  | { name: 'audit' }
  | { name: 'settings' };

/** One key per screen: a new key is a new screen (focus, toasts). */
export function routeKey(route: Route): string {
  switch (route.name) {
    case 'roster':
    case 'filings':
    case 'exhibits':
      return `${route.name}:${route.caseId}`;
    case 'filing':
      return `filing:${route.filingId}`;
    default:
      return route.name;
  }
}
