import { createHash } from 'node:crypto';

/**
 * The audit trail keys entities by uuid; a plan or a closed year is keyed by its natural key instead, so it
 * gets a stable name-based uuid (SHA-256 of the key, version 5 layout): the same key, the same id.
 */
export function auditEntityId(naturalKey: string): string {
  const hex = createHash('sha256').update(naturalKey).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
