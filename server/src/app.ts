import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, LogController } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from './context';
import { modules } from './modules';
import { installMultipart } from './modules/attachments/multipart';
import { installCable } from './modules/realtime/routes';
import { AppError, presentError } from './platform/errors';
import { installBodyParsers } from './platform/http/body-parsers';
import { installErrorHandler } from './platform/http/error-handler';
import { errorBody } from './platform/http/schemas';
import { webDistFolder } from './paths';

export type BuildAppOptions = {
  /** Serve the built dashboard from web/dist (off in API tests). */
  serveWeb?: boolean;
};

/** The HTTP app: every module's routes, the OpenAPI docs, and the dashboard. */
export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    // Per-request lines only at debug level: at info a busy node would log mostly noise.
    logController: new LogController({ disableRequestLogging: ctx.config.logLevel !== 'debug' && ctx.config.logLevel !== 'trace' }),
    trustProxy: ctx.config.trustProxy,
    requestIdHeader: 'x-request-id',
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    // Malformed URLs (bad percent-encoding, over-long parameters) are caught by the router before
    // any route: give them the one error shape too.
    frameworkErrors: (error, _request, reply) => {
      void (reply as unknown as FastifyReply).status(400).send(presentError(new AppError('bad_request', `Malformed URL: ${error.message}`)));
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  // Responses are shaped by presenters; their schemas document them (and tests check them) but a
  // mismatch must never turn a good answer into a 500.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  installErrorHandler(app);
  installBodyParsers(app);
  await app.register(fastifyCookie);
  await installCable(app, ctx);
  await installMultipart(app, ctx.config);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'RocketHub API',
        version: ctx.version,
        description:
          'Chatwoot-compatible application, platform and auth APIs. Authenticate with the `api_access_token` header (a user token from the profile page, or a platform app token), or with the dashboard session cookie plus the `X-CSRF-Token` header on changes. Every error has the body `{code, message, description, errors[]}`.',
      },
      components: {
        securitySchemes: {
          userApiKey: { type: 'apiKey', in: 'header', name: 'api_access_token' },
          platformAppApiKey: { type: 'apiKey', in: 'header', name: 'api_access_token' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.addHook('onRoute', documentSecurity);
  app.addHook('onRoute', documentCommonErrors);

  for (const module of modules) module.routes?.(app, ctx);

  const serveWeb = options.serveWeb ?? true;
  const webIndex = join(webDistFolder, 'index.html');
  if (serveWeb && existsSync(webIndex)) {
    await app.register(fastifyStatic, { root: webDistFolder, prefix: '/app/', wildcard: false, index: false });
    app.get('/', { schema: { hide: true } }, (_request, reply) => reply.redirect('/app/'));
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (serveWeb && request.method === 'GET' && (path === '/app' || path.startsWith('/app/')) && existsSync(webIndex)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html', webDistFolder);
    }
    return reply.status(404).send(presentError(new AppError('not_found', `No route for ${request.method} ${path}`)));
  });

  return app;
}

const PUBLIC_ROUTES = new Set(['POST /api/v1/accounts', 'GET /api/v1/installation']);

/** Documents which token a route takes: platform routes a platform app's, the rest a user's. */
function documentSecurity(route: { url: string; method: string | string[]; schema?: Record<string, unknown> }) {
  if (!route.schema) return;
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  if (methods.some((m) => PUBLIC_ROUTES.has(`${m} ${route.url}`))) return;
  if (route.url.startsWith('/platform/')) route.schema.security = [{ platformAppApiKey: [] }];
  else if (route.url.startsWith('/api/')) route.schema.security = [{ userApiKey: [] }];
}

/**
 * Every route can answer a few errors that are not its own: malformed input (400/413/415/422 when it
 * takes a body or parameters) and, behind authentication, 401. Document them everywhere at once.
 */
function documentCommonErrors(route: { url: string; method: string | string[]; schema?: Record<string, unknown> }) {
  const schema = route.schema;
  if (!schema || schema.hide) return;
  const responses = { ...(schema.response as Record<string, unknown> | undefined) };
  const add = (status: number) => {
    responses[status] ??= errorBody;
  };
  add(400);
  if (schema.params || schema.querystring || schema.body) add(422);
  if (schema.body) {
    add(413);
    add(415);
  }
  if (schema.security) add(401);
  schema.response = responses;
}
