import { describe, expect, it } from 'vitest';
import type { Actor } from '../modules/accounts/roles.ts';
import { SessionCache } from './session-cache.ts';

const staff: Actor = { kind: 'user', userId: 'u1', email: 'a@b.vn', role: 'alliance_staff', tenantId: 1, organisationId: null, organisationIds: [], communeCode: null };
const now = 1_000_000;

describe('SessionCache', () => {
  it('keeps a signed-in actor for 15 seconds at most, and never past the session end', () => {
    const cache = new SessionCache();
    cache.put('t1', staff, cache.mark(), now + 60_000, now);
    expect(cache.get('t1', now + 14_999)).toBe(staff);
    expect(cache.get('t1', now + 15_000)).toBeUndefined();
    cache.put('t2', staff, cache.mark(), now + 5_000, now);
    expect(cache.get('t2', now + 4_999)).toBe(staff);
    expect(cache.get('t2', now + 5_000)).toBeUndefined();
  });
  it('does not keep anonymous answers (a login counts at once)', () => {
    const cache = new SessionCache();
    cache.put('t', { kind: 'anonymous' }, cache.mark(), now + 60_000, now);
    expect(cache.get('t', now)).toBeUndefined();
  });
  it('forgets everything on clear, and refuses a read that began before the clear', () => {
    const cache = new SessionCache();
    cache.put('t1', staff, cache.mark(), now + 60_000, now);
    const readBegan = cache.mark();
    cache.clear();
    expect(cache.get('t1', now)).toBeUndefined();
    cache.put('t2', staff, readBegan, now + 60_000, now);
    expect(cache.get('t2', now)).toBeUndefined();
    cache.put('t2', staff, cache.mark(), now + 60_000, now);
    expect(cache.get('t2', now)).toBe(staff);
  });
  it('holds a bounded number of sessions, dropping the oldest', () => {
    const cache = new SessionCache();
    for (let i = 0; i < 2_100; i++) cache.put(`t${i}`, staff, cache.mark(), now + 60_000, now);
    expect(cache.size).toBe(2_000);
    expect(cache.get('t0', now)).toBeUndefined();
    expect(cache.get('t2099', now)).toBe(staff);
  });
});
