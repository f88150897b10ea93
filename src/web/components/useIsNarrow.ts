import { useEffect, useState } from 'react';

const NARROW = '(max-width: 767.98px)';

/** True on a phone-sized screen (below antd's md breakpoint), known from the first render. */
export function useIsNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW).matches);
  useEffect(() => {
    const media = window.matchMedia(NARROW);
    const update = () => setNarrow(media.matches);
    media.addEventListener('change', update);
    update();
    return () => media.removeEventListener('change', update);
  }, []);
  return narrow;
}
