import { accountsEn } from './accounts.ts';
import { closedYearEn } from './closed-year.ts';
import { loansEn } from './loans.ts';
import { updatesEn } from './updates.ts';
import { calendarEn } from './calendar.ts';
import { difficultiesEn } from './difficulties.ts';
import { consultationsEn } from './consultations.ts';
import { requestsReportEn } from './requests-report.ts';
import { portalEn } from './portal.ts';
import { awardsEn } from './awards.ts';
import { emulationEn } from './emulation.ts';
import { portalLibraryEn } from './portal-library.ts';
import { coreEn } from './core-en.ts';
import type { Messages } from './vi.ts';

/** The English strings (second language); keys must match vi.ts, which the type enforces. */
export const en: Messages = { ...coreEn, ...loansEn, ...closedYearEn, ...accountsEn, ...updatesEn, ...calendarEn, ...difficultiesEn, ...consultationsEn, ...requestsReportEn, ...portalEn, ...awardsEn, ...emulationEn, ...portalLibraryEn };
