import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from '../db/client.ts';
import type { Config } from './config.ts';
import { installErrorHandler, installNotFoundHandler } from './http/error-handler.ts';
import { installSession } from './http/session.ts';
import { installReadRouting } from './http/read-routing.ts';
import { accountsRoutes } from './modules/accounts/accounts.routes.ts';
import { adminUnitsRoutes } from './modules/admin-units/admin-units.routes.ts';
import { cooperativesRoutes } from './modules/cooperatives/cooperatives.routes.ts';
import { reportsRoutes } from './modules/reports/reports.routes.ts';
import { importsRoutes } from './modules/imports/imports.routes.ts';
import { healthRoutes } from './http/health.routes.ts';
import { loansRoutes } from './modules/loans/loans.routes.ts';
import { annualUpdatesRoutes } from './modules/annual-updates/annual-updates.routes.ts';
import { complianceRoutes } from './modules/annual-updates/compliance.routes.ts';
import { updateImportRoutes } from './modules/annual-updates/update-import.routes.ts';
import { difficultiesRoutes } from './modules/difficulties/difficulties.routes.ts';
import { consultationsRoutes } from './modules/consultations/consultations.routes.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { publicDifficultiesRoutes } from './modules/difficulties/public-difficulties.routes.ts';
import { requestsReportRoutes } from './modules/difficulties/requests-report.routes.ts';
import { recommendationsRoutes } from './modules/difficulties/recommendations.routes.ts';
import { portalLibraryRoutes } from './modules/portal/library.routes.ts';
import { awardsRoutes } from './modules/awards/awards.routes.ts';
import { awardProposalsRoutes } from './modules/awards/award-proposals.routes.ts';
import { articlesRoutes } from './modules/portal/articles.routes.ts';
import { categoriesRoutes } from './modules/portal/categories.routes.ts';
import { emulationRoutes } from './modules/emulation/emulation.routes.ts';
import { emulationResultsRoutes } from './modules/emulation/emulation-results.routes.ts';
import { registerWebApp } from './static-assets.ts';
import { publicNotFound, publicPagesRoutes } from './modules/portal/public/public-pages.routes.ts';
import { registryPagesRoutes } from './modules/portal/public/registry-pages.routes.ts';
import { createMailer } from './mail/mailer.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    /** "METHOD /url" of every API route, as registered (the authorization test covers each one). */
    apiRoutes: string[];
  }
}

export type AppOptions = { config: Config; database: Database; webRoot?: string; logger?: boolean };

const defaultWebRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../dist/web');

/** Builds the Fastify app (no listen): API, OpenAPI docs and the web app from dist/web. */
export async function buildApp({ config, database, webRoot = defaultWebRoot, logger = true }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'] } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
  });
  app.decorate('database', database);
  const mailer = createMailer(config.smtpUrl, app.log);
  app.decorate('mailer', mailer);
  app.addHook('onClose', async () => mailer.close());
  const apiRoutes: string[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    for (const method of [route.method].flat()) if (method !== 'HEAD') apiRoutes.push(`${method} ${route.url}`);
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // Ant Design injects its CSS-in-JS styles at run time
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Behind plain HTTP on an office LAN (http://192.168.x.x:3000) upgrading would load nothing.
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: { info: { title: 'Nền tảng Liên minh HTX — API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  installSession(app, config);
  installReadRouting(app, config);
  await app.register(healthRoutes);
  await app.register(accountsRoutes, { config });
  await app.register(adminUnitsRoutes);
  await app.register(cooperativesRoutes);
  await app.register(reportsRoutes);
  await app.register(importsRoutes, { config });
  await app.register(loansRoutes);
  await app.register(annualUpdatesRoutes);
  await app.register(complianceRoutes);
  await app.register(updateImportRoutes, { config });
  await app.register(difficultiesRoutes);
  await app.register(consultationsRoutes);
  await app.register(publicDifficultiesRoutes);
  await app.register(requestsReportRoutes);
  await app.register(calendarRoutes);
  await app.register(recommendationsRoutes);
  await app.register(portalLibraryRoutes);
  await app.register(awardsRoutes);
  await app.register(awardProposalsRoutes);
  await app.register(articlesRoutes);
  await app.register(categoriesRoutes);
  await app.register(emulationRoutes);
  await app.register(emulationResultsRoutes);

  await app.register(publicPagesRoutes, { config });
  await app.register(registryPagesRoutes, { config, webRoot });

  const spa = existsSync(path.join(webRoot, 'index.html'));
  if (spa) await registerWebApp(app, webRoot);
  installNotFoundHandler(app, { spa, page: publicNotFound(config, { spa }) });
  return app;
}
