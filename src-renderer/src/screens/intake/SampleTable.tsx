import type { ReactNode } from 'react';
import type { IntakeInspectionDto } from '../../../../src-preload/contract';
import { FIELD_LABELS } from './fieldLabels';
import type { Mapping, SampleRows } from './wizardState';

const SAMPLE_SHOWN = 5;

/** The header and the first rows: cells masked until the person asks to see them. */
export function SampleTable({
  inspection,
  revealed,
  onReveal,
  onHide,
  busy,
  mapping,
  children,
}: {
  inspection: IntakeInspectionDto;
  revealed: SampleRows | null;
  onReveal: () => void;
  onHide: () => void;
  busy: boolean;
  mapping?: Mapping;
  children?: (column: number) => ReactNode;
}) {
  const rows = (revealed ?? inspection.sampleRows).slice(0, SAMPLE_SHOWN);
  return (
    <div className="wizard-block">
      <div className="wizard-sample-header">
        <h4>{children ? 'Columns' : 'First rows'}</h4>
        {revealed ? (
          <button type="button" className="button button-small" onClick={onHide}>
            Hide the values
          </button>
        ) : (
          <button type="button" className="button button-small" onClick={onReveal} disabled={busy || inspection.sampleRows.length === 0}>
            Show the values
          </button>
        )}
      </div>
      <div className="wizard-scroll" tabIndex={0} role="region" aria-label={children ? 'Columns and first rows' : 'First rows'}>
        <table className="data-table wizard-sample">
          <thead>
            <tr>
              <th scope="col">Row</th>
              {inspection.headers.map((header, i) => (
                <th scope="col" key={i}>
                  {header || `Column ${i + 1}`}
                  {mapping ? <span className="wizard-maps-to">{mapping[i] ? FIELD_LABELS[mapping[i]] : 'Not imported'}</span> : null}
                </th>
              ))}
            </tr>
            {children ? (
              <tr>
                <th scope="row">Holds</th>
                {inspection.headers.map((_, i) => (
                  <td key={i}>{children(i)}</td>
                ))}
              </tr>
            ) : null}
          </thead>
          <tbody>
            {rows.map(({ row, cells }) => (
              <tr key={row}>
                <th scope="row" className="numeric">
                  {row}
                </th>
                {inspection.headers.map((_, i) => (
                  <td key={i} className={revealed ? undefined : 'masked'}>
                    {cells[i] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!revealed && inspection.sampleRows.length > 0 ? <p className="muted small">Values are hidden: they are real identities. Show them only when nobody else can see the screen.</p> : null}
    </div>
  );
}
