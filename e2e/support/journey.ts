/**
 * What every journey needs: the real HTTP app on a random port over a fresh test database, accounts, and
 * Chromium (Debian's, driven by playwright-core) with a watch on page errors and CSP violations.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createUser } from '../../src/server/modules/accounts/accounts.service.ts';
import type { Role } from '../../src/server/modules/accounts/roles.ts';
import { openTestDatabase } from '../../src/test/harness.ts';
import { repoRoot, webRoot } from './web-root.ts';

export const TENANT_ID = 24;
export const PASSWORD = 'mat-khau-thu-nghiem-2025';
export const screenshotDir = path.join(repoRoot, '.tmp/e2e');

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export type Journey = {
  baseUrl: string;
  database: Awaited<ReturnType<typeof openTestDatabase>>;
  browser: Browser;
  /** A fresh browser context (no cookies) with one page; `problems` collects page errors and CSP reports. */
  newPage(viewport?: { width: number; height: number }): Promise<{ page: Page; problems: string[] }>;
  close(): Promise<void>;
};

async function buildServedApp(database: Journey['database']): Promise<FastifyInstance> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  return buildApp({ config, database, logger: false, webRoot });
}

export async function startJourney(): Promise<Journey> {
  mkdirSync(screenshotDir, { recursive: true });
  const database = await openTestDatabase();
  const app = await buildServedApp(database);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    baseUrl: address,
    database,
    browser,
    async newPage(viewport = { width: 1280, height: 800 }) {
      const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
      });
      return { page, problems };
    },
    async close() {
      await browser.close();
      await app.close();
      await database.drop();
    },
  };
}

/** Creates a user who logs in with PASSWORD (tenant 24, the Bắc Ninh alliance). */
export async function createAccount(journey: Journey, role: Role, extra: { organisationRegistrationNumber?: string; communeCode?: string } = {}) {
  const email = `${role.replace('_', '-')}-${Math.random().toString(36).slice(2, 8)}@lienminh.test`;
  await createUser(journey.database.db, { email, password: PASSWORD, role, tenantId: TENANT_ID, ...extra });
  return { email, password: PASSWORD };
}

/** Logs in through the login page, as a person would. */
export async function logIn(page: Page, baseUrl: string, account: { email: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.fill('#email', account.email);
  await page.fill('#password', account.password);
  await page.click('button[type=submit]');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Width of the page beyond the viewport: 0 means no sideways scrolling. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}
