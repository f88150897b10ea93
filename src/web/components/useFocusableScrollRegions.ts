import { useEffect } from 'react';

const SCROLLERS = '.ant-table-content, .ant-table-body';

/** Gives each table's scroll box that scrolls sideways a Tab stop, and takes it back when the box fits. */
function update(root: ParentNode) {
  for (const box of root.querySelectorAll<HTMLElement>(SCROLLERS)) {
    const scrolls = box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
    if (scrolls && !box.hasAttribute('tabindex')) {
      box.tabIndex = 0;
      box.dataset.focusableScroll = 'true';
    } else if (!scrolls && box.dataset.focusableScroll) {
      box.removeAttribute('tabindex');
      delete box.dataset.focusableScroll;
    }
  }
}

/**
 * A table wider than the screen scrolls inside its own box; a keyboard user can scroll it only if the box can
 * take the focus (WCAG 2.1.1; axe: scrollable-region-focusable). antd offers no prop for it, so every table of
 * the app gets it here, whatever page renders it, as tables appear and as the window changes size.
 */
export function useFocusableScrollRegions(): void {
  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => update(document));
    };
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true });
    window.addEventListener('resize', schedule);
    schedule();
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      window.removeEventListener('resize', schedule);
    };
  }, []);
}
