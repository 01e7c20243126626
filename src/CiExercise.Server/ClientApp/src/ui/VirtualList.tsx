import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";

/**
 * Which rows of a long list are on screen: rows have one fixed height, so the window is a slice of the
 * items plus two spacers, and 850 organizations cost the DOM of the twenty or so that can be seen.
 */
export function useWindow(count: number, rowHeight: number, height: number) {
  const [top, setTop] = useState(0);
  const shown = Math.ceil(height / rowHeight) + 8;
  const start = Math.max(0, Math.min(Math.floor(top / rowHeight) - 4, count - shown));
  const end = Math.min(count, start + shown);
  return {
    start, end,
    padTop: start * rowHeight,
    padBottom: (count - end) * rowHeight,
    onScroll: (e: Event) => setTop((e.currentTarget as HTMLElement).scrollTop),
  };
}

/**
 * A scrolling list that renders only its visible rows; data-count tells how many rows the list holds in all.
 * onEnd is called when the rows on screen come near the last one held, for lists read page by page.
 */
export function VirtualList<T>({ items, rowHeight, height, row, testid, className, onEnd }: {
  items: T[];
  rowHeight: number;
  height: number;
  row: (item: T, index: number) => ComponentChildren;
  testid?: string;
  className?: string;
  onEnd?: () => void;
}) {
  const w = useWindow(items.length, rowHeight, height);
  useEffect(() => { if (onEnd && w.end >= items.length - 10) onEnd(); }, [w.end, items.length]);
  return (
    <div class={`vlist ${className ?? ""}`} style={{ maxHeight: `${height}px` }} onScroll={w.onScroll} data-testid={testid} data-count={items.length}>
      <div style={{ height: `${w.padTop}px` }} />
      {items.slice(w.start, w.end).map((item, i) => <div class="vrow" style={{ height: `${rowHeight}px` }} key={w.start + i}>{row(item, w.start + i)}</div>)}
      <div style={{ height: `${w.padBottom}px` }} />
    </div>
  );
}
