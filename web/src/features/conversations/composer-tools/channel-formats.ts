import type { Format } from './markdown-format';

/** Channels whose messages are Markdown (live chat, API, e-mail): their replies may be formatted and signed. */
const MARKDOWN_CHANNELS = new Set(['Channel::WebWidget', 'Channel::Api', 'Channel::Email']);

const MARKDOWN_FORMATS: Format[] = ['bold', 'italic', 'strike', 'code', 'bulletList', 'orderedList', 'link'];

/**
 * The formats a channel can deliver ("only what the channel supports").
 *
 * Replies are saved as Markdown, and Markdown has no underline: the website widget and API
 * clients render the stored Markdown, so an underline button there could only write raw `<u>`
 * tags that the widget (rightly) shows as text, or nothing at all. So live chat and API inboxes
 * get no underline button. Underline belongs to e-mail, whose outgoing HTML can carry `<u>`: it
 * will be offered there once e-mail replies are rendered to HTML with an extension beyond plain
 * Markdown; until then e-mail gets the same Markdown formats. SMS, WhatsApp and the other
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
