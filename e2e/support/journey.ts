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
  // The portal shows the alliance the journeys write for (in production: PORTAL_TENANT, else the lowest id).
  const config = { ...loadConfig({ ...process.env, LOG_LEVEL: 'silent' }), portalTenant: TENANT_ID };
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

/** A fresh page signed in through the login API, every console error collected beside the page errors and CSP reports. */
export async function signedInPage(journey: Journey, account: { email: string; password: string }, viewport: { width: number; height: number }): Promise<{ page: Page; problems: string[] }> {
  const { page, problems } = await journey.newPage(viewport);
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  const login = await page.request.post(`${journey.baseUrl}/api/auth/login`, { data: { login: account.email, password: account.password }, headers: { origin: journey.baseUrl } });
  if (login.status() !== 200) throw new Error(`login of ${account.email} answered ${login.status()}`);
  return { page, problems };
}

/**
 * Picks the option of an Ant Design select (its input's selector, e.g. '#proposal-kind') whose text contains `text`,
 * again until the field shows it: the list may open before its options have loaded, or move under the pointer when a
 * message appears beneath the field; clicking the field blindly would close a list that is already open.
 */
export async function chooseOption(page: Page, field: string, text: string, timeout = 30_000): Promise<void> {
  const select = page.locator('.ant-select').filter({ has: page.locator(field) });
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first();
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if ((await select.innerText()).includes(text)) return;
    if (!(await page.locator('.ant-select-dropdown:visible').count())) await select.click();
    await option.click({ timeout: 2_000 }).catch(() => undefined);
    await page.waitForTimeout(150);
  }
  throw new Error(`"${text}" could not be chosen in ${field}`);
}
