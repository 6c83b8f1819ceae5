"use client";
import { type ReactNode, useState } from "react";

interface VirtualListProps {
  count: number;
  rowHeight: number;
  height: number;
  renderRow: (index: number) => ReactNode;
  label: string;
  overscan?: number;
}

/**
 * Renders only the rows in view (fixed row height), so tens of thousands of rows cost the same
 * as a screenful. The container is focusable and scrolls with the keyboard.
 */
export function VirtualList({ count, rowHeight, height, renderRow, label, overscan = 8 }: VirtualListProps) {
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <li key={i} style={{ position: "absolute", top: i * rowHeight, height: rowHeight, left: 0, right: 0 }}>
        {renderRow(i)}
      </li>,
    );
  }
  return (
    <div
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      className="overflow-auto rounded-md border border-zinc-200 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-zinc-800"
      style={{ height: Math.min(height, Math.max(count, 1) * rowHeight + 2) }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <ul aria-label={label} style={{ height: count * rowHeight, position: "relative" }}>
        {rows}
      </ul>
    </div>
  );
}
