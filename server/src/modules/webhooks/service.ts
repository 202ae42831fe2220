import type { AppContext } from '../../context';
import type { Executor } from '../../db/client';
import type { DispatchMemo, StoredEvent } from '../../platform/outbox/types';
import * as accounts from '../accounts/service';
import * as inboxes from '../inboxes/service';
import { postSigned } from './delivery';
import { messageWebhookData } from './webhook-payload';

/** The domain events an API inbox's webhook receives (Chatwoot's webhook names use underscores). */
export const WEBHOOK_EVENTS = [
  'conversation.created',
  'conversation.updated',
  'conversation.status_changed',
  'message.created',
  'message.updated',
] as const;

/** Activity lines ("assigned to…") are not sent, as in Chatwoot. */
const isActivityMessage = (payload: Record<string, unknown>) => payload.message_type === 2 || payload.message_type === 'activity';

/** Where an event goes: the webhook of its API inbox, if it has one (activity lines never go). */
export async function webhookTarget(db: Executor, event: StoredEvent, memo?: DispatchMemo) {
  const inboxId = event.payload.inbox_id;
  if (event.accountId === null || typeof inboxId !== 'number') return undefined;
  if (event.name.startsWith('message.') && isActivityMessage(event.payload)) return undefined;
  const accountId = event.accountId;
  const find = () => inboxes.findInbox(db, accountId, inboxId);
  const inbox = await (memo ? memo(`inbox:${inboxId}`, find) : find());
  const url = inbox?.channelConfig.webhook_url;
  if (!inbox || inbox.channelType !== 'api' || typeof url !== 'string' || url === '') return undefined;
  return { inbox, url };
}

/**
 * Sends an event of an API inbox to the inbox's `webhook_url`: `{event, ...payload}`, plus the
 * `account` and `inbox` ({id, name}) Chatwoot's webhook payloads carry. Events of other inboxes,
 * of web widgets, or of an inbox without a URL are dropped.
 */
export async function deliverApiInboxWebhook(ctx: AppContext, event: StoredEvent): Promise<void> {
  const target = await webhookTarget(ctx.db, event);
  if (!target || event.accountId === null) return;
  const { inbox, url } = target;
  const accountRow = await accounts.getAccount(ctx.db, event.accountId);
  const account = { id: event.accountId, name: accountRow?.name ?? '' };
  const name = event.name.replace('.', '_');
  const data = event.name.startsWith('message.') ? await messageWebhookData(ctx.db, event.accountId, event.payload, account) : event.payload;
  const body = JSON.stringify({ event: name, account, inbox: { id: inbox.id, name: inbox.name }, ...data });
  await postSigned({
    url,
    body,
    secret: inbox.hmacToken,
    headers: {
      'user-agent': `RocketHub-Webhooks/${ctx.version}`,
      'x-rockethub-event': name,
      'x-rockethub-delivery': String(event.id),
    },
  });
}
