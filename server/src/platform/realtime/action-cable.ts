/**
 * ActionCable's JSON wire protocol, as `@rails/actioncable` clients (Chatwoot's dashboard, widget,
 * mobile app and SDKs) speak it over a websocket: frames in, frames out, nothing else.
 */

/** The sub-protocol those clients offer first (with `actioncable-unsupported` after it). */
export const ACTION_CABLE_PROTOCOL = 'actioncable-v1-json';

/** How often the server pings; clients reconnect after missing a few. */
export const PING_INTERVAL_MS = 3000;

/** A client frame worth acting on. Anything else (bad JSON, unknown command) is ignored. */
export type ClientCommand =
  | { command: 'subscribe'; identifier: string; params: Record<string, unknown> }
  | { command: 'unsubscribe'; identifier: string }
  | { command: 'message'; identifier: string; data: Record<string, unknown> };

export function parseClientFrame(raw: string): ClientCommand | undefined {
  const frame = parseObject(raw);
  if (!frame || typeof frame.identifier !== 'string') return undefined;
  const identifier = frame.identifier;
  switch (frame.command) {
    case 'subscribe': {
      const params = parseObject(identifier);
      return params ? { command: 'subscribe', identifier, params } : undefined;
    }
    case 'unsubscribe':
      return { command: 'unsubscribe', identifier };
    case 'message': {
      const data = typeof frame.data === 'string' ? parseObject(frame.data) : undefined;
      return data ? { command: 'message', identifier, data } : undefined;
    }
    default:
      return undefined;
  }
}

/** Chooses `actioncable-v1-json` when offered; no sub-protocol otherwise. */
export function chooseProtocol(offered: Set<string>): string | false {
  return offered.has(ACTION_CABLE_PROTOCOL) ? ACTION_CABLE_PROTOCOL : false;
}

export const welcomeFrame = (): string => '{"type":"welcome"}';

export const pingFrame = (now = Date.now()): string => `{"type":"ping","message":${Math.floor(now / 1000)}}`;

export const confirmFrame = (identifier: string): string => JSON.stringify({ identifier, type: 'confirm_subscription' });

export const rejectFrame = (identifier: string): string => JSON.stringify({ identifier, type: 'reject_subscription' });

/**
 * A message for one subscription. `identifierJson` and `messageJson` are serialised once and reused
 * for every subscriber of an event.
 */
export const messageFrame = (identifierJson: string, messageJson: string): string =>
  `{"identifier":${identifierJson},"message":${messageJson}}`;

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
