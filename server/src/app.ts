// Assembles the HTTP application: plugins, hooks, the module routes, OpenAPI and the web app.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import type { Db } from './db/database.ts';
import { installAuthHooks, isPublicPath } from './http/auth-hooks.ts';
import { installErrorHandler } from './http/error-handler.ts';
import { AppError } from './http/errors.ts';
import type { ZodApp } from './http/types.ts';
import { createFieldCipher } from './lib/field-cipher.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { cadreRoutes } from './modules/cadres/cadres.routes.ts';
import { importRoutes } from './modules/imports/imports.routes.ts';
import { orgRoutes } from './modules/orgs/orgs.routes.ts';
import { systemRoutes } from './modules/system/system.routes.ts';
import { VERSION } from './modules/system/system.service.ts';
import { userRoutes } from './modules/users/users.routes.ts';
import { programsRoutes } from './modules/programs/programs.routes.ts';
import { timetableRoutes } from './modules/timetable/timetable.routes.ts';
import { attendanceRoutes } from './modules/attendance/attendance.routes.ts';
import { hoursRoutes } from './modules/hours/hours.routes.ts';
import { feedbackRoutes } from './modules/feedback/feedback.routes.ts';
import { closeoutRoutes } from './modules/closeout/closeout.routes.ts';
import { selectionRoutes } from './modules/selection/selection.routes.ts';
import { formationRoutes } from './modules/formation/formation.routes.ts';
import { placementRoutes } from './modules/placement/placement.routes.ts';
import { practicumRoutes } from './modules/practicum/practicum.routes.ts';
import { problemsRoutes } from './modules/problems/problems.routes.ts';
import { topicsRoutes } from './modules/topics/topics.routes.ts';
import { milestonesRoutes } from './modules/milestones/milestones.routes.ts';
import { resultsRoutes } from './modules/results/results.routes.ts';
import { evaluationRoutes } from './modules/evaluation/evaluation.routes.ts';
import { branchRoutes } from './modules/branch/branch.routes.ts';
import { traceRoutes } from './modules/trace/trace.routes.ts';
import { createServices, type Services } from './services.ts';

export interface BuildOptions {
  config: Config;
  db: Db;
  /** Serve the built web app (off in HTTP tests). */
  serveWeb?: boolean;
  logger?: boolean;
}

export interface BuiltApp {
  app: FastifyInstance;
  services: Services;
  /** Every (method, url) registered, for the authorization matrix test. */
  routes: { method: string; url: string; public: boolean }[];
}

const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

export const ROUTE_MODULES = [
  systemRoutes,
  authRoutes,
  orgRoutes,
  userRoutes,
  cadreRoutes,
  importRoutes,
  auditRoutes,
  programsRoutes,
  timetableRoutes,
  attendanceRoutes,
  hoursRoutes,
  feedbackRoutes,
  closeoutRoutes,
  selectionRoutes,
  formationRoutes,
  placementRoutes,
  practicumRoutes,
  problemsRoutes,
  topicsRoutes,
  milestonesRoutes,
  resultsRoutes,
  evaluationRoutes,
  branchRoutes,
  traceRoutes,
];

export async function buildApp(options: BuildOptions): Promise<BuiltApp> {
  const { config, db } = options;
  const ctx: AppContext = { config, db, cipher: createFieldCipher(config.DATA_KEY) };
  const services = createServices(ctx);
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.LOG_LEVEL, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    bodyLimit: 1_048_576,
    // A hop count becomes a trust function (Fastify's types accept booleans, lists and functions).
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // Responses are built by presenters from typed rows; plain JSON.stringify is ~5× faster than re-validating.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  const routes: BuiltApp['routes'] = [];
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const method of methods) if (method !== 'HEAD') routes.push({ method, url: r.url, public: r.config?.public === true || isPublicPath(r.url) });
  });

  const webRoot = resolve(config.WEB_DIST);
  const serveWeb = options.serveWeb !== false && existsSync(resolve(webRoot, 'index.html'));
  installErrorHandler(app, { spa: serveWeb });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('RATE_LIMITED', '请求过于频繁，请稍后再试'),
  });
  await app.register(multipart, { limits: { fileSize: config.UPLOAD_MAX_MB * 1_048_576, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Duibiao 对标 API', version: VERSION },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'duibiao_sid' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  installAuthHooks(app, services.auth);

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());
  for (const register of ROUTE_MODULES) register(app as unknown as ZodApp, services);

  // Hashed asset names make long caching safe; index.html must be revalidated so a new build is picked up.
  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: true,
      maxAge: '7d',
      setHeaders: (res, path) => {
        if (path.endsWith('index.html')) void res.header('cache-control', 'no-cache');
      },
    });
  }
  await app.ready();
  return { app, services, routes };
}
