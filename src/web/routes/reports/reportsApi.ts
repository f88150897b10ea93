/** The reports API as the web pages use it: queries, the plan mutation, and links to the file exports. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.ts';
import type { Dashboard } from '../../../server/modules/reports/dashboard.service.ts';
import type { presentPublicDashboard } from '../../../server/modules/reports/dashboard.service.ts';
import type { DashboardChart, PlanIndicator, PlanInput } from '../../../server/modules/reports/reports.schemas.ts';
import type { BoundaryLoadReport } from '../../../server/modules/admin-units/boundaries.schemas.ts';
import type { findBoundaries } from '../../../server/modules/admin-units/boundaries.service.ts';

export type { Dashboard };
/** The portal's dashboard (counts only), drawn by src/web/portal. */
export type PublicDashboardData = ReturnType<typeof presentPublicDashboard>;
export type DashboardFilters = { year: number; tenant?: number; kind?: string; sectorGroup?: string; sector?: string; area?: string };
export type SavedPlan = { year: number; indicator: PlanIndicator; area: string; target: number; updatedAt: string; updatedBy: string };

/** Everything the dashboard draws, for a signed-in reader. */
export function useDashboard(filters: DashboardFilters) {
  return useQuery({ queryKey: ['reports', 'dashboard', filters], queryFn: () => api.get<Dashboard>('/api/reports/dashboard', filters) });
}

/** The targets of a year (alliance staff). */
export function usePlans(year: number) {
  return useQuery({ queryKey: ['reports', 'plans', year], queryFn: () => api.get<SavedPlan[]>('/api/reports/plans', { year }) });
}

/** Sets one target; the dashboard and the plan list refresh. */
export function useSetPlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PlanInput) => api.post<SavedPlan>('/api/reports/plans', input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['reports'] }),
  });
}

/** Link to one chart's data as .xlsx. */
export function chartDataUrl(filters: DashboardFilters, chart: DashboardChart): string {
  return withQuery('/api/reports/dashboard/chart.xlsx', { ...filters, chart });
}

/** Link to the annual report file of a year. */
export function annualReportUrl(format: 'xlsx' | 'pdf', year: number, tenant?: number): string {
  return withQuery(`/api/reports/annual.${format}`, { year, tenant });
}

export type YearDifferences = Awaited<ReturnType<typeof import('../../../server/modules/reports/closing.service.ts').findYearDifferences>>;

/** The years the alliance has closed, latest first. */
export function useClosedYears() {
  return useQuery({ queryKey: ['reports', 'closed-years'], queryFn: () => api.get<Awaited<ReturnType<typeof import('../../../server/modules/reports/closing.service.ts').findClosedYears>>>('/api/reports/annual/closed') });
}

/** A closed year's frozen figures beside the live ones, with the organisations that explain each difference. */
export function useYearDifferences(year: number, enabled: boolean) {
  return useQuery({ queryKey: ['reports', 'differences', year], enabled, retry: false, queryFn: () => api.get<YearDifferences>(`/api/reports/annual/${year}/differences`) });
}

/** Closes a year (alliance administrator): its published figures are frozen from then on. */
export function useCloseYear() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (year: number) => api.post<unknown>(`/api/reports/annual/${year}/close`, {}),
    onSuccess: () => client.invalidateQueries({ queryKey: ['reports'] }),
  });
}

export type CommuneBoundaries = Awaited<ReturnType<typeof findBoundaries>>;
export type { BoundaryLoadReport };

/** The boundaries of an alliance's communes (public GeoJSON); not asked for a national view. */
export function useBoundaries(tenant: number | null) {
  return useQuery({
    queryKey: ['boundaries', tenant],
    enabled: tenant !== null,
    staleTime: 5 * 60_000,
    queryFn: () => api.get<CommuneBoundaries>('/api/public/boundaries', { tenant }),
  });
}

/** Loads a boundary file (alliance administrator); the map redraws. */
export function useLoadBoundaries() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: unknown) => api.put<BoundaryLoadReport>('/api/boundaries', file),
    onSuccess: () => client.invalidateQueries({ queryKey: ['boundaries'] }),
  });
}
