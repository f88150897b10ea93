import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../../db/bytea.ts';

/**
 * Awards (khen thưởng), decision 010. The kinds of award are data: a national reference table seeded by the
 * migration, editable by an alliance admin (audited).
 * form: 'flag' (Cờ thi đua) | 'certificate_of_merit' (Bằng khen) | 'medal' (Kỷ niệm chương) |
 *   'certificate_of_commendation' (Giấy khen) | 'title' (danh hiệu) | 'coopstar' (Ngôi sao HTX).
 * level: 'government' | 'prime_minister' | 'ministry' | 'province' | 'vca' | 'alliance'.
 * recipients: 'collective' | 'individual' | 'both'.
 * oncePerRecipient: given at most once to the same person or organisation (the medal).
 * minYearsBetween: at least this many years between two of this kind to the same recipient (null: no rule).
 * proposedBy: who files the proposal — 'alliance' (the provincial alliance proposes to the level above) |
 *   'self' (the provincial alliance decides it itself).
 */
export const awardKinds = pgTable('award_kinds', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  form: text('form').notNull(),
  level: text('level').notNull(),
  recipients: text('recipients').notNull(),
  oncePerRecipient: boolean('once_per_recipient').notNull().default(false),
  minYearsBetween: integer('min_years_between'),
  proposedBy: text('proposed_by').notNull().default('alliance'),
  position: integer('position').notNull().default(0),
  active: boolean('active').notNull().default(true),
  updatedBy: text('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A proposal for one recipient: a collective (organisationId, or recipientName for a unit outside the registry)
 * or an individual (personName, of organisationId). personKey = searchKey(personName) + '|' + (personIdNumber ??
 * personBirthDate ?? organisationId) — how the once-per-person rule recognises a person.
 * state: 'draft' → 'submitted' → 'reviewed' (council: councilResult 'approved' | 'rejected') → 'decided'
 * (decisionId set) | 'withdrawn'. warnings: the eligibility warnings computed on submit ([{code, message}]).
 */
export const awardProposals = pgTable(
  'award_proposals',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    year: integer('year').notNull(),
    awardKindCode: text('award_kind_code').notNull(),
    recipientKind: text('recipient_kind').notNull(),
    organisationId: uuid('organisation_id'),
    recipientName: text('recipient_name').notNull(),
    personPosition: text('person_position'),
    personBirthDate: date('person_birth_date', { mode: 'string' }),
    personIdNumber: text('person_id_number'),
    personKey: text('person_key'),
    achievements: text('achievements').notNull().default(''),
    blockId: uuid('block_id'),
    state: text('state').notNull().default('draft'),
    warnings: jsonb('warnings').$type<{ code: string; message: string }[]>().notNull().default([]),
    councilMetOn: date('council_met_on', { mode: 'string' }),
    councilMembers: text('council_members'),
    votesFor: integer('votes_for'),
    votesAgainst: integer('votes_against'),
    votesAbstain: integer('votes_abstain'),
    councilResult: text('council_result'),
    councilNote: text('council_note'),
    decisionId: uuid('decision_id'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('award_proposals_year_idx').on(t.tenantId, t.year, t.state)],
);

/**
 * A decision of the competent level (number "125/QĐ-UBND", date, signer) giving one kind of award to many
 * recipients; cash per collective and per individual in whole đồng.
 */
export const awardDecisions = pgTable(
  'award_decisions',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    number: text('number').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    issuer: text('issuer').notNull(),
    signerName: text('signer_name').notNull(),
    signerPosition: text('signer_position').notNull(),
    awardKindCode: text('award_kind_code').notNull(),
    year: integer('year').notNull(),
    cashPerCollectiveVnd: bigint('cash_per_collective_vnd', { mode: 'number' }).notNull().default(0),
    cashPerIndividualVnd: bigint('cash_per_individual_vnd', { mode: 'number' }).notNull().default(0),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('award_decisions_number_key').on(t.tenantId, t.number, t.decidedOn)],
);

/**
 * The register (sổ khen thưởng): every award ever given, from a decision recorded here (source 'decision') or a
 * past year's register imported from Excel (source 'import', decision fields as the register wrote them).
 * year: the year the award is for (the seed's "năm 2023" awards were handed over in March 2024).
 * A revoked award keeps its row (revokedOn, reason, what and how much to recover) and leaves the counts.
 * searchText = searchKey(recipientName + organisation's name + decision number).
 */
export const awards = pgTable(
  'awards',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    year: integer('year').notNull(),
    awardKindCode: text('award_kind_code').notNull(),
    recipientKind: text('recipient_kind').notNull(),
    organisationId: uuid('organisation_id'),
    recipientName: text('recipient_name').notNull(),
    personPosition: text('person_position'),
    personBirthDate: date('person_birth_date', { mode: 'string' }),
    personIdNumber: text('person_id_number'),
    personKey: text('person_key'),
    communeCode: text('commune_code'),
    decisionId: uuid('decision_id'),
    decisionNumber: text('decision_number'),
    decidedOn: date('decided_on', { mode: 'string' }),
    cashVnd: bigint('cash_vnd', { mode: 'number' }).notNull().default(0),
    proposalId: uuid('proposal_id'),
    source: text('source').notNull().default('decision'),
    revokedOn: date('revoked_on', { mode: 'string' }),
    revokeReason: text('revoke_reason'),
    revokeDecisionNumber: text('revoke_decision_number'),
    recoverObject: text('recover_object'),
    recoverCashVnd: bigint('recover_cash_vnd', { mode: 'number' }),
    searchText: text('search_text').notNull().default(''),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('awards_year_idx').on(t.tenantId, t.year, t.awardKindCode),
    index('awards_organisation_idx').on(t.tenantId, t.organisationId),
    index('awards_person_idx').on(t.tenantId, t.personKey),
    index('awards_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/**
 * Files of emulation and awards, kept in the database like request_files: ownerKind 'result' | 'pact' |
 * 'proposal' | 'decision'; purpose 'evidence' | 'submission_letter' | 'council_minutes' | 'achievement_report' |
 * 'review_minutes' | 'signed_decision'. At most 10 MB a file (checkDocument).
 */
export const awardFiles = pgTable(
  'award_files',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    ownerKind: text('owner_kind').notNull(),
    ownerId: uuid('owner_id').notNull(),
    purpose: text('purpose').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: text('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('award_files_owner_idx').on(t.tenantId, t.ownerKind, t.ownerId)],
);
