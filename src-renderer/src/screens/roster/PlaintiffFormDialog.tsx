import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { PlaintiffFields, RosterEntryDto } from '../../../../src-preload/contract';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert, Loading, ProgressBar } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { useAction } from '../../hooks/useAction';
import { fieldErrors, type Errors } from './fieldErrors';
import { ProfileFields } from './ProfileFields';
import { EMPTY_PROFILE, profileFromRevealed, profileToFields, type ProfileRows } from './profileRows';

interface FormValues {
  legalName: string;
  aliases: string;
  gender: 'female' | 'male' | 'unspecified';
  dob: string;
  email: string;
  phone: string;
  address: string;
  idNumbers: string;
  notes: string;
  /** The doxxing surface (issue 11). */
  profile: ProfileRows;
}

const EMPTY: FormValues = { legalName: '', aliases: '', gender: 'unspecified', dob: '', email: '', phone: '', address: '', idNumbers: '', notes: '', profile: EMPTY_PROFILE };

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function toFields(values: FormValues): PlaintiffFields {
  return {
    legalName: values.legalName,
    aliases: lines(values.aliases),
    gender: values.gender,
    dob: values.dob.trim(),
    email: values.email.trim(),
    phone: values.phone.trim(),
    address: values.address,
    idNumbers: lines(values.idNumbers),
    notes: values.notes,
    ...profileToFields(values.profile),
  };
}

export function PlaintiffFormDialog({
  caseId,
  editing,
  onClose,
  onSaved,
}: {
  caseId: string;
  /** The plaintiff to edit; absent to add a new one. */
  editing?: RosterEntryDto;
  onClose: () => void;
  onSaved: (entry: RosterEntryDto, added: boolean) => void;
}) {
  const [values, setValues] = useState<FormValues | null>(editing ? null : EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const load = useAction((plaintiffId: string) => api().plaintiffs.reveal({ caseId, plaintiffId }));
  const save = useAction((fields: PlaintiffFields) =>
    editing ? api().plaintiffs.update({ caseId, plaintiffId: editing.id, plaintiff: fields }) : api().plaintiffs.add({ caseId, plaintiff: fields }),
  );
  const form = useRef<HTMLFormElement>(null);
  const focusError = useRef(false);
  const loadRun = load.run;

  useEffect(() => {
    if (!editing) return;
    let current = true;
    void loadRun(editing.id).then((outcome) => {
      if (!current || !outcome.ok) return;
      const p = outcome.value;
      setValues({
        legalName: p.legalName,
        aliases: p.aliases.join('\n'),
        gender: p.gender,
        dob: p.dob ?? '',
        email: p.email ?? '',
        phone: p.phone ?? '',
        address: p.address ?? '',
        idNumbers: p.idNumbers.join('\n'),
        notes: p.notes ?? '',
        profile: profileFromRevealed(p),
      });
    });
    return () => {
      current = false;
    };
  }, [editing, loadRun]);

  useEffect(() => {
    if (!focusError.current) return;
    focusError.current = false;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const set = <K extends keyof FormValues>(key: K) => (value: FormValues[K]) => {
    setValues((v) => (v ? { ...v, [key]: value } : v));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!values) return;
    if (values.legalName.trim().length === 0) {
      focusError.current = true;
      setErrors({ legalName: 'Legal name is required.' });
      return;
    }
    setErrors({});
    const outcome = await save.run(toFields(values));
    if (outcome.ok) {
      onSaved(outcome.value, !editing);
      return;
    }
    if (outcome.error.code === 'VALIDATION') {
      const mapped = fieldErrors(outcome.error.field, outcome.error.detail);
      if (Object.keys(mapped).length > 0) {
        focusError.current = true;
        setErrors(mapped);
        save.clearError();
      }
    }
  };

  const title = editing ? `Edit ${editing.pseudonym}` : 'Add a plaintiff';
  const disabled = save.pending;

  return (
    <Dialog title={title} onClose={onClose} closable={!save.pending} wide>
      {editing && values === null ? (
        load.error ? (
          <ErrorAlert error={load.error} />
        ) : (
          <Loading label="Opening the record…" />
        )
      ) : null}
      {values ? (
        <form ref={form} className="form" onSubmit={submit} noValidate>
          {editing ? (
            <p className="muted small">
              The pseudonym {editing.pseudonym} stays the same whatever you change. Opening this form was recorded in the audit log.
            </p>
          ) : (
            <p className="muted small">DoeVault gives the plaintiff the next pseudonym of the case&apos;s scheme. Only the legal name must be filled in.</p>
          )}
          {Object.keys(errors).length > 1 ? (
            <div className="alert alert-error" role="alert">
              <p className="alert-title">{Object.keys(errors).length} fields need a correction.</p>
            </div>
          ) : null}
          <Field label="Legal name" required error={errors.legalName}>
            {(props) => (
              <input {...props} className="input" value={values.legalName} onChange={(e) => set('legalName')(e.target.value)} autoFocus autoComplete="off" disabled={disabled} />
            )}
          </Field>
          <div className="field-row">
            <Field
              label="Gender"
              error={errors.gender}
              hint={editing ? 'Changing it does not change the pseudonym.' : 'Gendered schemes use it: Jane Doe, John Doe, or Doe.'}
            >
              {(props) => (
                <select {...props} className="input" value={values.gender} onChange={(e) => set('gender')(e.target.value as FormValues['gender'])} disabled={disabled}>
                  <option value="unspecified">Unspecified</option>
                  <option value="female">Female</option>
                  <option value="male">Male</option>
                </select>
              )}
            </Field>
            <Field label="Date of birth" error={errors.dob} hint="YYYY-MM-DD, e.g. 1984-03-07.">
              {(props) => (
                <input {...props} className="input" value={values.dob} onChange={(e) => set('dob')(e.target.value)} inputMode="numeric" autoComplete="off" disabled={disabled} />
              )}
            </Field>
          </div>
          <div className="field-row">
            <Field label="Email" error={errors.email}>
              {(props) => <input {...props} className="input" type="email" value={values.email} onChange={(e) => set('email')(e.target.value)} autoComplete="off" disabled={disabled} />}
            </Field>
            <Field label="Phone" error={errors.phone}>
              {(props) => <input {...props} className="input" type="tel" value={values.phone} onChange={(e) => set('phone')(e.target.value)} autoComplete="off" disabled={disabled} />}
            </Field>
          </div>
          <Field label="Address" error={errors.address}>
            {(props) => <textarea {...props} className="input" rows={2} value={values.address} onChange={(e) => set('address')(e.target.value)} disabled={disabled} />}
          </Field>
          <div className="field-row">
            <Field label="Other names and aliases" error={errors.aliases} hint="One per line. Leak scans look for these too.">
              {(props) => <textarea {...props} className="input" rows={2} value={values.aliases} onChange={(e) => set('aliases')(e.target.value)} disabled={disabled} />}
            </Field>
            <Field label="ID numbers" error={errors.idNumbers} hint="One per line: badge, driver's licence, SSN…">
              {(props) => <textarea {...props} className="input" rows={2} value={values.idNumbers} onChange={(e) => set('idNumbers')(e.target.value)} disabled={disabled} />}
            </Field>
          </div>
          <Field label="Notes" error={errors.notes}>
            {(props) => <textarea {...props} className="input" rows={3} value={values.notes} onChange={(e) => set('notes')(e.target.value)} disabled={disabled} />}
          </Field>
          <ProfileFields
            rows={values.profile}
            errors={{
              family: errors.family,
              pastAddresses: errors.pastAddresses,
              affiliations: errors.affiliations,
              vehicles: errors.vehicles,
              handles: errors.handles,
              characteristics: errors.characteristics,
            }}
            disabled={disabled}
            onChange={(profile) => {
              setValues((v) => (v ? { ...v, profile } : v));
              setErrors((e) => ({ ...e, family: undefined, pastAddresses: undefined, affiliations: undefined, vehicles: undefined, handles: undefined, characteristics: undefined }));
            }}
          />
          {save.error ? <ErrorAlert error={save.error} /> : null}
          {save.slow ? <ProgressBar label="Saving…" /> : null}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose} disabled={save.pending}>
              Cancel
            </button>
            <button type="submit" className="button button-primary" disabled={save.pending}>
              {save.pending ? 'Saving…' : editing ? 'Save changes' : 'Add plaintiff'}
            </button>
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}
