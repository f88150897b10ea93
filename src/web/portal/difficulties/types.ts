// The shapes of GET /api/public/difficulties[/:id|/figures] as the server writes them (types only: no server code
// reaches the portal's bundle).
import type { findPublicDifficulties, getPublicFigures } from '../../../server/modules/difficulties/public-difficulties.service.ts';
import { formatDateVi } from '../../../shared/dates.ts';

export type { PublicAnswer, PublicDifficulty } from '../../../server/modules/difficulties/public-difficulties.service.ts';
export type PublicDifficultyPage = Awaited<ReturnType<typeof findPublicDifficulties>>;
export type PublicFigures = Awaited<ReturnType<typeof getPublicFigures>>;

/** 'YYYY-MM-DD' as Vietnamese readers write it: 05/04/2025 (nothing for no date). */
export const vnDate = (iso: string | null | undefined): string => (iso ? formatDateVi(iso) : '');
