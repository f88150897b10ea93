// Eligibility of a recipient for a kind of award (decision 010): pure functions over the register's rows, so the
// rules are property-tested without a database. Warnings name the recipient in Vietnamese; two of them block a
// decision (BLOCKING_CODES), the others are for staff and the council to weigh.
import { formatDateVi } from '../../../shared/dates.ts';
import { searchKey } from '../../../shared/vietnamese-text.ts';
import { BLOCKING_CODES, type EligibilityCode } from './awards.words.ts';

export type Warning = { code: EligibilityCode; message: string };

export type KindRule = { code: string; name: string; recipients: string; oncePerRecipient: boolean; minYearsBetween: number | null };

export type Candidate = {
  year: number;
  recipientKind: 'collective' | 'individual';
  recipientName: string;
  organisationId: string | null;
  personKey: string | null;
};

/** An award of the register as the rules see it. */
export type HeldAward = {
  awardKindCode: string;
  year: number;
  recipientKind: string;
  organisationId: string | null;
  recipientName: string;
  personKey: string | null;
  decisionNumber: string | null;
  decidedOn: string | null;
  revokedOn: string | null;
};

export type Context = {
  organisation?: { name: string; status: string } | null;
  /** The block the proposal is tied to, with its members' ids (null: no block). */
  block?: { name: string; memberIds: readonly string[] } | null;
};

/** How the once-per-person rule recognises a person: the name's key and the ID number, else birth date, else organisation. */
export function personKeyOf(name: string, idNumber?: string | null, birthDate?: string | null, organisationId?: string | null): string {
  return `${searchKey(name)}|${idNumber?.trim() || birthDate || organisationId || ''}`;
}

/** Whether a register row is the same recipient as the candidate (an organisation by id, a person by key). */
export function sameRecipient(candidate: Candidate, held: HeldAward): boolean {
  if (candidate.recipientKind !== held.recipientKind) return false;
  if (candidate.recipientKind === 'individual') return candidate.personKey !== null && held.personKey === candidate.personKey;
  if (candidate.organisationId) return held.organisationId === candidate.organisationId;
  return held.organisationId === null && searchKey(held.recipientName) === searchKey(candidate.recipientName);
}

const kindWord = (k: string) => (k === 'collective' ? 'tập thể' : 'cá nhân');
const decisionRef = (a: HeldAward) => (a.decisionNumber ? `theo Quyết định số ${a.decisionNumber}${a.decidedOn ? ` ngày ${formatDateVi(a.decidedOn)}` : ''}` : `năm ${a.year}`);

/** The warnings for giving `kind` to `candidate`, given the register's awards (any recipient: filtered here). */
export function eligibilityWarnings(kind: KindRule, candidate: Candidate, register: readonly HeldAward[], context: Context = {}): Warning[] {
  const warnings: Warning[] = [];
  const name = candidate.recipientName;
  if (kind.recipients !== 'both' && kind.recipients !== candidate.recipientKind) {
    warnings.push({ code: 'wrong_recipient_kind', message: `${kind.name} chỉ tặng cho ${kindWord(kind.recipients)}; ${name} là ${kindWord(candidate.recipientKind)}.` });
  }
  const held = register.filter((a) => a.awardKindCode === kind.code && a.revokedOn === null && sameRecipient(candidate, a)).sort((a, b) => a.year - b.year);
  if (kind.oncePerRecipient && held.length > 0) {
    const first = held[0]!;
    warnings.push({ code: 'already_holds', message: `${name} đã được tặng ${kind.name} ${decisionRef(first)}; hình thức này chỉ tặng một lần.` });
  } else if (kind.minYearsBetween !== null) {
    const close = held.find((a) => Math.abs(candidate.year - a.year) < kind.minYearsBetween!);
    if (close) {
      warnings.push({
        code: 'too_soon',
        message: `${name} đã được tặng ${kind.name} năm ${close.year} (${decisionRef(close)}); hai lần tặng cần cách nhau ít nhất ${kind.minYearsBetween} năm.`,
      });
    }
  }
  if (context.block && candidate.organisationId && !context.block.memberIds.includes(candidate.organisationId)) {
    const orgName = context.organisation?.name ?? name;
    warnings.push({ code: 'not_block_member', message: `${orgName} không phải là thành viên của ${context.block.name}.` });
  }
  if (context.organisation && (context.organisation.status === 'dissolved' || context.organisation.status === 'bankrupt')) {
    const what = context.organisation.status === 'dissolved' ? 'đã giải thể' : 'đã phá sản';
    warnings.push({ code: 'dissolved', message: `${context.organisation.name} ${what}.` });
  }
  return warnings;
}

/** The warnings that stop a decision. */
export function blockingWarnings(warnings: readonly Warning[]): Warning[] {
  return warnings.filter((w) => BLOCKING_CODES.includes(w.code));
}
