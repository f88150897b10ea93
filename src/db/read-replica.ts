import type { QueryConfig } from 'pg';
import pg from 'pg';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import * as schema from './schema.ts';
import type { Db } from './client.ts';

/** The subset of a pino logger the replica reports its state changes to. */
export type ReplicaLog = {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
};

export type ReplicaStatus = 'starting' | 'up' | 'lagging' | 'down' | 'not-a-standby';

export type ReadReplicaOptions = {
  /** The primary's pool: where a read goes when the standby cannot serve it. */
  primary: pg.Pool;
  /** The standby's pool (src/db/client.ts openReadPool). */
  standby: pg.Pool;
  /** A second, one-connection pool on the standby for the health checks (kept apart from the reads'). */
  checks: pg.Pool;
  log: ReplicaLog;
  /** Replay lag above which reads go to the primary. */
  maxLagMs: number;
  /** How often the lag is measured while the standby is up (the back-off after an outage starts there). */
  checkEveryMs?: number;
  /** Longest wait between two attempts while the standby is down. */
  maxBackoffMs?: number;
};

export type ReadReplica = {
  /** Drizzle over a pool that sends each query to the standby while it is usable, else to the primary. */
  db: Db;
  /** Up, caught up within the lag limit, and measured recently. */
  usable(): boolean;
  /** `fallbacks`: queries the standby failed and the primary answered. */
  state(): { status: ReplicaStatus; lagMs: number | null; checkedAt: number | null; fallbacks: number };
  /** How long after a write its writer must read from the primary to see it (lag limit + checks' delay). */
  readYourWritesMs: number;
  /** Measures now (the background loop does it on its own). */
  check(): Promise<void>;
  close(): Promise<void>;
};

/** A primary's WAL position at a moment: everything committed before `at` is at or below `lsn`. */
export type WalSample = { lsn: bigint; at: number };

/** "16/B374D848" → a number that compares like the position. */
export function parseLsn(text: string): bigint {
  const [high, low] = text.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

/**
 * How stale the standby is: the time since the latest primary sample it has replayed. The standby holds every
 * commit made before that sample, so this over-estimates its lag, never under-estimates it. Unlike
 * `now() - pg_last_xact_replay_timestamp()` it does not grow on an idle primary. Null when no sample kept is
 * replayed yet (the lag is at least as old as the oldest sample: too old to trust).
 */
export function stalenessMs(samples: readonly WalSample[], replayed: bigint, now: number): number | null {
  for (let i = samples.length - 1; i >= 0; i--) {
    if (samples[i]!.lsn <= replayed) return now - samples[i]!.at;
  }
  return null;
}

export type StandbyFailure = 'outage' | 'recovery-conflict' | 'write' | 'other';

const OUTAGE_CODES = new Set(['57P01', '57P02', '57P03', '57P04', '53300', '3D000', '28000', '28P01']);

/**
 * What a failed query on the standby means. An outage (the server gone, starting, in crash recovery, refusing
 * connections) sends reads to the primary until a check finds it back; a recovery conflict cancels one query
 * (replayed WAL removed rows it needed); a write attempt is a bug of the caller (a GET must not write). Anything
 * else would fail on the primary too.
 */
export function classifyStandbyFailure(error: unknown): StandbyFailure {
  const e = error as { code?: unknown; severity?: unknown; message?: unknown };
  if (typeof e?.severity !== 'string') return 'outage'; // not an answer of the server: a socket or pool error
  const code = typeof e.code === 'string' ? e.code : '';
  if (code.startsWith('08') || OUTAGE_CODES.has(code)) return 'outage';
  if (code === '40001' || code === '40P01') return 'recovery-conflict';
  if (code === '25006') return 'write';
  return 'other';
}

type QueryArgs = [config: string | QueryConfig, values?: unknown[]];

/** Opens the routing pool and starts measuring the standby in the background. */
export function openReadReplica(options: ReadReplicaOptions): ReadReplica {
  const { primary, standby, checks, log, maxLagMs } = options;
  const checkEveryMs = options.checkEveryMs ?? 1000;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  // A verdict older than this is not trusted: the loop is stuck (a check hangs), so read from the primary.
  const verdictTtlMs = 3 * checkEveryMs;
  let status: ReplicaStatus = 'starting';
  let lagMs: number | null = null;
  let checkedAt: number | null = null;
  let backoffMs = checkEveryMs;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let samples: WalSample[] = [];
  let fallbacks = 0;

  const usable = () => status === 'up' && checkedAt !== null && Date.now() - checkedAt <= verdictTtlMs;

  function setStatus(next: ReplicaStatus, details: object) {
    if (next === status || closed) return;
    const previous = status;
    status = next;
    // One line per change of state, not per request: an outage is reported once, and so is its end.
    if (next === 'up') log.info({ ...details, previous }, 'Bản sao đọc (DATABASE_READ_URL) đang phục vụ các truy vấn đọc / read replica serving reads');
    else if (next === 'down') log.warn(details, 'Bản sao đọc không truy cập được: đọc từ CSDL chính cho đến khi nó trở lại / read replica unreachable: reading from the primary until it is back');
    else if (next === 'lagging') log.warn(details, 'Bản sao đọc chậm hơn giới hạn: đọc từ CSDL chính / read replica lags behind the limit: reading from the primary');
    else if (next === 'not-a-standby') log.warn(details, 'DATABASE_READ_URL không phải một máy chủ dự phòng (pg_is_in_recovery = false): không dùng / DATABASE_READ_URL is not a standby: not used');
  }

  function markDown(error: unknown) {
    lagMs = null;
    setStatus('down', { error: error instanceof Error ? error.message : String(error) });
  }

  async function check(): Promise<void> {
    const at = Date.now();
    let lsn: bigint;
    try {
      const { rows } = await primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
      lsn = parseLsn(rows[0]!.lsn);
    } catch {
      return; // the primary itself is unreachable: no verdict; the last one expires and reads stay on the primary
    }
    samples.push({ lsn, at });
    const keepFrom = Date.now() - maxLagMs - 2 * verdictTtlMs;
    samples = samples.filter((s, i) => s.at >= keepFrom || i === samples.length - 1);
    let row: { recovery: boolean; replayed: string | null };
    try {
      const result = await checks.query<{ recovery: boolean; replayed: string | null }>(
        'select pg_is_in_recovery() as recovery, pg_last_wal_replay_lsn()::text as replayed',
      );
      row = result.rows[0]!;
    } catch (error) {
      markDown(error); // unreachable, or refusing us (a password, a missing database): either way unusable for now
      return;
    }
    checkedAt = Date.now();
    if (!row.recovery || row.replayed === null) {
      setStatus('not-a-standby', {});
      return;
    }
    lagMs = stalenessMs(samples, parseLsn(row.replayed), checkedAt);
    if (lagMs !== null && lagMs <= maxLagMs) setStatus('up', { lagMs });
    else setStatus('lagging', { lagMs, maxLagMs });
  }

  function schedule() {
    if (closed) return;
    const delay = status === 'down' ? backoffMs : checkEveryMs;
    timer = setTimeout(() => {
      check()
        .catch((error: unknown) => log.error({ error: String(error) }, 'read replica check failed'))
        .finally(() => {
          backoffMs = status === 'down' ? Math.min(maxBackoffMs, backoffMs * 2) : checkEveryMs;
          schedule();
        });
    }, delay);
    timer.unref();
  }

  async function fallBack<T>(error: unknown, onPrimary: () => Promise<T>, statement: string): Promise<T> {
    const failure = classifyStandbyFailure(error);
    if (failure === 'other') throw error;
    if (failure === 'outage') markDown(error);
    fallbacks++;
    if (failure === 'write') log.error({ statement: statement.slice(0, 200) }, 'a read tried to write on the read replica (retried on the primary): a GET must not write');
    return onPrimary();
  }

  /** pg.Pool's query and connect, routed (drizzle needs "Pool" in the class name to run transactions on a client). */
  class ReadRoutingPool {
    async query(...args: QueryArgs): Promise<pg.QueryResult> {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const run = (pool: pg.Pool) => pool.query(...(args as [any, any]));
      if (!usable()) return run(primary);
      try {
        return await run(standby);
      } catch (error) {
        return fallBack(error, () => run(primary), typeof args[0] === 'string' ? args[0] : args[0].text);
      }
    }

    // A transaction stays on the server it began on: one that loses the standby midway fails.
    async connect(): Promise<pg.PoolClient> {
      if (!usable()) return primary.connect();
      try {
        return await standby.connect();
      } catch (error) {
        return fallBack(error, () => primary.connect(), 'connect');
      }
    }
  }

  standby.on('error', markDown); // an idle connection lost: the server went away
  checks.on('error', markDown);
  const db = drizzlePg(new ReadRoutingPool() as unknown as pg.Pool, { schema }) as unknown as Db;
  void check()
    .catch((error: unknown) => log.error({ error: String(error) }, 'read replica check failed'))
    .finally(schedule);

  return {
    db,
    usable,
    state: () => ({ status, lagMs, checkedAt, fallbacks }),
    readYourWritesMs: maxLagMs + verdictTtlMs + 1000,
    check,
    async close() {
      closed = true;
      clearTimeout(timer);
      await Promise.all([standby.end(), checks.end()]);
    },
  };
}
