import type { Command } from 'commander';
import { register as registerBackup } from './backup.ts';
import { register as registerDb } from './db.ts';
import { register as registerServe } from './serve.ts';
import { register as registerUsers } from './users.ts';
import { register as registerLoansSchedule } from './loans-schedule.ts';
import { register as registerLoansRules } from './loans-rules.ts';
import { register as registerReport } from './report.ts';
import { register as registerImport } from './import.ts';
import { register as registerUpdates } from './updates.ts';

/** Every subcommand file exports a `register(program)`; list them here. */
const registrars: Array<(program: Command) => void> = [registerServe, registerDb, registerUsers, registerLoansSchedule, registerLoansRules, registerImport, registerReport, registerUpdates, registerBackup];

export function registerCommands(program: Command): void {
  for (const register of registrars) register(program);
}
