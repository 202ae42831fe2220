import type { AppContext } from '../../context';
import { escapeHtml, mailLocale } from '../../platform/mail/layout';
import * as accounts from '../accounts/service';
import * as messages from '../messages/service';
import type { Member } from './member';
import { contactInboxOf, findForMember, type ConversationRow } from './service';

const TEXT = {
  pt_BR: { subject: (id: number, account: string) => `Transcrição da conversa #${id} — ${account}`, agent: 'Atendente', contact: 'Cliente', attachment: '[anexo]' },
  en: { subject: (id: number, account: string) => `Transcript of conversation #${id} — ${account}`, agent: 'Agent', contact: 'Customer', attachment: '[attachment]' },
};

const BATCH = 500;

/** Emails the conversation's whole public history (no private notes, no activity lines) to an address. */
export async function sendTranscript(ctx: AppContext, member: Member, displayId: number, email: string): Promise<void> {
  await emailTranscript(ctx, await findForMember(ctx.db, member, displayId), email);
}

/** Emails a conversation's public history (the widget sends the visitor's own). */
export async function emailTranscript(ctx: AppContext, conversation: ConversationRow, email: string): Promise<void> {
  const account = await accounts.getAccount(ctx.db, conversation.accountId);
  const t = TEXT[mailLocale(account?.locale)];
  const timeZone = 'America/Sao_Paulo';
  const format = new Intl.DateTimeFormat(mailLocale(account?.locale) === 'pt_BR' ? 'pt-BR' : 'en-US', { dateStyle: 'short', timeStyle: 'short', timeZone });
  const contactInbox = await contactInboxOf(ctx.db, conversation);
  const lines: { when: string; who: string; text: string; link?: string | undefined }[] = [];
  let after: number | undefined;
  for (;;) {
    const rows = await messages.listMessageRows(ctx.db, conversation.id, { after: after ?? 0 }, BATCH, { includePrivate: false, includeActivity: false });
    if (rows.length === 0) break;
    for (const message of await messages.presentMessages(ctx.db, conversation, contactInbox?.sourceId ?? null, rows)) {
      const sender = message.sender as { name?: string } | null;
      const who = sender?.name ?? (message.message_type === 0 ? t.contact : t.agent);
      const text = message.content ?? (message.attachments.length > 0 ? t.attachment : '');
      // A CSAT survey can be answered from the mail too: its public page.
      const link = message.content_type === 'input_csat' ? `${ctx.config.frontendUrl}/survey/responses/${conversation.uuid}` : undefined;
      lines.push({ when: format.format(new Date(message.created_at * 1000)), who, text, link });
    }
    after = rows.at(-1)!.id;
    if (rows.length < BATCH) break;
  }
  const subject = t.subject(conversation.displayId, account?.name ?? '');
  await ctx.transaction((tx) =>
    ctx.mailer.queue(tx, {
      to: email,
      subject,
      text: lines.map((l) => `[${l.when}] ${l.who}: ${l.text}${l.link ? ` ${l.link}` : ''}`).join('\n') + '\n',
      html:
        `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5"><h2>${escapeHtml(subject)}</h2>` +
        lines
          .map((l) => `<p><span style="color:#6b7280">${escapeHtml(l.when)}</span> <strong>${escapeHtml(l.who)}</strong><br>${escapeHtml(l.text).replace(/\n/g, '<br>')}${l.link ? `<br><a href="${escapeHtml(l.link)}">${escapeHtml(l.link)}</a>` : ''}</p>`)
          .join('') +
        '</body></html>',
      accountId: conversation.accountId,
    }),
  );
}
