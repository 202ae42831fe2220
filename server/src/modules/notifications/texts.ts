import type { NotificationType } from '../../db/schema';
import { type MailLocale, mailLocale } from '../../platform/mail/layout';

export type Locale = MailLocale;

/** Portuguese for any `pt*` locale, English otherwise (the user's UI language, else the account's). */
export const localeOf = (...candidates: (string | null | undefined)[]): Locale => mailLocale(...candidates);

type Title = (n: { displayId: number; inbox: string }) => string;

/** What each notification says, in the recipient's language (push title, email subject, list line). */
export const TITLES: Record<Locale, Record<NotificationType, Title>> = {
  pt_BR: {
    conversation_creation: (n) => `Nova conversa #${n.displayId} criada em ${n.inbox}`,
    conversation_assignment: (n) => `A conversa #${n.displayId} foi atribuída a você`,
    conversation_mention: (n) => `Você foi mencionado na conversa #${n.displayId}`,
    assigned_conversation_new_message: (n) => `Nova mensagem na conversa #${n.displayId}, atribuída a você`,
    participating_conversation_new_message: (n) => `Nova mensagem na conversa #${n.displayId}, da qual você participa`,
    sla_missed_first_response: (n) => `A conversa #${n.displayId} perdeu o SLA de primeira resposta`,
    sla_missed_next_response: (n) => `A conversa #${n.displayId} perdeu o SLA de próxima resposta`,
    sla_missed_resolution: (n) => `A conversa #${n.displayId} perdeu o SLA de resolução`,
  },
  en: {
    conversation_creation: (n) => `New conversation #${n.displayId} created in ${n.inbox}`,
    conversation_assignment: (n) => `Conversation #${n.displayId} was assigned to you`,
    conversation_mention: (n) => `You were mentioned in conversation #${n.displayId}`,
    assigned_conversation_new_message: (n) => `New message in conversation #${n.displayId}, assigned to you`,
    participating_conversation_new_message: (n) => `New message in conversation #${n.displayId}, which you take part in`,
    sla_missed_first_response: (n) => `Conversation #${n.displayId} missed its first response SLA`,
    sla_missed_next_response: (n) => `Conversation #${n.displayId} missed its next response SLA`,
    sla_missed_resolution: (n) => `Conversation #${n.displayId} missed its resolution SLA`,
  },
};

/** The email that gathers a (user, conversation) batch. */
export const MAIL_TEXT = {
  pt_BR: {
    manySubject: (count: number, displayId: number) => `${count} novas notificações na conversa #${displayId}`,
    greeting: (name: string) => `Olá, ${name}!`,
    intro: 'Há novidades numa conversa do RocketHub:',
    action: 'Abrir a conversa',
    footer: 'Você recebe este e-mail pelas suas preferências de notificação (Configurações de Perfil).',
    contact: 'Cliente',
  },
  en: {
    manySubject: (count: number, displayId: number) => `${count} new notifications in conversation #${displayId}`,
    greeting: (name: string) => `Hi ${name},`,
    intro: 'There is news in a RocketHub conversation:',
    action: 'Open the conversation',
    footer: 'You get this email because of your notification preferences (Profile Settings).',
    contact: 'Customer',
  },
} as const;

/** A short one-line preview of a text (push bodies, email lines). */
export function preview(text: string, max = 160): string {
  const flat = text
    .replace(/\[([^\]]*)\]\(mention:\/\/[^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
