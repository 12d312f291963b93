import { useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { ExhibitFindingDto, PageBoxDto } from '../../../../src-preload/contract';
import { Kbd, Loading } from '../../components/Feedback';
import { boxFrom, centredBox, nudge, type Decisions, type DrawnRegion, type ExhibitRef } from './review';
import { BoxOverlay, PageCanvas } from './PagePicture';
import { usePageImage } from './usePageImage';

/** Width of the large picture fetched from main: sharp up to the 150% zoom on most screens. */
export const LARGE_WIDTH = 1200;
const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;
/** The page at 100%: its width on screen, in CSS pixels. */
const BASE_WIDTH = 720;

export type Selection = { kind: 'finding'; id: string } | { kind: 'region'; key: number } | null;

/**
 * One page large, with its boxes. Draw a box with the mouse (press, drag, release), or with the
 * keyboard: N adds a box in the middle, the arrow keys move it, Shift+arrows resize it, Delete
 * removes it. Clicking a proposed box selects it; Delete then keeps it, where keeping is allowed.
 */
export function PageView({
  exhibit,
  page,
  pageCount,
  findings,
  decisions,
  regions,
  selection,
  onSelect,
  onAddRegion,
  onChangeRegion,
  onRemoveRegion,
  onKeepFinding,
  onPage,
}: {
  exhibit: ExhibitRef;
  page: number;
  pageCount: number;
  findings: readonly ExhibitFindingDto[];
  decisions: Decisions;
  regions: readonly DrawnRegion[];
  selection: Selection;
  onSelect: (selection: Selection) => void;
  onAddRegion: (page: number, box: PageBoxDto) => void;
  onChangeRegion: (key: number, box: PageBoxDto) => void;
  onRemoveRegion: (key: number) => void;
  onKeepFinding: (id: string) => void;
  onPage: (page: number) => void;
}) {
  const { image, failed } = usePageImage(exhibit, page, LARGE_WIDTH);
  const [zoom, setZoom] = useState<number>(1);
  const [start, setStart] = useState<{ x: number; y: number } | null>(null);
  const [draft, setDraft] = useState<PageBoxDto | null>(null);
  // Boxes are drawn solid, as the public file will have them; the attorney may look under them.
  const [seeThrough, setSeeThrough] = useState(false);
  const surface = useRef<HTMLDivElement>(null);
  const helpId = useId();

  const toPoints = (event: PointerEvent<HTMLDivElement>) => {
    const rect = surface.current!.getBoundingClientRect();
    return { x: ((event.clientX - rect.left) / rect.width) * image!.widthPt, y: ((event.clientY - rect.top) / rect.height) * image!.heightPt };
  };
  const hit = (point: { x: number; y: number }): Selection => {
    const inside = (b: PageBoxDto) => point.x >= b.x && point.x <= b.x + b.width && point.y >= b.y && point.y <= b.y + b.height;
    const region = [...regions].reverse().find((r) => r.page === page && inside(r.box));
    if (region) return { kind: 'region', key: region.key };
    const finding = findings.find((f) => f.page === page && inside(f.box));
    return finding ? { kind: 'finding', id: finding.id } : null;
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (!image || event.button !== 0) return;
    // No text selection while dragging; the focus comes here for the keyboard.
    event.preventDefault();
    surface.current?.focus();
    const point = toPoints(event);
    const target = hit(point);
    if (target) {
      onSelect(target);
      return;
    }
    event.currentTarget.setPointerCapture(event.pointerId);
    setStart(point);
    setDraft(null);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!start || !image) return;
    setDraft(boxFrom(start, toPoints(event), image));
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (!start || !image) return;
    const box = boxFrom(start, toPoints(event), image);
    setStart(null);
    setDraft(null);
    if (box) onAddRegion(page, box);
    else onSelect(null);
  };

  const selectedRegion = selection?.kind === 'region' ? regions.find((r) => r.key === selection.key && r.page === page) : undefined;
  const selectedFinding = selection?.kind === 'finding' ? findings.find((f) => f.id === selection.id && f.page === page) : undefined;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!image) return;
    if (event.key === 'n' || event.key === 'N') {
      event.preventDefault();
      onAddRegion(page, centredBox(image));
      return;
    }
    if (event.key === 'Delete' || event.key === 'Backspace') {
      if (selectedRegion) {
        event.preventDefault();
        onRemoveRegion(selectedRegion.key);
      } else if (selectedFinding?.canKeep) {
        event.preventDefault();
        onKeepFinding(selectedFinding.id);
      }
      return;
    }
    if (event.key === 'Escape' && selection) {
      event.preventDefault();
      onSelect(null);
      return;
    }
    if (event.key === 'PageDown' && page < pageCount) {
      event.preventDefault();
      onPage(page + 1);
      return;
    }
    if (event.key === 'PageUp' && page > 1) {
      event.preventDefault();
      onPage(page - 1);
      return;
    }
    if (event.key === '+' || event.key === '=') setZoom((z) => ZOOMS.find((s) => s > z) ?? z);
    if (event.key === '-') setZoom((z) => [...ZOOMS].reverse().find((s) => s < z) ?? z);
    if (selectedRegion) {
      const next = nudge(selectedRegion.box, event.key, { shift: event.shiftKey, alt: event.altKey }, image);
      if (next) {
        event.preventDefault();
        onChangeRegion(selectedRegion.key, next);
      }
    }
  };

  return (
    <section className="exhibit-page-view" aria-labelledby={`${helpId}-title`}>
      <div className="exhibit-page-toolbar">
        <h2 id={`${helpId}-title`} className="section-title">
          Page {page} of {pageCount}
        </h2>
        <div className="exhibit-page-tools">
          <button type="button" className="button button-small" onClick={() => onPage(page - 1)} disabled={page <= 1}>
            Previous page
          </button>
          <button type="button" className="button button-small" onClick={() => onPage(page + 1)} disabled={page >= pageCount}>
            Next page
          </button>
          <label className="exhibit-zoom">
            Zoom
            <select className="input input-compact" value={zoom} onChange={(e) => setZoom(Number(e.target.value))}>
              {ZOOMS.map((z) => (
                <option key={z} value={z}>
                  {Math.round(z * 100)}%
                </option>
              ))}
            </select>
          </label>
          <label className="checkbox exhibit-see-through">
            <input type="checkbox" checked={seeThrough} onChange={(e) => setSeeThrough(e.target.checked)} /> <span>See under the boxes</span>
          </label>
          <button type="button" className="button button-small" onClick={() => image && onAddRegion(page, centredBox(image))} disabled={!image}>
            Add a box
          </button>
          {selectedRegion ? (
            <button type="button" className="button button-small button-danger-quiet" onClick={() => onRemoveRegion(selectedRegion.key)}>
              Remove the drawn box
            </button>
          ) : null}
          {selectedFinding?.canKeep ? (
            <button type="button" className="button button-small button-danger-quiet" onClick={() => onKeepFinding(selectedFinding.id)}>
              Keep this text (remove the box)
            </button>
          ) : null}
        </div>
      </div>
      <p id={helpId} className="muted small exhibit-help">
        Drag on the page to draw a box. Keyboard: <Kbd>N</Kbd> adds a box, arrow keys move it, <Kbd>Shift</Kbd>+arrows resize it (<Kbd>Alt</Kbd> for fine
        steps), <Kbd>Delete</Kbd> removes it, <Kbd>Page Up</Kbd>/<Kbd>Page Down</Kbd> change page, <Kbd>+</Kbd>/<Kbd>-</Kbd> zoom.
      </p>
      <div className="exhibit-scroller">
        {image ? (
          <div
            ref={surface}
            className={`exhibit-surface${seeThrough ? ' is-see-through' : ''}`}
            style={{ width: `${BASE_WIDTH * zoom}px`, aspectRatio: `${image.widthPt} / ${image.heightPt}` }}
            role="group"
            aria-label={`Page ${page}: draw boxes to redact`}
            aria-describedby={helpId}
            tabIndex={0}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onKeyDown={onKeyDown}
            data-testid="exhibit-surface"
          >
            <PageCanvas image={image} />
            <BoxOverlay page={page} image={image} findings={findings} decisions={decisions} regions={regions} selected={selection} draft={draft} />
          </div>
        ) : failed ? (
          <p className="muted">The picture of this page could not be made. The findings below still list what was read on it.</p>
        ) : (
          <Loading label={`Rendering page ${page}…`} />
        )}
      </div>
    </section>
  );
}
