import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from '../../../db/bytea.ts';
import { organisations } from '../cooperatives/cooperatives.sql.ts';
import { alliances } from '../tenants/tenants.sql.ts';


const money = (name: string) => bigint(name, { mode: 'bigint' });

/** The fund's lending rules, versioned by the date they take effect (never edited: a new version instead). */
export const loanRuleVersions = pgTable(
  'loan_rule_versions',
  {
    tenantId: integer('tenant_id').notNull().references(() => alliances.id),
    id: uuid('id').notNull().defaultRandom(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    maxAmountVnd: money('max_amount_vnd').notNull(),
    maxTermMonths: integer('max_term_months').notNull(),
    maxGraceMonths: integer('max_grace_months').notNull().default(0),
    methods: text('methods').array().notNull(),
    annualRatePercent: numeric('annual_rate_percent', { precision: 5, scale: 2 }).notNull(),
    penaltyRatePercent: integer('penalty_rate_percent').notNull().default(150),
    minMonthsSinceFounding: integer('min_months_since_founding').notNull().default(0),
    /** Sector groups allowed to borrow; null = all. */
    sectorGroups: text('sector_groups').array(),
    /** Legal forms allowed to borrow; null = all. */
    kinds: text('kinds').array(),
    /** Open loans (applied, approved or running) a borrower may have at once; null = no limit. */
    maxOpenLoans: integer('max_open_loans'),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('loan_rule_versions_effective_key').on(t.tenantId, t.effectiveFrom)],
);

/**
 * One loan from application to closure. The application, appraisal, decision and contract are columns
 * filled step by step; money movements are events in their own tables.
 */
export const loans = pgTable(
  'loans',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    code: text('code').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    status: text('status').notNull(),
    ruleVersionId: uuid('rule_version_id').notNull(),
    purpose: text('purpose').notNull(),
    requestedAmountVnd: money('requested_amount_vnd').notNull(),
    termMonths: integer('term_months').notNull(),
    method: text('method').notNull(),
    graceMonths: integer('grace_months').notNull().default(0),
    collateral: text('collateral'),
    guarantors: jsonb('guarantors').notNull().default(sql`'[]'::jsonb`),
    appliedOn: date('applied_on', { mode: 'string' }).notNull(),
    submittedByUserId: uuid('submitted_by_user_id'),
    submittedBy: text('submitted_by').notNull(),
    appraisedByUserId: uuid('appraised_by_user_id'),
    appraisedBy: text('appraised_by'),
    appraisedAt: timestamp('appraised_at', { withTimezone: true }),
    appraisalFindings: text('appraisal_findings'),
    appraisalRecommendation: text('appraisal_recommendation'),
    recommendedAmountVnd: money('recommended_amount_vnd'),
    decidedByUserId: uuid('decided_by_user_id'),
    decidedBy: text('decided_by'),
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date', { mode: 'string' }),
    decisionReason: text('decision_reason'),
    approvedAmountVnd: money('approved_amount_vnd'),
    annualRatePercent: numeric('annual_rate_percent', { precision: 5, scale: 2 }),
    penaltyRatePercent: integer('penalty_rate_percent'),
    contractNumber: text('contract_number'),
    contractSignedOn: date('contract_signed_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    writtenOffOn: date('written_off_on', { mode: 'string' }),
    writeOffReason: text('write_off_reason'),
    writeOffDecisionNumber: text('write_off_decision_number'),
    /** Events (tranches, payments, reschedulings) recorded so far; the next one gets eventCount + 1. */
    eventCount: integer('event_count').notNull().default(0),
    /** Date of the latest event: no event may be recorded before it (history is never rewritten). */
    lastEventOn: date('last_event_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('loans_code_key').on(t.tenantId, t.code),
    foreignKey({ columns: [t.tenantId, t.organisationId], foreignColumns: [organisations.tenantId, organisations.id] }),
    foreignKey({ columns: [t.tenantId, t.ruleVersionId], foreignColumns: [loanRuleVersions.tenantId, loanRuleVersions.id] }),
    index('loans_tenant_status_idx').on(t.tenantId, t.status),
    index('loans_tenant_org_idx').on(t.tenantId, t.organisationId),
  ],
);

/** Files attached to a loan (application documents), kept in the database. */
export const loanDocuments = pgTable(
  'loan_documents',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    loanId: uuid('loan_id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), foreignKey({ columns: [t.tenantId, t.loanId], foreignColumns: [loans.tenantId, loans.id] }), index('loan_documents_loan_idx').on(t.tenantId, t.loanId)],
);

/** Tranches disbursed. */
export const loanDisbursements = pgTable(
  'loan_disbursements',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    loanId: uuid('loan_id').notNull(),
    seq: integer('seq').notNull(),
    disbursedOn: date('disbursed_on', { mode: 'string' }).notNull(),
    amountVnd: money('amount_vnd').notNull(),
    note: text('note'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), foreignKey({ columns: [t.tenantId, t.loanId], foreignColumns: [loans.tenantId, loans.id] }), unique('loan_disbursements_seq_key').on(t.tenantId, t.loanId, t.seq)],
);

/** Repayments with how each was split; the idempotency key makes a double submission harmless. */
export const loanPayments = pgTable(
  'loan_payments',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    loanId: uuid('loan_id').notNull(),
    seq: integer('seq').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    amountVnd: money('amount_vnd').notNull(),
    penaltyVnd: money('penalty_vnd').notNull(),
    overdueInterestVnd: money('overdue_interest_vnd').notNull(),
    overduePrincipalVnd: money('overdue_principal_vnd').notNull(),
    currentInterestVnd: money('current_interest_vnd').notNull(),
    currentPrincipalVnd: money('current_principal_vnd').notNull(),
    prepaymentVnd: money('prepayment_vnd').notNull(),
    note: text('note'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.loanId], foreignColumns: [loans.tenantId, loans.id] }),
    unique('loan_payments_seq_key').on(t.tenantId, t.loanId, t.seq),
    unique('loan_payments_idempotency_key').on(t.tenantId, t.loanId, t.idempotencyKey),
  ],
);

/** Term extensions: a new schedule from the effective date. */
export const loanReschedulings = pgTable(
  'loan_reschedulings',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    loanId: uuid('loan_id').notNull(),
    seq: integer('seq').notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    newTermMonths: integer('new_term_months').notNull(),
    decisionNumber: text('decision_number').notNull(),
    reason: text('reason').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), foreignKey({ columns: [t.tenantId, t.loanId], foreignColumns: [loans.tenantId, loans.id] }), unique('loan_reschedulings_seq_key').on(t.tenantId, t.loanId, t.seq)],
);
