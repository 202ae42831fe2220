import type { Executor } from '../../db/client';
import { presentByDisplayId } from '../conversations/service';
import { MESSAGE_TYPE_NAME } from '../messages/presenter';

type Payload = Record<string, unknown>;

/**
 * Chatwoot's webhooks describe a message differently from its API and realtime events: the type
 * is a word (`"incoming"`), times are ISO strings, and the whole conversation comes along.
 * Integrations (WhatsApp bridges, automation tools) read exactly these fields.
 */
export async function messageWebhookData(db: Executor, accountId: number, message: Payload, account: { id: number; name: string }) {
  const conversationId = typeof message.conversation_id === 'number' ? message.conversation_id : undefined;
  const conversation = conversationId === undefined ? undefined : await presentByDisplayId(db, accountId, conversationId);
  const sender = message.sender && typeof message.sender === 'object' ? { ...(message.sender as Payload), account } : null;
  return {
    ...message,
    message_type: typeof message.message_type === 'number' ? (MESSAGE_TYPE_NAME[message.message_type] ?? message.message_type) : message.message_type,
    created_at: isoTime(message.created_at),
    updated_at: isoTime(message.updated_at),
    sender,
    ...(conversation ? { conversation } : {}),
  };
}

const isoTime = (seconds: unknown) => (typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : seconds);
