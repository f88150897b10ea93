/** The difficulty pages by path, each loaded with its own small script when first opened. */
import { lazy, type ReactNode } from 'react';

const DifficultiesPage = lazy(() => import('./DifficultiesPage.tsx').then((m) => ({ default: m.DifficultiesPage })));
const NewDifficultyPage = lazy(() => import('./NewDifficultyPage.tsx').then((m) => ({ default: m.NewDifficultyPage })));
const DifficultyPage = lazy(() => import('./DifficultyPage.tsx').then((m) => ({ default: m.DifficultyPage })));

/** The page for a /member/difficulties… path, or undefined for any other path. */
export function difficultyPage(pathname: string): ReactNode | undefined {
  if (pathname === '/member/difficulties' || pathname === '/member/difficulties/') return <DifficultiesPage />;
  if (pathname === '/member/difficulties/new') return <NewDifficultyPage />;
  const one = /^\/member\/difficulties\/([^/]+)$/.exec(pathname);
  if (one) return <DifficultyPage id={decodeURIComponent(one[1]!)} />;
  return undefined;
}
