/**
 * The light entry (member.html) for the login everyone meets first and the coop manager's pages: React and a
 * small stylesheet, no component library, so that a phone in a village on a weak link files its annual update.
 * The staff app is src/web/main.tsx, the public portal src/web/portal/main.tsx.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MemberApp } from './MemberApp.tsx';
import './member.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MemberApp />
  </StrictMode>,
);
