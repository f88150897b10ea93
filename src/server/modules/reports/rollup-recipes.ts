/**
 * What a national viewer asked for, written down so that the refresher (rollup-refresher.ts) can ask it again
 * after every change: a recipe names the query (a year's facts in groups that serve every filter), the year and
 * the date. Stored as canonical JSON, one row a recipe, with when it was last asked for.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { queryRows } from './reports.queries.ts';

/** A year's national facts at a date, in groups that serve every filter and breakdown (and the trend's points). */
export type NationalRecipe = { query: 'facts'; year: number; asOf: string };

const Recipe = z.object({ query: z.literal('facts'), year: z.number().int(), asOf: z.string() }).strict();

/** The same recipe always gives the same text: keys in one order. */
export function recipeText(recipe: NationalRecipe): string {
  return JSON.stringify({ query: recipe.query, year: recipe.year, asOf: recipe.asOf });
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

/** Notes that a viewer asked for these recipes now (written at most once an hour a recipe). */
export async function rememberRecipes(db: Db, recipes: NationalRecipe[]): Promise<void> {
  const texts = [...new Set(recipes.map(recipeText))];
  await db.execute(sql`
    insert into report_recipes (recipe) values ${sql.join(texts.map((text) => sql`(${text})`), sql`, `)}
    on conflict (recipe) do update set last_used_at = now()
    where report_recipes.last_used_at < now() - interval '1 hour'`);
}

/** The recipes asked for in the last `days` days, the most recent first. */
export async function recentRecipes(db: Db, days: number): Promise<string[]> {
  const rows = await queryRows<{ recipe: string }>(db, sql`
    select recipe from report_recipes where last_used_at >= now() - make_interval(days => ${days}) order by last_used_at desc, recipe`);
  return rows.map((r) => r.recipe);
}
