import type { FindingDto } from '../../../../src-preload/contract';
import { plural } from '../../lib/format';
import { describeAction, describeFinding, describeTargets, KIND_WORDS } from '../../lib/filings';

/**
 * Every mention of someone in the vault in the body, in text order, beside the editor: what it
 * is, whom it may point at (pseudonyms only), and what DoeVault will do with it. The mention at
 * the caret is marked; choosing one selects it in the text.
 */
export function MentionsList({
  caseId,
  findings,
  active,
  state,
  onSelect,
  onAnswer,
}: {
  caseId: string;
  findings: FindingDto[];
  active: number;
  state: 'scanning' | 'idle' | 'failed';
  onSelect: (finding: FindingDto) => void;
  onAnswer: () => void;
}) {
  const asks = findings.filter((f) => f.action.kind === 'ask').length;
  return (
    <section className="mentions" aria-labelledby="mentions-heading">
      <div className="mentions-header">
        <h2 id="mentions-heading" className="small-title">
          Names found in the body
        </h2>
        <p className="mentions-summary" aria-live="polite">
          {state === 'scanning' && findings.length === 0
            ? 'Looking for names…'
            : findings.length === 0
              ? 'No one in the vault is named in the body.'
              : `${plural(findings.length, 'mention')}: ${findings.length - asks} handled automatically, ${asks} ${asks === 1 ? 'needs' : 'need'} your decision.`}
        </p>
        {asks > 0 ? (
          <button type="button" className="button button-small" onClick={onAnswer}>
            Answer the questions
          </button>
        ) : null}
      </div>
      {findings.length > 0 ? (
        <ol className="mention-list">
          {findings.map((finding, i) => {
            const action = describeAction(finding);
            return (
              <li key={`${finding.start}-${finding.end}`}>
                <button
                  type="button"
                  className={`mention-item mention-${action.tone}${i === active ? ' is-active' : ''}`}
                  aria-current={i === active ? 'true' : undefined}
                  onClick={() => onSelect(finding)}
                >
                  <span className="mention-line">Line {finding.line}</span>{' '}
                  <span className="mention-text">“{finding.text.replace(/\s+/g, ' ')}”</span>{' '}
                  <span className="mention-who">
                    {finding.kind === 'mixed-script' ? (
                      cap(describeFinding(finding, caseId))
                    ) : (
                      <>
                        {cap(KIND_WORDS[finding.kind])}
                        {finding.confidence === 'low' ? ' (possibly)' : ''} of {describeTargets(finding, caseId)}
                      </>
                    )}
                  </span>{' '}
                  <span className={`mention-action mention-action-${action.tone}`}>{action.text}</span>
                </button>
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
