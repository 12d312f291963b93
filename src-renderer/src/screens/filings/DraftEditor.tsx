import { useCallback, useEffect, useId, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { FindingDto, RosterEntryDto } from '../../../../src-preload/contract';
import { api, asDoeVaultError } from '../../api/client';
import { useDebounced } from '../../hooks/useDebounced';
import { TOKEN_PATTERN } from '../../lib/filings';

/** Above this length the text is not mirrored for highlighting (the list still shows every mention). */
export const HIGHLIGHT_LIMIT = 300_000;
const PICKER_LIMIT = 8;
const MAX_QUERY = 60;

export interface DraftEditorHandle {
  /** Selects a span of the text and scrolls it into view. */
  select(start: number, end: number): void;
}

/**
 * The body's text area with live highlighting: a mirror behind the transparent text area draws
 * each mention found (underlined; amber when it needs a decision) and each plaintiff token.
 * Typing @ opens a list of the case's plaintiffs, found by pseudonym or real name, that shows
 * pseudonyms only and inserts {{Jane Doe 3}}.
 */
export function DraftEditor({
  caseId,
  id,
  value,
  onChange,
  findings,
  activeFinding,
  onCaret,
  describedBy,
  editorRef,
  roster,
}: {
  caseId: string;
  id: string;
  value: string;
  onChange: (value: string) => void;
  findings: FindingDto[];
  activeFinding: number;
  onCaret: (offset: number) => void;
  describedBy?: string;
  editorRef: React.Ref<DraftEditorHandle>;
  roster: RosterEntryDto[] | null;
}) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);
  const marker = useRef<HTMLSpanElement>(null);
  const pendingSelection = useRef<[number, number] | null>(null);
  const [picker, setPicker] = useState<{ anchor: number; caret: number } | null>(null);
  const [pickerPosition, setPickerPosition] = useState<{ top: number; left: number } | null>(null);
  const highlighted = value.length <= HIGHLIGHT_LIMIT;

  const syncScroll = useCallback(() => {
    if (backdrop.current && textarea.current) {
      backdrop.current.scrollTop = textarea.current.scrollTop;
      backdrop.current.scrollLeft = textarea.current.scrollLeft;
    }
  }, []);

  // After a programmatic change (a token inserted), put the caret where it belongs.
  useLayoutEffect(() => {
    const selection = pendingSelection.current;
    if (selection && textarea.current) {
      pendingSelection.current = null;
      textarea.current.focus();
      textarea.current.setSelectionRange(selection[0], selection[1]);
    }
    syncScroll();
  }, [value, syncScroll]);

  useImperativeSelect(editorRef, textarea, backdrop, syncScroll);

  // The picker sits under the @, measured in the mirror.
  useLayoutEffect(() => {
    if (!picker) {
      setPickerPosition(null);
      return;
    }
    const area = textarea.current;
    const mark = marker.current;
    if (!area) return;
    if (!mark || !highlighted) {
      setPickerPosition({ top: 48, left: 16 });
      return;
    }
    const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 24;
    const top = mark.offsetTop - area.scrollTop + lineHeight + 4;
    const left = Math.min(mark.offsetLeft - area.scrollLeft, Math.max(0, area.clientWidth - 300));
    setPickerPosition({ top: Math.max(0, Math.min(top, area.clientHeight)), left: Math.max(8, left) });
  }, [picker, highlighted, value]);

  const query = picker ? value.slice(picker.anchor + 1, picker.caret) : '';
  const results = usePlaintiffSearch(caseId, roster, picker ? query : null);
  const [active, setActive] = useState(0);
  useEffect(() => setActive(0), [query, picker?.anchor]);
  const listId = useId();
  const optionId = (i: number) => `${listId}-option-${i}`;

  /** Whether the picker still applies at this caret: right after the @, with no line break and not too long. */
  const track = (text: string, caret: number, anchor: number) => {
    const typed = text.slice(anchor + 1, caret);
    if (text[anchor] !== '@' || caret <= anchor || typed.includes('\n') || typed.length > MAX_QUERY) setPicker(null);
    else setPicker({ anchor, caret });
  };

  const handleChange = (next: string, caret: number) => {
    onChange(next);
    onCaret(caret);
    if (picker) {
      track(next, caret, picker.anchor);
      return;
    }
    const inserted = next.length === value.length + 1 && next[caret - 1] === '@';
    const before = caret >= 2 ? next[caret - 2]! : '';
    if (inserted && (caret === 1 || /[\s([{"'“‘—–-]/u.test(before))) setPicker({ anchor: caret - 1, caret });
  };

  const choose = (entry: RosterEntryDto) => {
    if (!picker) return;
    const token = `{{${entry.pseudonym}}}`;
    const next = value.slice(0, picker.anchor) + token + value.slice(picker.caret);
    const caret = picker.anchor + token.length;
    pendingSelection.current = [caret, caret];
    setPicker(null);
    onChange(next);
    onCaret(caret);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!picker) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setPicker(null);
    } else if (event.key === 'ArrowDown' && results.entries.length > 0) {
      event.preventDefault();
      setActive((i) => (i + 1) % results.entries.length);
    } else if (event.key === 'ArrowUp' && results.entries.length > 0) {
      event.preventDefault();
      setActive((i) => (i - 1 + results.entries.length) % results.entries.length);
    } else if ((event.key === 'Enter' || event.key === 'Tab') && results.entries.length > 0) {
      event.preventDefault();
      choose(results.entries[Math.min(active, results.entries.length - 1)]!);
    }
  };

  const mirror = useMemo(
    () => (highlighted ? mirrorOf(value, findings, activeFinding, picker?.anchor ?? null, marker) : null),
    [highlighted, value, findings, activeFinding, picker?.anchor],
  );

  const open = picker !== null;
  return (
    <div className="draft-editor">
      {mirror ? (
        <div className="draft-backdrop" ref={backdrop} aria-hidden="true">
          <div className="draft-mirror">{mirror}</div>
        </div>
      ) : null}
      <textarea
        id={id}
        ref={textarea}
        className={`draft-textarea${mirror ? ' is-highlighted' : ''}`}
        value={value}
        onChange={(e) => handleChange(e.target.value, e.target.selectionStart)}
        onSelect={(e) => {
          const caret = e.currentTarget.selectionStart;
          onCaret(caret);
          if (picker && caret !== picker.caret) track(value, caret, picker.anchor);
        }}
        onScroll={syncScroll}
        onKeyDown={onKeyDown}
        onBlur={() => setPicker(null)}
        spellCheck
        aria-describedby={describedBy}
        aria-controls={open ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={open && results.entries.length > 0 ? optionId(Math.min(active, results.entries.length - 1)) : undefined}
      />
      {open ? (
        <div className="mention-picker" style={pickerPosition ? { top: pickerPosition.top, left: pickerPosition.left } : undefined}>
          <p className="mention-picker-title" id={`${listId}-label`}>
            {query ? `Plaintiffs matching “${query}”` : 'Cite a plaintiff'}
          </p>
          <ul role="listbox" id={listId} aria-labelledby={`${listId}-label`} className="mention-options">
            {results.entries.map((entry, i) => (
              <li
                key={entry.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={`mention-option${i === active ? ' is-active' : ''}`}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(entry)}
              >
                <span className="mention-pseudonym">{entry.pseudonym}</span>
                {entry.status === 'withdrawn' ? <span className="muted small"> withdrawn</span> : null}
              </li>
            ))}
          </ul>
          {results.entries.length === 0 ? (
            <p className="mention-picker-empty">{results.searching ? 'Searching…' : results.error ? results.error : 'No plaintiff of this case matches.'}</p>
          ) : null}
          <p className="mention-picker-hint">
            ↑ ↓ to choose, Enter to insert, Esc to close. Searches pseudonyms and real names; shows pseudonyms only.
          </p>
        </div>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {open ? (results.searching ? 'Searching plaintiffs' : `${results.entries.length} plaintiffs match. Arrow keys to choose, Enter to insert.`) : ''}
      </p>
    </div>
  );
}

function useImperativeSelect(
  ref: React.Ref<DraftEditorHandle>,
  textarea: React.RefObject<HTMLTextAreaElement | null>,
  backdrop: React.RefObject<HTMLDivElement | null>,
  syncScroll: () => void,
) {
  const handle = useMemo<DraftEditorHandle>(
    () => ({
      select(start, end) {
        const area = textarea.current;
        if (!area) return;
        area.focus({ preventScroll: true });
        area.setSelectionRange(start, end);
        const mark = backdrop.current?.querySelector<HTMLElement>(`[data-start="${start}"]`);
        const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 24;
        const top = mark ? mark.offsetTop : (area.value.slice(0, start).split('\n').length - 1) * lineHeight;
        area.scrollTop = Math.max(0, top - area.clientHeight / 3);
        syncScroll();
        area.scrollIntoView({ block: 'nearest' });
      },
    }),
    [textarea, backdrop, syncScroll],
  );
  useImperativeHandle(ref, () => handle, [handle]);
}

/** The text again, with mentions and tokens marked; transparent, behind the text area. */
function mirrorOf(
  text: string,
  findings: readonly FindingDto[],
  activeFinding: number,
  pickerAnchor: number | null,
  marker: React.RefObject<HTMLSpanElement | null>,
): ReactNode[] {
  type Span = { start: number; end: number; className: string; index?: number };
  const spans: Span[] = [];
  findings.forEach((f, index) => {
    if (f.start < 0 || f.end > text.length || f.end <= f.start) return;
    const tone = f.action.kind === 'ask' ? 'hl-ask' : 'hl-auto';
    spans.push({ start: f.start, end: f.end, className: `hl ${tone}${index === activeFinding ? ' is-active' : ''}`, index });
  });
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    spans.push({ start: match.index, end: match.index + match[0].length, className: 'hl hl-token' });
  }
  spans.sort((a, b) => a.start - b.start || (a.index === undefined ? 1 : -1));
  const nodes: ReactNode[] = [];
  let at = 0;
  const placeMarker = (upTo: number) => {
    if (pickerAnchor !== null && pickerAnchor >= at && pickerAnchor <= upTo) {
      if (pickerAnchor > at) nodes.push(text.slice(at, pickerAnchor));
      nodes.push(<span key="caret-marker" ref={marker} className="caret-marker" />);
      at = pickerAnchor;
      pickerAnchor = null;
    }
  };
  for (const span of spans) {
    if (span.start < at) continue; // overlapping: the first one wins
    placeMarker(span.start);
    if (span.start > at) nodes.push(text.slice(at, span.start));
    nodes.push(
      <mark key={`${span.start}-${span.end}`} className={span.className} data-start={span.start}>
        {text.slice(span.start, span.end)}
      </mark>,
    );
    at = span.end;
  }
  placeMarker(text.length);
  nodes.push(text.slice(at));
  // A final line break needs a character after it to take up its line, as in the text area.
  nodes.push('\u200b');
  return nodes;
}

/** The plaintiffs of the case matching a query: the whole roster when it is empty. Pseudonyms only. */
function usePlaintiffSearch(caseId: string, roster: RosterEntryDto[] | null, query: string | null) {
  const settled = useDebounced(query, 150);
  const [found, setFound] = useState<{ query: string; ids: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (settled === null || settled.trim() === '') return;
    let current = true;
    const q = settled.trim().slice(0, 200);
    api()
      .plaintiffs.search({ caseId, query: q })
      .then(
        (ids) => current && (setFound({ query: q, ids }), setError(null)),
        (caught: unknown) => current && setError(asDoeVaultError(caught).message),
      );
    return () => {
      current = false;
    };
  }, [caseId, settled]);

  return useMemo(() => {
    if (query === null || !roster) return { entries: [] as RosterEntryDto[], searching: query !== null && !roster, error };
    const q = query.trim();
    if (q === '') {
      const active = roster.filter((e) => e.status === 'active');
      return { entries: (active.length > 0 ? active : roster).slice(0, PICKER_LIMIT), searching: false, error: null };
    }
    if (!found || found.query !== q) return { entries: [], searching: true, error: null };
    const byId = new Map(roster.map((e) => [e.id, e]));
    const entries = found.ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])).slice(0, PICKER_LIMIT);
    return { entries, searching: false, error };
  }, [query, roster, found, error]);
}
