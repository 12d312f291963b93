import type { PdfText } from '../documents';

/**
 * Where each redaction reference prints in the typeset public version, as a reader cites it:
 * "page:line" with the pleading paper's numbered line (1–28), or the line of text on a page
 * without numbers (the plain federal form); "page (top margin)" above line 1. The footer is
 * skipped: it repeats the title on every page, and the caption already places the title. A
 * reference printed twice on one line is one place.
 */
export function referenceLocations(pdf: Pick<PdfText, 'text' | 'pageStarts' | 'pleadingLines'>, refs: readonly string[]): Map<string, string[]> {
  const places = new Map<string, string[]>(refs.map((ref) => [ref, []]));
  const starts = [0, ...pdf.pageStarts];
  starts.forEach((start, page) => {
    const end = page + 1 < starts.length ? starts[page + 1]! - 1 : pdf.text.length;
    const numbered = pdf.pleadingLines[page] ?? [];
    pdf.text
      .slice(start, end)
      .split('\n')
      .forEach((line, index) => {
        const pleadingLine = numbered[index];
        if (pleadingLine === -1) return;
        const place = numbered.length === 0 || pleadingLine === undefined ? `${page + 1}:${index + 1}` : pleadingLine === 0 ? `${page + 1} (top margin)` : `${page + 1}:${pleadingLine}`;
        for (const ref of refs) {
          const list = places.get(ref)!;
          if (printsIn(line, ref) && list[list.length - 1] !== place) list.push(place);
        }
      });
  });
  return places;
}

/** `ref` in `line` as a whole: "[REDACTED-1]" is not in "[REDACTED-12]", nor "REDACTED-1" in "REDACTED-12". */
function printsIn(line: string, ref: string): boolean {
  const word = /[\p{L}\p{N}]/u;
  for (let at = line.indexOf(ref); at >= 0; at = line.indexOf(ref, at + 1)) {
    const before = line[at - 1];
    const after = line[at + ref.length];
    const openEdge = !word.test(ref[0]!) || before === undefined || !word.test(before);
    const closeEdge = !word.test(ref[ref.length - 1]!) || after === undefined || !word.test(after);
    if (openEdge && closeEdge) return true;
  }
  return false;
}
