import { createHmac } from 'node:crypto';

const TIMEOUT_MS = 10_000;
const MAX_REDIRECTS = 3;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** `sha256=<hex>`: HMAC-SHA256 of `<timestamp>.<body>` with the inbox's HMAC token. */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export type SignedPost = {
  url: string;
  body: string;
  secret: string;
  headers: Record<string, string>;
};

/**
 * POSTs a signed JSON body. Anything but a 2xx answer, a network error or 10 s without an answer
 * throws, so the outbox retries. Redirects are followed only on the same host (an inbox's URL must
 * not become a way to reach another one), re-posting the same body.
 */
export async function postSigned({ url, body, secret, headers }: SignedPost): Promise<void> {
  const origin = new URL(url);
  const timestamp = Math.floor(Date.now() / 1000);
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  let target = origin;
  for (let redirects = 0; ; redirects += 1) {
    let response: Response;
    try {
      response = await fetch(target, {
        method: 'POST',
        body,
        redirect: 'manual',
        signal,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'x-rockethub-timestamp': String(timestamp),
          'x-rockethub-signature': webhookSignature(secret, timestamp, body),
        },
      });
    } catch (error) {
      const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      throw new Error(`webhook POST to ${target.host} failed: ${reason}`, { cause: error });
    }
    // The answer's body is not used: release the connection.
    await response.body?.cancel().catch(() => {});
    if (response.status >= 200 && response.status < 300) return;
    const location = response.headers.get('location');
    if (!REDIRECT_STATUSES.has(response.status) || !location) throw new Error(`webhook at ${target.host} answered HTTP ${response.status}`);
    const next = new URL(location, target);
    if (next.hostname !== origin.hostname || (next.protocol !== 'http:' && next.protocol !== 'https:')) {
      throw new Error(`webhook at ${target.host} redirected to ${next.host}: redirects to another host are not followed`);
    }
    if (redirects >= MAX_REDIRECTS) throw new Error(`webhook at ${origin.host} redirected more than ${MAX_REDIRECTS} times`);
    target = next;
  }
}
