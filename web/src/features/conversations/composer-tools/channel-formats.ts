import type { Format } from './markdown-format';

/** Channels whose messages are Markdown (live chat, API, e-mail): their replies may be formatted and signed. */
const MARKDOWN_CHANNELS = new Set(['Channel::WebWidget', 'Channel::Api', 'Channel::Email']);

const MARKDOWN_FORMATS: Format[] = ['bold', 'italic', 'strike', 'code', 'bulletList', 'orderedList', 'link'];

/**
 * The formats a channel can deliver. Markdown has no underline, and SMS, WhatsApp and the other
 * messaging channels get plain text, so their reply box shows no formatting buttons.
 */
export function formatsFor(channelType: string | null | undefined): Format[] {
  return MARKDOWN_CHANNELS.has(channelType ?? '') ? MARKDOWN_FORMATS : [];
}

/** The guide: the signature is supported in live chat, e-mail and API inboxes. */
export const supportsSignature = (channelType: string | null | undefined) => MARKDOWN_CHANNELS.has(channelType ?? '');

/** The agent's signature below the reply, separated the way e-mail signatures are. */
export function withSignature(content: string, signature: string | null | undefined): string {
  const sign = signature?.trim();
  if (!sign) return content;
  if (content.trimEnd().endsWith(sign)) return content;
  return `${content}\n\n--\n${sign}`;
}
