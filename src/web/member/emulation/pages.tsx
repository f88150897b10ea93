/** The emulation pages by path, each loaded with its own small script when first opened. */
import { lazy, type ReactNode } from 'react';

const EmulationPage = lazy(() => import('./EmulationPage.tsx').then((m) => ({ default: m.EmulationPage })));
const ScoreboardPage = lazy(() => import('./ScoreboardPage.tsx').then((m) => ({ default: m.ScoreboardPage })));

/** The page for a /member/emulation… path, or undefined for any other path. */
export function emulationPage(pathname: string): ReactNode | undefined {
  if (pathname === '/member/emulation' || pathname === '/member/emulation/') return <EmulationPage />;
  const board = /^\/member\/emulation\/([^/]+)\/scoreboard$/.exec(pathname);
  if (board) return <ScoreboardPage pactId={decodeURIComponent(board[1]!)} />;
  return undefined;
}
