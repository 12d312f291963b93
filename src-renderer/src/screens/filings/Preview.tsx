import { useCallback, useEffect, useState } from 'react';
import type { RenderedDocumentDto } from '../../../../src-preload/contract';
import { api } from '../../api/client';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { Tabs } from '../../components/Tabs';
import { useAction } from '../../hooks/useAction';
import { fieldsOf, type FilingDraft } from '../../lib/filings';
import { DocumentView } from './DocumentView';

type Audience = 'public' | 'sealed' | 'declaration';

const TABS: { audience: Audience; label: string; reveal?: string }[] = [
  { audience: 'public', label: 'Public version' },
  { audience: 'sealed', label: 'Sealed version', reveal: 'Show the sealed version' },
  { audience: 'declaration', label: 'Declaration of identities', reveal: 'Show the declaration of identities' },
];

/**
 * The three papers as they will be printed. The public version shows at once; the sealed version
 * and the declaration of identities name the plaintiffs, so each waits for a click, which is recorded in the
 * audit log. They are dropped when the preview closes or the vault locks.
 */
export function PreviewPanel({ caseId, draft, openQuestions }: { caseId: string; draft: FilingDraft; openQuestions: number }) {
  const [selected, setSelected] = useState<Audience>('public');
  const [docs, setDocs] = useState<Partial<Record<Audience, RenderedDocumentDto>>>({});
  const load = useAction((audience: Audience) => api().filings.preview({ caseId, filing: fieldsOf(draft), audience }));
  const loadRun = load.run;

  const show = useCallback(
    async (audience: Audience) => {
      const outcome = await loadRun(audience);
      if (outcome.ok) setDocs((d) => ({ ...d, [audience]: outcome.value }));
    },
    [loadRun],
  );

  useEffect(() => {
    void show('public');
  }, [show]);

  const tab = TABS.find((t) => t.audience === selected)!;
  const doc = docs[selected];
  return (
    <div className="preview">
      {openQuestions > 0 ? (
        <div className="alert alert-warning" role="status">
          <p className="alert-title">Questions are still open.</p>
          <p>Until they are answered, the words they are about print as written, in both versions; the export refuses to run.</p>
        </div>
      ) : null}
      <Tabs label="Version" items={TABS.map((t) => ({ id: t.audience, label: t.label }))} selected={selected} onSelect={setSelected}>
        {load.error ? <ErrorAlert error={load.error} title="The preview could not be made." /> : null}
        {doc ? (
          <DocumentView doc={doc} label={tab.label} />
        ) : tab.reveal && !load.pending ? (
          <div className="reveal-box">
            <p>
              The {tab.label.toLowerCase()} shows the plaintiffs’ real names. Showing it is recorded in the audit log; it is hidden again when you leave the
              preview or the vault locks.
            </p>
            <button type="button" className="button button-primary" onClick={() => void show(selected)}>
              {tab.reveal}
            </button>
          </div>
        ) : !load.error ? (
          <Loading label="Preparing the preview…" />
        ) : null}
      </Tabs>
    </div>
  );
}
