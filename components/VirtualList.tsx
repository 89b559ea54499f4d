/**
 * A scrolling list that renders only the rows near the viewport, so a 1,286-item transcript (or a
 * 100,000-item hostile one) costs a couple of dozen rows per keystroke. Rows keep their natural,
 * variable heights: rows not yet seen use an estimate, rows once rendered keep their measured
 * height, and two spacers stand in for everything above and below the window.
 */
import type { ComponentChildren, JSX } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { lastAtOrBefore } from '@/lib/model/sorted-search';

export interface ScrollRequest {
  /** Position (0-based) of the row to bring into view. */
  position: number;
  /** Where it should land: the top of the list, or a third of the way down (reading position). */
  align: 'start' | 'reading';
  /** A new token asks again even for the same position. */
  token: number;
}

export interface VirtualListProps {
  count: number;
  /** A stable key per position (the transcript item index). */
  keyAt: (position: number) => number;
  /** A height guess in pixels for rows not measured yet. */
  estimateHeight: (position: number, width: number) => number;
  renderRow: (position: number) => ComponentChildren;
  scrollRequest?: ScrollRequest | undefined;
  /** Scrolling the reader did (wheel, touch, keys, scrollbar), not the list's own. */
  onUserScroll?: () => void;
  /** The positions rendered and whether a given key is in view, after each render. */
  onViewChange?: (visibleKeys: ReadonlySet<number>) => void;
  /** Rows rendered beyond each edge of the viewport. */
  overscan?: number;
  className?: string;
  label: string;
  /** Marks the element that scrolls; other attributes go on it too. */
  listProps?: JSX.HTMLAttributes<HTMLUListElement>;
  /** CSS height of the list; stable while results change, so the page below never jumps. */
  height?: string;
  /** CSS custom properties of the list (`--text-scale`), which its rows' styles read. */
  cssVariables?: Record<`--${string}`, string>;
  /** Changes when every row's height changes at once (the text size): measured heights are forgotten. */
  layoutKey?: string;
}

/** The last position whose offset is at or before `y` (`offsets` has one entry past the last row). */
function positionAt(offsets: Float64Array, y: number): number {
  return lastAtOrBefore(offsets, y, offsets.length - 1);
}

export function VirtualList(props: VirtualListProps) {
  const { count, keyAt, estimateHeight, renderRow, scrollRequest, onUserScroll, onViewChange, overscan = 3 } = props;
  const scroller = useRef<HTMLUListElement>(null);
  const heights = useRef(new Map<number, number>());
  const programmaticUntil = useRef(0);
  const [viewport, setViewport] = useState({ top: 0, height: 600, width: 600 });
  const [measureVersion, setMeasureVersion] = useState(0);
  const measuredFor = useRef(props.layoutKey);
  if (measuredFor.current !== props.layoutKey) {
    measuredFor.current = props.layoutKey;
    heights.current.clear();
  }

  const offsets = useMemo(() => {
    const result = new Float64Array(count + 1);
    for (let position = 0; position < count; position++) {
      const measured = heights.current.get(keyAt(position));
      result[position + 1] = (result[position] as number) + (measured ?? estimateHeight(position, viewport.width));
    }
    return result;
    // measureVersion: heights changed; viewport.width: estimates depend on it; layoutKey: heights were forgotten.
  }, [count, keyAt, estimateHeight, viewport.width, measureVersion, props.layoutKey]);

  const first = count === 0 ? 0 : Math.max(0, positionAt(offsets, viewport.top) - overscan);
  const last = count === 0 ? -1 : Math.min(count - 1, positionAt(offsets, viewport.top + viewport.height) + overscan);

  const readViewport = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    setViewport((previous) => {
      const next = {
        top: element.scrollTop,
        height: element.clientHeight || previous.height,
        width: element.clientWidth || previous.width,
      };
      return next.top === previous.top && next.height === previous.height && next.width === previous.width ? previous : next;
    });
  }, []);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    let frame = 0;
    const onScroll = () => {
      if (Date.now() > programmaticUntil.current) onUserScroll?.();
      if (!frame) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          readViewport();
        });
      }
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => readViewport());
    resize?.observe(element);
    readViewport();
    return () => {
      element.removeEventListener('scroll', onScroll);
      resize?.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [onUserScroll, readViewport]);

  // Measure what was rendered once it is painted (no forced layout inside the render), and
  // re-render only when a height really changed.
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    let changed = false;
    const visible = new Set<number>();
    const top = element.scrollTop;
    const bottom = top + element.clientHeight;
    for (const row of element.querySelectorAll<HTMLElement>(':scope > [data-row-key]')) {
      const key = Number(row.dataset.rowKey);
      const height = row.offsetHeight;
      if (height > 0 && Math.abs((heights.current.get(key) ?? -1) - height) > 1) {
        heights.current.set(key, height);
        changed = true;
      }
      const rowTop = row.offsetTop;
      if (rowTop + height > top && rowTop < bottom) visible.add(key);
    }
    if (changed) setMeasureVersion((version) => version + 1);
    onViewChange?.(visible);
  });

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || !scrollRequest || scrollRequest.position < 0 || scrollRequest.position >= count) return;
    const offset = offsets[scrollRequest.position] as number;
    const target = scrollRequest.align === 'reading' ? Math.max(0, offset - element.clientHeight / 3) : offset;
    programmaticUntil.current = Date.now() + 250;
    element.scrollTop = target;
    readViewport();
    // Only a new request scrolls; later re-measurements must not pull the reader back.
  }, [scrollRequest?.token]);

  const rows: ComponentChildren[] = [];
  for (let position = first; position <= last; position++) {
    rows.push(
      <li key={keyAt(position)} data-row-key={keyAt(position)} aria-setsize={count} aria-posinset={position + 1}>
        {renderRow(position)}
      </li>,
    );
  }
  const before = offsets[first] ?? 0;
  const after = (offsets[count] ?? 0) - (offsets[last + 1] ?? 0);

  return (
    <ul
      ref={scroller}
      class={props.className}
      aria-label={props.label}
      style={{ ...props.cssVariables, ...(props.height && { height: props.height }) }}
      {...props.listProps}
    >
      <li aria-hidden="true" style={{ height: `${before}px` }} />
      {rows}
      <li aria-hidden="true" style={{ height: `${Math.max(0, after)}px` }} />
    </ul>
  );
}
