import type { CaseSummaryDto } from '../../../../src-preload/contract';
import { Dialog } from '../../components/Dialog';
import { CounselCard } from '../counsel/CounselCard';

/** A case's own counsel, over the firm counsel of Settings. */
export function CaseCounselDialog({ summary, onClose }: { summary: CaseSummaryDto; onClose: () => void }) {
  return (
    <Dialog title={`Counsel for “${summary.title}”`} onClose={onClose} wide>
      <CounselCard caseId={summary.id} />
    </Dialog>
  );
}
