import type { ExhibitFindingDto } from '../../../../src-preload/contract';
import type { DoeVaultError } from '../../api/client';
import { KIND_WORDS } from '../../lib/filings';
import { fate, whomItMayName, type Decisions, type ExhibitRef } from './review';
import { useFindingReveal } from './useFindingReveal';

const MASK = '•••••';

const WHY_WORDS: Record<string, string> = {
  several: 'may name several people',
  'common-word': 'also an ordinary word',
  'other-case': 'someone of another case',
  date: 'a date',
  initials: 'initials',
  'mixed-script': 'mixes alphabets',
  repeated: 'repeated',
  'beside-other': 'beside another name',
  face: 'a face',
};

export function kindWords(kind: ExhibitFindingDto['kind']): string {
  return kind === 'face' ? 'face' : KIND_WORDS[kind];
}

/**
 * The findings of the exhibit, page by page: what kind, whom they may name (pseudonyms), the
 * words read there MASKED until revealed, and the answer. A full name or a contact detail is
 * always redacted; "keep" is offered only where the core allows it.
 */
export function FindingsTable({
  exhibit,
  findings,
  decisions,
  selectedId,
  onDecide,
  onSelect,
  onError,
}: {
  exhibit: ExhibitRef;
  findings: readonly ExhibitFindingDto[];
  decisions: Decisions;
  selectedId: string | undefined;
  onDecide: (id: string, decision: 'redact' | 'keep') => void;
  onSelect: (finding: ExhibitFindingDto) => void;
  onError: (error: DoeVaultError) => void;
}) {
  const reveal = useFindingReveal(exhibit, onError);
  return (
    <div className="table-card table-compact">
      <table className="data-table exhibit-findings">
        <caption className="visually-hidden">What the exhibit names, {findings.length} places</caption>
        <thead>
          <tr>
            <th scope="col">Page</th>
            <th scope="col">What</th>
            <th scope="col">Text read</th>
            <th scope="col">May name</th>
            <th scope="col">Decision</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f) => {
            const what = fate(f, decisions);
            const revealed = reveal.revealed.get(f.id);
            const shown = revealed?.state === 'shown' ? revealed : undefined;
            const label = `${kindWords(f.kind)} on page ${f.page}`;
            return (
              <tr key={f.id} className={`${f.id === selectedId ? 'is-selected ' : ''}exhibit-finding-${what}`}>
                <td>
                  <button type="button" className="button-link" onClick={() => onSelect(f)} aria-label={`Show the ${label}`}>
                    {f.page}
                  </button>
                </td>
                <th scope="row">
                  {kindWords(f.kind)}
                  <span className="set-file-role">
                    read by {f.source === 'ocr' ? 'OCR' : f.source === 'text-layer' ? 'the text layer' : 'face detection'}
                    {f.confidence === 'low' ? ', possible' : ''}
                    {f.why ? ` · ${WHY_WORDS[f.why] ?? f.why}` : ''}
                  </span>
                </th>
                <td>
                  {f.kind === 'face' ? (
                    <span className="muted">a photograph</span>
                  ) : shown ? (
                    <span className="exhibit-revealed">
                      <span className="revealed-name">{shown.text}</span>
                      <span className="reveal-countdown">hides in {Math.max(0, Math.ceil((shown.hidesAt - reveal.now) / 1000))} s</span>
                      <button type="button" className="button button-small" onClick={() => reveal.hide(f.id)} aria-label={`Hide the text of the ${label}`}>
                        Hide
                      </button>
                    </span>
                  ) : (
                    <span className="exhibit-revealed">
                      <span className="masked" aria-label="masked">
                        {MASK}
                      </span>
                      <button type="button" className="button button-small" onClick={() => void reveal.show(f.id)} aria-label={`Reveal the text of the ${label}`}>
                        Reveal
                      </button>
                    </span>
                  )}
                </td>
                <td>{whomItMayName(f, exhibit.caseId) ?? <span className="muted">—</span>}</td>
                <td>
                  {f.canKeep ? (
                    <fieldset className="exhibit-decision">
                      <legend className="visually-hidden">Decision for the {label}</legend>
                      <label>
                        <input type="radio" name={`decision-${f.id}`} checked={what === 'redact'} onChange={() => onDecide(f.id, 'redact')} /> Redact
                      </label>
                      <label>
                        <input type="radio" name={`decision-${f.id}`} checked={what === 'keep'} onChange={() => onDecide(f.id, 'keep')} /> Keep
                      </label>
                      {what === 'question' ? <span className="badge badge-warning">Needs your answer</span> : null}
                    </fieldset>
                  ) : what === 'question' ? (
                    <fieldset className="exhibit-decision">
                      <legend className="visually-hidden">Decision for the {label}</legend>
                      <label>
                        <input type="radio" name={`decision-${f.id}`} checked={false} onChange={() => onDecide(f.id, 'redact')} /> Redact
                      </label>
                      <span className="badge badge-warning">Needs your answer</span>
                    </fieldset>
                  ) : (
                    <span>Redacted (always)</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
