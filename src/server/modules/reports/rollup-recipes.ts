/**
 * What a national viewer asked for, written down so that the refresher (rollup-refresher.ts) can ask it again
 * after every change: a recipe names the query (a year's facts in groups, or the ten-year trend), the year, the
 * date and the trend's filters. Stored as canonical JSON, one row a recipe, with when it was last asked for.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { queryRows, type FactFilters } from './reports.queries.ts';

/** A year's facts at a date (every breakdown, with any filter), or the ten-year trend with its filters. */
export type NationalRecipe = { query: 'facts'; year: number; asOf: string } | { query: 'trend'; year: number; asOf: string; filters: FactFilters };

const Filters = z.object({ kind: z.string(), sectorGroup: z.string(), sector: z.string(), area: z.string() }).partial().strict();
const Recipe = z.discriminatedUnion('query', [
  z.object({ query: z.literal('facts'), year: z.number().int(), asOf: z.string() }).strict(),
  z.object({ query: z.literal('trend'), year: z.number().int(), asOf: z.string(), filters: Filters }).strict(),
]);

/** The same recipe always gives the same text: keys in one order, filters that are not set left out. */
export function recipeText(recipe: NationalRecipe): string {
  if (recipe.query === 'facts') return JSON.stringify({ query: recipe.query, year: recipe.year, asOf: recipe.asOf });
  const { kind, sectorGroup, sector, area } = recipe.filters;
  const filters = Object.fromEntries(Object.entries({ kind, sectorGroup, sector, area }).filter(([, v]) => v !== undefined && v !== ''));
  return JSON.stringify({ query: recipe.query, year: recipe.year, asOf: recipe.asOf, filters });
}

/** A stored recipe read back; undefined when it is not one (written by another release). */
export function parseRecipe(text: string): NationalRecipe | undefined {
  try {
    const parsed = Recipe.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Notes that a viewer asked for this recipe now (written at most once an hour a recipe). */
export async function rememberRecipe(db: Db, recipe: NationalRecipe): Promise<void> {
  await db.execute(sql`
    insert into report_recipes (recipe) values (${recipeText(recipe)})
    on conflict (recipe) do update set last_used_at = now()
    where report_recipes.last_used_at < now() - interval '1 hour'`);
}

/** The recipes asked for in the last `days` days, the most recent first. */
export async function recentRecipes(db: Db, days: number): Promise<string[]> {
  const rows = await queryRows<{ recipe: string }>(db, sql`
    select recipe from report_recipes where last_used_at >= now() - make_interval(days => ${days}) order by last_used_at desc, recipe`);
  return rows.map((r) => r.recipe);
}
