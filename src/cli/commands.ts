import type { Command } from 'commander';

type Loader = () => Promise<{ register(program: Command): void }>;

// Every subcommand file exports a `register(program)`. A file is loaded only when its command is asked for:
// `coop updates status` need not load (and compile, through tsx) the web server, the importer and the loan book.
const serve: Loader = () => import('./serve.ts');
const db: Loader = () => import('./db.ts');
const users: Loader = () => import('./users.ts');
const loansSchedule: Loader = () => import('./loans-schedule.ts');
const loansRules: Loader = () => import('./loans-rules.ts');
const importFiles: Loader = () => import('./import.ts');
const report: Loader = () => import('./report.ts');
const updates: Loader = () => import('./updates.ts');
const requests: Loader = () => import('./requests.ts');
const backup: Loader = () => import('./backup.ts');
const portal: Loader = () => import('./portal.ts');
const awards: Loader = () => import('./awards.ts');

/** The top-level commands and the files that define them, in the order `coop --help` lists them. */
const COMMANDS: Record<string, Loader[]> = {
  serve: [serve],
  start: [serve],
  db: [db],
  users: [users],
  loans: [loansSchedule, loansRules],
  import: [importFiles],
  report: [report],
  plan: [report],
  updates: [updates],
  requests: [requests],
  portal: [portal],
  backup: [backup],
  restore: [backup],
  awards: [awards],
};

/** Registers the command named on the command line, or every command (help, a typo). */
export async function registerCommands(program: Command, args: readonly string[] = process.argv.slice(2)): Promise<void> {
  const name = args.find((arg) => !arg.startsWith('-'));
  const wanted = name !== undefined && COMMANDS[name] ? COMMANDS[name] : Object.values(COMMANDS).flat();
  for (const load of new Set(wanted)) (await load()).register(program);
}
