import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../context';
import { AppError, notFound, unauthorized } from '../../platform/errors';
import { safeEqual } from '../../platform/tokens';
import * as accounts from '../accounts/service';
import type { Actor, PlatformAppActor, UserActor } from './actor';
import { SESSION_COOKIE } from './cookies';
import { actorFromAccessToken, actorFromSessionToken } from './service';

const resolved = new WeakMap<FastifyRequest, Promise<Actor | undefined>>();
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The token a request presents: the `api_access_token` header (or query, as Chatwoot allows). */
function presentedAccessToken(request: FastifyRequest): string | undefined {
  const header = request.headers.api_access_token;
  if (typeof header === 'string' && header !== '') return header;
  const query = (request.query as Record<string, unknown> | undefined)?.api_access_token;
  return typeof query === 'string' && query !== '' ? query : undefined;
}

async function resolveActor(ctx: AppContext, request: FastifyRequest): Promise<Actor | undefined> {
  const accessToken = presentedAccessToken(request);
  if (accessToken !== undefined) {
    const actor = await actorFromAccessToken(ctx, accessToken);
    if (!actor) throw unauthorized('Invalid api_access_token');
    return actor;
  }
  const sessionToken = request.cookies[SESSION_COOKIE];
  if (!sessionToken) return undefined;
  const actor = await actorFromSessionToken(ctx, sessionToken);
  if (actor?.kind === 'user' && actor.via === 'session' && !SAFE_METHODS.has(request.method)) {
    const header = request.headers['x-csrf-token'];
    if (typeof header !== 'string' || !safeEqual(header, actor.session.csrfToken)) {
      throw new AppError('forbidden', 'Missing or invalid CSRF token (send the rh_csrf cookie value in the X-CSRF-Token header)');
    }
  }
  return actor;
}

/** Resolves the caller once per request. */
export function authenticate(ctx: AppContext, request: FastifyRequest): Promise<Actor | undefined> {
  let pending = resolved.get(request);
  if (!pending) {
    pending = resolveActor(ctx, request);
    resolved.set(request, pending);
  }
  return pending;
}

export async function requireUser(ctx: AppContext, request: FastifyRequest): Promise<UserActor> {
  const actor = await authenticate(ctx, request);
  if (!actor) throw unauthorized();
  if (actor.kind !== 'user') throw unauthorized('This endpoint needs a user access token');
  return actor;
}

/**
 * The caller as a member of the account. Anyone who is not a member gets 404, exactly as if the
 * account did not exist, so other accounts' data (even their existence) never leaks.
 */
export async function requireMember(ctx: AppContext, request: FastifyRequest, accountId: number) {
  const actor = await requireUser(ctx, request);
  const membership = await accounts.findMembership(ctx.db, accountId, actor.user.id);
  if (!membership) throw notFound('Account');
  return { actor, membership };
}

export async function requirePlatformApp(ctx: AppContext, request: FastifyRequest): Promise<PlatformAppActor> {
  const actor = await authenticate(ctx, request);
  if (!actor) throw unauthorized();
  if (actor.kind !== 'platform_app') throw unauthorized('This endpoint needs a platform app access token');
  return actor;
}
