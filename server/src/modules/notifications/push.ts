import webpush from 'web-push';
import type { AppContext } from '../../context';
import type { Executor } from '../../db/client';
import { invalidField } from '../../platform/errors';
import type { StoredEvent } from '../../platform/outbox/types';
import { resolveVapidKeys, type VapidKeys } from '../installation/service';
import * as repository from './repository';
import type { SubscriptionRow } from './repository';
import { presentRows } from './service';

const keysByContext = new WeakMap<AppContext, Promise<VapidKeys>>();

/** The installation's VAPID keys (generated and stored the first time). */
export function vapidKeys(ctx: AppContext): Promise<VapidKeys> {
  let keys = keysByContext.get(ctx);
  if (!keys) {
    keys = resolveVapidKeys(ctx.db, () => webpush.generateVAPIDKeys());
    keysByContext.set(ctx, keys);
    keys.catch(() => keysByContext.delete(ctx));
  }
  return keys;
}

/** Who push services may contact about our pushes: the sender address, else the site. */
function vapidSubject(ctx: AppContext): string {
  const address = /<([^>]+)>/.exec(ctx.config.mailFrom)?.[1] ?? ctx.config.mailFrom;
  if (/^[^\s@]+@[^\s@]+$/.test(address.trim())) return `mailto:${address.trim()}`;
  return ctx.config.frontendUrl.startsWith('https://') ? ctx.config.frontendUrl : 'mailto:admin@rockethub.invalid';
}

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;
const decodedLength = (value: string) => Buffer.from(value, 'base64url').length;

export type SubscriptionInput = { endpoint: string; p256dh: string; auth: string };

/** Checks a browser's PushSubscription: an https endpoint, a P-256 public key and a 16-byte secret. */
export function checkSubscription(ctx: AppContext, input: SubscriptionInput): SubscriptionInput {
  const field = (name: string) => `subscription_attributes.${name}`;
  let url: URL;
  try {
    url = new URL(input.endpoint);
  } catch {
    throw invalidField(field('endpoint'), 'is not a URL', 'invalid');
  }
  if (url.protocol !== 'https:' && !(ctx.config.webPushAllowHttp && url.protocol === 'http:')) {
    throw invalidField(field('endpoint'), 'must be an https URL', 'invalid');
  }
  if (url.username || url.password) throw invalidField(field('endpoint'), 'must not carry credentials', 'invalid');
  if (!BASE64URL.test(input.p256dh) || decodedLength(input.p256dh) !== 65 || Buffer.from(input.p256dh, 'base64url')[0] !== 4) {
    throw invalidField(field('p256dh'), 'is not an uncompressed P-256 public key (base64url)', 'invalid');
  }
  if (!BASE64URL.test(input.auth) || decodedLength(input.auth) !== 16) {
    throw invalidField(field('auth'), 'is not a 16-byte secret (base64url)', 'invalid');
  }
  return input;
}

export function presentSubscription(row: SubscriptionRow) {
  return {
    id: row.id,
    user_id: row.userId,
    subscription_type: row.subscriptionType,
    subscription_attributes: { endpoint: row.endpoint, p256dh: row.p256dh, auth: row.auth },
    identifier: row.endpoint,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export async function subscribe(ctx: AppContext, userId: number, input: SubscriptionInput) {
  const checked = checkSubscription(ctx, input);
  const row = await ctx.transaction((tx) => repository.upsertSubscription(tx, { userId, ...checked }));
  return presentSubscription(row);
}

export async function unsubscribe(ctx: AppContext, userId: number, endpoint: string): Promise<boolean> {
  return ctx.transaction((tx) => repository.deleteSubscriptionOfUser(tx, userId, endpoint));
}

export async function listSubscriptions(db: Executor, userId: number) {
  return (await repository.listSubscriptions(db, [userId])).map(presentSubscription);
}

/** A push service's answer meaning "this subscription is gone". */
const GONE = new Set([404, 410]);

/**
 * Sends one notification to one browser subscription (event `notification.push_requested`):
 * encrypted (aes128gcm) and signed (VAPID) by web-push. A subscription the push service says is
 * gone is removed; a notification read or deleted meanwhile is not pushed; other failures retry.
 */
export async function deliverPush(ctx: AppContext, event: StoredEvent): Promise<void> {
  const p = event.payload;
  if (typeof p.subscription_id !== 'number' || typeof p.notification_id !== 'number' || event.accountId === null) return;
  const subscription = await repository.findSubscription(ctx.db, p.subscription_id);
  if (!subscription) return;
  const notification = await repository.findNotification(ctx.db, subscription.userId, event.accountId, p.notification_id);
  if (!notification || notification.readAt) return;
  const [json] = await presentRows(ctx.db, subscription.userId, event.accountId, [notification]);
  if (!json) return;
  const url = `${ctx.config.frontendUrl}/app/accounts/${json.account_id}/conversations/${json.primary_actor_id}`;
  const payload = JSON.stringify({
    title: json.push_message_title,
    body: json.push_message_body,
    tag: `${json.notification_type}_${json.primary_actor_id}_${json.id}`,
    url,
    notification_id: json.id,
    notification_type: json.notification_type,
    account_id: json.account_id,
    conversation_id: json.primary_actor_id,
  });
  const keys = await vapidKeys(ctx);
  const request = webpush.generateRequestDetails({ endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } }, payload, {
    vapidDetails: { subject: vapidSubject(ctx), publicKey: keys.publicKey, privateKey: keys.privateKey },
    contentEncoding: 'aes128gcm',
    TTL: 24 * 3600,
    urgency: 'high',
  });
  // web-push encrypts and signs; the request itself goes through fetch (no redirects, a timeout).
  const response = await fetch(request.endpoint, {
    method: 'POST',
    headers: Object.fromEntries(Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== 'content-length')),
    body: request.body ?? null,
    redirect: 'manual',
    signal: AbortSignal.timeout(10_000),
  });
  await response.arrayBuffer().catch(() => undefined);
  if (response.status >= 200 && response.status < 300) return;
  if (GONE.has(response.status)) {
    await repository.deleteSubscription(ctx.db, subscription.id);
    return;
  }
  if (response.status === 429 || response.status >= 500) throw new Error(`push service answered ${response.status}`);
  // Any other answer (400 bad request, 413 too large, a redirect) will not change on retry.
  ctx.log.warn({ status: response.status, subscriptionId: subscription.id }, 'push service refused a notification');
}
