import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { KEY_FIELD_LABELS, type ExportReportDto, type FilingFormat, type FilingLabelsDto, type KeyField, type KeyFileDto } from '../../../../src-preload/contract';
import { api, type DoeVaultError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert, Loading, Notice } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { NewPassphraseFields, useNewPassphrase } from '../../components/NewPassphrase';
import { useAction } from '../../hooks/useAction';
import { useDebounced } from '../../hooks/useDebounced';
import { plural } from '../../lib/format';
import { fieldsOf, FORMATS, type FilingDraft, type Identities } from '../../lib/filings';
import { OperationProgress } from './OperationProgress';
import { FilesTable, HitsTable, VerificationSummary } from './Report';

type Sealing = 'none' | 'passphrase' | 'recipient-key';

/**
 * Export: the choices (format, first-page labels, order date, the plaintiffs the declaration of
 * identities lists and its columns, Word files, a sealed package), then main's folder dialog, a progress bar while the files are typeset,
 * read back and checked, and the verification report with each file's SHA-256. With questions
 * open, it sends the user to them instead: nothing can be exported before they are answered.
 */
export function ExportDialog({
  caseId,
  draft,
  onDraftChange,
  save,
  onClose,
  onOpenQuestions,
}: {
  caseId: string;
  draft: FilingDraft;
  onDraftChange: (next: FilingDraft) => void;
  save: () => Promise<DoeVaultError | null>;
  onClose: () => void;
  onOpenQuestions: () => void;
}) {
  const [questions, setQuestions] = useState<number | null>(null);
  const [docx, setDocx] = useState(true);
  const [pdfa, setPdfa] = useState(false);
  const [sealing, setSealing] = useState<Sealing>('none');
  const [recipient, setRecipient] = useState<KeyFileDto | null>(null);
  const [report, setReport] = useState<ExportReportDto | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [saveError, setSaveError] = useState<DoeVaultError | null>(null);
  const passphrase = useNewPassphrase();
  const check = useAction(() => api().filings.check({ caseId, filing: fieldsOf(draft) }));
  const exporting = useAction(async (sealingChoice: Sealing, pass: string) => {
    const failure = await save();
    if (failure) throw failure;
    return api().filings.export({
      caseId,
      filing: fieldsOf(draft),
      docx,
      pdfa,
      package: sealingChoice === 'passphrase' ? { kind: 'passphrase', passphrase: pass } : { kind: sealingChoice },
    });
  });
  const chooseKey = useAction(() => api().packages.chooseRecipientKey());
  const show = useAction(() => api().filings.showInFolder());
  const labels = useDefaultLabels(draft.format, draft.orderDate);
  const checkRun = check.run;
  const saveRef = useRef(save);
  saveRef.current = save;

  // Questions first: saved, then checked as the export will check it.
  useEffect(() => {
    let current = true;
    void (async () => {
      const failure = await saveRef.current();
      if (!current) return;
      if (failure) {
        setSaveError(failure);
        return;
      }
      const outcome = await checkRun();
      if (current && outcome.ok) setQuestions(outcome.value.questions.length);
    })();
    return () => {
      current = false;
    };
  }, [checkRun]);

  const set = (patch: Partial<FilingDraft>) => onDraftChange({ ...draft, ...patch });

  // What came of an export goes to the top of the dialog, in view and focused.
  const outcomeRef = useRef<HTMLDivElement>(null);
  const reportRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = report ? reportRef.current : exporting.error || cancelled ? outcomeRef.current : null;
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  }, [report, exporting.error, cancelled]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCancelled(false);
    setReport(null);
    if (sealing === 'passphrase' && !(await passphrase.validate())) return;
    if (sealing === 'recipient-key' && !recipient) return;
    const outcome = await exporting.run(sealing, passphrase.passphrase);
    if (!outcome.ok) {
      if (outcome.error.code === 'VALIDATION' && outcome.error.field === 'passphrase') {
        passphrase.setServerError(outcome.error.detail);
        exporting.clearError();
      }
      return;
    }
    if (outcome.value === null) {
      setCancelled(true);
      return;
    }
    if (outcome.value.status === 'exported') passphrase.reset();
    setReport(outcome.value);
  };

  const busy = exporting.pending;
  const title = report?.status === 'exported' ? 'Exported and verified' : report?.status === 'leak-found' ? 'Export stopped' : 'Export the filing';

  return (
    <Dialog title={title} onClose={onClose} closable={!busy} wide>
      {saveError ? <ErrorAlert error={saveError} title="The filing could not be saved, so it was not exported." /> : null}
      {!saveError && questions === null && !check.error ? <Loading label="Saving and checking the filing…" /> : null}
      {check.error ? <ErrorAlert error={check.error} title="The filing could not be checked." /> : null}

      {questions !== null && questions > 0 ? (
        <div className="alert alert-warning" role="alert">
          <p className="alert-title">{plural(questions, 'question')} must be answered before this filing can be exported.</p>
          <p>Some words may name someone in the vault, and DoeVault does not guess. Answer each question; nothing is written until then.</p>
          <div className="actions actions-start">
            <button type="button" className="button button-primary" onClick={onOpenQuestions} autoFocus>
              Go to the questions
            </button>
          </div>
        </div>
      ) : null}

      {report ? (
        <div ref={reportRef} tabIndex={-1} className="export-outcome">
          <ExportOutcome report={report} onShow={() => void show.run()} showError={show.error} />
        </div>
      ) : null}

      {questions === 0 && report?.status !== 'exported' ? (
        <form className="form" onSubmit={submit} noValidate aria-label="Export choices">
          <div ref={outcomeRef} tabIndex={-1} className="export-outcome">
            {exporting.error ? <ExportError error={exporting.error} /> : null}
            {cancelled ? <Notice>No folder was chosen. Nothing was exported.</Notice> : null}
          </div>
          <fieldset className="fieldset" disabled={busy}>
            <legend className="field-label">Format</legend>
            {(Object.keys(FORMATS) as FilingFormat[]).map((value) => (
              <label key={value} className="radio">
                <input type="radio" name="export-format" checked={draft.format === value} onChange={() => set({ format: value })} />
                <span>
                  {FORMATS[value].label}
                  <span className="radio-hint"> — {FORMATS[value].description}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <Field label="Date of the sealing order" hint="Once the court has ordered sealing, the sealed version says so on its first page. Leave blank before that.">
            {(props) => <input {...props} type="date" className="input input-date" value={draft.orderDate} onChange={(e) => set({ orderDate: e.target.value })} disabled={busy} />}
          </Field>
          <LabelsFields draft={draft} defaults={labels} onChange={set} disabled={busy} />
          <IdentitiesFields identities={draft.identities} onChange={(identities) => set({ identities })} disabled={busy} />
          <fieldset className="fieldset" disabled={busy}>
            <legend className="field-label">The declaration lists, beside each pseudonym and legal name</legend>
            <div className="checkbox-grid">
              {(Object.keys(KEY_FIELD_LABELS) as KeyField[]).map((field) => (
                <label key={field} className="checkbox">
                  <input
                    type="checkbox"
                    checked={draft.keyFields.includes(field)}
                    onChange={(e) => set({ keyFields: e.target.checked ? [...draft.keyFields, field] : draft.keyFields.filter((f) => f !== field) })}
                  />
                  <span>{KEY_FIELD_LABELS[field]}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <label className="checkbox">
            <input type="checkbox" checked={docx} onChange={(e) => setDocx(e.target.checked)} disabled={busy} />
            <span>
              Also write Word files (public.docx, sealed.docx, declaration-of-identities.docx) <span className="radio-hint">— checked like the PDFs</span>
            </span>
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={pdfa} onChange={(e) => setPdfa(e.target.checked)} disabled={busy} />
            <span>
              PDF/A-2b (archival) PDFs <span className="radio-hint">— for a portal or records office that asks for PDF/A</span>
            </span>
          </label>
          <fieldset className="fieldset" disabled={busy}>
            <legend className="field-label">Sealed package</legend>
            <label className="radio">
              <input type="radio" name="sealing" checked={sealing === 'none'} onChange={() => setSealing('none')} />
              <span>No package</span>
            </label>
            <label className="radio">
              <input type="radio" name="sealing" checked={sealing === 'passphrase'} onChange={() => setSealing('passphrase')} />
              <span>
                A package protected by a one-time passphrase{' '}
                <span className="radio-hint">— the sealed PDF, the declaration of identities, the reference list and the manifest in one encrypted file; give the passphrase by another way</span>
              </span>
            </label>
            <label className="radio">
              <input type="radio" name="sealing" checked={sealing === 'recipient-key'} onChange={() => setSealing('recipient-key')} />
              <span>
                A package sealed to a recipient&apos;s public key <span className="radio-hint">— only their secret key opens it</span>
              </span>
            </label>
          </fieldset>
          {sealing === 'passphrase' ? <NewPassphraseFields state={passphrase} label="Package passphrase" disabled={busy} /> : null}
          {sealing === 'recipient-key' ? (
            <div className="recipient-key">
              {recipient ? (
                <p>
                  Sealed to <span className="path">{recipient.fileName}</span>, key beginning <code className="hash">{recipient.fingerprint}</code>. Compare
                  it with the recipient.
                </p>
              ) : (
                <p className="muted">Choose the recipient&apos;s public key file (.pub) they sent you.</p>
              )}
              {chooseKey.error ? <ErrorAlert error={chooseKey.error} title="That key file cannot be used." /> : null}
              <button
                type="button"
                className="button button-small"
                disabled={busy || chooseKey.pending}
                onClick={() => void chooseKey.run().then((outcome) => outcome.ok && outcome.value && setRecipient(outcome.value))}
              >
                {recipient ? 'Choose another key…' : "Choose the recipient's public key…"}
              </button>
            </div>
          ) : null}
          <p className="muted small">
            The filing is saved first. Next you choose the folder: DoeVault writes into it only after the public files have been read back and checked
            against every identity in the vault, and never over an earlier export.
          </p>
          <div className="dialog-actions">
            <OperationProgress busy={busy} slow={exporting.slow} label="Exporting…" detail="Typesetting, then reading the public files back and checking every name." />
            {busy ? null : (
              <button type="button" className="button" onClick={onClose}>
                {report ? 'Close' : 'Cancel'}
              </button>
            )}
            <button type="submit" className="button button-primary" disabled={busy || (sealing === 'recipient-key' && !recipient)}>
              {busy ? 'Exporting…' : exporting.error?.code === 'CONFLICT' ? 'Choose another folder and export…' : 'Choose a folder and export…'}
            </button>
          </div>
        </form>
      ) : null}

      {report?.status === 'exported' || saveError || (questions !== null && questions > 0) ? (
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      ) : null}
    </Dialog>
  );
}

type Document = 'public' | 'sealed' | 'lodged';

const IDENTITY_SETS: { value: Exclude<Identities, string[]>; label: string; hint: string }[] = [
  { value: 'all', label: 'Every plaintiff of the case', hint: 'withdrawn plaintiffs are marked so' },
  { value: 'active', label: 'The plaintiffs who have not withdrawn', hint: '' },
  { value: 'cited', label: 'Only the plaintiffs this filing cites', hint: 'a plaintiff the body names nowhere is left out' },
];

/** Which plaintiffs the declaration of identities lists; a list of pseudonyms (set outside this dialog) is shown as such. */
function IdentitiesFields({ identities, onChange, disabled }: { identities: Identities; onChange: (next: Identities) => void; disabled: boolean }) {
  return (
    <fieldset className="fieldset" disabled={disabled}>
      <legend className="field-label">The declaration of identities lists</legend>
      {IDENTITY_SETS.map(({ value, label, hint }) => (
        <label key={value} className="radio">
          <input type="radio" name="identities" checked={identities === value} onChange={() => onChange(value)} />
          <span>
            {label}
            {hint ? <span className="radio-hint"> — {hint}</span> : null}
          </span>
        </label>
      ))}
      {Array.isArray(identities) ? (
        <label className="radio">
          <input type="radio" name="identities" checked readOnly />
          <span>
            These plaintiffs: {identities.join(', ')}
          </span>
        </label>
      ) : null}
    </fieldset>
  );
}

type LabelChoice = 'court' | 'none' | 'own';

/** What the draft's labels say: none given is the court's rule, every list empty is none, anything else the user's own. */
function labelChoiceOf(labels: FilingDraft['labels']): LabelChoice {
  if (labels.public === undefined && labels.sealed === undefined && labels.lodged === undefined) return 'court';
  return labels.public?.length === 0 && labels.sealed?.length === 0 && labels.lodged?.length === 0 ? 'none' : 'own';
}

/**
 * The first-page labels: the court's (the sealed papers and the declaration of identities always
 * carry them, the public version only when it redacts something), none, or the user's own,
 * starting from the court's wording.
 */
function LabelsFields({
  draft,
  defaults,
  onChange,
  disabled,
}: {
  draft: FilingDraft;
  defaults: FilingLabelsDto | null;
  onChange: (patch: Partial<FilingDraft>) => void;
  disabled: boolean;
}) {
  const hintId = useId();
  // Kept here, not read back from the lists: emptying the text areas must not switch to "No labels" under the user's hands.
  const [choice, setChoice] = useState<LabelChoice>(() => labelChoiceOf(draft.labels));
  const lines = (which: Document) => draft.labels[which] ?? defaults?.[which] ?? [];
  const change = (which: Document, next: string[]) => onChange({ labels: { ...draft.labels, [which]: next } });
  const choose = (next: LabelChoice) => {
    setChoice(next);
    if (next === 'court') onChange({ labels: {} });
    else if (next === 'none') onChange({ labels: { public: [], sealed: [], lodged: [] } });
    else onChange({ labels: { public: lines('public'), sealed: lines('sealed'), lodged: lines('lodged') } });
  };
  const shown = (which: Document) => (defaults ? defaults[which].join(' / ') : '…');
  return (
    <fieldset className="fieldset" disabled={disabled} aria-describedby={hintId}>
      <legend className="field-label">First-page labels</legend>
      <p id={hintId} className="field-hint">
        The court&apos;s labels follow its sealing rules for the format and the order date; check the local rule where you file.
      </p>
      <label className="radio">
        <input type="radio" name="label-choice" checked={choice === 'court'} onChange={() => choose('court')} />
        <span>
          The court&apos;s labels <span className="radio-hint">— on the sealed papers and the declaration always; on the public version only when it redacts something</span>
        </span>
      </label>
      {choice === 'court' ? (
        <dl className="label-defaults">
          <dt>Public version, when it redacts something</dt>
          <dd>{shown('public')}</dd>
          <dt>Sealed version and reference list</dt>
          <dd>{shown('sealed')}</dd>
          <dt>Declaration of identities</dt>
          <dd>{shown('lodged')}</dd>
        </dl>
      ) : null}
      <label className="radio">
        <input type="radio" name="label-choice" checked={choice === 'none'} onChange={() => choose('none')} />
        <span>No labels</span>
      </label>
      <label className="radio">
        <input type="radio" name="label-choice" checked={choice === 'own'} onChange={() => choose('own')} />
        <span>
          Labels of my own <span className="radio-hint">— one a line, at most four, printed as written</span>
        </span>
      </label>
      {choice === 'own' ? (
        <div className="field-row">
          <LabelLines label="Public version" lines={lines('public')} onChange={(next) => change('public', next)} />
          <LabelLines label="Sealed version and reference list" lines={lines('sealed')} onChange={(next) => change('sealed', next)} />
          <LabelLines label="Declaration of identities" lines={lines('lodged')} onChange={(next) => change('lodged', next)} />
        </div>
      ) : null}
    </fieldset>
  );
}

/** Lines of text in a text area; what is typed stays as typed (blank lines too) while the lines it means are passed on. */
function LabelLines({ label, lines, onChange }: { label: string; lines: string[]; onChange: (lines: string[]) => void }) {
  const joined = lines.join('\n');
  const [raw, setRaw] = useState(joined);
  const meaning = (text: string) =>
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .slice(0, 4);
  useEffect(() => {
    setRaw((current) => (meaning(current).join('\n') === joined ? current : joined));
  }, [joined]);
  return (
    <Field label={label}>
      {(props) => (
        <textarea
          {...props}
          className="input"
          rows={3}
          value={raw}
          onChange={(e) => {
            setRaw(e.target.value);
            onChange(meaning(e.target.value));
          }}
        />
      )}
    </Field>
  );
}

function useDefaultLabels(format: FilingFormat, orderDate: string): FilingLabelsDto | null {
  const settledDate = useDebounced(orderDate, 250);
  const [labels, setLabels] = useState<FilingLabelsDto | null>(null);
  useEffect(() => {
    let current = true;
    const date = /^\d{4}-\d{2}-\d{2}$/.test(settledDate) ? settledDate : '';
    api()
      .filings.defaultLabels({ format, ...(date ? { orderDate: date } : {}) })
      .then((value) => current && setLabels(value))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [format, settledDate]);
  return labels;
}

function ExportError({ error }: { error: DoeVaultError }) {
  if (error.code === 'CANCELLED') return <Notice>Cancelled. Nothing was exported.</Notice>;
  if (error.code === 'CONFLICT') {
    return (
      <ErrorAlert error={error} title="That folder already holds an export.">
        <p>DoeVault never overwrites an export, so nothing was written. Choose an empty folder (or make a new one in the dialog).</p>
      </ErrorAlert>
    );
  }
  if (error.code === 'LEAK_FOUND') {
    return (
      <ErrorAlert error={error} title="A name of someone in the vault would have been written.">
        <p>Nothing was exported.</p>
      </ErrorAlert>
    );
  }
  return <ErrorAlert error={error} title="The filing could not be exported." />;
}

function ExportOutcome({ report, onShow, showError }: { report: ExportReportDto; onShow: () => void; showError: DoeVaultError | null }) {
  switch (report.status) {
    case 'needs-resolution':
      return (
        <div className="alert alert-warning" role="alert">
          <p className="alert-title">{plural(report.questions.length, 'question')} opened since the check. Nothing was exported.</p>
        </div>
      );
    case 'leak-found':
      return (
        <div className="report">
          <div className="alert alert-error" role="alert">
            <p className="alert-title">A name was found in the public files, so nothing was exported.</p>
            <p>
              DoeVault read the public files back and found what is listed below. Every file of this export was deleted. Change the text at these places
              (cite the plaintiff with @, or redact), then export again.
            </p>
          </div>
          <HitsTable hits={report.verification.hits} />
          <VerificationSummary verification={report.verification} />
        </div>
      );
    case 'exported':
      return (
        <div className="report">
          <div className="alert alert-success" role="status">
            <p className="alert-title">
              {plural(report.files.length, 'file')} written and verified: the public files name nobody in the vault.
            </p>
            <p>
              Folder: <span className="path">{report.folder}</span>
            </p>
          </div>
          <VerificationSummary verification={report.verification} />
          <FilesTable files={report.files} caption="Files written, with their SHA-256" />
          {showError ? <ErrorAlert error={showError} /> : null}
          <div className="actions actions-start">
            <button type="button" className="button" onClick={onShow}>
              Show in folder
            </button>
          </div>
        </div>
      );
  }
}
