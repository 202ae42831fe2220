/** What the app asks for when it wants the context again (Chatwoot's dashboard-app protocol). */
export const FETCH_INFO_REQUEST = 'chatwoot-dashboard-app:fetch-info';

export type CurrentAgent = { id: number; name: string; email: string };

/** The message an app receives: the open conversation and contact in their API shapes, and the agent. */
export type AppContextMessage = {
  event: 'appContext';
  data: { conversation: unknown; contact: unknown; currentAgent: CurrentAgent };
};

export function appContextMessage(conversation: unknown, contact: unknown, agent: CurrentAgent): AppContextMessage {
  return { event: 'appContext', data: { conversation, contact, currentAgent: { id: agent.id, name: agent.name, email: agent.email } } };
}

/**
 * The origin to post to: only the app's own page may read what it is sent, so a frame that
 * navigated elsewhere gets nothing. `undefined` for anything but an http(s) URL.
 */
export function appOrigin(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
}

/**
 * Whether the app may be embedded here. The frame needs `allow-scripts` and `allow-same-origin`
 * (apps keep sessions and call their own APIs), and that pair lets a page from the dashboard's own
 * origin lift its sandbox and act as the signed-in agent; so an app on the dashboard's origin is
 * not embedded.
 */
export function canEmbed(url: string, dashboardOrigin: string): boolean {
  const origin = appOrigin(url);
  return origin !== undefined && origin !== dashboardOrigin;
}

/** Whether a `message` event is the app asking for the context again. */
export const isFetchInfoRequest = (data: unknown) => data === FETCH_INFO_REQUEST;
