import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A plain list (links and buttons inside rows; the keyboard moves focus between rows, so the focused
 * row is what a screen reader announces) of fixed-height rows of which only the visible ones (plus a few) are in the DOM, so
 * 10,000 clips scroll as smoothly as 10. Asks for missing rows through `onNeedRange`.
 */
export function VirtualList<T>({
  count,
  rowHeight,
  itemAt,
  renderRow,
  onNeedRange,
  activeIndex,
  testId,
  label,
}: {
  count: number;
  rowHeight: number;
  itemAt: (index: number) => T | undefined;
  renderRow: (item: T | undefined, index: number) => ReactNode;
  onNeedRange: (start: number, end: number) => void;
  activeIndex: number;
  testId?: string;
  /** the list's accessible name */
  label: string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight || 400));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  // keep the keyboard-selected row in view
  useEffect(() => {
    const element = scroller.current;
    if (!element || activeIndex < 0) return;
    const top = activeIndex * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + element.clientHeight) {
      element.scrollTop = top + rowHeight - element.clientHeight;
    }
  }, [activeIndex, rowHeight]);

  const overscan = 5;
  const start = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  useEffect(() => {
    if (end > start) onNeedRange(start, end);
  }, [start, end, onNeedRange]);

  const rows: ReactNode[] = [];
  for (let index = start; index < end; index++) {
    rows.push(
      <li
        key={index}
        style={{ position: 'absolute', top: index * rowHeight, height: rowHeight, left: 0, right: 0 }}
        className={index === activeIndex ? 'active' : undefined}
        data-index={index}
        aria-posinset={index + 1}
        aria-setsize={count}
      >
        {renderRow(itemAt(index), index)}
      </li>,
    );
  }
  return (
    <div
      className="virtual-scroller"
      ref={scroller}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <ul
        className="clip-list"
        data-testid={testId}
        aria-label={label}
        style={{ position: 'relative', height: count * rowHeight, margin: 0 }}
      >
        {rows}
      </ul>
    </div>
  );
}
