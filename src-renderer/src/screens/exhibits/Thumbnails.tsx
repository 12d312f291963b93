import type { ExhibitFindingDto, ExhibitScanDto } from '../../../../src-preload/contract';
import { plural } from '../../lib/format';
import { tally, type Decisions, type DrawnRegion, type ExhibitRef } from './review';
import { BoxOverlay, PageCanvas } from './PagePicture';
import { usePageImage } from './usePageImage';

export const THUMBNAIL_WIDTH = 180;

/** Every page, small, with its boxes; choosing one shows it in the large view. */
export function Thumbnails({
  exhibit,
  scan,
  decisions,
  regions,
  current,
  onChoose,
}: {
  exhibit: ExhibitRef;
  scan: ExhibitScanDto;
  decisions: Decisions;
  regions: readonly DrawnRegion[];
  current: number;
  onChoose: (page: number) => void;
}) {
  return (
    <nav aria-label="Pages" className="exhibit-thumbnails">
      <ol>
        {scan.pages.map((p) => (
          <li key={p.number}>
            <Thumbnail exhibit={exhibit} page={p.number} findings={scan.findings} decisions={decisions} regions={regions} current={current === p.number} onChoose={onChoose} />
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Thumbnail({
  exhibit,
  page,
  findings,
  decisions,
  regions,
  current,
  onChoose,
}: {
  exhibit: ExhibitRef;
  page: number;
  findings: readonly ExhibitFindingDto[];
  decisions: Decisions;
  regions: readonly DrawnRegion[];
  current: boolean;
  onChoose: (page: number) => void;
}) {
  const { image, failed } = usePageImage(exhibit, page, THUMBNAIL_WIDTH);
  const t = tally(findings, decisions, regions, page);
  const summary = `${plural(t.found + t.drawn, 'box', 'boxes')} to redact${t.questions ? `, ${plural(t.questions, 'question')}` : ''}`;
  return (
    <button type="button" className={`exhibit-thumb${current ? ' is-current' : ''}`} aria-current={current ? 'page' : undefined} onClick={() => onChoose(page)}>
      <span className="exhibit-thumb-picture">
        {image ? (
          <>
            <PageCanvas image={image} />
            <BoxOverlay page={page} image={image} findings={findings} decisions={decisions} regions={regions} />
          </>
        ) : (
          <span className="exhibit-thumb-placeholder">{failed ? 'No picture' : 'Loading…'}</span>
        )}
      </span>
      <span className="exhibit-thumb-label">
        Page {page}
        <span className="exhibit-thumb-summary">{summary}</span>
      </span>
    </button>
  );
}
