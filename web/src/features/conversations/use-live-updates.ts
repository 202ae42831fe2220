import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { publishLiveEvent } from '../../lib/live-events';
import { applyAgentPresence } from '../agents/agent-presence';
import { useCurrentAccount } from '../accounts/current-account';
import { dashboardAppKeys } from '../dashboard-apps/dashboard-apps-api';
import { CableConnection, cableUrl, type CableEvent } from './cable-connection';
import { conversationKeys } from './conversation-keys';
import type { ContactSummary, Conversation, Message } from './conversation-types';
import { fetchChangedConversations, LIST_PAGE_SIZE } from './conversations-api';
import { applyContact, applyConversation, applyMessage, applyPresence, applyTyping, type Presence } from './live-cache';

type TypingPayload = { conversation?: { id?: number }; user?: { id?: number; name?: string; available_name?: string; type?: string }; is_private?: boolean };

/** Resync looks back a little further than the last event, for clocks and in-flight commits. */
const RESYNC_MARGIN_SECONDS = 30;
/** A resync never pages through more than this many changed conversations; beyond it, lists reload. */
const RESYNC_MAX_PAGES = 8;

/**
 * Keeps every conversation cache current from `/cable` (RoomChannel, the user's pubsub token), and
 * after a reconnect asks the server what changed meanwhile (`updated_after`).
 */
export function useLiveUpdates(): { connected: boolean } {
  const client = useQueryClient();
  const { user, account } = useCurrentAccount();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const accountId = account.id;
    /** When the connection was last known good: a resync asks for what changed since then. */
    const lastGood = { at: Math.floor(Date.now() / 1000), connected: false };
    const handle = ({ event, data }: CableEvent) => {
      publishLiveEvent({ event, data });
      switch (event) {
        case 'message.created':
        case 'message.updated':
          applyMessage(client, accountId, user.id, data as Message);
          break;
        case 'conversation.created':
        case 'conversation.updated':
        case 'conversation.status_changed':
        case 'conversation.read':
        case 'assignee.changed':
        case 'team.changed':
        case 'conversation.mentioned':
          applyConversation(client, accountId, user.id, data as Conversation);
          void client.invalidateQueries({ queryKey: conversationKeys.participants(accountId, (data as Conversation).id) });
          break;
        case 'conversation.typing_on':
        case 'conversation.typing_off': {
          const payload = data as TypingPayload;
          const conversationId = payload.conversation?.id;
          if (!conversationId || !payload.user?.id) break;
          applyTyping(
            client,
            accountId,
            conversationId,
            {
              id: payload.user.id,
              name: payload.user.available_name ?? payload.user.name ?? '',
              type: payload.user.type === 'contact' ? 'contact' : 'user',
              isPrivate: payload.is_private === true,
            },
            event === 'conversation.typing_on',
          );
          break;
        }
        case 'presence.update':
          applyPresence(client, accountId, data as Presence);
          applyAgentPresence(client, accountId, (data as Presence).users ?? {});
          break;
        case 'contact.updated':
        case 'contact.merged':
          if (typeof (data as { id?: unknown }).id === 'number') applyContact(client, accountId, data as ContactSummary);
          void client.invalidateQueries({ queryKey: ['accounts', accountId, 'contacts'] });
          break;
        case 'contact.deleted':
          void client.invalidateQueries({ queryKey: ['accounts', accountId, 'contacts'] });
          break;
        case 'dashboard_app.changed':
          void client.invalidateQueries({ queryKey: dashboardAppKeys.all(accountId) });
          break;
      }
    };

    const resync = async () => {
      const since = lastGood.at - RESYNC_MARGIN_SECONDS;
      for (let page = 1; page <= RESYNC_MAX_PAGES; page += 1) {
        const { data } = await fetchChangedConversations(accountId, since, page);
        for (const conversation of data.payload) {
          applyConversation(client, accountId, user.id, conversation);
          void client.invalidateQueries({ queryKey: conversationKeys.messages(accountId, conversation.id) });
        }
        if (data.payload.length < LIST_PAGE_SIZE) return;
      }
      void client.invalidateQueries({ queryKey: conversationKeys.lists(accountId) });
    };

    const connection = new CableConnection(
      cableUrl(),
      { channel: 'RoomChannel', pubsub_token: user.pubsub_token, account_id: accountId, user_id: user.id },
      {
        onEvent: handle,
        onSubscribed: (resumed) => {
          if (resumed) {
            resync().catch(() => void client.invalidateQueries({ queryKey: conversationKeys.all(accountId) }));
          }
        },
        onStateChange: (now) => {
          if (lastGood.connected && !now) lastGood.at = Math.floor(Date.now() / 1000);
          lastGood.connected = now;
          setConnected(now);
        },
      },
    );
    connection.start();
    return () => connection.stop();
  }, [client, account.id, user.id, user.pubsub_token]);

  return { connected };
}
