import { useEffect, useRef, type ReactNode } from 'react';

/** Scrolls its content into sight when it appears (a refusal on a phone-length form must not go unseen). */
export function InSight({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return <div ref={ref} style={{ scrollMarginBottom: 64 }}>{children}</div>;
}
