/**
 * What every public page shares: the alliance, the origin its links are absolute to, the menu (the fixed
 * sections, then the alliance's categories in menu order) and the request's path and query.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../../db/client.ts';
import { formatDateVi } from '../../../../shared/dates.ts';
import type { Config } from '../../../config.ts';
import { portalCategories } from '../portal.sql.ts';
import { portalTenant, type PortalTenant } from '../portal-tenant.ts';

export type MenuLink = { href: string; label: string };

export type Site = { tenant: PortalTenant; origin: string; sections: MenuLink[]; categories: MenuLink[] };

/** The portal's fixed sections (decision 009's public addresses). */
export const SECTIONS: readonly MenuLink[] = [
  { href: '/tin-tuc', label: 'Tin tức' },
  { href: '/van-ban', label: 'Văn bản' },
  { href: '/su-kien', label: 'Sự kiện' },
  { href: '/danh-ba', label: 'Danh bạ' },
  { href: '/so-lieu', label: 'Số liệu' },
  { href: '/kien-nghi', label: 'Kiến nghị' },
];

/** Everything a page needs besides its own content. */
export type PageContext = { db: Db; site: Site; path: string; query: URLSearchParams };

/** A page's answer: HTML with its status, or a permanent redirect. */
export type Rendered = { status: number; html: string } | { redirect: string };

/** The origin of absolute links (canonical, Open Graph, feeds): PUBLIC_ORIGIN, else the request's own. */
export function publicOrigin(request: FastifyRequest, config: Pick<Config, 'publicOrigin'>): string {
  const configured = config.publicOrigin?.split(',')[0]?.trim();
  return (configured || `${request.protocol}://${request.host}`).replace(/\/$/, '');
}

/** The alliance's categories in its menu, by menu order (a 'link' category points at its path). */
export async function findMenu(db: Db, tenantId: number): Promise<MenuLink[]> {
  const rows = await db
    .select({ slug: portalCategories.slug, name: portalCategories.name, kind: portalCategories.kind, path: portalCategories.path })
    .from(portalCategories)
    .where(and(eq(portalCategories.tenantId, tenantId), eq(portalCategories.inMenu, true)))
    .orderBy(asc(portalCategories.menuOrder), asc(portalCategories.name));
  return rows.map((c) => ({ href: c.kind === 'link' && c.path ? c.path : `/chuyen-muc/${c.slug}`, label: c.name }));
}

export async function loadSite(db: Db, config: Pick<Config, 'publicOrigin' | 'portalTenant'>, request: FastifyRequest): Promise<Site> {
  const tenant = await portalTenant(db, config);
  return { tenant, origin: publicOrigin(request, config), sections: [...SECTIONS], categories: await findMenu(db, tenant.id) };
}

/** A date as readers read it, in Vietnam's time zone: 05/03/2024. */
export function dateVi(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
  return parts;
}

/** An event's days: "12/03/2025" or "12/03/2025 – 14/03/2025". */
export function eventDates(e: { startsOn: string; endsOn: string }): string {
  return e.startsOn === e.endsOn ? formatDateVi(e.startsOn) : `${formatDateVi(e.startsOn)} – ${formatDateVi(e.endsOn)}`;
}
