import type { FastifyReply } from 'fastify';
import type { Config } from '../../config';
import type { SessionSecrets } from './service';

export const SESSION_COOKIE = 'rh_session';
/** Readable by the dashboard's script, which echoes it in X-CSRF-Token (double submit). */
export const CSRF_COOKIE = 'rh_csrf';

function base(config: Config) {
  return { path: '/', sameSite: 'lax' as const, secure: config.frontendUrl.startsWith('https://') };
}

export function setSessionCookies(reply: FastifyReply, config: Config, session: SessionSecrets): void {
  reply.setCookie(SESSION_COOKIE, session.token, { ...base(config), httpOnly: true, expires: session.expiresAt });
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...base(config), httpOnly: false, expires: session.expiresAt });
}

export function clearSessionCookies(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, { ...base(config), httpOnly: true });
  reply.clearCookie(CSRF_COOKIE, { ...base(config), httpOnly: false });
}
