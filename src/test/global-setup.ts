import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { migrateDatabase, openDatabase } from '../db/client.ts';
import { ensureAlliance, loadReferenceData, DEFAULT_ALLIANCE } from '../server/modules/tenants/tenants.service.ts';

export const SECOND_ALLIANCE = { id: 1, provinceCode: '01', name: 'Liên minh HTX thành phố Hà Nội' };

/**
 * Migrates a template database once per run; every test file then starts from a copy of it (PostgreSQL:
 * CREATE DATABASE … TEMPLATE; PGlite: a data-directory dump loaded into a fresh in-memory instance).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const templateName = `coop_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${templateName}`);
    await admin.query(`create database ${templateName}`);
    const templateUrl = withDatabaseName(url, templateName);
    const database = await openDatabase({ databaseUrl: templateUrl });
    await prepare(database);
    await database.close();
    project.provide('templateDatabase', templateName);
    return async () => {
      await admin.query(`drop database if exists ${templateName}`);
      await admin.end();
    };
  }
  const database = await openDatabase({ inMemory: true });
  await prepare(database);
  const dir = path.resolve('.tmp');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `template-${process.pid}.tar`);
  const dump = await database.pglite!.dumpDataDir('none');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('templateDatabase', file);
  return async () => {};
}

async function prepare(database: Awaited<ReturnType<typeof openDatabase>>) {
  await migrateDatabase(database);
  await loadReferenceData(database.db);
  await ensureAlliance(database.db, DEFAULT_ALLIANCE);
  await ensureAlliance(database.db, SECOND_ALLIANCE);
}

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
