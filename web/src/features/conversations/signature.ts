/** Inboxes whose replies carry the agent's signature (the guide: live chat, email and API inboxes). */
const SIGNATURE_CHANNELS = new Set(['Channel::WebWidget', 'Channel::Email', 'Channel::Api']);

export const signatureApplies = (channel: string | null | undefined, signature: string | null | undefined): boolean =>
  Boolean(signature?.trim()) && channel !== null && channel !== undefined && SIGNATURE_CHANNELS.has(channel);

/** The reply as sent: the agent's text, a blank line, then the signature (Markdown, image included). */
export const withSignature = (content: string, signature: string): string => `${content}\n\n${signature.trim()}`;
