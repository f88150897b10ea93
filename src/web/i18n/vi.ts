import { accountsVi } from './accounts.ts';
import { closedYearVi } from './closed-year.ts';
import { loansVi } from './loans.ts';
import { updatesVi } from './updates.ts';
import { calendarVi } from './calendar.ts';
import { difficultiesVi } from './difficulties.ts';
import { consultationsVi } from './consultations.ts';
import { requestsReportVi } from './requests-report.ts';
import { portalVi } from './portal.ts';
import { awardsVi } from './awards.ts';
import { emulationVi } from './emulation.ts';
import { portalLibraryVi } from './portal-library.ts';
import { coreVi } from './core-vi.ts';

/** The Vietnamese strings of the web app (the source of truth: en.ts must have the same keys). */
export const vi = { ...coreVi, ...loansVi, ...closedYearVi, ...accountsVi, ...updatesVi, ...calendarVi, ...difficultiesVi, ...consultationsVi, ...requestsReportVi, ...portalVi, ...awardsVi, ...emulationVi, ...portalLibraryVi } as const;

export type MessageKey = keyof typeof vi;
export type Messages = Record<MessageKey, string>;
