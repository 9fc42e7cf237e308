import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { BODY_LIMIT_BYTES } from '@mentor/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Logger as PinoLogger } from 'pino';
import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { securityHeaders } from './common/security-headers';
import { PinoNestLogger } from './common/logger';
import { ProblemFilter, sendClientError, sendProblem } from './common/problem.filter';
import { createValidationPipe, ObjectBodyPipe, SafeInputPipe } from './common/validation';
import { setupOpenApi } from './common/openapi';
import { registerUploadParsers } from './common/upload';
import { assertRestrictedLogin, prepareDatabase } from './database/app-role';
import { runInTenantScope } from './database/tenant-context';

const frameworkLogger = new Logger('Fastify');

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** A client's X-Request-Id is kept when it is a plain token; otherwise a new one is made. */
function requestId(request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

export interface CreateAppOptions {
  config: AppConfig;
  databaseUrl: string;
  logger: PinoLogger;
  /** Sees every SQL statement (tests count them). */
  queryLogger?: TypeOrmLogger;
}

/** Content-Security-Policy: no inline or eval'd script; Angular's component styles need inline styles. */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Builds the whole API (migrated, configured, initialised) without listening; main and tests share it. */
export async function createApp({
  config,
  databaseUrl,
  logger,
  queryLogger,
}: CreateAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    // Requests are logged by the hooks below, with the route pattern instead of the raw URL.
    logger: false,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    requestIdHeader: false,
    genReqId: requestId,
    // A malformed %-escape or an over-long path segment is refused by the router before any route
    // (and so before Nest's filters): answer it as problem+json too.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) =>
      sendProblem(error, request, reply, frameworkLogger),
    // Requests Node's HTTP parser refuses (headers or URL over 16 KB...) likewise.
    clientErrorHandler: sendClientError,
  });
  // Migrations run as DATABASE_URL's role, the tables' owner; requests run as a login row-level
  // security holds (see database/app-role.ts).
  const requestDatabaseUrl = await prepareDatabase(config, databaseUrl);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(config, requestDatabaseUrl, queryLogger),
    adapter,
    {
      logger: new PinoNestLogger(logger),
      // Fastify's own JSON parser only: Nest's would add form bodies (see below).
      bodyParser: false,
    },
  );
  const fastify = app.getHttpAdapter().getInstance();
  // A JSON API: plain text and form posts, what another site's page may send without asking first
  // (CSRF), are refused with 415 like any other type, on every route.
  fastify.removeContentTypeParser('text/plain');
  // File uploads: only routes declaring @AcceptUpload take them, each with its own limit.
  registerUploadParsers(fastify);

  const headers = securityHeaders({
    contentSecurityPolicy: { directives: CSP_DIRECTIVES },
    crossOriginEmbedderPolicy: false,
  });
  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    void reply.headers(headers).header('X-Request-Id', request.id);
    // The access guard narrows this scope to the user's municipality (database/tenant-context.ts).
    runInTenantScope(done);
  });
  // The route pattern, never the raw URL: paths and queries may carry personal data.
  fastify.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    logger.info(
      {
        reqId: request.id,
        method: request.method,
        route: request.routeOptions.url ?? '(unmatched)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });

  app.setGlobalPrefix('api');
  app.useGlobalPipes(new ObjectBodyPipe(), new SafeInputPipe(), createValidationPipe());
  const webDist = resolve(config.WEB_DIST_DIR);
  const serveWeb = existsSync(resolve(webDist, 'index.html'));
  app.useGlobalFilters(new ProblemFilter(serveWeb ? webDist : undefined));
  if (serveWeb) {
    app.useStaticAssets({
      root: webDist,
      prefix: '/',
      wildcard: false,
      cacheControl: false,
      setHeaders: (res, path) => {
        // Hashed bundles never change; index.html must always be revalidated.
        const hashed = /[-.][A-Z0-9]{8,}\.(js|css|woff2?|ttf|svg|png)$/i.test(path);
        // @fastify/static 10 hands over the Fastify reply, although Nest's type says a Node response.
        (res as unknown as FastifyReply).header(
          'Cache-Control',
          hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  setupOpenApi(app);

  await app.init();
  await assertRestrictedLogin(app.get(DataSource));
  return app;
}
