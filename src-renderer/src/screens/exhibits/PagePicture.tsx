import { useEffect, useRef } from 'react';
import type { ExhibitFindingDto } from '../../../../src-preload/contract';
import { fate, type Decisions, type DrawnRegion } from './review';
import type { PageImage } from './usePageImage';

/** The page's bitmap on a canvas sized by CSS (the boxes are drawn over it in points). */
export function PageCanvas({ image }: { image: PageImage }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    canvas.width = image.bitmap.width;
    canvas.height = image.bitmap.height;
    canvas.getContext('2d')?.drawImage(image.bitmap, 0, 0);
  }, [image]);
  return <canvas ref={ref} className="exhibit-canvas" aria-hidden="true" />;
}

/**
 * The boxes of one page over its picture, in the page's points (viewBox): what will be burned
 * (dark), questions (amber, dashed), what is kept (green outline) and boxes drawn by hand.
 */
export function BoxOverlay({
  page,
  image,
  findings,
  decisions,
  regions,
  selected,
  draft,
}: {
  page: number;
  image: { widthPt: number; heightPt: number };
  findings: readonly ExhibitFindingDto[];
  decisions: Decisions;
  regions: readonly DrawnRegion[];
  selected?: { kind: 'finding'; id: string } | { kind: 'region'; key: number } | null | undefined;
  draft?: { x: number; y: number; width: number; height: number } | null | undefined;
}) {
  return (
    <svg className="exhibit-overlay" viewBox={`0 0 ${image.widthPt} ${image.heightPt}`} preserveAspectRatio="none" aria-hidden="true">
      {findings
        .filter((f) => f.page === page)
        .map((f) => {
          const what = fate(f, decisions);
          const isSelected = selected?.kind === 'finding' && selected.id === f.id;
          return (
            <rect
              key={f.id}
              data-finding={f.id}
              className={`exhibit-box exhibit-box-${what}${isSelected ? ' is-selected' : ''}`}
              x={f.box.x}
              y={f.box.y}
              width={f.box.width}
              height={f.box.height}
            />
          );
        })}
      {regions
        .filter((r) => r.page === page)
        .map((r) => (
          <rect
            key={`r${r.key}`}
            data-region={r.key}
            className={`exhibit-box exhibit-box-drawn${selected?.kind === 'region' && selected.key === r.key ? ' is-selected' : ''}`}
            x={r.box.x}
            y={r.box.y}
            width={r.box.width}
            height={r.box.height}
          />
        ))}
      {draft ? <rect className="exhibit-box exhibit-box-draft" x={draft.x} y={draft.y} width={draft.width} height={draft.height} /> : null}
    </svg>
  );
}
