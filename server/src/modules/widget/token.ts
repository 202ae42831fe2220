import { createHmac } from 'node:crypto';
import { safeEqual } from '../../platform/tokens';

/**
 * The visitor's widget session token (Chatwoot's `X-Auth-Token`): `<payload>.<signature>`, both
 * base64url, the payload `{source_id, inbox_id}` and the signature HMAC-SHA256 of the payload with a
 * key derived from the installation secret. It names a contact session; it grants nothing else.
 */
export type WidgetTokenClaims = { sourceId: string; inboxId: number };

const keyCache = new Map<string, Buffer>();
function keyFor(secretKeyBase: string): Buffer {
  let key = keyCache.get(secretKeyBase);
  if (!key) {
    key = createHmac('sha256', secretKeyBase).update('rockethub/widget-token/v1').digest();
    keyCache.set(secretKeyBase, key);
  }
  return key;
}

const sign = (secretKeyBase: string, payload: string) => createHmac('sha256', keyFor(secretKeyBase)).update(payload).digest('base64url');

export function signWidgetToken(secretKeyBase: string, claims: WidgetTokenClaims): string {
  const payload = Buffer.from(JSON.stringify({ source_id: claims.sourceId, inbox_id: claims.inboxId })).toString('base64url');
  return `${payload}.${sign(secretKeyBase, payload)}`;
}

/** The claims of a well-formed token signed by this installation; undefined for anything else. */
export function verifyWidgetToken(secretKeyBase: string, token: string | undefined): WidgetTokenClaims | undefined {
  if (!token || token.length > 1000) return undefined;
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return undefined;
  if (!safeEqual(signature, sign(secretKeyBase, payload))) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { source_id?: unknown; inbox_id?: unknown };
    if (typeof claims.source_id !== 'string' || typeof claims.inbox_id !== 'number' || !Number.isSafeInteger(claims.inbox_id)) return undefined;
    return { sourceId: claims.source_id, inboxId: claims.inbox_id };
  } catch {
    return undefined;
  }
}
