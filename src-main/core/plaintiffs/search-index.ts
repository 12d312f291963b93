import { fold } from '../text/normalize';

/**
 * Folded text of each plaintiff of a case (pseudonym, legal name, aliases), built once per
 * unlock so that search-as-you-type does not decrypt the roster at every keystroke. It holds
 * real names as JS strings: it is dropped on lock and on every change to the case.
 */
export class SearchIndex {
  private readonly byCase = new Map<string, { id: string; text: string }[]>();

  search(caseId: string, query: string, build: () => { id: string; parts: string[] }[]): string[] {
    const needle = fold(query);
    let entries = this.byCase.get(caseId);
    if (!entries) {
      entries = build().map(({ id, parts }) => ({ id, text: ` ${parts.map(fold).join(' | ')} ` }));
      this.byCase.set(caseId, entries);
    }
    if (needle.length === 0) return entries.map((entry) => entry.id);
    return entries.filter((entry) => entry.text.includes(needle)).map((entry) => entry.id);
  }

  forget(caseId?: string): void {
    if (caseId === undefined) this.byCase.clear();
    else this.byCase.delete(caseId);
  }
}
