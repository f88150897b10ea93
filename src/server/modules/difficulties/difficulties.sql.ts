import { date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid, boolean } from 'drizzle-orm/pg-core';
import { bytea } from '../../../db/bytea.ts';
import { annualUpdates } from '../annual-updates/annual-updates.sql.ts';
import { organisations } from '../cooperatives/cooperatives.sql.ts';

/**
 * Competent agencies the alliance forwards recommendations to (a maintained list per alliance): provincial
 * departments, the provincial People's Committee, communes' People's Committees, ministries, banks.
 * kind: 'department' | 'province_committee' | 'commune_committee' | 'ministry' | 'bank' | 'other'.
 */
export const agencies = pgTable(
  'agencies',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').notNull(),
    communeCode: text('commune_code'),
    address: text('address'),
    email: text('email'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('agencies_name_key').on(t.tenantId, t.name)],
);

/**
 * A difficulty or recommendation raised by one cooperative (khó khăn, vướng mắc, kiến nghị).
 * code = `${year}-${seq padded to 4}` (e.g. "2026-0012"), seq from number_series 'difficulty'.
 * channel: 'online' | 'conference' | 'visit' | 'phone' | 'staff' | 'annual_update'.
 * category: 'capital_credit' | 'land' | 'tax' | 'market' | 'registration_legal' | 'infrastructure' | 'digital' |
 *   'support_policies' | 'other'.
 * publicConsent (the cooperative's): 'no' | 'anonymous' | 'named'; staff publish (published) only when not 'no'.
 * state: 'received' → 'handling' → ('forwarded' → 'answered' | 'answered') → 'closed';
 * outcome when closed: 'resolved' | 'not_resolved' | 'rejected' (reason required). Open at a year's end = carried over.
 * dueOn: the date the cooperative should have its answer by (working days; the recommendation's due date once
 * forwarded). Overdue = not answered or closed and dueOn < today (Vietnam's date).
 */
export const difficulties = pgTable(
  'difficulties',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    raisedOn: date('raised_on', { mode: 'string' }).notNull(),
    channel: text('channel').notNull(),
    occasion: text('occasion'),
    raisedBy: text('raised_by'),
    category: text('category').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    publicConsent: text('public_consent').notNull().default('no'),
    published: boolean('published').notNull().default(false),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    state: text('state').notNull().default('received'),
    unitInCharge: text('unit_in_charge'),
    recommendationId: uuid('recommendation_id'),
    dueOn: date('due_on', { mode: 'string' }),
    directAnswer: text('direct_answer'),
    answeredOn: date('answered_on', { mode: 'string' }),
    answeredBy: text('answered_by'),
    outcome: text('outcome'),
    outcomeReason: text('outcome_reason'),
    closedOn: date('closed_on', { mode: 'string' }),
    closedBy: text('closed_by'),
    sourceUpdateId: uuid('source_update_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('difficulties_code_key').on(t.tenantId, t.year, t.seq),
    foreignKey({ columns: [t.tenantId, t.organisationId], foreignColumns: [organisations.tenantId, organisations.id] }),
    foreignKey({ columns: [t.tenantId, t.recommendationId], foreignColumns: [recommendations.tenantId, recommendations.id] }),
    foreignKey({ columns: [t.tenantId, t.sourceUpdateId], foreignColumns: [annualUpdates.tenantId, annualUpdates.id] }),
    index('difficulties_state_idx').on(t.tenantId, t.state, t.dueOn),
    index('difficulties_org_idx').on(t.tenantId, t.organisationId),
    index('difficulties_year_idx').on(t.tenantId, t.year),
    index('difficulties_recommendation_idx').on(t.tenantId, t.recommendationId),
  ],
);

/**
 * Several difficulties on one subject, forwarded to one agency by one official letter (công văn).
 * state: 'draft' → 'forwarded' → 'answered' → 'closed'. The letter number is given when forwarded:
 * `${seq}/${symbol}` (e.g. "125/LMHTX-VP"), seq from number_series 'letter' of the letter's year.
 */
export const recommendations = pgTable(
  'recommendations',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    subject: text('subject').notNull(),
    body: text('body'),
    category: text('category').notNull(),
    agencyId: uuid('agency_id'),
    state: text('state').notNull().default('draft'),
    letterYear: integer('letter_year'),
    letterSeq: integer('letter_seq'),
    letterNumber: text('letter_number'),
    letterDate: date('letter_date', { mode: 'string' }),
    dueOn: date('due_on', { mode: 'string' }),
    signerName: text('signer_name'),
    signerTitle: text('signer_title'),
    forwardedAt: timestamp('forwarded_at', { withTimezone: true }),
    forwardedBy: text('forwarded_by'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('recommendations_letter_key').on(t.tenantId, t.letterYear, t.letterSeq),
    foreignKey({ columns: [t.tenantId, t.agencyId], foreignColumns: [agencies.tenantId, agencies.id] }),
    index('recommendations_state_idx').on(t.tenantId, t.state, t.dueOn),
  ],
);

/** An agency's answer (its own letter); one answer may settle several recommendations. */
export const agencyAnswers = pgTable(
  'agency_answers',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    letterNumber: text('letter_number').notNull(),
    letterDate: date('letter_date', { mode: 'string' }).notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    content: text('content').notNull(),
    recordedBy: text('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), foreignKey({ columns: [t.tenantId, t.agencyId], foreignColumns: [agencies.tenantId, agencies.id] })],
);

export const agencyAnswerRecommendations = pgTable(
  'agency_answer_recommendations',
  {
    tenantId: integer('tenant_id').notNull(),
    answerId: uuid('answer_id').notNull(),
    recommendationId: uuid('recommendation_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.answerId, t.recommendationId] }),
    foreignKey({ columns: [t.tenantId, t.answerId], foreignColumns: [agencyAnswers.tenantId, agencyAnswers.id] }),
    foreignKey({ columns: [t.tenantId, t.recommendationId], foreignColumns: [recommendations.tenantId, recommendations.id] }),
    index('agency_answer_recommendations_rec_idx').on(t.tenantId, t.recommendationId),
  ],
);

/**
 * Files of this area, kept in the database (so `coop backup`/`restore` carry them on both engines).
 * ownerKind: 'difficulty' (photos, PDFs) | 'recommendation' (the signed letter's scan) | 'answer' (the agency's
 * letter) | 'consultation'. Checked by content (src/server/files/upload-checks.ts) and bounded in size.
 */
export const requestFiles = pgTable(
  'request_files',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    ownerKind: text('owner_kind').notNull(),
    ownerId: uuid('owner_id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: text('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('request_files_owner_idx').on(t.tenantId, t.ownerKind, t.ownerId)],
);

/**
 * Numbering series of an alliance per year: 'difficulty' (codes 2026-0001…) and 'letter' (official letters
 * 1/LMHTX-VP…). The next number is taken with `UPDATE … SET last_number = last_number + 1 RETURNING` in the
 * transaction that uses it (the row lock serialises two forwards; a rolled-back forward gives its number back).
 */
export const numberSeries = pgTable(
  'number_series',
  {
    tenantId: integer('tenant_id').notNull(),
    series: text('series').notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.series, t.year] })],
);

/**
 * How the alliance's official letters read (Decree 30/2020/NĐ-CP): the governing body above the issuer, the
 * issuer, the symbol after the number, the place in "Phú Thọ, ngày … tháng … năm …", the signer. One row per
 * alliance, edited by its admin; defaults come from the alliance's name when there is no row.
 */
export const letterSettings = pgTable('letter_settings', {
  tenantId: integer('tenant_id').primaryKey(),
  governingBody: text('governing_body'),
  issuer: text('issuer').notNull(),
  symbol: text('symbol').notNull(),
  place: text('place').notNull(),
  signerTitle: text('signer_title'),
  signerName: text('signer_name'),
  updatedBy: text('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
