import { escapeHtml } from '../../platform/mail/layout';
import type { MailMessage } from '../../platform/mail/types';
import type { NotificationJson } from './presenter';
import { type Locale, MAIL_TEXT } from './texts';

export type NotificationMailInput = {
  to: string;
  name: string;
  accountId: number;
  locale: Locale;
  url: string;
  displayId: number;
  /** Oldest first. */
  items: NotificationJson[];
};

/**
 * One email for a batch of notifications of one conversation: the subject is the notification's
 * title (or how many there are), the body lists each one, and the button opens the conversation.
 */
export function notificationMail(input: NotificationMailInput): MailMessage {
  const t = MAIL_TEXT[input.locale];
  const subject = input.items.length === 1 ? input.items[0]!.push_message_title : t.manySubject(input.items.length, input.displayId);
  const lines = input.items.map((n) => (n.push_message_body ? `${n.push_message_title}\n  ${n.push_message_body}` : n.push_message_title));
  const text = `${t.greeting(input.name)}\n\n${t.intro}\n\n${lines.map((l) => `- ${l}`).join('\n')}\n\n${t.action}: ${input.url}\n\n${t.footer}\n`;
  const items = input.items
    .map(
      (n) =>
        `<li style="margin:0 0 12px"><strong>${escapeHtml(n.push_message_title)}</strong>` +
        (n.push_message_body ? `<br><span style="color:#4b5563">${escapeHtml(n.push_message_body)}</span>` : '') +
        '</li>',
    )
    .join('');
  const html =
    '<!doctype html><html><body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1f2937;line-height:1.5;padding:24px">' +
    `<div style="max-width:560px;margin:0 auto"><p style="margin:0 0 16px">${escapeHtml(t.greeting(input.name))}</p>` +
    `<p style="margin:0 0 16px">${escapeHtml(t.intro)}</p><ul style="padding-left:20px;margin:0 0 16px">${items}</ul>` +
    `<p style="margin:24px 0"><a href="${escapeHtml(input.url)}" style="background:#1f93ff;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(t.action)}</a></p>` +
    `<p style="margin:0 0 16px;font-size:13px;color:#6b7280">${escapeHtml(input.url)}</p>` +
    `<p style="margin:24px 0 0;font-size:13px;color:#6b7280">${escapeHtml(t.footer)}</p></div></body></html>`;
  return { to: input.to, subject, text, html, accountId: input.accountId };
}
