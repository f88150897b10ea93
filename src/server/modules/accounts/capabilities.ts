import type { Actor, Role } from './roles.ts';

const has = (roles: readonly Role[], actor: Extract<Actor, { kind: 'user' }>) => roles.includes(actor.role);

/**
 * What a signed-in user may open, sent with /api/auth/me so that the web app shows menus and buttons from the
 * server's answer. Each line mirrors a policy the services enforce on every request anyway.
 */
export function capabilitiesOf(actor: Extract<Actor, { kind: 'user' }>) {
  const inTenant = actor.tenantId !== null;
  return {
    manageRegistry: inTenant && has(['alliance_admin', 'alliance_staff'], actor),
    seeReports: has(['alliance_admin', 'alliance_staff', 'fund_officer', 'national_viewer'], actor),
    managePlans: inTenant && has(['alliance_admin', 'alliance_staff'], actor),
    closeYears: inTenant && has(['alliance_admin'], actor),
    /** The alliance's closed years beside today's figures (reports.policy: a national viewer must name an alliance). */
    seeClosedYears: inTenant && has(['alliance_admin', 'alliance_staff', 'fund_officer'], actor),
    /** Loading the communes' boundary file for the dashboard's map (boundaries.service loadBoundaries). */
    loadBoundaries: inTenant && has(['alliance_admin'], actor),
    seeLoans: inTenant && has(['fund_officer', 'alliance_admin', 'coop_manager'], actor),
    seePortfolio: has(['fund_officer', 'alliance_admin', 'national_viewer'], actor),
    configureLoanRules: inTenant && has(['alliance_admin'], actor),
    /** The fund's own work (loans.policy requireFundOfficer): any organisation's application, the due list. */
    handleLoans: inTenant && has(['fund_officer', 'alliance_admin'], actor),
    /** The annual update's queue and compliance (a commune officer reads its communes'). */
    seeUpdates: inTenant && has(['alliance_admin', 'alliance_staff', 'commune_officer'], actor),
    verifyUpdates: inTenant && has(['alliance_admin', 'alliance_staff'], actor),
    seeCompliance: inTenant && has(['alliance_admin', 'alliance_staff', 'commune_officer'], actor),
    publishUpdateForms: inTenant && has(['alliance_admin'], actor),
    /** The alliance's accounts page (accounts.policy.ts requireAccountAdmin). */
    manageAccounts: inTenant && has(['alliance_admin'], actor),
    /** Inviting an organisation's manager and deciding on account requests (requireManagerInviter). */
    inviteManagers: inTenant && has(['alliance_admin', 'alliance_staff'], actor),
    /** Difficulties and recommendations (difficulties.policy.ts): the queues (a commune officer reads its communes'). */
    seeDifficulties: inTenant && has(['alliance_admin', 'alliance_staff', 'commune_officer'], actor),
    /** Triage, direct answers, grouping, forwarding by letter, agencies' answers, closing. */
    handleDifficulties: inTenant && has(['alliance_admin', 'alliance_staff'], actor),
    /** A cooperative's own difficulties and consultations, from its manager's phone. */
    raiseDifficulties: inTenant && has(['coop_manager'], actor),
    /** The difficulties' figures by category, agency and commune (`coop requests report`). */
    seeRequestReports: has(['alliance_admin', 'alliance_staff', 'national_viewer'], actor),
    /** The working-day calendar's corrections (national data, audited). */
    manageCalendar: has(['alliance_admin'], actor),
    /** The official letters' heading, symbol and signer. */
    manageLetterSettings: inTenant && has(['alliance_admin'], actor),
    /** Expert consultations: the roster, assigning, sessions (consultations.policy.ts). */
    handleConsultations: inTenant && has(['alliance_admin', 'alliance_staff'], actor),
    /** Portal articles: writing drafts and submitting them for review (decision 009, articles.policy.ts). */
    writeArticles: inTenant && has(['alliance_admin', 'alliance_staff'], actor),
    /** Publishing, scheduling, unpublishing and editing published articles: the admin, staff with the editor flag. */
    publishArticles: inTenant && (actor.role === 'alliance_admin' || (actor.role === 'alliance_staff' && actor.portalEditor === true)),
    /** The portal's library: documents, events, categories, fixed pages, images. */
    manageLibrary: inTenant && has(['alliance_admin', 'alliance_staff'], actor),
    /** Emulation blocks, pacts, results of any member, scoreboards (emulation.policy.ts requireEmulationStaff). */
    manageEmulation: inTenant && has(['alliance_admin', 'alliance_staff'], actor),
    /** A cooperative's own results on its block's pact, and the published scoreboard, from its manager's phone. */
    reportEmulation: inTenant && has(['coop_manager'], actor),
    /** The awards' register and figures (awards.policy.ts): a commune officer reads its communes', a national viewer reads. */
    seeAwards: has(['alliance_admin', 'alliance_staff', 'commune_officer', 'national_viewer'], actor) && (inTenant || actor.role === 'national_viewer'),
    /** Award proposals, council reviews, decisions, revocations (staff of the alliance). */
    manageAwards: inTenant && has(['alliance_admin', 'alliance_staff'], actor),
    /** The award kinds' rules (reference data, audited). */
    manageAwardKinds: inTenant && has(['alliance_admin'], actor),
  };
}
export type Capabilities = ReturnType<typeof capabilitiesOf>;
