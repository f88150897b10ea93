/**
 * The domain's words in both languages: legal forms, statuses, sector groups, sectors and the fields of an
 * organisation. Vietnamese comes from src/shared (the words the alliance's documents use); English is here.
 */
import { ORGANISATION_FIELD_LABELS, type OrganisationField } from '../../shared/field-labels.ts';
import { KIND_LABELS, STATUS_LABELS, type Kind, type Status } from '../../shared/organisation-kinds.ts';
import { SECTOR_GROUPS, SECTORS, type SectorGroup } from '../../shared/sectors.ts';

export type Lang = 'vi' | 'en';

const KIND_EN: Record<Kind, string> = {
  HTX: 'Cooperative',
  LHHTX: 'Union of cooperatives',
  THT: 'Cooperative group',
  QTDND: 'People’s credit fund',
};

const STATUS_EN: Record<Status, string> = {
  active: 'Active',
  suspended: 'Suspended',
  stopped: 'Stopped operating',
  not_at_address: 'Not operating at registered address',
  dissolving: 'Dissolving',
  dissolved: 'Dissolved',
  bankrupt: 'Bankrupt',
  revoked: 'Registration revoked',
  converted: 'Converted into a company',
};

const SECTOR_GROUP_EN: Record<SectorGroup, string> = {
  agriculture: 'Agriculture, forestry, fishery',
  non_agriculture: 'Non-agriculture',
  credit_fund: 'People’s credit fund',
};

const SECTOR_EN: Record<string, string> = {
  agriculture: 'Agriculture',
  forestry: 'Forestry',
  fishery: 'Fishery',
  industry_handicraft: 'Industry, handicraft',
  construction: 'Construction',
  transport: 'Transport',
  trade_services: 'Trade, services',
  environment: 'Environment',
  electricity_water: 'Electricity, water',
  credit_fund: 'People’s credit fund',
};

export function kindLabel(kind: string, lang: Lang): string {
  const k = kind as Kind;
  return (lang === 'vi' ? KIND_LABELS[k] : KIND_EN[k]) ?? kind;
}

export function statusLabel(status: string, lang: Lang): string {
  const s = status as Status;
  return (lang === 'vi' ? STATUS_LABELS[s] : STATUS_EN[s]) ?? status;
}

export function sectorGroupLabel(group: string, lang: Lang): string {
  if (lang === 'en') return SECTOR_GROUP_EN[group as SectorGroup] ?? group;
  return SECTOR_GROUPS.find((g) => g.code === group)?.name ?? group;
}

export function sectorLabel(code: string, lang: Lang): string {
  if (lang === 'en') return SECTOR_EN[code] ?? code;
  return SECTORS.find((s) => s.code === code)?.name ?? code;
}

/** The label of a field of an organisation; unknown fields show their code name. */
export function fieldLabel(field: string, lang: Lang): string {
  const labels = ORGANISATION_FIELD_LABELS[field as OrganisationField];
  return labels ? labels[lang === 'vi' ? 0 : 1] : field;
}

/** Colours of status tags: green while active, amber while paused, grey once it has ended. */
export function statusColor(status: string): string {
  if (status === 'active') return 'green';
  if (status === 'suspended' || status === 'stopped' || status === 'not_at_address' || status === 'dissolving') return 'orange';
  return 'default';
}
