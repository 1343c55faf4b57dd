import { useEffect, useRef, useState } from 'react';

/**
 * Where j/k and Enter are in a list of row links: kept inside the list as it shrinks, and moved
 * together with the focus, so the row scrolls into view.
 */
export function useRowCursor(count: number) {
  const [activeIndex, setActiveIndex] = useState(0);
  const rows = useRef<(HTMLAnchorElement | null)[]>([]);

  useEffect(() => {
    setActiveIndex((index) => Math.min(index, Math.max(0, count - 1)));
  }, [count]);

  function move(step: number) {
    if (count === 0) return;
    const next = Math.min(count - 1, Math.max(0, activeIndex + step));
    setActiveIndex(next);
    rows.current[next]?.focus();
  }

  function rowRef(index: number, element: HTMLAnchorElement | null) {
    rows.current[index] = element;
  }

  return { activeIndex, setActiveIndex, move, rowRef };
}
