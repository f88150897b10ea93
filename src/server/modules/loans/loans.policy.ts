// Who may do what with the loan book.
// - fund_officer works the loans: applications, appraisal, decision, contract, disbursement, collection.
// - alliance_admin configures the lending rules, and may also act as a fund officer (a small alliance's fund
//   is run by its office); maker–checker still applies to them like anyone.
// - coop_manager sees its own organisation's loans and applies for it, nothing else.
// - national_viewer sees aggregated portfolio figures only (no borrower); alliance_staff and
//   commune_officer see no loan data at all.
import { and, eq, type SQL } from 'drizzle-orm';
import { AppError, forbidden } from '../../http/errors.ts';
import type { Actor, Role } from '../accounts/roles.ts';
import { requireUser, type SignedIn } from '../cooperatives/cooperatives.policy.ts';
import type { LoanStatus } from './loans.schemas.ts';
import { loans } from './loans.sql.ts';

const FUND: readonly Role[] = ['fund_officer', 'alliance_admin'];

export type TenantUser = SignedIn & { tenantId: number };

/** A fund officer (or the alliance's admin acting as one) of a tenant. */
export function requireFundOfficer(actor: Actor): TenantUser {
  const user = requireUser(actor);
  if (!FUND.includes(user.role) || user.tenantId === null) throw forbidden();
  return user as TenantUser;
}

/** Only the alliance's admin changes the lending rules. */
export function requireRulesAdmin(actor: Actor): TenantUser {
  const user = requireUser(actor);
  if (user.role !== 'alliance_admin' || user.tenantId === null) throw forbidden();
  return user as TenantUser;
}

/** Those who may read the rules: the fund, and managers who apply under them. */
export function requireRulesReader(actor: Actor): TenantUser {
  const user = requireUser(actor);
  if (user.tenantId === null || !(FUND.includes(user.role) || user.role === 'coop_manager')) throw forbidden();
  return user as TenantUser;
}

/** The one place that scopes loan reads: the fund sees its tenant's loans, a manager its organisation's. */
export function loanReadScope(actor: Actor): SQL {
  const user = requireUser(actor);
  if (user.tenantId === null) throw forbidden();
  const tenant = eq(loans.tenantId, user.tenantId);
  if (FUND.includes(user.role)) return tenant;
  if (user.role === 'coop_manager' && user.organisationId) return and(tenant, eq(loans.organisationId, user.organisationId))!;
  throw forbidden();
}

/** A manager may apply only for its own organisation; the fund for any organisation of its tenant. */
export function requireApplicant(actor: Actor, organisationId: string): TenantUser {
  const user = requireUser(actor);
  if (user.tenantId === null) throw forbidden();
  if (FUND.includes(user.role)) return user as TenantUser;
  if (user.role === 'coop_manager' && user.organisationId === organisationId) return user as TenantUser;
  if (user.role === 'coop_manager') {
    throw new AppError('forbidden', 'Bạn chỉ được lập hồ sơ vay cho tổ chức của mình.');
  }
  throw forbidden();
}

export type LoanPermissions = {
  appraise: boolean;
  decide: boolean;
  signContract: boolean;
  disburse: boolean;
  postPayment: boolean;
  reschedule: boolean;
  writeOff: boolean;
  uploadDocument: boolean;
};

type LoanForPolicy = { tenantId: number; organisationId: string; status: string; appraisedByUserId: string | null; appraisedBy: string | null; submittedByUserId: string | null; submittedBy: string };

/** The identity compared by maker–checker: the user id, or the label of a command-line actor. */
export function actorIdentity(actor: SignedIn): string {
  return actor.userId ?? actor.email;
}

/** What the actor may do next with one loan (sent with it, so the UI shows only the buttons that work). */
export function loanPermissions(actor: Actor, loan: LoanForPolicy): LoanPermissions {
  const none: LoanPermissions = { appraise: false, decide: false, signContract: false, disburse: false, postPayment: false, reschedule: false, writeOff: false, uploadDocument: false };
  if (actor.kind !== 'user' || actor.tenantId !== loan.tenantId) return none;
  const status = loan.status as LoanStatus;
  const ownManager = actor.role === 'coop_manager' && actor.organisationId === loan.organisationId;
  if (!FUND.includes(actor.role)) return { ...none, uploadDocument: ownManager && status === 'submitted' };
  const appraiser = loan.appraisedByUserId ?? loan.appraisedBy;
  const running = status === 'active';
  return {
    appraise: status === 'submitted',
    // Maker–checker: neither who appraised the application nor who filed it decides it.
    decide: status === 'appraised' && appraiser !== actorIdentity(actor) && (loan.submittedByUserId ?? loan.submittedBy) !== actorIdentity(actor),
    signContract: status === 'approved',
    disburse: status === 'contracted' || running,
    postPayment: running,
    reschedule: running,
    writeOff: running,
    uploadDocument: !['closed', 'written_off', 'rejected'].includes(status),
  };
}
