import type { MailMessage } from './types';

export type MailLocale = 'pt_BR' | 'en';

/** Mail is written in the recipient's language: Portuguese for any `pt*` locale, English otherwise. */
export function mailLocale(...candidates: (string | null | undefined)[]): MailLocale {
  const first = candidates.find((c) => typeof c === 'string' && c.length > 0);
  if (!first) return 'pt_BR';
  return first.toLowerCase().startsWith('pt') ? 'pt_BR' : 'en';
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A plain, readable HTML body: paragraphs and one call-to-action link. */
export function renderHtml(paragraphs: string[], action: { label: string; url: string }, footer: string): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join('');
  return (
    '<!doctype html><html><body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1f2937;line-height:1.5;padding:24px">' +
    `<div style="max-width:560px;margin:0 auto">${body}` +
    `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:#1f93ff;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>` +
    `<p style="margin:0 0 16px;font-size:13px;color:#6b7280">${escapeHtml(action.url)}</p>` +
    `<p style="margin:24px 0 0;font-size:13px;color:#6b7280">${escapeHtml(footer)}</p></div></body></html>`
  );
}

/** The words of a mail that asks its reader to follow one link. */
export type ActionMailText = { subject: string; greeting: string; body: string; action: string; footer: string };

/** A mail asking its reader to follow one link: plain text and HTML saying the same. */
export function actionMail(to: string, text: ActionMailText, url: string, accountId: number | null): MailMessage {
  return {
    to,
    subject: text.subject,
    text: `${text.greeting}\n\n${text.body}\n\n${url}\n\n${text.footer}\n`,
    html: renderHtml([text.greeting, text.body], { label: text.action, url }, text.footer),
    accountId,
  };
}
