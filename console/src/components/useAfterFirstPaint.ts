import { useEffect, useState } from 'react';

/**
 * False on the first render, true from the frame after the first paint: lets a page show its
 * content first and mount controls that are costly to build (the list's date pickers and
 * selects, about a tenth of its first load) right after, not before.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The frame callback runs before that frame's paint; the timeout, after it.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted;
}
