/**
 * Keeps the national roll-up's parts current in the background, so that a national viewer reads stored parts
 * instead of counting the country (0.2–0.9 s a query on PGlite, bench/README.md).
 *
 * A recipe is a year's national facts at a date, in groups that serve every filter, breakdown and trend point.
 * A refresh asks again every recipe a viewer asked for in the last 30 days, and the default views (the national
 * dashboard of the year it opens on and of the year before: the facts of eleven year ends). Each recipe with
 * stale parts recomputes them, alliance by alliance. It then forgets older recipes, and parts no recipe reads (those of
 * a former release, whose queries had other keys).
 *
 * The server refreshes once at start (after a release every part is new) and whenever an alliance's revision
 * moves on (checked every 10 seconds: one read of report_revisions), so a change is in the national figures'
 * stored parts within seconds of its commit, computed before anyone asks.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { defaultReportYear, endOfYear, todayIso } from '../../../shared/dates.ts';
import { cubePartKey, nationalCube } from './annual-report.service.ts';
import { TREND_YEARS } from './dashboard.service.ts';
import { staleParts, textArray } from './national-rollup.ts';
import { queryRows } from './reports.queries.ts';
import { parseRecipe, recentRecipes, recipeText, type NationalRecipe } from './rollup-recipes.ts';

/** How long a recipe no viewer asks for is kept fresh. */
export const RECIPE_DAYS = 30;

/** The national dashboard of a year: the facts of its year, of the previous year, and of the trend's ten. */
export function dashboardRecipes(year: number): NationalRecipe[] {
  return Array.from({ length: TREND_YEARS + 1 }, (_, i) => year - TREND_YEARS + i).map((y) => ({ query: 'facts', year: y, asOf: endOfYear(y) }));
}

/** What a national viewer most likely opens: the dashboard of the year it opens on and of the year before. */
export function defaultRecipes(year: number): NationalRecipe[] {
  const recipes = new Map<string, NationalRecipe>();
  for (const recipe of [...dashboardRecipes(year), ...dashboardRecipes(year - 1)]) recipes.set(recipeText(recipe), recipe);
  return [...recipes.values()];
}

/** The key of a recipe's parts. */
export const recipePartKey = (recipe: NationalRecipe): string => cubePartKey(recipe.year, recipe.asOf);

/** Recipes kept fresh, those that had stale parts, and what was forgotten. */
export type RefreshResult = { recipes: number; recomputed: number; forgottenRecipes: number; forgottenParts: number };

/**
 * Recomputes the stale parts of every recent recipe and of the default views, then forgets the rest. With
 * `readAll` (the server's first refresh) the parts still current are read too, into this process's memory.
 */
export async function refreshRollup(db: Db, { today = todayIso(), signal, readAll = false }: { today?: string; signal?: AbortSignal; readAll?: boolean } = {}): Promise<RefreshResult> {
  const [{ alliances } = { alliances: 0 }] = await queryRows<{ alliances: number }>(db, sql`select count(*)::int as alliances from alliances`);
  // With one alliance nobody needs a national view: only what was asked for is kept.
  const defaults = alliances > 1 ? defaultRecipes(defaultReportYear(today)) : [];
  const recipes = new Map<string, NationalRecipe>();
  for (const recipe of defaults) recipes.set(recipeText(recipe), recipe);
  for (const text of await recentRecipes(db, RECIPE_DAYS)) {
    const recipe = parseRecipe(text);
    if (recipe) recipes.set(recipeText(recipe), recipe);
  }
  const startedAt = (await queryRows<{ now: string }>(db, sql`select now()::text as now`))[0]!.now;
  const keyed = [...recipes.values()].map((recipe) => ({ recipe, key: recipePartKey(recipe) }));
  const keys = keyed.map((k) => k.key);
  const stale = await staleParts(db, keys);
  let recomputed = 0;
  for (const { recipe, key } of keyed) {
    if (!stale.has(key) && !readAll) continue;
    // Stopping (the server shuts down) does not wait for the rest: what is left is computed when asked for.
    if (signal?.aborted) return { recipes: recipes.size, recomputed, forgottenRecipes: 0, forgottenParts: 0 };
    // Alliance by alliance: no statement of the refresher holds the database long while a viewer waits.
    await nationalCube(db, recipe.year, recipe.asOf);
    if (stale.has(key)) recomputed += 1;
  }
  const forgottenRecipes = await queryRows(db, sql`
    delete from report_recipes where last_used_at < now() - make_interval(days => ${RECIPE_DAYS}) returning 1`);
  // Parts computed since the refresh began may belong to a recipe asked for meanwhile: they stay.
  const forgottenParts = await queryRows(db, sql`
    delete from report_parts
    where key <> all(${textArray(keys)}) and computed_at < ${startedAt}::timestamptz
    returning 1`);
  return { recipes: recipes.size, recomputed, forgottenRecipes: forgottenRecipes.length, forgottenParts: forgottenParts.length };
}

type Log = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };

/**
 * Refreshes at once, then whenever the alliances' revisions (or the day) change, checking every `intervalMs`.
 * One refresh at a time, and a refresh that took T waits 9 T (`restFactor`) before the next one: under a stream
 * of changes the refresher takes at most a tenth of the database's time. stop() waits for the step under way.
 */
export function startRollupRefresher(
  db: Db,
  { intervalMs = 10_000, restFactor = 9, log }: { intervalMs?: number; restFactor?: number; log: Log },
): { stop(): Promise<void> } {
  let seen: string | undefined;
  let running: Promise<void> = Promise.resolve();
  let restUntil = 0;
  const stopping = new AbortController();
  const tick = async () => {
    if (stopping.signal.aborted || performance.now() < restUntil) return;
    const [state] = await queryRows<{ revisions: string }>(db, sql`select coalesce(sum(revision), 0)::text || '/' || count(*) as revisions from report_revisions`);
    const signature = `${state?.revisions}/${todayIso()}`;
    if (signature === seen) return;
    const started = performance.now();
    const result = await refreshRollup(db, { signal: stopping.signal, readAll: seen === undefined });
    if (stopping.signal.aborted) return;
    seen = signature;
    const ms = performance.now() - started;
    restUntil = performance.now() + restFactor * ms;
    log.info({ ...result, ms: Math.round(ms) }, 'national roll-up refreshed');
  };
  const schedule = () => {
    running = running.then(tick).catch((error: unknown) => log.warn({ err: error }, 'national roll-up refresh failed'));
  };
  schedule();
  const timer = setInterval(schedule, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopping.abort();
      clearInterval(timer);
      await running;
    },
  };
}
