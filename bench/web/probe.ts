/**
 * What runs inside the page from its first byte (page.addInitScript): the largest contentful paint as the
 * browser reports it, and the moment the page's main data first shows. Both are performance.now() values,
 * i.e. milliseconds since navigation start. The function is serialised into the page: it uses nothing else.
 */
export type ProbeState = { lcp: number | null; usableAt: number | null; usableBy: string | null };

export function installProbe(selectors: string[]): void {
  const state: ProbeState = { lcp: null, usableAt: null, usableBy: null };
  (window as unknown as { __benchProbe: ProbeState }).__benchProbe = state;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.lcp = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch {
    // No LCP in this browser: the figure stays empty.
  }
  const shown = (element: Element) => element.getClientRects().length > 0;
  const check = (): boolean => {
    for (const selector of selectors) {
      const element = document.querySelector(selector);
      if (element && shown(element)) {
        state.usableAt = performance.now();
        state.usableBy = selector;
        return true;
      }
    }
    return false;
  };
  const observer = new MutationObserver(() => {
    if (check()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'style', 'hidden'] });
}

/** Read back in the page once it is usable. */
export function readProbe(): ProbeState | null {
  return (window as unknown as { __benchProbe?: ProbeState }).__benchProbe ?? null;
}
