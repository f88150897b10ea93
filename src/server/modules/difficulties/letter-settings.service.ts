// How the alliance's official letters read (letter_settings, decision 008): governing body, issuer, symbol, place
// and signer. Without a saved row the defaults come from the alliance's name and province; reading never writes.
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { forbidden } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { getTenantProvince } from '../admin-units/admin-units.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireUser } from '../cooperatives/cooperatives.policy.ts';
import { alliances } from '../tenants/tenants.sql.ts';
import { requireDifficultyHandler } from './difficulties.policy.ts';
import { letterSettings } from './difficulties.sql.ts';
import type { LetterSettingsInput } from './recommendations.schemas.ts';

export type LetterSettings = {
  governingBody: string | null;
  issuer: string;
  symbol: string;
  place: string;
  signerTitle: string | null;
  signerName: string | null;
  /** The alliance's name as the letter's body names it. */
  allianceName: string;
  /** The province's name without "Tỉnh"/"Thành phố" (the agencies' default list names it). */
  provinceName: string;
  /** False while the defaults are shown (no row saved yet). */
  saved: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
};

export const DEFAULT_SYMBOL = 'LMHTX-VP';
export const DEFAULT_GOVERNING_BODY = 'LIÊN MINH HTX VIỆT NAM';
export const DEFAULT_SIGNER_TITLE = 'CHỦ TỊCH';

/** "Tỉnh Phú Thọ" → "Phú Thọ", "Thành phố Hà Nội" → "Hà Nội". */
export function stripProvincePrefix(name: string): string {
  return name.replace(/^\s*(tỉnh|thành phố|tp\.?)\s+/iu, '').trim();
}

/** An audit entity id per alliance for its one settings row (the audit's entity id is a uuid). */
export function letterSettingsEntityId(tenantId: number): string {
  return `00000000-0000-4000-8000-${String(tenantId).padStart(12, '0')}`;
}

/** The settings of an alliance, its saved row or the defaults from its name (any caller that already checked access). */
export async function loadLetterSettings(db: Db, tenantId: number): Promise<LetterSettings> {
  const [alliance] = await db.select({ name: alliances.name }).from(alliances).where(eq(alliances.id, tenantId));
  const province = await getTenantProvince(db, tenantId);
  const allianceName = alliance?.name ?? 'Liên minh Hợp tác xã';
  const fromName = /(?:tỉnh|thành phố)\s+(.+)$/iu.exec(allianceName)?.[1]?.trim();
  const provinceName = province ? stripProvincePrefix(province.name) : (fromName ?? '');
  const [row] = await db.select().from(letterSettings).where(eq(letterSettings.tenantId, tenantId));
  if (row) {
    return {
      governingBody: row.governingBody,
      issuer: row.issuer,
      symbol: row.symbol,
      place: row.place,
      signerTitle: row.signerTitle,
      signerName: row.signerName,
      allianceName,
      provinceName,
      saved: true,
      updatedAt: row.updatedAt.toISOString(),
      updatedBy: row.updatedBy,
    };
  }
  return {
    governingBody: DEFAULT_GOVERNING_BODY,
    issuer: allianceName.toLocaleUpperCase('vi'),
    symbol: DEFAULT_SYMBOL,
    place: provinceName || allianceName,
    signerTitle: DEFAULT_SIGNER_TITLE,
    signerName: null,
    allianceName,
    provinceName,
    saved: false,
    updatedAt: null,
    updatedBy: null,
  };
}

/** The alliance's letter settings (staff who handle recommendations read them). */
export async function getLetterSettings(db: Db, { actor }: { actor: Actor }): Promise<LetterSettings> {
  const user = requireDifficultyHandler(actor);
  return loadLetterSettings(db, user.tenantId);
}

/** Saves the alliance's letter settings (its admin only); audited. */
export async function saveLetterSettings(db: Db, { actor, input }: { actor: Actor; input: LetterSettingsInput }): Promise<LetterSettings> {
  const user = requireUser(actor);
  if (user.role !== 'alliance_admin' || user.tenantId === null) throw forbidden();
  const tenantId = user.tenantId;
  await db.transaction(async (tx) => {
    const before = await loadLetterSettings(tx, tenantId);
    const values = {
      governingBody: input.governingBody ?? null,
      issuer: input.issuer,
      symbol: input.symbol,
      place: input.place,
      signerTitle: input.signerTitle ?? null,
      signerName: input.signerName ?? null,
      updatedBy: user.email,
      updatedAt: new Date(),
    };
    await tx.insert(letterSettings).values({ tenantId, ...values }).onConflictDoUpdate({ target: letterSettings.tenantId, set: values });
    const { governingBody, issuer, symbol, place, signerTitle, signerName } = before;
    await recordAudit(tx, {
      actor,
      tenantId,
      action: 'letter_settings.saved',
      entityType: 'letter_settings',
      entityId: letterSettingsEntityId(tenantId),
      before: before.saved ? { governingBody, issuer, symbol, place, signerTitle, signerName } : null,
      after: input,
    });
  });
  return loadLetterSettings(db, tenantId);
}
