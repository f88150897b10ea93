/**
 * The sweep of scheduled articles (decision 009): `coop serve` publishes those whose time has come every 30
 * seconds. The public reads honour publishAt by themselves, so the sweep only makes the state (lists, versions,
 * audit, the portal version) catch up; several servers sweeping at once publish each article once.
 */
import type { Database } from '../../../db/client.ts';
import { publishDueArticles } from './article-states.ts';

type Log = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };

/** Starts the sweep; stop() waits for a sweep under way. */
export function startScheduledPublishing(database: Database, { log, intervalMs = 30_000 }: { log: Log; intervalMs?: number }): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    if (stopped) return;
    running = running
      .then(async () => {
        const published = await publishDueArticles(database.db);
        if (published > 0) log.info({ published }, 'scheduled articles published');
      })
      .catch((error: unknown) => log.warn({ err: error }, 'scheduled publishing failed'));
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  run();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
