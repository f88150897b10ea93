/**
 * The actors of recent sessions, kept in memory on the embedded engine so that a page's repeated requests (a 304
 * of the dashboard, the registry's next page) do not read the session, the account and its organisations every
 * time. It is exact, not merely short-lived: on PGlite this process is the database's only writer (decision 001:
 * the data directory is locked), and every request that may change a session or an account (any method but GET,
 * HEAD and OPTIONS) empties the cache when it has answered. A read that began before such a write cannot put back
 * what it read (the generation check). An entry also ends with its session's absolute limit and after
 * CACHE_FOR_MS, after which the database decides again (idle limit, last-seen time).
 */
import type { Actor } from '../modules/accounts/roles.ts';

const CACHE_FOR_MS = 15_000;
const MAX_ENTRIES = 2_000;

type Entry = { actor: Actor; validUntil: number };

export class SessionCache {
  private entries = new Map<string, Entry>();
  private generation = 0;

  /** The cached actor of a token, if still valid. */
  get(token: string, now = Date.now()): Actor | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.validUntil <= now) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.actor;
  }

  /** A mark taken before reading the session from the database; `put` ignores a read older than the last clear. */
  mark(): number {
    return this.generation;
  }

  /** Keeps a signed-in actor read from the database (anonymous answers are not kept: a login must count at once). */
  put(token: string, actor: Actor, mark: number, sessionExpiresAt: number, now = Date.now()): void {
    if (actor.kind !== 'user' || mark !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { actor, validUntil: Math.min(now + CACHE_FOR_MS, sessionExpiresAt) });
  }

  /** Forgets every session: something may have changed one (a logout, a disabled account, a new role). */
  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
