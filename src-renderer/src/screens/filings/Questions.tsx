import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ChoiceDto, QuestionDto, RosterEntryDto } from '../../../../src-preload/contract';
import { api, type DoeVaultError } from '../../api/client';
import { ErrorAlert, Loading, Notice } from '../../components/Feedback';
import { useAction } from '../../hooks/useAction';
import { plural } from '../../lib/format';
import { describeFinding, excerpt, FIELD_LABELS, fieldsOf, KIND_WORDS, notAPlaintiffWording, whyAsked, type FilingDraft } from '../../lib/filings';

type TextField = 'body' | 'title' | 'parties' | 'counsel' | 'court' | 'caseNumber';
const TEXT_FIELDS: readonly string[] = ['body', 'title', 'parties', 'counsel', 'court', 'caseNumber'] satisfies TextField[];
const isTextField = (field: string): field is TextField => TEXT_FIELDS.includes(field);

/**
 * Every question an export would ask (filings:check), each with its place, the words around
 * it, why it needs a person, and the answers that apply. An answer changes the text through
 * filings:resolve (or, for a "not a plaintiff" mark that cannot stand, takes the mark off) and
 * the filing is checked again.
 */
export function QuestionsPanel({
  caseId,
  draft,
  onDraftChange,
  roster,
  onDone,
}: {
  caseId: string;
  draft: FilingDraft;
  onDraftChange: (next: FilingDraft) => void;
  roster: RosterEntryDto[] | null;
  onDone: () => void;
}) {
  const [checked, setChecked] = useState<{ draft: FilingDraft; converted: number; questions: QuestionDto[] } | null>(null);
  const [applied, setApplied] = useState<string | null>(null);
  const [applyError, setApplyError] = useState<DoeVaultError | null>(null);
  const [working, setWorking] = useState<number | null>(null);
  const check = useAction((input: FilingDraft) => api().filings.check({ caseId, filing: fieldsOf(input) }));
  const listRef = useRef<HTMLOListElement>(null);
  const latest = useRef(draft);
  latest.current = draft;
  const convertedTotal = useRef(0);

  const checkRun = check.run;
  const run = useCallback(
    async (input: FilingDraft) => {
      const outcome = await checkRun(input);
      if (!outcome.ok) return false;
      const { body, converted, questions } = outcome.value;
      // The body as the export reads it: unambiguous mentions are tokens now, and the
      // questions' places refer to it.
      const next = body === input.body ? input : { ...input, body };
      if (next !== input) onDraftChange(next);
      convertedTotal.current += converted;
      setChecked({ draft: next, converted: convertedTotal.current, questions });
      return true;
    },
    [checkRun, onDraftChange],
  );

  useEffect(() => {
    void run(latest.current);
  }, [run]);

  const answer = async (index: number, question: QuestionDto, choice: ChoiceDto | 'unmark') => {
    if (!checked) return;
    setWorking(index);
    setApplyError(null);
    setApplied(null);
    const base = checked.draft;
    const field = question.field as TextField;
    const text = field === 'body' ? base.body : base[field].normalize('NFC').replace(/\r\n?/g, '\n').trim();
    let nextText: string;
    try {
      if (choice === 'unmark') {
        const wording = notAPlaintiffWording(text.slice(question.start, question.end));
        nextText = wording === null ? text : text.slice(0, question.start) + wording + text.slice(question.end);
      } else {
        nextText = (await api().filings.resolve({ caseId, text, start: question.start, end: question.end, choice })).text;
      }
    } catch (error) {
      setApplyError(error as DoeVaultError);
      setWorking(null);
      if ((error as DoeVaultError).code === 'CONFLICT') void run(latest.current);
      return;
    }
    const next = { ...base, [field]: nextText };
    onDraftChange(next);
    setApplied(describeChoice(question, choice));
    await run(next);
    setWorking(null);
    // Keyboard users go on where they were: the next question, or the summary.
    requestAnimationFrame(() => {
      const items = listRef.current?.querySelectorAll<HTMLElement>('.question');
      (items?.[Math.min(index, items.length - 1)] ?? document.getElementById('questions-summary'))?.focus();
    });
  };

  if (!checked) {
    return (
      <div className="questions">
        {check.error ? (
          <ErrorAlert error={check.error} title="The filing could not be checked.">
            <div className="actions actions-start">
              <button type="button" className="button" onClick={() => void run(latest.current)}>
                Try again
              </button>
            </div>
          </ErrorAlert>
        ) : (
          <Loading label="Checking every name in the filing…" />
        )}
      </div>
    );
  }

  const { questions } = checked;
  return (
    <div className="questions">
      <div id="questions-summary" tabIndex={-1} className="questions-summary">
        {questions.length === 0 ? (
          <Notice tone="success">
            <p className="alert-title">No open questions: the filing can be exported.</p>
            {checked.converted > 0 ? <p>{convertedText(checked.converted, '')}</p> : null}
            <div className="actions actions-start">
              <button type="button" className="button" onClick={onDone}>
                Back to the draft
              </button>
            </div>
          </Notice>
        ) : (
          <p>
            <strong>{plural(questions.length, 'question')}</strong> before the filing can be exported.
            {checked.converted > 0 ? ` ${convertedText(checked.converted, 'other ')}` : ''}
          </p>
        )}
      </div>
      <div aria-live="polite">{applied ? <p className="muted">{applied}</p> : null}</div>
      {applyError ? <ErrorAlert error={applyError} title="That answer could not be applied." /> : null}
      {check.error ? <ErrorAlert error={check.error} title="The filing could not be checked again." /> : null}
      <ol className="question-list" ref={listRef}>
        {questions.map((question, index) => (
          <QuestionItem
            key={`${question.field}-${question.start}-${question.end}-${index}`}
            caseId={caseId}
            question={question}
            text={question.field === 'body' ? checked.draft.body : isTextField(question.field) ? checked.draft[question.field] : ''}
            roster={roster}
            busy={working !== null}
            onAnswer={(choice) => void answer(index, question, choice)}
          />
        ))}
      </ol>
    </div>
  );
}

function QuestionItem({
  caseId,
  question,
  text,
  roster,
  busy,
  onAnswer,
}: {
  caseId: string;
  question: QuestionDto;
  text: string;
  roster: RosterEntryDto[] | null;
  busy: boolean;
  onAnswer: (choice: ChoiceDto | 'unmark') => void;
}) {
  const headingId = useId();
  const explainId = useId();
  const [other, setOther] = useState('');
  const inCase = question.targets.filter((t) => t.caseId === caseId);
  const isBody = question.field === 'body';
  const isLabels = question.field === 'labels';
  const shown = isLabels || text === '' ? { before: '', hit: question.text, after: '' } : excerpt(text, question.start, question.end);
  // A contact detail or date given to a plaintiff prints as a redaction anyway: only names are cited.
  const isName = NAME_KINDS.has(question.kind);
  const canPick = isBody && isName && !question.cannotClear;
  const others = (roster ?? []).filter((e) => !inCase.some((t) => t.pseudonym === e.pseudonym));
  // Two mentions that contradict each other: naming or redacting one of them would not fix the other.
  const editOnly = question.action.kind === 'ask' && (question.action.why === 'repeated' || question.action.why === 'beside-other');

  return (
    <li className="question" tabIndex={-1} aria-labelledby={headingId}>
      <h2 id={headingId} className="question-title">
        {FIELD_LABELS[question.field]}
        {isBody || isLabels ? `, line ${question.line}` : ''}: {describeFinding(question, caseId)}
      </h2>
      <p className="question-excerpt">
        {shown.before}
        <mark className="hl-ask">{shown.hit}</mark>
        {shown.after}
      </p>
      <p className="question-why">{whyAsked(question)}</p>
      {isLabels ? (
        <p className="muted">Change this label in the Export dialog (First-page labels), then check again.</p>
      ) : question.field === 'case' ? (
        <p className="muted">
          The case’s own title, court or number names someone. Every export prints it (in its manifest, and on the caption when the draft gives no parties): change
          it with <strong>Edit details…</strong> on the case’s Roster page, then check again.
        </p>
      ) : !isTextField(question.field) ? (
        <p className="muted">This line is written from the draft’s front matter: edit it there, then check again.</p>
      ) : editOnly ? (
        <p className="muted">No button answers this: edit the draft, then check again.</p>
      ) : (
        <div className="question-actions" role="group" aria-label="Answers">
          {question.cannotClear ? (
            <button type="button" className="button button-small" disabled={busy} onClick={() => onAnswer('unmark')}>
              Remove the “not a plaintiff” mark
            </button>
          ) : null}
          {canPick
            ? inCase.map((target) => (
                <button
                  key={target.plaintiffId}
                  type="button"
                  className="button button-small button-primary"
                  disabled={busy}
                  onClick={() => onAnswer({ kind: 'plaintiff', pseudonym: target.pseudonym })}
                >
                  It is {target.pseudonym}
                </button>
              ))
            : null}
          {canPick && others.length > 0 ? (
            <span className="question-other">
              <label className="visually-hidden" htmlFor={`${headingId}-other`}>
                Another plaintiff of this case
              </label>
              <select id={`${headingId}-other`} className="input input-compact" value={other} onChange={(e) => setOther(e.target.value)} disabled={busy}>
                <option value="">Another plaintiff…</option>
                {others.map((entry) => (
                  <option key={entry.id} value={entry.pseudonym}>
                    {entry.pseudonym}
                    {entry.status === 'withdrawn' ? ' (withdrawn)' : ''}
                  </option>
                ))}
              </select>
              <button type="button" className="button button-small" disabled={busy || other === ''} onClick={() => onAnswer({ kind: 'plaintiff', pseudonym: other })}>
                It is this plaintiff
              </button>
            </span>
          ) : null}
          {!question.cannotClear ? (
            <>
              <button type="button" className="button button-small" disabled={busy} onClick={() => onAnswer({ kind: 'redact' })}>
                Redact
              </button>
              <button
                type="button"
                className="button button-small"
                disabled={busy || !question.canClear}
                aria-describedby={question.canClear ? undefined : explainId}
                onClick={() => onAnswer({ kind: 'not-a-plaintiff' })}
              >
                {question.kind === 'date-of-birth' ? 'Just a date' : 'Not a plaintiff'}
              </button>
            </>
          ) : null}
          {!question.canClear && !question.cannotClear && question.kind === 'mixed-script' ? (
            <p id={explainId} className="question-note">
              “Not a plaintiff” is not offered: the word would still print disguised. Retype it in one script, or redact it.
            </p>
          ) : null}
          {!question.canClear && !question.cannotClear && question.kind !== 'mixed-script' ? (
            <p id={explainId} className="question-note">
              “Not a plaintiff” is not offered: this is a {KIND_WORDS[question.kind]} of someone in the vault, and the export’s check refuses it in a public
              file whatever the draft says.
            </p>
          ) : null}
          {!isBody && isName && !question.cannotClear ? (
            <p className="question-note">
              The caption is printed as written: cite a plaintiff there by typing the pseudonym, or redact.
            </p>
          ) : null}
        </div>
      )}
    </li>
  );
}

/** Kinds that may be given to a plaintiff (initials too: public "Officer Jane Doe 1", sealed "Officer M.R."). */
const NAME_KINDS = new Set<QuestionDto['kind']>(['full-name', 'surname', 'given-name', 'alias', 'initials']);

function convertedText(count: number, other: string): string {
  return count === 1
    ? `1 ${other}mention became a pseudonym or a redaction automatically.`
    : `${plural(count, `${other}mention`)} became pseudonyms or redactions automatically.`;
}

function describeChoice(question: QuestionDto, choice: ChoiceDto | 'unmark'): string {
  const what = `“${question.text.replace(/\s+/g, ' ')}”`;
  if (choice === 'unmark') return `Removed the “not a plaintiff” mark from ${what}.`;
  switch (choice.kind) {
    case 'plaintiff':
      return `${what} now cites ${choice.pseudonym}.`;
    case 'redact':
      return `${what} is redacted in the public version.`;
    case 'not-a-plaintiff':
      return question.kind === 'date-of-birth' ? `${what} is marked as just a date.` : `${what} is marked as naming nobody in the vault.`;
  }
}
