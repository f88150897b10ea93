import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Renders its children once its place comes within 200 px of the viewport, so that what they load (the
 * charts' library) is not fetched by a visitor who never scrolls to them. `minHeight` holds the place.
 */
export function WhenNear({ children, minHeight }: { children: ReactNode; minHeight: number }) {
  const place = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = place.current;
    if (!element || near) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: '200px 0px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  return (
    <div ref={place} style={near ? undefined : { minHeight }}>
      {near ? children : null}
    </div>
  );
}
